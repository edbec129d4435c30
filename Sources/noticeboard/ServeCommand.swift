import ArgumentParser
import DevServer
import Foundation
import NoticeModel
import SiteGeneration

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: say("serve.abstract"))

    @Option(name: .long, help: ArgumentHelp(say("serve.port.help")))
    var port: Int = 8000

    @OptionGroup var source: ContentOptions

    @Option(name: .long, help: ArgumentHelp(say("serve.output.help")))
    var output: String?

    @Flag(name: .long, help: ArgumentHelp(say("serve.poll.help")))
    var poll = false

    func run() async throws {
        let outputURL = output.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("noticeboard-serve-\(ProcessInfo.processInfo.processIdentifier)/site")
        let server = DevServer(options: .init(site: source.options(output: outputURL.path), port: port, polling: poll))
        try await server.run()
    }
}
