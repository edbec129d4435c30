import Foundation
import MarkdownRendering
import NoticeComparison
import NoticeModel
import Support

/// A built site kept in memory so that a change to one notice rewrites only what depends on it:
/// the pages of the site graph whose inputs hold that notice (its own pages, the notice of the
/// next year that compares itself with it, the pages that list it) or whose set of inputs changed,
/// and removes the files of pages that are gone. `LiveSiteRebuildTests` holds the result to a full
/// build, byte for byte. The search index is rebuilt separately (`searchIndexJob`), when the
/// editing pauses, since it reads every notice.
///
/// Every update is checked completely before anything is written, so a content error leaves the
/// last good site exactly as it was.
public final class LiveSite {
    public struct Update: Sendable {
        /// Notices whose pages were rewritten, by id.
        public var rewritten: [String]
        /// The addresses (`/series/x/`, `/2025/x/`) of the pages rewritten after the changed notices'
        /// own: listings, and the pages of the notices that compare themselves with a changed one.
        public var listingPages: [String]
        public var pagesWritten: Int
        public var diagnostics: [Diagnostic]
        /// Whether the search index lags behind the pages until `searchIndexJob` runs.
        public var searchIndexStale: Bool
        /// Milliseconds spent reading and checking, on the notices' own pages, and on the listings.
        public var timings: (load: Int, notices: Int, listings: Int)
        /// The addresses (`/2024/x/`) of the changed notices' own pages, those of a removed notice
        /// included: written first, so that an open notice page can reload before the rest.
        public var ownPages: [String] = []
        /// Whether the whole site was built again instead (after a refused full build, or for a
        /// folder proposing taxonomy entries): every page changed.
        public var rebuiltAll = false
    }

    let builder: SiteBuilder
    public var options: SiteBuilder.Options { builder.options }
    private var graph: SiteGraph?
    private var theme: Theme?
    /// Diagnostics by notice folder (`""` for the site-wide ones), so a fixed notice's warnings go away.
    private var diagnostics: [String: [Diagnostic]] = [:]
    /// Notice folders of saves that were refused (an error): read again with the next save, so a
    /// refused change is not forgotten (a folder renamed, a notice still broken while another is saved).
    private var refusedFolders: Set<String> = []
    /// Whether the last full build was refused: the site-wide files it read (taxonomy, site) are
    /// not those the kept site was built from, so the next save builds everything again.
    private var fullBuildRefused = false
    /// What the last `writeOwnPages` left for `writeListings`.
    private var pending: PendingListings?

    public init(options: SiteBuilder.Options) {
        builder = SiteBuilder(options: options)
    }

    public var noticeCount: Int { graph?.content.notices.count ?? 0 }

    /// Builds everything (into a staging folder, swapped in only on success).
    public func rebuildAll() throws(SiteBuilder.Failure) -> SiteBuilder.Report {
        pending = nil   // a full build writes every page
        let built: SiteBuilder.Built
        do {
            built = try builder.buildKeeping()
        } catch {
            fullBuildRefused = true
            throw error
        }
        fullBuildRefused = false
        refusedFolders = []
        graph = built.graph
        theme = built.theme
        diagnostics = Dictionary(grouping: built.report.diagnostics) { folder(of: $0.file) }
        return built.report
    }

    /// Re-reads the given notice folders (names under `notices/`; a folder that is gone removes
    /// its notice) and rewrites what depends on them, in three steps `serve` takes one at a time
    /// so that an open page can reload between them: `writeOwnPages`, `writeHomePage`, `writeListings`.
    public func update(noticeFolders folders: Set<String>) throws(SiteBuilder.Failure) -> Update {
        let first = try writeOwnPages(noticeFolders: folders)
        return try writeListings() ?? first
    }

