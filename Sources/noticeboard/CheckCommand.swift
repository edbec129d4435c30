import ArgumentParser
import ContentCheck
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report every problem in the content, the office's lints and broken links, without writing a site.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(name: .long, help: "The content folder.")
    var content: String = "content"

    @Option(name: .long, help: "A theme in the themes folder.")
    var theme: String?

    @Option(name: .long, help: "The folder that holds the themes.")
    var themes: String = "themes"

    @Option(name: .long, help: "text (for people) or json (for tools).")
    var format: Format = .text

    func run() throws {
        let report = ContentChecker(options: .init(contentDirectory: URL(fileURLWithPath: content), themesDirectory: URL(fileURLWithPath: themes),
                                                   themeName: theme, contentDisplayPath: content)).run()
        print(format == .json ? report.json() : report.text())
        if report.errors > 0 { throw ExitCode(1) }
    }
}
