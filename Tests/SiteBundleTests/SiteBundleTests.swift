import Foundation
import Testing
import ZIPFoundation
@testable import SiteBundle

@Suite struct SiteBundleTests {
    private func makeSite() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bundle-test-\(UUID().uuidString)")
        let site = root.appendingPathComponent("site")
        for (path, text) in [("index.html", "<p>首页</p>"), ("2024/x/index.html", "<p>通知</p>"), ("assets/site.css", "body{}"),
                             ("search/t/0.js", "NBSearch.shard(0,{})")] {
            let url = site.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return site
    }

    @Test func theStartPageComesFirstAndEveryFileIsInTheZip() throws {
        let site = try makeSite()
        let zip = site.deletingLastPathComponent().appendingPathComponent("out.zip")
        let summary = try SiteBundle.zip(site: site, to: zip, date: Date(timeIntervalSince1970: 315_532_800))
        #expect(summary.files == 4)
        let archive = try Archive(url: zip, accessMode: .read)
        let names = archive.map(\.path)
        #expect(names == ["index.html", "2024/x/index.html", "assets/site.css", "search/t/0.js"])
        var text = Data()
        _ = try archive.extract(archive["2024/x/index.html"]!) { text.append($0) }
        #expect(String(decoding: text, as: UTF8.self) == "<p>通知</p>")
    }

    @Test func theSameSiteGivesTheSameBytes() throws {
        let site = try makeSite()
        let first = site.deletingLastPathComponent().appendingPathComponent("a.zip")
        let second = site.deletingLastPathComponent().appendingPathComponent("b.zip")
        _ = try SiteBundle.zip(site: site, to: first, date: Date(timeIntervalSince1970: 315_532_800))
        Thread.sleep(forTimeInterval: 1.1)
        _ = try SiteBundle.zip(site: site, to: second, date: Date(timeIntervalSince1970: 315_532_800))
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))
    }
}
