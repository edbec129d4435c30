import Foundation
import MarkdownRendering
import NoticeComparison
import NoticeModel
import Support

/// A built site kept in memory so that a change to one notice rewrites only what depends on it:
/// that notice's pages, the notice of the next year that compares itself with it, and the pages
/// that list notices. The search index is rebuilt separately (`refreshSearchIndex`), when the
/// editing pauses, since it reads every notice.
///
/// Every update is checked completely before anything is written, so a content error leaves the
/// last good site exactly as it was.
public final class LiveSite {
    public struct Update: Sendable {
        /// Notices whose pages were rewritten, by id.
        public var rewritten: [String]
        /// The addresses (`/series/x/`) of the listing pages rewritten after them.
        public var listingPages: [String]
        public var pagesWritten: Int
        public var diagnostics: [Diagnostic]
        /// Whether the search index lags behind the pages until `refreshSearchIndex`.
        public var searchIndexStale: Bool
        /// Milliseconds spent reading and checking, on the notices' own pages, and on the listings.
        public var timings: (load: Int, notices: Int, listings: Int)
    }

    let builder: SiteBuilder
    public var options: SiteBuilder.Options { builder.options }
    private var content: Content?
    private var theme: Theme?
    /// Diagnostics by notice folder (`""` for the site-wide ones), so a fixed notice's warnings go away.
    private var diagnostics: [String: [Diagnostic]] = [:]

    public init(options: SiteBuilder.Options) {
        builder = SiteBuilder(options: options)
    }

    public var noticeCount: Int { content?.notices.count ?? 0 }

    /// Builds everything (into a staging folder, swapped in only on success).
    public func rebuildAll() throws(SiteBuilder.Failure) -> SiteBuilder.Report {
        let built = try builder.buildKeeping()
        content = built.content
        theme = built.theme
        diagnostics = Dictionary(grouping: built.report.diagnostics) { folder(of: $0.file) }
        return built.report
    }

    /// Re-reads the given notice folders (names under `notices/`; a folder that is gone removes
    /// its notice) and rewrites what depends on them.
    /// `noticePagesWritten` is called with the addresses (`/2024/x/`) of the notices' own pages as
    /// soon as they are written, before the listings, so an open notice page can reload at once.
    public func update(noticeFolders folders: Set<String>, noticePagesWritten: ([String]) -> Void = { _ in }) throws(SiteBuilder.Failure) -> Update {
        guard var content, let theme else {
            _ = try rebuildAll()
            return Update(rewritten: [], listingPages: [], pagesWritten: 0, diagnostics: allDiagnostics, searchIndexStale: false, timings: (0, 0, 0))
        }
        let clock = ContinuousClock()
        let started = clock.now
        var notices = content.notices
        var newDiagnostics = diagnostics
        var changed: [Notice] = []
        var texts: [String: RenderedMarkdown] = [:]   // rendered for the anchor check, written as they are
        var removed: [Notice] = []
        var log = DiagnosticLog()
        for folder in folders.sorted() {
            let directory = "notices/\(folder)"
            let previous = notices.first { $0.directory == directory }
            notices.removeAll { $0.directory == directory }
            let loaded = ContentLoader.loadNotice(folder: folder, from: options.contentDirectory, displayRoot: options.contentDisplayPath,
                                                  taxonomy: content.taxonomy)
            var noticeLog = DiagnosticLog()
            noticeLog.append(contentsOf: loaded.diagnostics)
            if let notice = loaded.notice {
                if let other = notices.first(where: { $0.id == notice.id }) {
                    noticeLog.error(SourceLocation(file: notice.dataPath, line: 1, column: 1),
                                    Message("build.duplicateID", ["id": notice.id, "other": other.dataPath]), hint: Message("build.duplicateID.hint"))
                }
                let markdown = notice.renderText()
                texts[notice.id] = markdown
                noticeLog.append(contentsOf: SiteBuilder.anchorDiagnostics(notice, markdown))
                notices.append(notice)
                changed.append(notice)
            }
            if let previous, loaded.notice?.id != previous.id || Routes.notice(previous) != loaded.notice.map(Routes.notice) {
                removed.append(previous)
            }
            newDiagnostics[directory] = noticeLog.all.isEmpty ? nil : noticeLog.all
            log.append(contentsOf: noticeLog.all)
        }
        let allNew = newDiagnostics.values.flatMap { $0 }
        if allNew.contains(where: { $0.severity == .error }) {
            throw SiteBuilder.Failure(diagnostics: DiagnosticLog.sortedDiagnostics(allNew))
        }

        content = Content(site: content.site, taxonomy: content.taxonomy, notices: notices, calendar: content.calendar)
        // The notice of the year after compares itself with a changed one: its page changes too.
        let touched = changed + removed
        let predecessors = NoticeComparison.Predecessors(content.notices + removed)
        let successors = content.notices.filter { notice in
            !changed.contains { $0.id == notice.id }
                && touched.contains { $0.year == notice.year - 1 }
                && predecessors.of(notice).map { previous in touched.contains { $0.id == previous.id } } == true
        }
        let output = OutputFolder(updating: options.outputDirectory)
        let writer = SiteWriter(content: content, theme: theme, output: output, routes: Routes())
        var pages = 0
        let loaded = clock.now
        var noticesWritten = loaded
        var listingPages: [String] = []
        do {
            for notice in removed {
                try? FileManager.default.removeItem(at: options.outputDirectory.appendingPathComponent(Routes.notice(notice)))
            }
            for notice in changed { pages += try writer.writeNoticePages(notice, text: texts[notice.id]) }
            noticesWritten = clock.now
            let ownPages = output.writtenPaths
            noticePagesWritten(Self.addresses(ownPages) + removed.map { "/" + Routes.notice($0) })
            for notice in successors { pages += try writer.writeNoticePages(notice) }
            pages += try writer.writeListingPages(showing: changed + removed)
            listingPages = Self.addresses(Array(output.writtenPaths.dropFirst(ownPages.count)))
        } catch {
            throw SiteBuilder.Failure(diagnostics: [SiteBuilder.writeFailure(error, output: options.outputDirectory)])
        }
        self.content = content
        diagnostics = newDiagnostics
        func ms(_ from: ContinuousClock.Instant, _ to: ContinuousClock.Instant) -> Int { (to - from).wholeMilliseconds }
        return Update(rewritten: (changed + successors).map(\.id), listingPages: listingPages, pagesWritten: pages,
                      diagnostics: allDiagnostics, searchIndexStale: true,
                      timings: (ms(started, loaded), ms(loaded, noticesWritten), ms(noticesWritten, clock.now)))
    }

