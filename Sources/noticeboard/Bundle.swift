import ArgumentParser
import Foundation
import SiteBundle
import SiteGeneration

struct BundleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: "Build the site and pack it into one .zip, to open from a folder or a USB stick.",
        discussion: "Unzip it anywhere and open index.html: every page, search included, works from the folder with no network. Set SOURCE_DATE_EPOCH to date the entries; otherwise they carry 1980-01-01, so the same content gives the same bytes."
    )

    @Option(name: .long, help: "The .zip to write.")
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
            print(String(format: "Wrote %@: %d pages from %d notices, %d files, %.1f KB unpacked, %.1f KB zipped, in %.2f s.",
                         output, report.pagesWritten, report.noticeCount, summary.files, Double(summary.unpackedBytes) / 1024,
                         Double(summary.zipBytes) / 1024, Date().timeIntervalSince(started)))
            print("Unzip it and open index.html; it works with no network.")
        } catch let failure as SiteBuilder.Failure {
            printDiagnostics(failure.diagnostics)
            FileHandle.standardError.write(Data("Bundle failed: nothing was written.\n".utf8))
            throw ExitCode(1)
        }
    }
}
