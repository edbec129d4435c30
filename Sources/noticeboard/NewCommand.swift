import ArgumentParser
import Foundation
import NoticeModel
import NoticeScaffold

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a notice: copy last year's with its years shifted (--from), or write a commented skeleton.",
        discussion: "Writes notices/<id>/ in the content folder and never overwrites an existing notice.")

    @Option(name: .long, help: "The notice to copy, e.g. 2024-meitan-aksu.")
    var from: String?

    @Option(name: .long, help: "The year of the new notice (with --from).")
    var year: Int?

    @Option(name: .long, help: "The new notice's id (default: the copied id with the new year; required without --from).")
    var id: String?

    @Option(name: .long, help: "The content folder.")
    var content: String = "content"

    func validate() throws {
        if from != nil && year == nil { throw ValidationError("--from needs --year, e.g. --year 2025") }
        if from == nil && id == nil { throw ValidationError("give --from PREVIOUS-ID --year YYYY, or --id YEAR-slug for a skeleton") }
    }

    func run() throws {
        let contentURL = URL(fileURLWithPath: content)
        let result: NoticeScaffold.Result
        do {
            if let from, let year {
                result = try NoticeScaffold.copy(from: from, year: year, newID: id, contentDirectory: contentURL)
            } else {
                let taxonomy = ContentLoader.load(from: contentURL, displayRoot: content).content?.taxonomy
                result = try NoticeScaffold.skeleton(id: id!, contentDirectory: contentURL, taxonomy: taxonomy)
            }
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
        print("Wrote \(result.written.count) files into \(content)/notices/\(result.id)/:")
        for file in result.written { print("  \(content)/\(file)") }
        if !result.changes.isEmpty {
            print("Shifted \(result.changes.count) values:")
            for change in result.changes { print("  \(change)") }
        }
        if !result.toConfirm.isEmpty {
            print("Marked to confirm (shown as 待确认 until you delete them from 'to_confirm'): \(result.toConfirm.joined(separator: ", "))")
        }
        // What the new notice still needs, as `build` would say it.
        let loaded = ContentLoader.load(from: contentURL, displayRoot: content)
        printDiagnostics(loaded.diagnostics.filter { $0.file.contains("notices/\(result.id)/") })
        print("Next: edit \(content)/notices/\(result.id)/notice.yml and notice.md, then run `noticeboard check`.")
    }
}
