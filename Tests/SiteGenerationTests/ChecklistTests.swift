import Foundation
import NoticeModel
import TestSupport
import Testing
@testable import SiteGeneration

@Suite("Materials checklists")
struct ChecklistTests {
    struct Material: Decodable {
        let material: String
        let keywords: [String]
        let quote: String
    }

    /// Materials found in each notice's text by a second reader, independently of the checklists.
    static func materials() throws -> [String: [Material]] {
        let data = try Data(contentsOf: repositoryRoot.appendingPathComponent("Tests/SiteGenerationTests/Fixtures/materials.json"))
        return try JSONDecoder().decode([String: [Material]].self, from: data)
    }

    @Test("every material a notice asks for is on its checklist")
    func checklistsCoverEveryMaterial() throws {
        let loaded = ContentLoader.load(from: repositoryRoot.appendingPathComponent("content"))
        let notices = try #require(loaded.content?.notices)
        let materials = try Self.materials()
        #expect(Set(materials.keys) == Set(notices.map(\.id)))
        for notice in notices {
            let text = letters(notice.markdown)
            let items = notice.checklist.map { $0.title + " " + $0.text }
            for material in materials[notice.id] ?? [] {
                let covered = items.contains { item in material.keywords.allSatisfy(item.contains) }
                #expect(covered, "\(notice.id): no checklist item covers “\(material.material)” (\(material.keywords))")
                // The reader's quote really is in the notice text, so the list is of the notice, not invented.
                // Compared on letters and digits alone: the Markdown splits a label from its text.
                let quoted = text.contains(letters(material.quote))
                #expect(quoted, "\(notice.id): quote not found in notice.md: \(material.quote)")
            }
        }
    }

    /// Letters and digits only, so headings, line breaks and punctuation do not matter.
    func letters(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }))
    }

    @Test("one page per notice lists every level's items, each level's own marked in words and as data")
    func checklistPages() throws {
        let output = temporaryFolder("checklists")
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try buildSite(output: output)
        let loaded = ContentLoader.load(from: repositoryRoot.appendingPathComponent("content"))
        let sitemap = try read(output, "sitemap.xml")
        for notice in try #require(loaded.content?.notices) {
            let html = try read(output, Routes.file(for: Routes.checklist(notice)))
            let expected = notice.checklist.filter { item in notice.levels.contains { item.applies(toLevel: $0.id) } }
            #expect(html.components(separatedBy: "<li id=\"item-").count - 1 == expected.count, "\(notice.id)")
            for item in expected { #expect(html.contains("<li id=\"item-\(item.id)\""), "\(notice.id) lacks \(item.id)") }
            // Each level's former address sends the reader on to the page with that level chosen,
            // without a script, and is not in the sitemap.
            for level in notice.levels {
                let redirect = try read(output, Routes.file(for: Routes.levelChecklistRedirect(notice, level: level)))
                #expect(redirect.contains("<meta http-equiv=\"refresh\" content=\"0; url=../index.html?level=\(level.id)\">"))
                #expect(redirect.contains("<a href=\"../index.html?level=\(level.id)\">"))
                #expect(!redirect.contains("<script"))
                // Its own icon, so a browser that shows it for a moment does not ask the server
                // for /favicon.ico (a 404 in the console; seen in 1 of 15 loads in Chromium).
                #expect(redirect.contains("<link rel=\"icon\" href=\"data:,\">"))
                #expect(!sitemap.contains(Routes.levelChecklistRedirect(notice, level: level)))
            }
        }
        let shuili = try read(output, "2022/shuili/checklist/index.html")
        // An item of one level says so, for a reader without JavaScript and on paper, and the filter reads it.
        #expect(shuili.contains("适用于：申报高级工程师"))
        #expect(shuili.contains("{&quot;levels&quot;:[&quot;fugao&quot;]}"))
        #expect(shuili.contains("<select id=\"profile-level\" name=\"level\"><option value=\"\">未选择（全部显示）</option><option value=\"fugao\">"))
        let meitan = try read(output, "2024/meitan-aksu/checklist/index.html")
        #expect(meitan.contains("适用于：事业单位人员"))
        #expect(meitan.contains("data-conditions=\"{&quot;employer&quot;:[&quot;事业单位&quot;]}\""))
        #expect(meitan.contains("href=\"../index.html#2基本信息\""))
        // The hub of a specialty points at its newest notice first, a link per level.
        let hub = try read(output, "series/gongcheng/meitan/checklist/index.html")
        #expect(hub.contains("最新：2024年度"))
        #expect(hub.contains("href=\"../../../../2024/meitan-aksu/checklist/index.html?level=fugao\""))
        // A series' hub lists, of a notice that covers several series, only that series' levels.
        let jigong = try read(output, "series/jigong-yuanxiao/checklist/index.html")
        #expect(jigong.contains("checklist/index.html?level=jigong-zhenggao"))
        #expect(!jigong.contains("level=gongcheng-zhenggao"))
    }

    @Test("a notice of one level has no level question, and its heading names the level")
    func oneLevel() throws {
        let output = temporaryFolder("checklist-one-level")
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try buildSite(output: output)
        let zixun = try read(output, "2024/gongcheng-zixun/checklist/index.html")
        #expect(zixun.contains("<h1>材料清单<span id=\"checklist-level\">：高级工程师（副高级）</span></h1>"))
        #expect(!zixun.contains("profile-level"))
        #expect(!zixun.contains("&quot;levels&quot;"))
    }

    @Test("a checklist condition on an unknown level, field or anchor is a content error with its position")
    func conditionErrors() throws {
        let content = try copyOfContent("checklist-content")
        defer { try? FileManager.default.removeItem(at: content) }
        let file = content.appendingPathComponent("notices/2024-meitan-aksu/notice.yml")
        var yml = try String(contentsOf: file, encoding: .utf8)
        let checklistStart = try #require(yml.range(of: "\nchecklist:\n"))
        let conditions = try #require(yml.range(of: "    conditions:\n", range: checklistStart.upperBound..<yml.endIndex))
        yml.replaceSubrange(conditions, with: "    conditions:\n      levels: [zhenggao]\n      employr: [企业]\n")
        try yml.write(to: file, atomically: true, encoding: .utf8)
        let diagnostics = ContentLoader.load(from: content, displayRoot: "content").diagnostics
        let line = yml[..<conditions.lowerBound].filter { $0 == "\n" }.count + 2
        #expect(diagnostics.contains { $0.message(in: .en) == "unknown level 'zhenggao'" && $0.line == line })
        #expect(diagnostics.contains { $0.message(in: .en).hasPrefix("unknown key 'employr' in conditions") && $0.line == line + 1 && $0.hint(in: .en) == "rename 'employr' to 'employer' if that is what you meant" })
    }
}
