import Foundation
import SiteGeneration
import Testing
import TestSupport
@testable import DevServer

/// serve's keeper under saves that arrive while the search index is being written in the
/// background: notice saves (rebuilt beside the job, which is asked to stop) and site.yml saves
/// (full builds, which replace the whole output folder and must wait for the job to end).
@Suite("serve while its search index is written")
struct SiteKeeperTests {
    @Test("saves during search jobs never leave two jobs running, and the served site ends equal to a full build")
    func savesDuringSearchJobs() async throws {
        let root = temporaryFolder("keeper")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("content"), to: content)
        func siteOptions(output: String) -> SiteBuilder.Options {
            SiteBuilder.Options(contentDirectory: content, outputDirectory: root.appendingPathComponent(output),
                                themesDirectory: repositoryRoot.appendingPathComponent("themes"), contentDisplayPath: "content")
        }
        // No pause before the index is written, so nearly every save lands on a running job.
        let keeper = SiteKeeper(options: DevServer.Options(site: siteOptions(output: "served"), pollInterval: .milliseconds(5),
                                                           searchIndexDelay: .zero),
                                state: BuildState())
        await keeper.start()
        let watching = Task { await keeper.watch() }

        let notice = content.appendingPathComponent("notices/2022-shuili/notice.yml")
        let siteFile = content.appendingPathComponent("site.yml")
        let original = try String(contentsOf: notice, encoding: .utf8)
        for save in 0..<30 {
            try original.replacingOccurrences(of: "amount: ", with: "amount: \(save % 9 + 1)")
                .write(to: notice, atomically: true, encoding: .utf8)
            if save % 6 == 5 { try Data(contentsOf: siteFile).write(to: siteFile) }   // a full build
            try await Task.sleep(for: .milliseconds([0, 30, 120, 400, 700][save % 5]))
        }
        // The last save seen and rebuilt, then its search index written.
        try await Task.sleep(for: .milliseconds(300))
        let deadline = ContinuousClock.now + .seconds(120)
        while await !keeper.searchIndexUpToDate, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        watching.cancel()
        await watching.value
        await keeper.shutDown()
        #expect(await keeper.searchIndexUpToDate)
        // Jobs were started again as saves stopped them.
        #expect(await keeper.searchJobsStarted > 1)
        #expect(keeper.searchJobsAtOnce.most == 1, "search jobs running at once: \(keeper.searchJobsAtOnce.most)")

        _ = try SiteBuilder(options: siteOptions(output: "full")).build()
        let served = try files(under: root.appendingPathComponent("served"))
        let full = try files(under: root.appendingPathComponent("full"))
        #expect(served.keys.sorted() == full.keys.sorted())
        let differing = full.keys.sorted().filter { served[$0] != full[$0] }
        #expect(differing.isEmpty, "served files unlike a full build's: \(differing.prefix(10))")
    }

    /// Every regular file below a folder, by path relative to it.
    private func files(under folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let base = folder.standardizedFileURL.path + "/"
        for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])! {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            result[String(url.standardizedFileURL.path.dropFirst(base.count))] = try Data(contentsOf: url)
        }
        return result
    }
}