    /// The search index of the site as it is now, to be written off the rebuild path: it reads
    /// every notice, so `serve` runs it in the background once the editing pauses.
    public func searchIndexJob() -> SearchIndexJob? {
        guard let content, let theme else { return nil }
        return SearchIndexJob(content: content, theme: theme, outputDirectory: options.outputDirectory,
                              routes: Routes())
    }

    /// `2024/x/index.html` → `/2024/x/`: the address a browser shows for a page.
    static func addresses(_ files: [String]) -> [String] {
        files.filter { $0.hasSuffix(".html") }.map { "/" + ($0.hasSuffix("index.html") ? String($0.dropLast("index.html".count)) : $0) }
    }

    public var allDiagnostics: [Diagnostic] { DiagnosticLog.sortedDiagnostics(diagnostics.values.flatMap { $0 }) }

    /// `content/notices/2024-x/notice.yml` → `notices/2024-x`; anything else → "".
    private func folder(of file: String) -> String {
        let root = options.contentDisplayPath.hasSuffix("/") ? options.contentDisplayPath : options.contentDisplayPath + "/"
        guard file.hasPrefix(root + "notices/") else { return "" }
        let parts = file.dropFirst(root.count).split(separator: "/")
        return parts.count >= 2 ? "notices/\(parts[1])" : ""
    }
}

/// Writes the search index, sitemap and feed of one state of the site into its output folder and
/// removes index files that state no longer has. It touches no page, so pages can be rewritten meanwhile.
public struct SearchIndexJob: Sendable {
    let content: Content
    let theme: Theme
    let outputDirectory: URL
    let routes: Routes

    /// `shouldStop` is asked between notices: `serve` stops the job when the office saves again.
    public func run(shouldStop: @escaping () -> Bool = { false }) throws {
        let searchFolder = outputDirectory.appendingPathComponent("search")
        let before = Set(regularFiles(under: searchFolder))
        let output = OutputFolder(updating: outputDirectory)
        let writer = SiteWriter(content: content, theme: theme, output: output, routes: routes)
        try writer.writeSearchIndex(shouldStop: shouldStop)
        try writer.writeFeeds()
        let written = Set(output.writtenPaths.filter { $0.hasPrefix("search/") }.map { String($0.dropFirst("search/".count)) })
        for stale in before.subtracting(written) where stale != "index.html" {
            try? FileManager.default.removeItem(at: searchFolder.appendingPathComponent(stale))
        }
    }
}
