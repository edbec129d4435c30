import Testing
@testable import MarkdownRendering

@Suite("Markdown rendering")
struct MarkdownRenderingTests {
    @Test("script tags and raw HTML do not survive by default")
    func rawHTMLDropped() {
        let html = MarkdownRenderer.render("正文<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n<div onclick=\"x()\">块</div>").html
        #expect(!html.contains("<script"))
        #expect(!html.contains("onerror"))
        #expect(!html.contains("onclick"))
        #expect(html.contains("正文"))
    }

    @Test("javascript: and data: links are emptied")
    func dangerousLinks() {
        let html = MarkdownRenderer.render("[点我](javascript:alert(1)) [二](JavaScript:alert(2)) [三](data:text/html;base64,PHNjcmlwdD4=)").html
        #expect(!html.lowercased().contains("javascript:"))
        #expect(!html.contains("data:text/html"))
        #expect(html.contains("点我"))
    }

    @Test("with raw HTML opted in, the tag filter still neutralises script")
    func tagFilterWhenRawAllowed() {
        let html = MarkdownRenderer.render("<script>alert(1)</script>\n\n<b>粗</b>", allowRawHTML: true).html
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;"))  // shown as text
        #expect(html.contains("<b>粗</b>"))
    }

    @Test("remote images are dropped with a warning: pages never load from outside")
    func remoteImages() {
        let rendered = MarkdownRenderer.render("图：![章](https://example.com/seal.png)")
        #expect(!rendered.html.contains("example.com"))
        #expect(rendered.notes.count == 1)
        #expect(rendered.notes[0].line == 1)
    }

    @Test("headings get stable anchors from their text, repeats numbered, pushed down by the offset")
    func headingAnchors() {
        let rendered = MarkdownRenderer.render("## 一、时间安排\n\n#### 1.基本信息：\n\n## 附件1-1\n\n#### 1.基本信息\n", headingOffset: 1)
        #expect(rendered.headings.map(\.anchor) == ["一时间安排", "1基本信息", "附件1-1", "1基本信息-2"])
        #expect(rendered.html.contains("<h3 id=\"一时间安排\">一、时间安排</h3>"))
        #expect(rendered.html.contains("<h5 id=\"1基本信息-2\">1.基本信息</h5>"))
        #expect(!rendered.html.contains("data-sourcepos"))
        #expect(HeadingAnchor.slug("Step 2: Upload **PDF**") == "step-2-upload-pdf")
    }

    @Test("GFM tables render and scroll inside their own region on a phone")
    func tables() {
        let html = MarkdownRenderer.render("| 姓名 | 性别 |\n|---|---|\n| | |\n").html
        #expect(html.contains("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"表格\"><table>"))
        #expect(html.contains("<th>姓名</th>"))
    }

    @Test("a form table's empty header row is dropped: no column headers without names (axe: empty-table-header)")
    func emptyHeaderRowDropped() {
        let html = MarkdownRenderer.render("| | | |\n|---|:-:|---|\n| 姓名 | | 性别 |\n").html
        #expect(!html.contains("<thead>"))
        #expect(!html.contains("<th"))
        #expect(html.contains("<td>姓名</td>"))
        #expect(MarkdownRenderer.render("| 姓名 | |\n|---|---|\n| 张三 | |\n").html.contains("<thead>"))
        // Every empty header row goes, each table's own; a named one between them stays.
        let three = MarkdownRenderer.render("| | |\n|--:|---|\n| a | b |\n\n| 名 | |\n|---|---|\n| c | |\n\n| | |\n|---|:--|\n| d | e |\n").html
        #expect(three.components(separatedBy: "<thead>").count == 2)
        #expect(three.contains("<th>名</th>") && three.contains("<td>d</td>"))
    }

    @Test("a bare URL in Chinese text links only the address")
    func autolinkStopsAtChinese() {
        let html = MarkdownRenderer.render("查询结果(网址：https://www.chsi.com.cn/)，若查询不到，请上传。").html
        #expect(html.contains("<a href=\"https://www.chsi.com.cn/\">https://www.chsi.com.cn/</a>)，若查询不到"))
    }

    @Test("strikethrough and plain text for search")
    func strikethroughAndPlainText() {
        let rendered = MarkdownRenderer.render("~~旧~~新\n\n- 一\n- 二")
        #expect(rendered.html.contains("<del>旧</del>"))
        #expect(rendered.plainText.contains("旧新"))
        #expect(rendered.plainText.contains("一\n二"))
    }
}

@Suite("Rendering from several threads")
struct ConcurrentRenderingTests {
    @Test("strikethrough survives parallel rendering (cmark-gfm's special-character table is global)")
    func parallelStrikethrough() async {
        let results = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<200 {
                group.addTask { MarkdownRenderer.render("第\(index)条 ~~旧~~新 | a |\n|---|\n| b |").html.contains("<del>旧</del>") }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.count == 200)
        #expect(results.allSatisfy { $0 })
    }
}