    /// The first step of `update`: reads and checks the folders, then writes the changed notices'
    /// own pages (`Update.ownPages`) and leaves the home page and the other listings to the next
    /// steps. Anything a previous call left unwritten is written first.
    public func writeOwnPages(noticeFolders folders: Set<String>) throws(SiteBuilder.Failure) -> Update {
        try writeListings()
        // A folder holding a taxonomy proposal (`import`, `new`) adds series or specialties: only a
        // full build merges it into the taxonomy.
        let proposes = folders.contains { folder in
            FileManager.default.fileExists(atPath: options.contentDirectory.appendingPathComponent("notices/\(folder)/taxonomy-proposal.yml").path)
        }
        guard let graph, let theme, !fullBuildRefused, !proposes else {
            _ = try rebuildAll()
            return Update(rewritten: [], listingPages: [], pagesWritten: 0, diagnostics: allDiagnostics, searchIndexStale: false, timings: (0, 0, 0),
                          rebuiltAll: true)
        }
        let content = graph.content
        let clock = ContinuousClock()
        let started = clock.now
        var notices = content.notices
        var newDiagnostics = diagnostics
        var changed: [Notice] = []
        var texts: [String: RenderedMarkdown] = [:]   // rendered for the anchor check, written as they are
        var removed: [Notice] = []
        let folders = folders.union(refusedFolders)
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
        }
        let allNew = newDiagnostics.values.flatMap { $0 }
        if allNew.contains(where: { $0.severity == .error }) {
            refusedFolders = folders
            throw SiteBuilder.Failure(diagnostics: DiagnosticLog.sortedDiagnostics(allNew))
        }

