import Foundation
import NoticeModel
import TestSupport
import Testing
@testable import NoticeScaffold

@Suite("noticeboard init")
struct SiteStarterTests {
    @Test("writes a content folder that loads with no errors and no warnings")
    func startedSiteLoadsClean() throws {
        let folder = temporaryFolder("init")
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try SiteStarter.start(in: folder)
        #expect(written.count == 4)
        let loaded = ContentLoader.load(from: folder)
        #expect(loaded.diagnostics == [], "\(loaded.diagnostics)")
        let content = try #require(loaded.content)
        #expect(content.notices.isEmpty && content.taxonomy.series.isEmpty)
        #expect(content.site.title == "职称申报指南")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("notices/说明.txt").path))
    }

    @Test("its calendar is the sample content's, comments aside")
    func calendarMatchesTheSampleContent() throws {
        let sample = try String(contentsOf: repositoryRoot.appendingPathComponent("content/calendar.yml"), encoding: .utf8)
        let data = { (text: String) in text.split(separator: "\n").filter { !$0.hasPrefix("#") } }
        #expect(data(StarterFiles.calendar) == data(sample))
    }

    @Test("each settings file explains itself in Chinese comments")
    func filesAreCommentedInChinese() {
        for (path, text) in SiteStarter.files where path.hasSuffix(".yml") {
            let chineseComments = text.split(separator: "\n").filter { line in
                line.hasPrefix("#") && line.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
            }
            #expect(chineseComments.count >= 3, "\(path)")
        }
    }

    @Test("refuses when any of its files is there, writes nothing and says so in Chinese")
    func refusesToOverwrite() throws {
        let folder = temporaryFolder("init")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("title: 我们的网站\n".utf8).write(to: folder.appendingPathComponent("site.yml"))
        #expect(throws: SiteStarter.Failure.self) { try SiteStarter.start(in: folder) }
        #expect(try String(contentsOf: folder.appendingPathComponent("site.yml"), encoding: .utf8) == "title: 我们的网站\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("taxonomy.yml").path))
        do {
            try SiteStarter.start(in: folder)
        } catch {
            #expect(error.message.text(in: .zh).contains("site.yml 已经存在"))
        }
    }
}
