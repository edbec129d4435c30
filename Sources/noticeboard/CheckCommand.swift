import ArgumentParser
import ContentCheck
import Foundation
import NoticeModel

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: say("check.command.abstract"))

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var source: ContentOptions

    @Option(name: .long, help: ArgumentHelp(say("check.command.format")))
    var format: Format = .text

    func run() throws {
        let report = ContentChecker(options: .init(contentDirectory: URL(fileURLWithPath: source.content),
                                                   themesDirectory: URL(fileURLWithPath: source.themes),
                                                   themeName: source.theme, contentDisplayPath: source.content)).run()
        print(format == .json ? report.json() : report.text())
        if report.errors > 0 { throw ExitCode(1) }
    }
}