        let loaded = clock.now
        let newContent = Content(site: content.site, taxonomy: content.taxonomy, notices: notices, calendar: content.calendar)
        // The changed notices' own pages first, so an open notice page reloads before the listings
        // are done. They show nothing of other notices but the predecessor's, so they come from a
        // graph of those notices alone: the graph of a whole site of 10,000 notices takes a third
        // of a second to make, and an open page need not wait for it.
        let own = Self.ownPagesGraph(of: changed, among: notices, content: content)
        let written = changed.flatMap { own.ownPages(of: $0) }
        let pages: Int
        do {
            pages = try SiteWriter(graph: own, theme: theme, output: OutputFolder(updating: options.outputDirectory)).write(written, texts: texts)
        } catch {
            throw writeFailed(error)
        }
        diagnostics = newDiagnostics
        refusedFolders = []
        let first = Update(rewritten: changed.map(\.id), listingPages: [], pagesWritten: pages, diagnostics: allDiagnostics,
                           searchIndexStale: true, timings: (Self.ms(started, loaded), Self.ms(loaded, clock.now), 0),
                           ownPages: Self.addresses(written.map { Routes.file(for: $0.path) }) + removed.map { "/" + Routes.notice($0) })
        pending = PendingListings(content: newContent, changedIDs: Set((changed + removed).map(\.id)),
                                  written: Set(written.map(\.path)), texts: texts, first: first)
        return first
    }

    /// The second step of `update`: the home page, the page most often left open beside a
    /// notice's. It shows every notice (their counts, the open windows, the newest year), so every
    /// save changes what it is made from, and it needs the listing models alone, not the graph of
    /// every page (a third of a second at 10,000 notices). Returns its address, or nothing when
    /// `writeOwnPages` left nothing to write or the home page is written already.
    @discardableResult
    public func writeHomePage() throws(SiteBuilder.Failure) -> [String] {
        guard var pending, !pending.homeWritten, let theme else { return [] }
        let homeGraph = SiteGraph(content: pending.content, homeOnly: true)
        do {
            pending.first.pagesWritten += try SiteWriter(graph: homeGraph, theme: theme, output: OutputFolder(updating: options.outputDirectory))
                .write(homeGraph.pages)
        } catch {
            throw writeFailed(error)
        }
        pending.written.formUnion(homeGraph.pages.map(\.path))
        pending.homeWritten = true
        self.pending = pending
        return Self.addresses(homeGraph.pages.map { Routes.file(for: $0.path) })
    }

    /// The last step of `update` (after the home page, if `writeHomePage` has not written it): the
    /// listings and the other pages a save changed (a next year's notice comparing itself with the
    /// saved one), from the graph of the whole site, and the removal of pages that are gone. Nil
    /// when `writeOwnPages` left nothing to write.
    @discardableResult
    public func writeListings() throws(SiteBuilder.Failure) -> Update? {
        try writeHomePage()
        guard let pending, let graph, let theme else { return nil }
        self.pending = nil
        let clock = ContinuousClock()
        let started = clock.now
        let newGraph = SiteGraph(content: pending.content)
        let plan = newGraph.changedPages(since: graph, changedNotices: pending.changedIDs)
        let others = plan.rewrite.filter { !pending.written.contains($0.path) }
        let pages: Int
        do {
            Self.remove(plan.removed, from: options.outputDirectory)
            pages = try SiteWriter(graph: newGraph, theme: theme, output: OutputFolder(updating: options.outputDirectory))
                .write(others, texts: pending.texts)
        } catch {
            throw writeFailed(error)
        }
        self.graph = newGraph
        var update = pending.first
        update.rewritten = plan.rewrite.compactMap { page -> String? in
            if case let .notice(ref) = page.kind { return ref.notice.id }
            return nil
        }
        update.listingPages = Self.addresses(others.map { Routes.file(for: $0.path) })
        update.pagesWritten += pages
        update.timings.listings = Self.ms(started, clock.now)
        return update
    }

    /// A write that failed part-way: the output no longer matches the kept graph, so what was left
    /// to write is dropped and the next save builds everything.
    private func writeFailed(_ error: any Error) -> SiteBuilder.Failure {
        pending = nil
        fullBuildRefused = true
        return SiteBuilder.Failure(diagnostics: [SiteBuilder.writeFailure(error, output: options.outputDirectory)])
    }

    /// What `writeOwnPages` leaves to `writeListings`: the site as the save made it and what is already written.
    private struct PendingListings {
        var content: Content
        var changedIDs: Set<String>
        /// Addresses of the pages already written: the notices' own, then the home page.
        var written: Set<String>
        var homeWritten = false
        var texts: [String: RenderedMarkdown]
        var first: Update
    }

    private static func ms(_ from: ContinuousClock.Instant, _ to: ContinuousClock.Instant) -> Int { (to - from).wholeMilliseconds }

    /// A graph of the given notices and the predecessor each has among `notices`: enough to render
    /// their own pages exactly as the whole site's graph does (a notice page compares itself with
    /// its predecessor and shows nothing else of other notices).
    static func ownPagesGraph(of changed: [Notice], among notices: [Notice], content: Content) -> SiteGraph {
        var shown = changed
        for notice in changed {
            let yearBefore = notices.filter { $0.year == notice.year - 1 }
            if let predecessor = NoticeComparison.Predecessors(yearBefore).of(notice), !shown.contains(where: { $0.id == predecessor.id }) {
                shown.append(predecessor)
            }
        }
        return SiteGraph(content: Content(site: content.site, taxonomy: content.taxonomy, notices: shown, calendar: content.calendar))
    }

    /// Removes the files of pages that are gone, and the folders they leave empty, as a full build
    /// would not have written them.
    static func remove(_ files: [String], from root: URL) {
        let fileManager = FileManager.default
        for file in files {
            try? fileManager.removeItem(at: root.appendingPathComponent(file))
            var folder = (file as NSString).deletingLastPathComponent
            while !folder.isEmpty, (try? fileManager.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path))?.isEmpty == true {
                try? fileManager.removeItem(at: root.appendingPathComponent(folder))
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
    }

    /// The search index of the site as it is now, to be written off the rebuild path: it reads
    /// every notice, so `serve` runs it in the background once the editing pauses.
    public func searchIndexJob() -> SearchIndexJob? {
        guard let graph, let theme else { return nil }
        return SearchIndexJob(graph: graph, theme: theme, outputDirectory: options.outputDirectory)
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
    let graph: SiteGraph
    let theme: Theme
    let outputDirectory: URL

    /// `shouldStop` is asked between notices: `serve` stops the job when the office saves again.
    public func run(shouldStop: @escaping () -> Bool = { false }) throws {
        let searchFolder = outputDirectory.appendingPathComponent("search")
        let output = OutputFolder(updating: outputDirectory)
        let writer = SiteWriter(graph: graph, theme: theme, output: output)
        try writer.writeSearchIndex(shouldStop: shouldStop)
        try writer.writeFeeds()
        let written = Set(output.writtenPaths.filter { $0.hasPrefix("search/") }.map { String($0.dropFirst("search/".count)) })
        // Listed at the end, not the start: only this job writes into search/ (a full build waits
        // for it), and a job stopped by a save has then not spent its start on listing.
        for stale in Set(regularFiles(under: searchFolder)).subtracting(written) where stale != "index.html" {
            try? FileManager.default.removeItem(at: searchFolder.appendingPathComponent(stale))
        }
    }
}
