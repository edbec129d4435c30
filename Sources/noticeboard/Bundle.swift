import ArgumentParser
import Foundation
import NoticeModel
import SiteBundle
import SiteGeneration

struct BundleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: say("bundle.abstract"),
        discussion: say("bundle.discussion")
    )

    @Option(name: .long, help: ArgumentHelp(say("bundle.output.help")))
    var output: String = "noticeboard-offline.zip"

    @OptionGroup var source: ContentOptions

    func run() throws {
        let started = Date()
        let staging = FileManager.default.temporaryDirectory.appendingPathComponent("noticeboard-bundle-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: staging) }
        let options = source.options(output: staging.appendingPathComponent("site").path)
        do {
            let report = try SiteBuilder(options: options).build()
            printDiagnostics(report.diagnostics)
            let date = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init)
                .map(Date.init(timeIntervalSince1970:)) ?? Date(timeIntervalSince1970: 315_532_800)
            let summary = try SiteBundle.zip(site: report.outputDirectory, to: URL(fileURLWithPath: output), date: date)
            print(say("bundle.wrote", ["file": output, "pages": "\(report.pagesWritten)", "notices": "\(report.noticeCount)",
                                       "files": "\(summary.files)", "unpacked": String(format: "%.1f", Double(summary.unpackedBytes) / 1024),
                                       "zipped": String(format: "%.1f", Double(summary.zipBytes) / 1024),
                                       "seconds": String(format: "%.2f", Date().timeIntervalSince(started))]))
            print(say("bundle.howToOpen"))
        } catch let failure as SiteBuilder.Failure {
            printDiagnostics(failure.diagnostics)
            FileHandle.standardError.write(Data((say("bundle.failed") + "\n").utf8))
            throw ExitCode(1)
        } catch {
            // The site was built but the .zip could not be written (a full disk, a folder without permission).
            FileHandle.standardError.write(Data((say("bundle.cannotWrite", ["file": output, "reason": "\(error)"]) + "\n").utf8))
            throw ExitCode(1)
        }
    }
}
