import Foundation
import MarkdownRendering
import NoticeComparison
import NoticeModel
import SiteGeneration
import Support

/// `noticeboard check`: everything `build` reports, the office's lints, and every internal link
/// and `#anchor` — those the office wrote in the notices and templates, and those of the whole
/// built site — without writing a site anywhere the office would see it.
public struct ContentChecker {
    public struct Options: Sendable {
        public var contentDirectory: URL
        public var themesDirectory: URL
        public var themeName: String?
        public var contentDisplayPath: String

        public init(contentDirectory: URL, themesDirectory: URL, themeName: String? = nil, contentDisplayPath: String? = nil) {
            self.contentDirectory = contentDirectory
            self.themesDirectory = themesDirectory
            self.themeName = themeName
            self.contentDisplayPath = contentDisplayPath ?? contentDirectory.path
        }
    }

    public struct Report: Sendable {
        public var diagnostics: [Diagnostic]
        public var noticeCount: Int
        /// Whether the site could be built (in a temporary folder) and its links checked.
        public var siteChecked: Bool
        public var pagesChecked: Int
        public var linksChecked: Int
        public var errors: Int { diagnostics.filter { $0.severity == .error }.count }
        public var warnings: Int { diagnostics.filter { $0.severity == .warning }.count }
    }

    /// How a page of the built site is named in diagnostics: it lives only for the check.
    public static let builtPrefix = "(built site)/"

    let options: Options

    public init(options: Options) {
        self.options = options
    }

