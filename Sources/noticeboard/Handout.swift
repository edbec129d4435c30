import ArgumentParser
import ContentCheck
import Foundation
import NoticeModel
import SiteGeneration

struct HandoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handout",
        abstract: say("handout.abstract"),
        discussion: say("handout.discussion")
    )

    @Argument(help: ArgumentHelp(say("handout.id.help")))
    var noticeID: String?

    @Flag(name: .long, help: ArgumentHelp(say("handout.all.help")))
    var all = false

    @Option(name: .long, help: ArgumentHelp(say("handout.output.help")))
    var output: String?

    @OptionGroup var source: ContentOptions

    func validate() throws {
        if all == (noticeID != nil) { throw ValidationError(say("handout.oneOrAll")) }
    }

    func run() throws {
        let generated = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init).map(Date.init(timeIntervalSince1970:)) ?? Date()
        let builder = HandoutBuilder(options: source.options(output: "handouts"), generatedAt: generated)
        do {
            let handouts = try builder.handouts(ids: all ? nil : noticeID.map { [$0] })
            for handout in handouts {
                let path = all || output == nil ? ((output ?? "handouts") as NSString).appendingPathComponent(handout.fileName) : output!
                try writeAtomically(Data(handout.html.utf8), to: URL(fileURLWithPath: path))
                print(say("handout.wrote", ["file": path, "kilobytes": String(format: "%.1f", Double(handout.html.utf8.count) / 1024)]))
            }
            // A handout once sent cannot be corrected: say what is still open (ContentCheck.OutstandingWork).
            let open = OutstandingWork.measure(contentDirectory: URL(fileURLWithPath: source.content), displayPath: source.content, noticeID: all ? nil : noticeID)
            if let line = open.handoutLine(content: source.content) { print(line) }
        } catch let failure as SiteBuilder.Failure {
            // A misspelt id is the one thing to say: not every other notice's warnings before it.
            let unknown = failure.diagnostics.filter { $0.text.key == "handout.unknownNotice" }
            printDiagnostics(unknown.isEmpty ? failure.diagnostics : unknown)
            throw ExitCode(1)
        }
    }
}
