import ArgumentParser
import BuildInfo
import Foundation
import NoticeModel
import SiteGeneration

/// The command line: argument parsing only; the work is done by SiteGeneration.
@main
struct Noticeboard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "noticeboard",
        abstract: "Turns 职称 evaluation notices (YAML + Markdown) into a guidance site for applicants.",
        version: BuildInfo.versionLine(),
        subcommands: [Build.self, Check.self, New.self, Import.self, Diff.self, Serve.self, HandoutCommand.self, BundleCommand.self, InitCommand.self],
        defaultSubcommand: Build.self
    )
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site from a content folder.")

    @OptionGroup var source: ContentOptions

    @Option(name: .long, help: "Where to write the site. Replaced only when the build succeeds.")
    var output: String = "public"

    /// Every build now works from a folder as well as from a server; the flag is still accepted so
    /// that an office's old scripts keep working.
    @Flag(name: .long, help: .hidden)
    var offline = false

    func run() throws {
        let started = Date()
        let options = source.options(output: output)
        let builder = SiteBuilder(options: options)
        do {
            let report = try builder.build()
            printDiagnostics(report.diagnostics)
            for note in report.notes { print("note: \(note)") }
            let seconds = Date().timeIntervalSince(started)
            print(String(format: "Built %d pages from %d notices (%d files, %.1f KB) in %.2f s.",
                         report.pagesWritten, report.noticeCount, report.filesWritten, Double(report.bytesWritten) / 1024, seconds))
            print("The site is in \(report.outputDirectory.standardizedFileURL.path)/ — open \(report.outputDirectory.standardizedFileURL.path)/index.html")
        } catch {
            printDiagnostics(error.diagnostics)
            let errors = error.diagnostics.filter { $0.severity == .error }.count
            FileHandle.standardError.write(Data("Build failed: \(errors) error\(errors == 1 ? "" : "s"). The previous site in \(output)/ was left as it was.\n".utf8))
            throw ExitCode(1)
        }
    }

}

func printDiagnostics(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics {
        FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
    }
}

/// Writes beside the destination first and renames, so a reader never sees half a file.
func writeAtomically(_ data: Data, to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url, options: .atomic)
}

/// Where the content and theme come from, shared by the commands that read them.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: "The content folder (site.yml, taxonomy.yml, notices/).")
    var content: String = "content"

    @Option(name: .long, help: "A theme in the themes folder, applied over the default theme file by file.")
    var theme: String?

    @Option(name: .long, help: "The folder that holds the themes.")
    var themes: String = "themes"

    func options(output: String) -> SiteBuilder.Options {
        SiteBuilder.Options(contentDirectory: URL(fileURLWithPath: content), outputDirectory: URL(fileURLWithPath: output),
                            themesDirectory: URL(fileURLWithPath: themes), themeName: theme, contentDisplayPath: content)
    }
}
