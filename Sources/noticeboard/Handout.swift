import ArgumentParser
import ContentCheck
import Foundation
import NoticeModel
import SiteGeneration

struct HandoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handout",
        abstract: "Write one self-contained HTML file per notice, to send by WeChat, e-mail or USB stick.",
        discussion: "The file carries the key facts, the full notice, every checklist, the calculator, every template and search, and makes no request when opened. Set SOURCE_DATE_EPOCH for byte-identical files."
    )

    @Argument(help: "The notice's id (its folder name under notices/).")
    var noticeID: String?

    @Flag(name: .long, help: "Write a handout for every notice.")
    var all = false

    @Option(name: .long, help: "The file to write (one notice; default handouts/NOTICE-ID.html) or the folder (--all; default handouts).")
    var output: String?

    @OptionGroup var source: ContentOptions

    func validate() throws {
        if all == (noticeID != nil) { throw ValidationError("name one notice id, or pass --all") }
    }

    func run() throws {
        let generated = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init).map(Date.init(timeIntervalSince1970:)) ?? Date()
        let builder = HandoutBuilder(options: source.options(output: "handouts"), generatedAt: generated)
        do {
            let handouts = try builder.handouts(ids: all ? nil : noticeID.map { [$0] })
            for handout in handouts {
                let path = all || output == nil ? ((output ?? "handouts") as NSString).appendingPathComponent(handout.fileName) : output!
                try writeAtomically(Data(handout.html.utf8), to: URL(fileURLWithPath: path))
                print(String(format: "Wrote %@ (%.1f KB)", path, Double(handout.html.utf8.count) / 1024))
            }
            // A handout once sent cannot be corrected: say what is still open (ContentCheck.OutstandingWork).
            let open = OutstandingWork.measure(contentDirectory: URL(fileURLWithPath: source.content), displayPath: source.content, noticeID: all ? nil : noticeID)
            if let line = open.handoutLine(content: source.content) { print(line) }
        } catch let failure as SiteBuilder.Failure {
            printDiagnostics(failure.diagnostics)
            throw ExitCode(1)
        }
    }
}
