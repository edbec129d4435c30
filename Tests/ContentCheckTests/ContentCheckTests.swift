import Foundation
import NoticeModel
import TestSupport
import Testing
@testable import ContentCheck

func check(_ content: URL) -> ContentChecker.Report {
    ContentChecker(options: .init(contentDirectory: content, themesDirectory: repositoryRoot.appendingPathComponent("themes"),
                                  contentDisplayPath: "content")).run()
}

@Suite("noticeboard check")
struct ContentCheckTests {
    @Test("The five sample notices: no errors, no broken link or anchor anywhere in the built site, and seed 002's misprinted 2023 date")
    func sampleContent() {
        let report = check(repositoryRoot.appendingPathComponent("content"))
        #expect(report.errors == 0, "\(report.diagnostics.map(\.description))")
        #expect(report.siteChecked)
        #expect(report.pagesChecked >= 61)
        #expect(report.linksChecked > 1300)
        let located = report.diagnostics.map { "\($0.file):\($0.line):\($0.column)" }
        #expect(located == ["content/notices/2024-meitan-aksu/notice.yml:157:16", "content/notices/2024-meitan-aksu/notice.yml:419:18"])
        #expect(report.diagnostics.allSatisfy { $0.message.contains("2023年9月15日") && $0.severity == .warning })
    }

    @Test("Broken links and anchors in a notice's text are errors at their line and column, with the closest anchor")
    func brokenLinksInText() throws {
        let content = try copyOfContent()
        defer { try? FileManager.default.removeItem(at: content) }
        try edit(content.appendingPathComponent("notices/2022-shuili/notice.md")) { text in
            text + "\n见[时间安排](#一时间按排)，[去年](../../2021/no-such-notice/)，[测绘](../../2023/guotu-cehui-dizhi/#二申报范围)，[对的](../../2023/guotu-cehui-dizhi/)。\n"
        }
        let report = check(content)
        let line = try String(contentsOf: content.appendingPathComponent("notices/2022-shuili/notice.md"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).count - 1
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 3, "\(errors.map(\.description))")
        #expect(errors.allSatisfy { $0.file == "content/notices/2022-shuili/notice.md" && $0.line == line })
        #expect(errors[0].message(in: .en).contains("#一时间按排") && errors[0].hint(in: .en) == "did you mean '#一时间安排'?")
        #expect(errors[0].column == 9)
        #expect(errors[1].message(in: .en).contains("no page '2021/no-such-notice/'"))
        #expect(errors[2].message(in: .en).contains("no id '二申报范围'"))
        // Each is reported once, in the text, not again where it lands in the built page.
        #expect(!report.diagnostics.contains { $0.file.hasPrefix(ContentChecker.builtPrefix) })
    }