    public func run() -> Report {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("noticeboard-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let siteFolder = scratch.appendingPathComponent("site")
        let builder = SiteBuilder(options: .init(contentDirectory: options.contentDirectory, outputDirectory: siteFolder,
                                                 themesDirectory: options.themesDirectory, themeName: options.themeName,
                                                 contentDisplayPath: options.contentDisplayPath))
        let checked = builder.check()
        var diagnostics = checked.diagnostics
        let notices = checked.content?.notices ?? []
        let predecessors = NoticeComparison.Predecessors(notices)
        for notice in notices {
            diagnostics += OfficeLints.run(notice, contentDirectory: options.contentDirectory, predecessor: predecessors.of(notice))
        }

        // A notice whose file could not be read still counts: the office has that many notices.
        let noticeCount = checked.content?.noticeFolderCount ?? ContentLoader.noticeFolderCount(in: options.contentDirectory)
        var report = Report(diagnostics: [], noticeCount: noticeCount, siteChecked: false, pagesChecked: 0, linksChecked: 0)
        var site: SiteIndex?
        if checked.content != nil, !diagnostics.contains(where: { $0.severity == .error }) {
            do {
                _ = try builder.build()
                site = try SiteIndex(directory: siteFolder)
            } catch let failure as SiteBuilder.Failure {
                diagnostics += failure.diagnostics.filter { !diagnostics.contains($0) }
            } catch {
                diagnostics.append(Diagnostic(.error, file: siteFolder.path, line: 1, column: 1, Message("check.siteUnreadable", ["error": "\(error)"])))
            }
        }

        // Links the office wrote, reported in the Markdown; remembered so the same link is not
        // reported again where it lands in the built page.
        var reportedInSource = Set<String>()
        for notice in notices {
            let headings = Set(checked.rendered[notice.id]?.headings.map(\.anchor) ?? [])
            let page = Routes.file(for: Routes.notice(notice))
            for link in MarkdownLinks.scan(notice.markdown) {
                if let problem = problem(link.destination, from: page, site: site, headings: headings) {
                    diagnostics.append(Diagnostic(.error, file: notice.markdownPath, line: link.line, column: link.column, problem.message, hint: problem.hint))
                    reportedInSource.insert(page + "\u{0}" + (link.destination.removingPercentEncoding ?? link.destination))
                }
            }
            for template in notice.templates where !template.bodyPath.isEmpty {
                let templatePage = Routes.file(for: Routes.template(notice, template))
                for link in MarkdownLinks.scan(template.body) {
                    if let problem = problem(link.destination, from: templatePage, site: site, headings: nil) {
                        diagnostics.append(Diagnostic(.error, file: template.bodyPath, line: link.line, column: link.column, problem.message, hint: problem.hint))
                        reportedInSource.insert(templatePage + "\u{0}" + (link.destination.removingPercentEncoding ?? link.destination))
                    }
                }
            }
        }

        if let site {
            report.siteChecked = true
            for page in site.files.keys.sorted() where page.hasSuffix(".html") {
                guard let data = FileManager.default.contents(atPath: siteFolder.appendingPathComponent(page).path) else { continue }
                report.pagesChecked += 1
                for link in HTMLScan(bytes: Array(data)).links {
                    report.linksChecked += 1
                    let written = decodeEntities(link.value).removingPercentEncoding ?? decodeEntities(link.value)
                    if reportedInSource.contains(page + "\u{0}" + written) { continue }
                    guard let problem = problem(link.value, from: page, site: site, headings: nil) else { continue }
                    let (message, hint) = Self.onBuiltPage(problem, attribute: link.attribute)
                diagnostics.append(Diagnostic(.error, file: Self.builtPrefix + page, line: link.line, column: link.column, message, hint: hint))
                }
            }
        }
        report.diagnostics = DiagnosticLog.sorting(diagnostics)
        return report
    }

    private func problem(_ href: String, from page: String, site: SiteIndex?, headings: Set<String>?) -> (message: Message, hint: Message)? {
        guard let site else {
            // Without a built site only the text's own anchors can be checked.
            guard href.hasPrefix("#"), let headings else { return nil }
            let anchor = String(href.dropFirst()).removingPercentEncoding ?? String(href.dropFirst())
            if headings.contains(anchor) { return nil }
            return (Message("check.link.notAHeading", ["anchor": anchor]), anchorHint(anchor, among: headings.sorted()))
        }
        switch site.resolve(href, from: page) {
        case .ok, .external:
            return nil
        case .escapesSite:
            return (Message("check.link.outside", ["href": href]), Message("check.link.outside.hint"))
        case let .missingFile(target):
            let known = site.files.keys.filter { $0.hasSuffix("index.html") }.map { String($0.dropLast("index.html".count)) }
            let page = target.hasSuffix("/index.html") ? String(target.dropLast("index.html".count)) : target
            return (Message("check.link.noPage", ["href": href, "page": page]),
                    closestMatch(to: page, in: known).map { Message("check.link.didYouMean", ["suggestion": $0]) } ?? Message("check.link.noPage.hint"))
        case let .missingAnchor(file, anchor):
            let ids = site.files[file].map { Array($0).sorted() } ?? []
            return (Message("check.link.noAnchor", ["href": href, "file": file, "anchor": anchor]), anchorHint(anchor, among: ids))
        }
    }

    /// A problem found in a built page, which the office did not write: the attribute named, and
    /// the hint says the page comes from a template. Keys, not nested texts, so it reads in either language.
    static func onBuiltPage(_ problem: (message: Message, hint: Message), attribute: String) -> (Message, Message) {
        var arguments = problem.message.arguments
        arguments["attribute"] = attribute
        let message: Message
        switch problem.message.key {
        case "check.link.outside": message = Message("check.builtLink.outside", arguments)
        case "check.link.noPage": message = Message("check.builtLink.noPage", arguments)
        default: message = Message("check.builtLink.noAnchor", arguments)
        }
        let hint = problem.hint.key == "check.link.didYouMean"
            ? Message("check.builtLink.didYouMean", problem.hint.arguments) : Message("check.builtLink.hint")
        return (message, hint)
    }

    private func anchorHint(_ anchor: String, among anchors: [String]) -> Message {
        closestMatch(to: anchor, in: anchors).map { Message("check.link.didYouMean", ["suggestion": "#" + $0]) } ?? Message("check.link.anchor.hint")
    }
}

extension DiagnosticLog {
    static func sorting(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var log = DiagnosticLog()
        log.append(contentsOf: diagnostics)
        return log.sorted
    }
}
