import Foundation
import MarkdownRendering
import NoticeModel
import SearchIndex
import TestSupport
import Testing
@testable import SiteGeneration

@Suite("Document templates")
struct TemplateTests {
    static let templatePages = [
        "2024/gongcheng-zixun/templates/gongshi", "2024/gongcheng-zixun/templates/gongshi-jieguo", "2024/gongcheng-zixun/templates/tuijian",
        "2021/zizhiqu-5-xilie/templates/gongshi", "2021/zizhiqu-5-xilie/templates/gongshi-jieguo", "2021/zizhiqu-5-xilie/templates/tuijian",
        "2024/meitan-aksu/templates/gongshi", "2024/meitan-aksu/templates/tuijian", "2024/meitan-aksu/templates/chengnuo",
        "2024/meitan-aksu/templates/mianxue", "2022/shuili/templates/gongshi", "2022/shuili/templates/gongshi-result",
    ]

    @Test("every template of the five notices has a page with its document, blanks and form")
    func everyTemplateHasAPage() throws {
        let output = temporaryFolder("templates")
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try buildSite(output: output)
        for page in Self.templatePages {
            let html = try read(output, page + "/index.html")
            #expect(!html.contains("{{"), "\(page) has a placeholder left")
            #expect(html.contains("class=\"paper\""), "\(page)")
            #expect(html.contains("id=\"template-form\""), "\(page)")
            #expect(html.contains("class=\"ph "), "\(page) has no blank to fill")
        }
        // The notice fixes the level of its only rank, so it prints even without JavaScript.
        let result = try read(output, "2024/gongcheng-zixun/templates/gongshi-jieguo/index.html")
        #expect(result.contains("data-field=\"level\" data-blank=\"\" title=\"级别\">高级</span>"))
        // A form's trailing empty cells merge into the cell before them, as on the printed form.
        let form = try read(output, "2024/meitan-aksu/templates/mianxue/index.html")
        #expect(form.contains("<td colspan=\"5\"><span class=\"ph ph-text w10 empty\" data-field=\"graduation\""))
        #expect(form.contains("注："))
        // Linked from the notice and from the checklist item for that material.
        #expect(try read(output, "2024/meitan-aksu/index.html").contains("href=\"templates/mianxue/index.html\""))
        #expect(try read(output, "2024/meitan-aksu/checklist/index.html").contains("href=\"../templates/mianxue/index.html\""))
        // Signature and seal go in the right-aligned block after the body.
        let gongshi = try read(output, "2024/gongcheng-zixun/templates/gongshi/index.html")
        let signature = try #require(gongshi.range(of: "<div class=\"signature-block\">"))
        #expect(gongshi[signature.upperBound...].contains("（公章）"))
        #expect(gongshi.contains("data-field=\"date\" data-blank=\"　　　　年　　月　　日\""))
    }

