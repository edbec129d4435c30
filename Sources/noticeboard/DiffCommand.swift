import ArgumentParser
import Foundation
import NoticeComparison
import NoticeModel
import Support

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: say("check.diffCommand.abstract"))

    @Argument(help: ArgumentHelp(say("check.diffCommand.old")))
    var old: String

    @Argument(help: ArgumentHelp(say("check.diffCommand.new")))
    var new: String

    @Option(name: .long, help: ArgumentHelp(say("check.diffCommand.content")))
    var content: String = "content"

    func run() throws {
        let loaded = ContentLoader.load(from: URL(fileURLWithPath: content), displayRoot: content)
        guard let notices = loaded.content?.notices else {
            printDiagnostics(loaded.diagnostics)
            throw ExitCode(1)
        }
        var found: [Notice] = []
        for id in [old, new] {
            guard let notice = notices.first(where: { $0.id == id }) else {
                let folder = "\(content)/notices"
                let text = closestMatch(to: id, in: notices.map(\.id))
                    .map { say("check.diffCommand.noNotice.didYouMean", ["id": id, "folder": folder, "suggestion": $0]) }
                    ?? say("check.diffCommand.noNotice", ["id": id, "folder": folder])
                FileHandle.standardError.write(Data((Message("diagnostic.error.line", ["location": "noticeboard diff", "message": text]).text() + "\n").utf8))
                throw ExitCode(1)
            }
            found.append(notice)
        }
        print(NoticeComparison.report(from: found[0], to: found[1]))
        // The old value of a changed fee or date still written in the new notice's words.
        let dataFile = URL(fileURLWithPath: content).appendingPathComponent(found[1].directory).appendingPathComponent("notice.yml")
        let left = NoticeComparison.oldValuesLeft(from: found[0], to: found[1],
                                                  dataText: (try? String(contentsOf: dataFile, encoding: .utf8)) ?? "")
        if !left.isEmpty {
            print("")
            print(say("check.diff.oldValues", ["count": String(left.count)]))
            print(DiagnosticPrinter.render(left), terminator: "")
        }
    }
}
