import ArgumentParser
import Foundation
import NoticeModel
import NoticeScaffold

/// `noticeboard init [DIR]`: a new office's site folder, ready for its first `import`.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: say("init.abstract"))

    @Argument(help: ArgumentHelp(say("init.folder.help")))
    var folder: String = "."

    func run() throws {
        do {
            try SiteStarter.start(in: URL(fileURLWithPath: folder))
        } catch {
            let path = switch error {
            case .existing(let files): (folder as NSString).appendingPathComponent(files[0])
            case .unwritable(let path, _): path
            }
            printDiagnostics([Diagnostic(.error, file: path, line: 1, column: 1, error.message, hint: error.hint)])
            throw ExitCode(1)
        }
        // Paths as the office typed the folder, so the next commands can be copied as they are.
        print(say("init.created", ["folder": folder]))
        for (relative, _) in SiteStarter.files {
            print(say("init.created.file", ["path": (folder as NSString).appendingPathComponent(relative), "what": purpose(of: relative)]))
        }
        print(say("init.next", ["folder": folder]))
    }

    private func purpose(of relative: String) -> String {
        switch relative {
        case "site.yml": say("init.file.site")
        case "taxonomy.yml": say("init.file.taxonomy")
        case "calendar.yml": say("init.file.calendar")
        default: say("init.file.notices")
        }
    }
}
