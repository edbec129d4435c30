import Foundation
import MarkdownRendering
import NoticeModel
import Support

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

        public init(contentDirectory: URL, outputDirectory: URL, themesDirectory: URL, themeName: String? = nil, contentDisplayPath: String? = nil) {
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
        public var notes: [Message]
        public var outputDirectory: URL
        /// The notices built, for what the command says afterwards (facts still to confirm).
        public var notices: [Notice] = []
        /// How long each step took (`build --verbose`).
        public var timings = StepTimings()
    }

    public struct Failure: Error, Sendable {
        public var diagnostics: [Diagnostic]
    }

    let options: Options

    public init(options: Options) {
        self.options = options
    }

    /// Loads and checks the content without writing anything: every notice's text is rendered
    /// (on all cores) to check its anchors.
    public func check() -> (content: Content?, rendered: [String: RenderedMarkdown], diagnostics: [Diagnostic]) {
        let loaded = ContentLoader.load(from: options.contentDirectory, displayRoot: options.contentDisplayPath)
        var log = DiagnosticLog()
        log.append(contentsOf: loaded.diagnostics)
        var rendered: [String: RenderedMarkdown] = [:]
        if let content = loaded.content {
            let notices = content.notices
            let results = Parallel.map(notices.count) { index -> (RenderedMarkdown, [Diagnostic]) in
                let markdown = notices[index].renderText()
                return (markdown, Self.anchorDiagnostics(notices[index], markdown))
            }
            for (notice, (markdown, diagnostics)) in zip(notices, results) {
                rendered[notice.id] = markdown
                log.append(contentsOf: diagnostics)
            }
        }
        return (loaded.content, rendered, DiagnosticLog.sortedDiagnostics(log.all))
    }

    /// Loads, checks and writes the site. Each notice's text is rendered once, checked and written
    /// in the same step, into the staging folder: when a text turns out to have an error, the
    /// staging folder is dropped and the previous site stays as it was.
    public func build() throws(Failure) -> Report {
        try buildKeeping().report
    }

    /// What a build loaded and used, kept by `serve` to update the site one notice at a time.
    struct Built {
        var report: Report
        var content: Content
        var theme: Theme
        var graph: SiteGraph
    }

    func buildKeeping() throws(Failure) -> Built {
        var timings = StepTimings()
        let loaded = timings.time(.loadContent) {
            ContentLoader.load(from: options.contentDirectory, displayRoot: options.contentDisplayPath)
        }
        let theme: Theme
        do {
            theme = try timings.run(.loadTheme) {
                try Theme.load(themesDirectory: options.themesDirectory, name: options.themeName ?? loaded.content?.site.theme)
            }
        } catch {
            throw Failure(diagnostics: loaded.diagnostics + ((error.reason as? Theme.LoadError)?.diagnostics ?? []))
        }
        guard let content = loaded.content, !loaded.hasErrors else {
            // Report the texts' problems too, all in one run.
            throw Failure(diagnostics: check().diagnostics)
        }
        if let problem = OutputGuard.problem(content: options.contentDirectory, output: options.outputDirectory) {
            throw Failure(diagnostics: loaded.diagnostics + [problem])
        }
        let notes = content.site.baseURL == nil
            ? [Message("build.note.noBaseURL")]
            : []
        let graph = SiteGraph(content: content)
        let written: SiteWriter.Written
        let output: OutputFolder
        do {
            output = try timings.run(.prepareOutput) { try OutputFolder(destination: options.outputDirectory) }
        } catch {
            throw Failure(diagnostics: loaded.diagnostics + [stepFailure(error)])
        }
        do {
            written = try SiteWriter(graph: graph, theme: theme, output: output).writeAll(timings: &timings)
        } catch {
            output.discard()
            throw Failure(diagnostics: loaded.diagnostics + [stepFailure(error)])
        }
        let diagnostics = DiagnosticLog.sortedDiagnostics(loaded.diagnostics + written.diagnostics)
        guard !diagnostics.contains(where: { $0.severity == .error }) else {
            output.discard()
            throw Failure(diagnostics: diagnostics)
        }
        do {
            try timings.run(.replaceOutput) { try output.commit() }
        } catch {
            output.discard()
            throw Failure(diagnostics: diagnostics + [stepFailure(error)])
        }
        var report = Report(pagesWritten: written.pages, filesWritten: output.filesWritten, bytesWritten: output.bytesWritten,
                            noticeCount: content.notices.count, diagnostics: diagnostics, notes: notes,
                            outputDirectory: options.outputDirectory, notices: content.notices)
        report.timings = timings
        return Built(report: report, content: content, theme: theme, graph: graph)
    }

    private func stepFailure(_ failure: StepFailure) -> Diagnostic {
        Self.stepFailure(failure, output: options.outputDirectory)
    }

    /// Anchors a notice's data points at that are not headings of its text, and what was left out of the text.
    static func anchorDiagnostics(_ notice: Notice, _ markdown: RenderedMarkdown) -> [Diagnostic] {
        var log = DiagnosticLog()
        let anchors = Set(markdown.headings.map(\.anchor))
        for anchor in notice.allSourceAnchors where !anchors.contains(anchor.value) {
            // Names the heading that now stands where the old one was, when it was renamed.
            let advice = AnchorAdvice.missing(anchor.value, headings: markdown.headings, file: notice.markdownPath)
            log.error(anchor.location, advice.message, hint: advice.hint)
        }
        for note in markdown.notes {
            log.warning(SourceLocation(file: notice.markdownPath, line: note.line, column: note.column), note.message, hint: note.hint)
        }
        return log.all
    }
}

extension SiteBuilder {
    /// The site could not be written (a full disk, a folder without permission): said the same
    /// way by `build` and by `serve`'s rebuilds.
    static func writeFailure(_ error: any Error, output: URL) -> Diagnostic {
        Diagnostic(.error, file: output.path, line: 1, column: 1, Message("build.cannotWrite", ["reason": "\(error)"]),
                   hint: Message("build.cannotWrite.hint"))
    }

    /// A step that could not finish, named: “写入搜索索引失败：…”.
    static func stepFailure(_ failure: StepFailure, output: URL) -> Diagnostic {
        Diagnostic(.error, file: output.path, line: 1, column: 1,
                   Message("build.stepFailed", ["reason": "\(failure.reason)"], parts: ["step": failure.step.name]),
                   hint: Message("build.cannotWrite.hint"))
    }
}

extension DiagnosticLog {
    static func sortedDiagnostics(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var log = DiagnosticLog()
        log.append(contentsOf: diagnostics)
        return log.sorted
    }
}
