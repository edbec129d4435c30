import Foundation
import NoticeModel
import TestSupport
import Testing
@testable import SiteGeneration

/// The build renders notices on all cores in batches; what it writes must not depend on how the
/// notices were split or in which order the threads finished.
@Suite("Parallel build")
struct ParallelBuildTests {
    func write(batchSize: Int, to folder: URL) throws -> SiteWriter.Written {
        let loaded = ContentLoader.load(from: repositoryRoot.appendingPathComponent("content"), displayRoot: "content")
        let theme = try Theme.load(themesDirectory: repositoryRoot.appendingPathComponent("themes"), name: nil)
        let output = try OutputFolder(destination: folder)
        var writer = SiteWriter(content: loaded.content!, theme: theme, output: output)
        writer.batchSize = batchSize
        var timings = StepTimings()
        let written = try writer.writeAll(timings: &timings)
        try output.commit()
        return written
    }

    @Test("batches of one, two and all notices write the same bytes", arguments: [1, 2])
    func batchesDoNotChangeOutput(_ batchSize: Int) throws {
        let whole = temporaryFolder("batch-all"), split = temporaryFolder("batch-\(batchSize)")
        defer { try? FileManager.default.removeItem(at: whole); try? FileManager.default.removeItem(at: split) }
        let a = try write(batchSize: 64, to: whole), b = try write(batchSize: batchSize, to: split)
        #expect(a.pages == b.pages && a.pages == 70)
        let first = try snapshot(whole), second = try snapshot(split)
        #expect(first.keys.sorted() == second.keys.sorted())
        for (path, data) in first { #expect(second[path] == data, "\(path) differs with batches of \(batchSize)") }
    }

    @Test("one notice's pages can be rendered on their own, as the build writes them")
    func noticePagesSeam() throws {
        let loaded = ContentLoader.load(from: repositoryRoot.appendingPathComponent("content"), displayRoot: "content")
        let content = try #require(loaded.content)
        let theme = try Theme.load(themesDirectory: repositoryRoot.appendingPathComponent("themes"), name: nil)
        let folder = temporaryFolder("seam")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try buildSite(output: folder)
        let staging = try OutputFolder(destination: temporaryFolder("seam-staging"))
        defer { staging.discard() }
        let writer = SiteWriter(content: content, theme: theme, output: staging)
        let notice = try #require(content.notices.first { $0.id == "2024-meitan-aksu" })
        let index = try #require(content.notices.firstIndex(of: notice))
        let rendered = writer.renderNotice(notice, index: index)
        #expect(rendered.pages.count == 1 + notice.templates.count + 1 + notice.levels.count)
        for page in rendered.pages {
            let written = try Data(contentsOf: folder.appendingPathComponent(Routes.file(for: page.path)))
            #expect(Data(page.html) == written, "\(page.path)")
        }
        #expect(rendered.diagnostics.isEmpty)
    }
}
