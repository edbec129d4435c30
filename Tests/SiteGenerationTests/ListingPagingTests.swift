import Foundation
import NoticeModel
import Support
@testable import SiteGeneration
import TestSupport
import Testing

/// A region's archive grows by hundreds of notices a year; its home page and listings must stay
/// short enough for a phone in WeChat, and every notice must still be a few clicks from home, with
/// plain links that work from a folder and without JavaScript.
@Suite("Paged listings")
struct ListingPagingTests {
    /// 29 notices over five years and two specialties (four cover the whole series), five a page.
    static func archive(pageSize: Int = 5, count: Int = 25) throws -> ContentFixture {
        var files: [(path: String, text: String)] = [
            ("site.yml", "title: 测试站点\npage_size: \(pageSize)\n"),
            ("taxonomy.yml", "series:\n  - id: gongcheng\n    name: 工程系列\n    specialties:\n      - {id: shuili, name: 水利}\n      - {id: dianli, name: 电力}\n"),
        ]
        func notice(_ id: String, year: Int, specialty: String?) -> [(path: String, text: String)] {
            let yml = """
            id: \(id)
            year: \(year)
            title: \(year)年度\(specialty ?? "工程系列")职称评审通知（\(id)）
            issuer: 职称办
            scope: 自治区
            series: [gongcheng]
            specialties: [\(specialty.map { "gongcheng/\($0)" } ?? "")]
            levels:
              - {id: fugao, rank: 副高级, name: 高级工程师}
            timeline:
              - id: apply
                kind: apply
                label: 网上申报
                start: \(year)-08-05 10:00
                end: \(year)-08-31 20:00
                source: "#一时间安排"

            """
            return [("notices/\(id)/notice.yml", yml), ("notices/\(id)/notice.md", "## 一、时间安排\n\n8月5日10:00至8月31日20:00。\n")]
        }
        for index in 0..<count {
            let year = 2020 + index % 5
            files += notice(String(format: "\(year)-n%03d", index), year: year, specialty: index % 3 == 0 ? "dianli" : "shuili")
        }
        for year in 2021...2024 { files += notice("\(year)-zhenggao", year: year, specialty: nil) }
        return try ContentFixture(files: files, name: "archive")
    }

    /// The archive and the site built from it, in a temporary folder of its own.
    static func builtArchive() throws -> (content: ContentFixture, site: URL, report: SiteBuilder.Report) {
        let content = try archive()
        let site = temporaryFolder("paged")
        do {
            return (content, site, try buildSite(content: content.root, output: site))
        } catch {
            remove(content, site)
            throw error
        }
    }

    static func remove(_ content: ContentFixture, _ site: URL) {
        content.remove()
        try? FileManager.default.removeItem(at: site)
    }

