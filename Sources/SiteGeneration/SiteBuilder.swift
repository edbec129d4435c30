import Foundation
import MarkdownRendering
import NoticeModel

/// Builds the site: load → check → render → write to staging → swap into place.
///
/// Nothing is written unless every step before writing succeeded, and the previous site stays
/// in place until the new one is complete.
public struct SiteBuilder {
    public struct Options: Sendable {
        public var contentDirectory: URL
        public var outputDirectory: URL
        public var themesDirectory: URL
        public var themeName: String?
        /// How paths appear in diagnostics: the content folder as the user typed it.
        public var contentDisplayPath: String
        /// Link every page as `…/index.html`, for a site opened from a folder with `file://`.
        public var offline: Bool

        public init(contentDirectory: URL, outputDirectory: URL, themesDirectory: URL, themeName: String? = nil, contentDisplayPath: String? = nil,
                    offline: Bool = false) {
            self.offline = offline
            self.contentDirectory = contentDirectory
            self.outputDirectory = outputDirectory
            self.themesDirectory = themesDirectory
            self.themeName = themeName
            self.contentDisplayPath = contentDisplayPath ?? contentDirectory.path
        }
    }

    public struct Report: Sendable {
        public var pagesWritten: Int
        public var filesWritten: Int
        public var bytesWritten: Int
        public var noticeCount: Int
        public var diagnostics: [Diagnostic]
        /// Things worth knowing that are not problems in the content.
        public var notes: [String]
        public var outputDirectory: URL
    }

    public struct Failure: Error, Sendable {
        public var diagnostics: [Diagnostic]
    }

    let options: Options

    public init(options: Options) {
        self.options = options
    }

    /// Loads and checks the content without writing anything.
    public func check() -> (content: Content?, rendered: [String: RenderedMarkdown], diagnostics: [Diagnostic]) {
        let loaded = ContentLoader.load(from: options.contentDirectory, displayRoot: options.contentDisplayPath)
        var log = DiagnosticLog()
        log.append(contentsOf: loaded.diagnostics)
        var rendered: [String: RenderedMarkdown] = [:]
        if let content = loaded.content {
            for notice in content.notices {
                let markdown = MarkdownRenderer.render(notice.markdown, allowRawHTML: notice.rawHTML, headingOffset: 1)
                rendered[notice.id] = markdown
                checkAnchors(notice, markdown, log: &log)
            }
        }
        return (loaded.content, rendered, DiagnosticLog.sortedDiagnostics(log.all))
    }

    public func build() throws(Failure) -> Report {
        let checked = check()
        let diagnostics = checked.diagnostics
        let theme: Theme
        do {
            theme = try Theme.load(themesDirectory: options.themesDirectory, name: options.themeName ?? checked.content?.site.theme)
        } catch {
            throw Failure(diagnostics: diagnostics + error.diagnostics)
        }
        guard let content = checked.content, !diagnostics.contains(where: { $0.severity == .error }) else {
            throw Failure(diagnostics: diagnostics)
        }
        let notes = content.site.baseURL == nil
            ? ["no base_url in site.yml: sitemap.xml and feed.xml use addresses relative to the site root; set it once the site has an address"]
            : []
        do {
            let output = try OutputFolder(destination: options.outputDirectory)
            do {
                let pages = try SiteWriter(content: content, rendered: checked.rendered, theme: theme, output: output,
                                           routes: Routes(explicitIndex: options.offline)).writeAll()
                try output.commit()
                return Report(pagesWritten: pages, filesWritten: output.filesWritten, bytesWritten: output.bytesWritten,
                              noticeCount: content.notices.count, diagnostics: diagnostics, notes: notes,
                              outputDirectory: options.outputDirectory)
            } catch {
                output.discard()
                throw error
            }
        } catch {
            throw Failure(diagnostics: diagnostics + [Diagnostic(.error, file: options.outputDirectory.path, line: 1, column: 1,
                                                                 message: "cannot write the site: \(error)",
                                                                 hint: "check the output folder is writable")])
        }
    }

    private func checkAnchors(_ notice: Notice, _ markdown: RenderedMarkdown, log: inout DiagnosticLog) {
        let anchors = Set(markdown.headings.map(\.anchor))
        for anchor in notice.allSourceAnchors where !anchors.contains(anchor.value) {
            let suggestion = closestMatch(to: anchor.value, in: Array(anchors).sorted())
            log.error(anchor.location, "'#\(anchor.value)' is not a heading of \(notice.markdownPath)",
                      hint: suggestion.map { "did you mean '#\($0)'?" } ?? "anchors are made from heading text; see README")
        }
        for warning in markdown.warnings {
            log.warning(SourceLocation(file: notice.markdownPath, line: warning.line, column: warning.column), warning.message,
                        hint: "put the image beside notice.md and link it by a relative path")
        }
    }
}

extension DiagnosticLog {
    static func sortedDiagnostics(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var log = DiagnosticLog()
        log.append(contentsOf: diagnostics)
        return log.sorted
    }
}
