import ArgumentParser
import Foundation
import NoticeModel
import NoticeScaffold

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: say("new.abstract"),
        discussion: say("new.discussion"))

    @Option(name: .long, help: ArgumentHelp(say("new.from.help")))
    var from: String?

    @Option(name: .long, help: ArgumentHelp(say("new.year.help")))
    var year: Int?

    @Option(name: .long, help: ArgumentHelp(say("new.id.help")))
    var id: String?

    @Option(name: .long, help: ArgumentHelp(say("options.contentFolder.help")))
    var content: String = "content"

    func validate() throws {
        if from != nil && year == nil { throw ValidationError(say("new.fromNeedsYear")) }
        if from == nil && id == nil { throw ValidationError(say("new.fromOrID")) }
    }

    func run() throws {
        let contentURL = URL(fileURLWithPath: content)
        // Run outside the site folder, "no notice X" would send the clerk looking for the wrong thing.
        guard FileManager.default.fileExists(atPath: contentURL.appendingPathComponent("site.yml").path) else {
            let text = say("new.error.line", ["message": say("import.notContentFolder", ["folder": content])]) + "\n"
                + say("diagnostic.hint.line", ["hint": say("import.notContentFolder.hint")])
            FileHandle.standardError.write(Data((text + "\n").utf8))
            throw ExitCode(1)
        }
        let result: NoticeScaffold.Result
        do {
            if let from, let year {
                result = try NoticeScaffold.copy(from: from, year: year, newID: id, contentDirectory: contentURL)
            } else {
                let taxonomy = ContentLoader.load(from: contentURL, displayRoot: content).content?.taxonomy
                result = try NoticeScaffold.skeleton(id: id!, contentDirectory: contentURL, taxonomy: taxonomy)
            }
        } catch {
            // Said the way a diagnostic is: the error word, then the hint on its own line.
            var text = say("new.error.line", ["message": error.message])
            if let hint = error.hint { text += "\n" + say("diagnostic.hint.line", ["hint": hint]) }
            FileHandle.standardError.write(Data((text + "\n").utf8))
            throw ExitCode(1)
        }
        print(say("new.wrote", ["count": "\(result.written.count)", "folder": "\(content)/notices/\(result.id)/"]))
        for file in result.written { print("  \(content)/\(file)") }
        if !result.changes.isEmpty {
            print(say("new.shifted", ["count": "\(result.changes.count)"]))
            for change in result.changes { print("  \(change)") }
        }
        if !result.toConfirm.isEmpty {
            print(say("new.toConfirm", ["keys": result.toConfirm.joined(separator: ", ")]))
        }
        // What the new notice still needs, as `build` would say it.
        let loaded = ContentLoader.load(from: contentURL, displayRoot: content)
        printDiagnostics(loaded.diagnostics.filter { $0.file.contains("notices/\(result.id)/") })
        print(say("new.next", ["folder": "\(content)/notices/\(result.id)", "content": content]))
    }
}
