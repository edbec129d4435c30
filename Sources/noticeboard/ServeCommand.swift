import ArgumentParser
import DevServer
import Foundation
import SiteGeneration

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build, serve on 127.0.0.1, rebuild on every change and reload open pages.")

    @Option(name: .long, help: "The port on 127.0.0.1.")
    var port: Int = 8000

    @Option(name: .long, help: "The content folder.")
    var content: String = "content"

    @Option(name: .long, help: "Where the served site is written (default: a temporary folder; public/ is left alone).")
    var output: String?

    @Option(name: .long, help: "A theme in the themes folder.")
    var theme: String?

    @Option(name: .long, help: "The folder that holds the themes.")
    var themes: String = "themes"

    @Flag(name: .long, help: "Notice changes by scanning the folders instead of inotify (e.g. on a network drive).")
    var poll = false

    func run() async throws {
        let outputURL = output.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("noticeboard-serve-\(ProcessInfo.processInfo.processIdentifier)/site")
        let server = DevServer(options: .init(
            site: .init(contentDirectory: URL(fileURLWithPath: content), outputDirectory: outputURL,
                        themesDirectory: URL(fileURLWithPath: themes), themeName: theme, contentDisplayPath: content),
            port: port, polling: poll))
        try await server.run()
    }
}
