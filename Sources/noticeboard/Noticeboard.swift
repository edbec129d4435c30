import ArgumentParser
import BuildInfo
import ContentCheck
import Foundation
import NoticeModel
import SiteGeneration

/// The command line: argument parsing only; the work is done by SiteGeneration. `Main` starts it
/// once `--lang` has chosen the language of its help and messages.
struct Noticeboard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "noticeboard",
        abstract: say("cli.abstract"),
        discussion: say("cli.discussion"),
        version: BuildInfo.versionLine(),
        subcommands: [Build.self, Check.self, New.self, Import.self, Diff.self, Serve.self, HandoutCommand.self, BundleCommand.self, InitCommand.self],
        defaultSubcommand: Build.self
    )
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: say("build.abstract"))

    @OptionGroup var source: ContentOptions

    @Option(name: .long, help: ArgumentHelp(say("build.output.help")))
    var output: String = "public"

    /// Every build now works from a folder as well as from a server; the flag is still accepted so
    /// that an office's old scripts keep working.
    @Flag(name: .long, help: .hidden)
    var offline = false

    @Flag(name: .long, help: ArgumentHelp(say("build.verbose.help")))
    var verbose = false

    func run() throws {
        let started = Date()
        let options = source.options(output: output)
        let builder = SiteBuilder(options: options)
        do {
            let report = try builder.build()
            printDiagnostics(report.diagnostics)
            for note in report.notes { print(say("build.note", ["note": note.text()])) }
            let seconds = Date().timeIntervalSince(started)
            print(say("build.done", ["pages": "\(report.pagesWritten)", "notices": "\(report.noticeCount)", "files": "\(report.filesWritten)",
                                     "kilobytes": String(format: "%.1f", Double(report.bytesWritten) / 1024),
                                     "seconds": String(format: "%.2f", seconds)]))
            print(say("build.where", ["folder": report.outputDirectory.standardizedFileURL.path]))
            if verbose {
                print(say("build.verbose.steps"))
                for (step, milliseconds) in report.timings.steps {
                    print(say("build.verbose.step", ["step": step.name.text(), "milliseconds": "\(milliseconds)"]))
                }
            }
            // Facts to confirm and warnings left: said before the site goes out (ContentCheck.OutstandingWork).
            let open = OutstandingWork.measureBuild(notices: report.notices, diagnostics: report.diagnostics,
                                               contentDirectory: URL(fileURLWithPath: source.content))
            if let line = open.buildLine(content: source.content) { print(line) }
            // Done: the process ends here rather than freeing the build's content, graph and
            // index one object at a time on the way out, 30 ms at 1,000 notices (docs/benchmark.md),
            // memory the system takes back at once. `exit` flushes what was printed.
            Foundation.exit(0)
        } catch {
            printDiagnostics(error.diagnostics)
            let errors = error.diagnostics.filter { $0.severity == .error }.count
            let failed = errors == 1 ? say("build.failed.one", ["output": output]) : say("build.failed", ["errors": "\(errors)", "output": output])
            FileHandle.standardError.write(Data((failed + "\n").utf8))
            throw ExitCode(1)
        }
    }

}

/// Each diagnostic with the line it points at and a caret under the column (DiagnosticPrinter).
func printDiagnostics(_ diagnostics: [Diagnostic]) {
    guard !diagnostics.isEmpty else { return }
    FileHandle.standardError.write(Data(DiagnosticPrinter.render(diagnostics).utf8))
}

/// Writes beside the destination first and renames, so a reader never sees half a file.
func writeAtomically(_ data: Data, to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url, options: .atomic)
}

/// Where the content and theme come from, shared by the commands that read them.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(say("options.content.help")))
    var content: String = "content"

    @Option(name: .long, help: ArgumentHelp(say("options.theme.help")))
    var theme: String?

    @Option(name: .long, help: ArgumentHelp(say("options.themes.help")))
    var themes: String = "themes"

    func options(output: String) -> SiteBuilder.Options {
        SiteBuilder.Options(contentDirectory: URL(fileURLWithPath: content), outputDirectory: URL(fileURLWithPath: output),
                            themesDirectory: URL(fileURLWithPath: themes), themeName: theme, contentDisplayPath: content)
    }
}
