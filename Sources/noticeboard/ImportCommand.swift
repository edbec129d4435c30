import ArgumentParser
import Foundation
import NoticeModel
import NoticeImport

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: say("import.abstract"),
        discussion: say("import.discussion"))

    @Argument(help: ArgumentHelp(say("import.file.help")))
    var file: String

    @Option(name: .long, help: ArgumentHelp(say("import.id.help")))
    var id: String?

    @Option(name: .long, help: ArgumentHelp(say("options.contentFolder.help")))
    var content: String = "content"

    func run() throws {
        let result: NoticeImporter.Result
        do {
            result = try NoticeImporter.run(file: URL(fileURLWithPath: file), id: id, contentDirectory: URL(fileURLWithPath: content),
                                            displayRoot: content)
        } catch {
            FileHandle.standardError.write(Data((say("import.error.line", ["message": error.message]) + "\n").utf8))
            if let hint = error.hint { FileHandle.standardError.write(Data((say("import.hint.line", ["hint": hint]) + "\n").utf8)) }
            throw ExitCode(1)
        }
        let summary = result.summary
        let list = say("import.list.separator")
        print(say("import.summary.read", ["file": (file as NSString).lastPathComponent, "document": result.documentDescription.text()])
              + (result.removed.isEmpty ? "" : say("import.summary.removed", ["items": result.removed.map { $0.text() }.joined(separator: say("import.items.separator"))])))
        print(say("import.summary.wrote", ["folder": "\(content)/notices/\(result.id)/"]))
        for path in result.written { print("  \(content)/\(path)") }
        let found = summary.found.map { $0.text() } + [say("import.summary.characters", ["count": "\(summary.characters)"])]
        print(say("import.summary.found", ["items": found.joined(separator: list)]))
        if !summary.notFound.isEmpty {
            print(say("import.summary.notFound", ["items": summary.notFound.map { $0.text() }.joined(separator: list)]))
        }
        for note in summary.notes { print(say("import.summary.note", ["note": note.text()])) }
        print(say("import.summary.toConfirm", ["count": "\(summary.toConfirm)"]))
        if !result.buildProblems.isEmpty {
            print(say("import.summary.problems"))
            for problem in result.buildProblems { print("  \(problem)") }
        }
        print(say("import.summary.next", ["content": content]))
    }
}
