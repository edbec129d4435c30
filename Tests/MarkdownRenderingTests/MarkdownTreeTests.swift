import Testing
@testable import MarkdownRendering

/// What the page changes in a text, as a reader sees it, now that it is changed on cmark-gfm's tree.
@Suite("Markdown changed on its tree")
struct MarkdownTreeTests {
    @Test("a heading anywhere carries its anchor and moves down a level, with its content as cmark writes it")
    func headingsAnywhere() {
        let rendered = MarkdownRenderer.render("""
            ## `代码` *强调* [链接](https://a.cn/) ~~删~~

            - ## 列表里的标题

            > ### 引用里的标题

            ###### 六级
            """, headingOffset: 1)
        #expect(rendered.headings.map(\.anchor) == ["代码-强调-链接-删", "列表里的标题", "引用里的标题", "六级"])
        #expect(rendered.html.hasPrefix(
            "<h3 id=\"代码-强调-链接-删\"><code>代码</code> <em>强调</em> <a href=\"https://a.cn/\">链接</a> <del>删</del></h3>\n"))
        #expect(rendered.html.contains("<li>\n<h3 id=\"列表里的标题\">列表里的标题</h3>\n</li>"))
        #expect(rendered.html.contains("<blockquote>\n<h4 id=\"引用里的标题\">引用里的标题</h4>\n</blockquote>"))
        // No deeper than h6.
        #expect(rendered.html.contains("<h6 id=\"六级\">六级</h6>\n"))
        #expect(!rendered.html.contains("<h7"))
    }

    @Test("a heading's anchor is escaped in its id, and a heading with no text still has one")
    func headingAnchorEscapedAndEmpty() {
        let html = MarkdownRenderer.render("# Tom's \"A&B\"\n\n#\n").html
        #expect(html == "<h1 id=\"toms-ab\">Tom's &quot;A&amp;B&quot;</h1>\n<h1 id=\"section\"></h1>\n")
        #expect(MarkdownRenderer.render("# a\n# a-2\n# a\n").headings.map(\.anchor) == ["a", "a-2", "a-3"])
    }

    @Test("raw HTML in a heading stays the content's: omitted when raw HTML is off, filtered when on")
    func rawHTMLInHeadings() {
        let safe = MarkdownRenderer.render("## 标题<script>alert(1)</script><b>粗</b>", headingOffset: 1).html
        #expect(safe == "<h3 id=\"标题alert1粗\">标题<!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted --><!-- raw HTML omitted -->粗<!-- raw HTML omitted --></h3>\n")
        let raw = MarkdownRenderer.render("## 标题<script>alert(1)</script><b>粗</b>", allowRawHTML: true, headingOffset: 1).html
        #expect(!raw.contains("<script"))
        #expect(raw.contains("<b>粗</b></h3>"))
        // A heading the content writes in raw HTML is its own: neither moved down nor given an id.
        let written = MarkdownRenderer.render("<h2>自己写的</h2>\n", allowRawHTML: true, headingOffset: 1).html
        #expect(written == "<h2>自己写的</h2>\n")
    }

    @Test("every table scrolls in its own region, also inside a list, and a table in raw HTML is the content's")
    func tablesScroll() {
        let html = MarkdownRenderer.render("- 项\n\n  | a | b |\n  |---|--:|\n  | 1 | 2 |\n\n| c |\n|---|\n| 3 |\n").html
        let wrap = HTMLPostProcessor.tableWrapStart
        #expect(html.components(separatedBy: wrap + "<table>\n").count == 3)
        #expect(html.components(separatedBy: "</table></div>\n").count == 3)
        #expect(html.contains("<td align=\"right\">2</td>"))
        let raw = MarkdownRenderer.render("<table class=\"x\"><tr><td>原样</td></tr></table>\n", allowRawHTML: true).html
        #expect(raw == "<table class=\"x\"><tr><td>原样</td></tr></table>\n")
    }

    @Test("an empty header row is gone, also from a table with no other row; a header with a name stays")
    func emptyHeaderRows() {
        let html = MarkdownRenderer.render("| | |\n|:-:|---|\n| 姓名 | 张三 |\n").html
        #expect(html == HTMLPostProcessor.tableWrapStart
            + "<table>\n<tbody>\n<tr>\n<td align=\"center\">姓名</td>\n<td>张三</td>\n</tr>\n</tbody>\n</table></div>\n")
        #expect(MarkdownRenderer.render("| | |\n|---|---|\n").html == HTMLPostProcessor.tableWrapStart + "<table>\n</table></div>\n")
        #expect(MarkdownRenderer.render("| 名 | |\n|---|---|\n").html.contains("<thead>\n<tr>\n<th>名</th>\n<th></th>\n</tr>\n</thead>"))
    }

    @Test("an image whose address was dropped leaves its alt text, escaped, wherever it stands")
    func droppedImagesLeaveTheirText() {
        let rendered = MarkdownRenderer.render("""
            图：![公<章>](https://example.com/seal.png "公章") ![本地](img/a.png)

            [![链接里的图](https://a.cn/f.png)](https://a.cn/)

            ![外 ![内](https://a.cn/b.png) 图](img/c.png) ![**粗** `码`
            行](javascript:x)

            | ![表](//a.cn/t.png) |
            |---|
            | ![]() |
            """)
        #expect(rendered.html.hasPrefix("<p>图：公&lt;章&gt; <img src=\"img/a.png\" alt=\"本地\" /></p>\n"))
        #expect(rendered.html.contains("<p><a href=\"https://a.cn/\">链接里的图</a></p>"))
        #expect(rendered.html.contains("<img src=\"img/c.png\" alt=\"外 内 图\" /> 粗 码 行</p>"))
        #expect(rendered.html.contains("<th>表</th>") && rendered.html.contains("<td></td>"))
        #expect(!rendered.html.contains("src=\"\""))
        #expect(rendered.notes.count == 4)
    }

    @Test("the blocks written apart are the document written whole, byte for byte")
    func blocksAddUpToTheDocument() {
        let text = "# 题\n\n段落\n\n- 一\n- 二\n\n| | |\n|---|---|\n| a | b |\n\n> 引\n\n    代码\n\n***\n\n![x](https://a.cn/x.png)\n"
        let blocks = MarkdownDocument(MarkdownSource(text, headingOffset: 1)).renderedBlocks()
        #expect(blocks.map(\.html).joined() == MarkdownRenderer.render(text, headingOffset: 1).html)
        #expect(blocks.map(\.kind) == [.other, .paragraph, .other, .other, .other, .codeBlock, .thematicBreak, .paragraph])
    }

    @Test("markup put in the tree is written as it is; a place that cannot hold it is left as it was")
    func replacingNodes() throws {
        let document = MarkdownDocument(MarkdownSource("前文字后\n\n| 格 |\n|---|\n| 子 |\n\n![图文字](img/a.png)\n"))
        // An image's alt text is not looked into (an attribute holds no markup); a text that is a
        // table cell's own cannot be replaced with markup (cmark-gfm's cells hold no custom nodes).
        let texts = document.nodes([.text])
        #expect(texts.map(\.literal) == ["前文字后", "格", "子"])
        #expect(document.replace(texts[0], with: [.text("前"), .inline(open: "<mark>", close: "</mark>", content: [.text("文<字>")]), .text("后")]))
        #expect(!document.replace(texts[1], with: [.inline(open: "<mark>", close: "</mark>", content: [])]))
        let html = document.rendered().html
        #expect(html.hasPrefix("<p>前<mark>文&lt;字&gt;</mark>后</p>\n"))
        #expect(html.contains("<th>格</th>"))
    }

    @Test("a code block's own tags, read off cmark's HTML of it")
    func codeBlockTags() throws {
        let document = MarkdownDocument(MarkdownSource("```swift x\nlet a = 1\n```\n\n    缩进\n"))
        let blocks = document.nodes([.codeBlock])
        #expect(blocks.count == 2)
        #expect(document.codeBlockTags(blocks[0])! == ("<pre><code class=\"language-swift\">", "</code></pre>"))
        #expect(document.codeBlockTags(blocks[1])! == ("<pre><code>", "</code></pre>"))
        #expect(blocks[0].literal == "let a = 1\n")
    }
}