    /// The site's pages reachable from the home page by following links, with how many clicks each
    /// took: a breadth-first walk over the hrefs of the built files, as a reader clicks.
    static func clicks(in site: URL) throws -> [String: Int] {
        var depth = ["index.html": 0]
        var queue = ["index.html"]
        let href = try Regex(##"href="([^"#]+)(#[^"]*)?""##)
        while !queue.isEmpty {
            let page = queue.removeFirst()
            let html = try read(site, page)
            let folder = URL(fileURLWithPath: "/" + page).deletingLastPathComponent()
            for match in html.matches(of: href) {
                // A link's query (a checklist opened at a level, `?level=fugao`) names the same file.
                guard let link = match.output[1].substring.map({ String($0.prefix { $0 != "?" }) }), link.hasSuffix(".html") else { continue }
                let target = String(URL(fileURLWithPath: link, relativeTo: folder).standardizedFileURL.path.dropFirst())
                guard depth[target] == nil, FileManager.default.fileExists(atPath: site.appendingPathComponent(target).path) else { continue }
                depth[target] = depth[page]! + 1
                queue.append(target)
            }
        }
        return depth
    }

    @Test("every notice is at most three clicks from the home page, and no listing page is longer than a page's worth")
    func everyNoticeReachable() throws {
        let (content, site, report) = try Self.builtArchive()
        defer { Self.remove(content, site) }
        #expect(report.noticeCount == 29)
        let depth = try Self.clicks(in: site)
        let notices = try FileManager.default.contentsOfDirectory(atPath: content.url("notices").path)
        for id in notices {
            let page = "\(id.prefix(4))/\(id.dropFirst(5))/index.html"
            #expect(depth[page].map { $0 <= 3 } == true, "\(page): \(depth[page].map(String.init) ?? "not reachable")")
        }
        // Every page of the site is reached, the paged ones included (not a level's former checklist
        // address, which nothing links: it is there for links made before).
        let formerChecklist = try Regex(#"^\d{4}/[^/]+/checklist/[^/]+/index\.html$"#)
        let html = regularFiles(under: site).filter {
            $0.hasSuffix(".html") && !["404.html", "search/index.html"].contains($0) && $0.wholeMatch(of: formerChecklist) == nil
        }
        #expect(Set(html).subtracting(depth.keys).isEmpty, "\(Set(html).subtracting(depth.keys).sorted())")
        // A listing shows at most a page's worth in each of its lists (a specialty's own notices and
        // those of its whole series; a hub's older notices and the series'; home's open and newest).
        let listing = try Regex(#"^(index\.html|series/.*|\d{4}/(page/\d+/)?index\.html)$"#)
        for page in html where page.wholeMatch(of: listing) != nil {
            let entries = try read(site, page).components(separatedBy: "class=\"notice-entry\"").count - 1
            #expect(entries <= 10, "\(page) lists \(entries)")
        }
    }

    @Test("a series' pages list each of its notices once, newest first, with a pager on each page")
    func seriesPages() throws {
        let (content, site, _) = try Self.builtArchive()
        defer { Self.remove(content, site) }
        // 29 notices, five a page: the first page at the series' own address, then page/2/ … page/6/.
        let pages = ["series/gongcheng/index.html"] + (2...6).map { "series/gongcheng/page/\($0)/index.html" }
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("series/gongcheng/page/1").path))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("series/gongcheng/page/7").path))
        var listed: [String] = []
        let title = try Regex(#"class="notice-link" href="[^"]*">[^<]*（([0-9a-z-]+)）</a>"#)
        for (index, page) in pages.enumerated() {
            let html = try read(site, page)
            listed += html.matches(of: title).map { String($0.output[1].substring!) }
            // The page's own number is marked for screen readers; every page number is a link.
            #expect(html.contains(">\(index + 1)</a>") && html.contains("aria-current=\"page\">\(index + 1)</a>"), "\(page)")
            #expect(html.contains("第 \(index + 1) 页，共 6 页"), "\(page)")
            #expect(html.contains("rel=\"prev\"") == (index > 0))
            #expect(html.contains("rel=\"next\"") == (index < 5))
            if index > 0 { #expect(html.contains("<title>工程系列（第 \(index + 1) 页）")) }
        }
        #expect(listed.count == 29 && Set(listed).count == 29, "\(listed)")
        let years = listed.map { Int($0.prefix(4))! }
        #expect(years == years.sorted(by: >))
        // From page 3, the pager leads back to the first page by its own address.
        let third = try read(site, "series/gongcheng/page/3/index.html")
        #expect(third.contains("href=\"../../index.html\">1</a>") && third.contains("rel=\"prev\" href=\"../2/index.html\""))
    }

    @Test("the home page leads with the windows still open, then the newest year, and links every year's listing")
    func homePage() throws {
        let (content, site, _) = try Self.builtArchive()
        defer { Self.remove(content, site) }
        let home = try read(site, "index.html")
        for year in 2020...2024 { #expect(home.contains("<a href=\"\(year)/index.html\">\(year)年度</a>（")) }
        // 2024 has six notices, more than a page: the home page shows five and links the rest.
        #expect(home.contains("2024年度共 6 份通知，这里列出前 5 份"))
        #expect(!home.contains("id=\"year-2023\""))
        // The year's listing has them all, over two pages.
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("2024/page/2/index.html").path))
    }

    @Test("a notice slug or specialty id the pager or hub uses is an error at its line")
    func reservedNames() throws {
        let content = try Self.archive(count: 1)
        defer { content.remove() }
        try FileManager.default.moveItem(at: content.url("notices/2020-n000"), to: content.url("notices/2020-page"))
        try content.write(String(contentsOf: content.url("notices/2020-page/notice.yml"), encoding: .utf8)
            .replacingOccurrences(of: "2020-n000", with: "2020-page"), to: "notices/2020-page/notice.yml")
        try content.write("series:\n  - id: gongcheng\n    name: 工程系列\n    specialties:\n      - {id: checklist, name: 清单}\n      - {id: shuili, name: 水利}\n      - {id: dianli, name: 电力}\n",
                          to: "taxonomy.yml")
        let result = ContentLoader.load(from: content.root, displayRoot: "content")
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.contains { $0.file == "content/notices/2020-page/notice.yml" && $0.message(in: .zh).contains("page") })
        #expect(errors.contains { $0.file == "content/taxonomy.yml" && $0.line == 5 && $0.message(in: .zh).contains("checklist") })
    }
}
