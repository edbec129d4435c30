import ArgumentParser
import DevServer
import Foundation
import SiteGeneration

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build, serve on 127.0.0.1, rebuild on every change and reload open pages.")

    @Option(name: .long, help: "The port on 127.0.0.1.")
    var port: Int = 8000

    @OptionGroup var source: ContentOptions

    @Option(name: .long, help: "Where the served site is written (default: a temporary folder; public/ is left alone).")
    var output: String?

    @Flag(name: .long, help: "Notice changes by scanning the folders instead of inotify (e.g. on a network drive).")
    var poll = false

    func run() async throws {
        let outputURL = output.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("noticeboard-serve-\(ProcessInfo.processInfo.processIdentifier)/site")
        let server = DevServer(options: .init(site: source.options(output: outputURL.path), port: port, polling: poll))
        try await server.run()
    }
}