    @Test("A broken link made by a theme template is found in the built site")
    func brokenLinkInTheme() throws {
        let themes = temporaryFolder("themes")
        defer { try? FileManager.default.removeItem(at: themes) }
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("themes"), to: themes)
        try edit(themes.appendingPathComponent("default/templates/404.mustache")) { $0 + "<a href=\"{{homeHref}}series/nope/#x\">x</a><a href=\"{{homeHref}}#missing-id\">y</a>" }
        let report = ContentChecker(options: .init(contentDirectory: repositoryRoot.appendingPathComponent("content"), themesDirectory: themes,
                                                   contentDisplayPath: "content")).run()
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 2)
        #expect(errors.allSatisfy { $0.file == ContentChecker.builtPrefix + "404.html" })
        #expect(errors[0].message.contains("series/nope") || errors[1].message(in: .en).contains("series/nope"))
        #expect(errors.contains { $0.message(in: .en).contains("no id 'missing-id'") })
    }

    @Test("Lints: a deadline after the review, dates to confirm, TODO, a misdated text; unknown levels and placeholders stay errors")
    func lints() throws {
        let content = try copyOfContent()
        defer { try? FileManager.default.removeItem(at: content) }
        let data = content.appendingPathComponent("notices/2022-shuili/notice.yml")
        try edit(data) { text in
            text.replacingOccurrences(of: "    end: 2022-08-31 20:00", with: "    end: 2022-09-20 20:00")
                .replacingOccurrences(of: "year: 2022\n", with: "year: 2022\nto_confirm: [timeline.review, payment.deadline]\n")
                .replacingOccurrences(of: "issuer: 自治区水利专业技术人员职称办公室", with: "issuer: TODO 发文单位")
                .replacingOccurrences(of: "  - level: chuji\n    amount: 100\n", with: "  - level: chuji\n    amount: 100\n  - level: chuij\n    amount: 1\n")
        }
        try edit(content.appendingPathComponent("notices/2022-shuili/templates/gongshi.md")) { $0 + "\n{{nmae}}\n" }
        let report = check(content)
        let messages = report.diagnostics.map { "\($0.severity.rawValue) \($0.line): \($0.message(in: .en))" }
        #expect(messages.contains { $0.hasPrefix("warning") && $0.contains("'apply' ends 2022-09-20 20:00, after the review period 'review' ends (2022-09-15)") })
        #expect(messages.contains { $0.contains(": 2022-09-15 (timeline.review)") && $0.contains("to confirm") })
        #expect(messages.contains { $0.contains("to confirm: 缴费截止: 2022-09-30 (payment.deadline)") })
        #expect(messages.contains { $0.contains("TODO left in: issuer: TODO 发文单位") })
        #expect(messages.contains { $0.hasPrefix("error") && $0.contains("unknown level 'chuij'") })
        #expect(messages.contains { $0.hasPrefix("error") && $0.contains("unknown placeholder '{{nmae}}'") })
        #expect(report.errors == 2)
        #expect(!report.siteChecked)
    }

    @Test("--format json lists every diagnostic with its position and the counts")
    func json() throws {
        let report = check(repositoryRoot.appendingPathComponent("content"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        #expect(object["errors"] as? Int == 0)
        #expect(object["warnings"] as? Int == 2)
        #expect(object["notices"] as? Int == 5)
        let first = try #require((object["diagnostics"] as? [[String: Any]])?.first)
        #expect(first["file"] as? String == "content/notices/2024-meitan-aksu/notice.yml")
        #expect(first["line"] as? Int == 157)
        #expect(first["severity"] as? String == "warning")
    }

    @Test("Links resolve as a browser resolves them: folders, ../, root-absolute, encoded anchors, external links skipped")
    func resolution() {
        let site = SiteIndex(files: ["index.html": ["top"], "2024/x/index.html": ["一时间安排", "a"], "assets/site.css": []])
        #expect(site.resolve("../../", from: "2024/x/index.html") == .ok)
        #expect(site.resolve("#%E4%B8%80%E6%97%B6%E9%97%B4%E5%AE%89%E6%8E%92", from: "2024/x/index.html") == .ok)
        #expect(site.resolve("/2024/x/#a", from: "404.html") == .ok)
        #expect(site.resolve("../../assets/site.css?v=1", from: "2024/x/index.html") == .ok)
        #expect(site.resolve("../../../..", from: "2024/x/index.html") == .escapesSite)
        #expect(site.resolve("#b", from: "2024/x/index.html") == .missingAnchor(file: "2024/x/index.html", anchor: "b"))
        #expect(site.resolve("../y/", from: "2024/x/index.html") == .missingFile("2024/y/index.html"))
        for external in ["https://example.org/a", "tel:09911234", "mailto:a@b.c", "//cdn.example/x.js"] {
            #expect(site.resolve(external, from: "index.html") == .external)
        }
    }

    @Test("The HTML scanner finds hrefs, srcs and ids with their positions, and skips scripts and comments")
    func scanner() {
        let html = "<p id=\"a\">x</p>\n<!-- <a href=\"no\"> -->\n  <a class=x href='../b/#c'>y</a><script>var s = '<a href=\"js\">';</script><img src=\"i.png\" id=b>"
        let scan = HTMLScan(bytes: Array(html.utf8))
        #expect(scan.ids == ["a", "b"])
        #expect(scan.links.map(\.value) == ["../b/#c", "i.png"])
        #expect(scan.links[0].line == 3 && scan.links[0].column == 20)
    }

    @Test("Chinese dates in texts are found with their offsets; year ranges are not dates")
    func chineseDates() {
        let found = OfficeLints.chineseDates(in: "材料报送时间：2023年9月15日—9月25日；2021-2024年度；12023年1月1日")
        #expect(found.map(\.text) == ["2023年9月15日"])
        #expect(found[0].offset == 7)
    }
}
