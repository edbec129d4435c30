import ArgumentParser
import Foundation
import NoticeComparison
import NoticeModel

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print what changed between two notices (dates, fees, continuing education, checklist, rules).")

    @Argument(help: "The earlier notice's id.")
    var old: String

    @Argument(help: "The later notice's id.")
    var new: String

    @Option(name: .long, help: "The content folder.")
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
                let hint = closestMatch(to: id, in: notices.map(\.id)).map { " (did you mean '\($0)'?)" } ?? ""
                FileHandle.standardError.write(Data("error: no notice '\(id)' in \(content)/notices\(hint)\n".utf8))
                throw ExitCode(1)
            }
            found.append(notice)
        }
        print(NoticeComparison.report(from: found[0], to: found[1]))
    }
}
