import Foundation
import NoticeModel
import TestSupport
import Testing
@testable import SiteGeneration

/// Issue 19: a page carries what its reader needs and not its share of boilerplate. These hold the
/// cuts made to the checklist and template pages (docs/site.md, "Page weight"): each item's markup
/// names the item once and carries no attribute that says nothing, a template page carries the
/// working calendar only where it counts working days, and the sample's pages stay under sizes
/// named here, so a change that brings the weight back fails with the page's size.
@Suite("Page weight")
struct PageWeightTests {
    static let output: URL = {
        let output = temporaryFolder("page-weight")
        _ = try? buildSite(output: output)
        return output
    }()

    static let notices: [Notice] = ContentLoader.load(from: repositoryRoot.appendingPathComponent("content")).content?.notices ?? []

    func checklistPages() throws -> [(String, String)] {
        try Self.notices.filter { !$0.levels.isEmpty }.map { notice in
            let path = Routes.file(for: Routes.checklist(notice))
            return (path, try read(Self.output, path))
        }
    }

    /// The opening tags of a page's checklist items.
    func itemTags(_ html: String) -> [String] {
        html.components(separatedBy: "<li id=\"item-").dropFirst().map { String($0.prefix { $0 != ">" }) }
    }

    @Test("a checklist item names itself once, and an item for everyone carries no conditions")
    func itemMarkup() throws {
        let pages = try checklistPages()
        #expect(!pages.isEmpty)
        var conditioned = 0
        for (path, html) in pages {
            let tags = itemTags(html)
            #expect(!tags.isEmpty, "\(path)")
            for tag in tags {
                #expect(!tag.contains("data-conditions=\"{}\""), "\(path): \(tag)")
                #expect(!tag.contains("class="), "\(path): \(tag)")
                if tag.contains("data-conditions=") { conditioned += 1 }
            }
            // The box is the title's label's own: no second id, no for=, no data-item repeating the item's id.
            #expect(!html.contains("data-item="), "\(path)")
            #expect(!html.contains("id=\"tick-"), "\(path)")
            #expect(html.components(separatedBy: "<label><input type=\"checkbox\">").count - 1 == tags.count, "\(path)")
            #expect(!html.contains("data-ce-not-required=\"[]\""), "\(path)")
            #expect(!html.contains("\n\n\n"), "\(path) has runs of blank lines")
        }
        // The items that do depend on the applicant still say so to the filter.
        #expect(conditioned > 0)
    }

    @Test("every checklist item keeps its tick box, its title as the box's label and its link to the notice")
    func itemsKeepWhatTheReaderUses() throws {
        let html = try read(Self.output, "2024/meitan-aksu/checklist/index.html")
        #expect(html.contains("<li id=\"item-id-card\"><label><input type=\"checkbox\">"))
        #expect(html.contains("<a href=\"../index.html#2基本信息\">原文</a></li>"))
        #expect(html.contains("data-conditions=\"{&quot;employer&quot;:[&quot;事业单位&quot;]}\""))
        #expect(html.contains(" data-ce>"))
        // The profile form: every answer is a labelled control.
        #expect(html.contains("<label class=\"check-line\"><input type=\"checkbox\" name=\"employer\" value=\"事业单位\">事业单位</label>"))
        #expect(html.contains("<option value=\"\">未选择（全部显示）</option><option value=\"是\">是</option><option value=\"否\">否</option>"))
    }

    @Test("a template page carries the working calendar only where it counts working days, and a message place only where one is written")
    func templatePages() throws {
        let gongshi = try read(Self.output, "2024/meitan-aksu/templates/gongshi/index.html")
        let tuijian = try read(Self.output, "2024/meitan-aksu/templates/tuijian/index.html")
        let result = try read(Self.output, "2024/gongcheng-zixun/templates/gongshi-jieguo/index.html")
        #expect(gongshi.contains("id=\"working-calendar\""))
        #expect(result.contains("id=\"working-calendar\""))
        #expect(!tuijian.contains("id=\"working-calendar\""))
        #expect(gongshi.contains("id=\"field-start_date-error\""))
        #expect(!gongshi.contains("id=\"field-name-error\""))
        // Every aria-describedby names an element of the page.
        for html in [gongshi, tuijian, result] {
            for reference in html.components(separatedBy: "aria-describedby=\"").dropFirst() {
                for id in reference.prefix { $0 != "\"" }.split(separator: " ") {
                    #expect(html.contains("id=\"\(id)\""), "aria-describedby names \(id), which the page lacks")
                }
            }
        }
    }

    @Test("the working calendar writes a run of days off as one interval, which templates.js reads back day by day")
    func calendarRuns() {
        #expect(TemplatePageModel.runs(["2024-10-02", "2024-10-01", "2024-10-03", "2024-12-31", "2024-02-28", "2024-02-29", "2024-03-01", "2023-12-31", "2024-01-01"])
            == ["2023-12-31/2024-01-01", "2024-02-28/2024-03-01", "2024-10-01/2024-10-03", "2024-12-31"])
        #expect(TemplatePageModel.runs(["2023-02-28", "2023-03-01"]) == ["2023-02-28/2023-03-01"])
        #expect(TemplatePageModel.runs([]) == [])
        let json = TemplatePageModel.calendarJSON(WorkingCalendar(holidays: ["2024-10-01", "2024-10-02"], workdays: ["2024-10-12"], years: [2024]))
        #expect(json.contains("\"2024-10-01/2024-10-02\"") && json.contains("\"2024-10-12\""))
    }

    /// The sample's pages at issue 19, before → after: the notice page 53,461 → 51,510 bytes, its
    /// 副高级 checklist 34,123 → 24,825, the 公示 template 14,745 → 11,663, the 推荐意见 9,321 → 5,750.
    /// Then the three levels' checklists (3 × 24.8 KB) became one page of 25.2 KB, and each level's
    /// former address a redirect of under 1 KB.
    /// Each budget is below the size before, with room for content, not for boilerplate to come back.
    @Test("the sample's notice, checklist and template pages stay under their budgets", arguments: [
        ("2024/meitan-aksu/index.html", 53_000),
        ("2024/meitan-aksu/checklist/index.html", 27_500),
        ("2024/meitan-aksu/checklist/fugao/index.html", 1_000),
        ("2024/meitan-aksu/templates/gongshi/index.html", 12_500),
        ("2024/meitan-aksu/templates/tuijian/index.html", 6_500),
    ])
    func budgets(path: String, budget: Int) throws {
        let size = try Data(contentsOf: Self.output.appendingPathComponent(path)).count
        #expect(size <= budget, "\(path) is \(size) bytes, over its budget of \(budget)")
    }
}