    @Test("a misspelt placeholder, a missing file and a path out of the folder are content errors with positions")
    func templateErrors() throws {
        let content = try copyOfContent("template-content")
        defer { try? FileManager.default.removeItem(at: content) }
        let file = content.appendingPathComponent("notices/2022-shuili/templates/gongshi.md")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "{{phone}}", with: "{{phnoe}}")
        try text.write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: content.appendingPathComponent("notices/2022-shuili/templates/gongshi-result.md"))
        try edit(content.appendingPathComponent("notices/2024-meitan-aksu/notice.yml")) {
            $0.replacingOccurrences(of: "\n  - id: chengnuo\n", with: "\n  - id: chengnuo\n    file: ../../../etc/passwd.md\n")
        }

        let diagnostics = ContentLoader.load(from: content, displayRoot: "content").diagnostics
        let lines = text.components(separatedBy: "\n")
        let line = try #require(lines.firstIndex { $0.contains("{{phnoe}}") }) + 1
        let column = lines[line - 1].components(separatedBy: "{{phnoe}}")[0].unicodeScalars.count + 1
        let typo = try #require(diagnostics.first { $0.message(in: .en) == "unknown placeholder '{{phnoe}}'" })
        #expect(typo.file == "content/notices/2022-shuili/templates/gongshi.md")
        #expect((typo.line, typo.column) == (line, column))
        #expect(typo.hint(in: .en) == "did you mean '{{phone}}'?")
        #expect(diagnostics.contains { $0.file == "content/notices/2022-shuili/templates/gongshi-result.md" && $0.message(in: .en) == "file is missing or unreadable" })
        #expect(diagnostics.contains { $0.message(in: .en).contains("must be a .md file inside the notice folder") })
    }

    @Test("a template saved with Windows line ends (CRLF) has its errors at the same line and column")
    func windowsLineEnds() throws {
        let content = try copyOfContent("crlf-content")
        defer { try? FileManager.default.removeItem(at: content) }
        let file = content.appendingPathComponent("notices/2022-shuili/templates/gongshi-result.md")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "{{date}}", with: "{{dait}}")
        let lines = text.components(separatedBy: "\n")
        let line = try #require(lines.firstIndex { $0.contains("{{dait}}") }) + 1
        let column = lines[line - 1].components(separatedBy: "{{dait}}")[0].unicodeScalars.count + 1
        try lines.joined(separator: "\r\n").write(to: file, atomically: true, encoding: .utf8)
        let diagnostics = ContentLoader.load(from: content, displayRoot: "content").diagnostics
        let typo = try #require(diagnostics.first { $0.message(in: .en) == "unknown placeholder '{{dait}}'" })
        #expect(line > 1)
        #expect((typo.line, typo.column) == (line, column))
    }

    @Test("a template can be shared by several notices from content/templates/")
    func sharedTemplate() throws {
        let content = try copyOfContent("shared-template"), output = temporaryFolder("shared-site")
        defer { try? FileManager.default.removeItem(at: content); try? FileManager.default.removeItem(at: output) }
        try FileManager.default.createDirectory(at: content.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try "# 关于{{name}}同志的公示\n\n现对{{name}}同志进行公示。\n\n***\n\n{{unit}}（公章）\n"
            .write(to: content.appendingPathComponent("templates/gongshi-tongyong.md"), atomically: true, encoding: .utf8)
        let yml = content.appendingPathComponent("notices/2022-shuili/notice.yml")
        var data = try String(contentsOf: yml, encoding: .utf8)
        let templates = try #require(data.range(of: "\ntemplates:\n"))
        let entry = try #require(data.range(of: "\n  - id: gongshi\n", range: templates.lowerBound..<data.endIndex))
        data.replaceSubrange(entry, with: "\n  - id: gongshi\n    shared: gongshi-tongyong\n")
        try data.write(to: yml, atomically: true, encoding: .utf8)
        _ = try buildSite(content: content, output: output)
        let html = try read(output, "2022/shuili/templates/gongshi/index.html")
        #expect(html.contains("现对<span class=\"ph ph-text w4 empty\" data-field=\"name\""))
    }

    @Test("the working calendar is read with every day of each range; a bad date is an error")
    func calendar() throws {
        let content = ContentLoader.load(from: repositoryRoot.appendingPathComponent("content")).content
        let calendar = try #require(content?.calendar)
        #expect(calendar.years.contains(2024))
        #expect(calendar.holidays.contains("2024-02-13"))
        #expect(calendar.holidays.contains("2022-12-31"))
        #expect(calendar.workdays.contains("2024-02-18"))

        let folder = try copyOfContent("calendar")
        defer { try? FileManager.default.removeItem(at: folder) }
        try "2025:\n  holidays: [2025-02-30, 2025-10-08..2025-10-01]\n  workday: [2025-01-26]\n"
            .write(to: folder.appendingPathComponent("calendar.yml"), atomically: true, encoding: .utf8)
        let diagnostics = ContentLoader.load(from: folder, displayRoot: "content").diagnostics
        #expect(diagnostics.contains { $0.file == "content/calendar.yml" && $0.line == 2 && $0.message(in: .en).contains("'2025-02-30' is not a date") })
        #expect(diagnostics.contains { $0.line == 2 && $0.message(in: .en).contains("runs backwards") })
        #expect(diagnostics.contains { $0.line == 3 && $0.message(in: .en).contains("did you mean 'workdays'?") })
    }

    @Test("series, specialty and level are filled in only where the notice fixes them for every applicant")
    func fixedValuesOnlyWhereTheNoticeFixesThem() throws {
        let output = temporaryFolder("fixed-values")
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try buildSite(output: output)
        // Five series, one of them with its specialty 人力资源管理, at 正高级 and 副高级: nothing is fixed.
        for page in ["gongshi", "gongshi-jieguo", "tuijian"] {
            let html = try read(output, "2021/zizhiqu-5-xilie/templates/\(page)/index.html")
            #expect(!html.contains("人力资源管理</span>"), "\(page) pre-fills the specialty")
            for key in ["series", "specialty", "level"] {
                #expect(html.contains(" empty\" data-field=\"\(key)\""), "\(page): \(key) is not blank")
                #expect(html.contains("data-field=\"\(key)\" data-blank=\"\" title=\"\(TemplateField.named(key)!.label)\"></span>"), "\(page): \(key)")
            }
            // The form offers the notice's own values, and the applicant may type another.
            #expect(html.contains("list=\"field-series-suggestions\""))
            #expect(html.contains("<datalist id=\"field-series-suggestions\"><option value=\"工程系列\"><option value=\"经济系列\">"
                                  + "<option value=\"干部院校教师系列\"><option value=\"技工院校教师系列\"></datalist>"))
            #expect(html.contains("<datalist id=\"field-specialty-suggestions\"><option value=\"人力资源管理\"></datalist>"))
            #expect(html.contains("<option value=\"\">请选择</option><option value=\"正高级\">正高级</option><option value=\"高级\">高级</option></select>"))
        }
        // One series and one specialty: filled in, with JavaScript or without; its three levels are not.
        let shuili = try read(output, "2022/shuili/templates/gongshi/index.html")
        #expect(shuili.contains("data-field=\"series\" data-blank=\"\" title=\"系列\">工程系列</span>"))
        #expect(shuili.contains("data-field=\"specialty\" data-blank=\"\" title=\"专业\">水利</span>"))
        #expect(shuili.contains(" empty\" data-field=\"level\""))
        #expect(!shuili.contains("field-specialty-suggestions"))

        // The rule, not the sample: the same one-specialty notice widened to a second series no longer fixes it.
        let content = try #require(ContentLoader.load(from: repositoryRoot.appendingPathComponent("content")).content)
        var notice = try #require(content.notices.first { $0.id == "2022-shuili" })
        let template = try #require(notice.templates.first)
        func defaults(_ notice: Notice) -> [String: String] {
            TemplatePageModel(notice: notice, template: template, taxonomy: content.taxonomy, calendar: content.calendar, routes: Routes()).defaults()
        }
        #expect(defaults(notice) == ["series": "工程系列", "specialty": "水利"])
        notice.series.append(Located("jingji", at: notice.series[0].location))
        #expect(defaults(notice) == [:])
        notice.series.removeLast()
        notice.levels = notice.levels.filter { $0.rank == .fugao }
        #expect(defaults(notice) == ["series": "工程系列", "specialty": "水利", "level": "高级"])
    }

    @Test("values the notice fixes are escaped when printed into the document")
    func defaultsAreEscaped() {
        let html = TemplateDocument.shape(rendered: MarkdownRenderer.render("申报{{series}}"), defaults: ["series": "<script>alert(1)</script>"]).body
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<script>"))
    }

    @Test("a template's placeholders become what its reader sees, and their keys are no terms")
    func placeholders() {
        let text = "现对{{name}}同志申报{{series}}{{ specialty }}专业，{{date}}。{{未闭合"
        let filled = TemplatePlaceholders.replacing(in: text) { ["series": "工程系列", "specialty": "水利"][$0] ?? SearchDocuments.blank(for: $0) }
        #expect(filled == "现对＿＿同志申报工程系列水利专业，＿＿年＿＿月＿＿日。{{未闭合")
        let terms = SearchTokenizer.terms(filled)
        #expect(terms["name"] == nil && terms["date"] == nil)
        // The blank separates: no bigram across it that the reader does not see.
        #expect(terms["对同"] == nil && terms["现对"] == 1 && terms["系列"] == 1)
        for plain in ["", "无括号", "{ } {x} }}", "é{{", "👍🏽}}{{"] {
            #expect(TemplatePlaceholders.replacing(in: plain) { _ in "＿＿" } == plain)
        }
        #expect(TemplatePlaceholders.replacing(in: "a\r\n{{b}}\r\n") { $0.uppercased() } == "a\r\nB\r\n")
    }
}
