import MarkdownRendering
import Testing
@testable import SiteGeneration

/// A template's document as its page shows it, shaped on the template's Markdown tree.
@Suite("Template documents")
struct TemplateDocumentTests {
    func shape(_ markdown: String, defaults: [String: String] = [:]) -> (body: String, signature: String?, closing: String?) {
        TemplateDocument.shape(rendered: MarkdownRenderer.render(markdown, headingOffset: 1), defaults: defaults)
    }

    static let nameBlank = "<span class=\"ph ph-text w4 empty\" data-field=\"name\" data-blank=\"\" title=\"姓名\"></span>"

    @Test("a blank is filled wherever text is: paragraph, heading, emphasis, link, code, an indented paragraph, a form cell")
    func blanksEverywhereTextIs() {
        let body = shape("""
            # 关于{{name}}同志

            现对{{name}}同志，*{{ name }}* [{{name}}](https://a.cn/)，`a {{name}} b`，{{id_number}}

                缩进的{{name}}同志

            | 姓名 | {{name}} |
            |---|---|
            """).body
        let blank = Self.nameBlank
        // The heading's anchor is made from its text as written.
        #expect(body.hasPrefix("<h2 id=\"关于name同志\">关于\(blank)同志</h2>\n"))
        #expect(body.contains("<p>现对\(blank)同志，<em>\(blank)</em> <a href=\"https://a.cn/\">\(blank)</a>，<code>a \(blank) b</code>，"
            + "<span class=\"ph ph-idNumber w10 empty\" data-field=\"id_number\""))
        #expect(body.contains("<pre><code>缩进的\(blank)同志\n</code></pre>\n"))
        #expect(body.contains("<td>姓名</td>\n<td>\(blank)</td>\n"))
        #expect(!body.contains("{{"))
    }

    @Test("a value the notice fixes is printed escaped; a blank cannot go into an attribute, so alt and title keep the placeholder")
    func fixedValuesAndAttributes() {
        let body = shape("申报{{series}}\n\n![{{name}}](img/a.png) [链接](https://a.cn/ \"{{name}}\")\n",
                         defaults: ["series": "<b>工程</b>系列"]).body
        #expect(body.hasPrefix("<p>申报<span class=\"ph ph-text w4\" data-field=\"series\" data-blank=\"\" title=\"系列\">&lt;b&gt;工程&lt;/b&gt;系列</span></p>\n"))
        #expect(body.contains("<img src=\"img/a.png\" alt=\"{{name}}\" />"))
        #expect(body.contains("title=\"{{name}}\">链接</a>"))
    }

    @Test("a blank opened at one line's end and closed at the next line's is no blank; the blanks of the next line are")
    func blanksStayInTheirText() {
        let body = shape("说明{{\n{{name}}\n").body
        #expect(body == "<p>说明{{\n\(Self.nameBlank)</p>\n")
    }

    @Test("a form's trailing empty cells merge into the cell before them, with no header and one body")
    func formTrailingCellsMerge() {
        let body = shape("| | | | |\n|---|---|---|---|\n| 免学理由 | {{reason}} | | |\n| 姓名 | {{name}} | 性别 | 男 |\n").body
        #expect(body.hasPrefix(HTMLPostProcessor.tableWrapStart + "<table class=\"form-table\">\n<tr>\n<td>免学理由</td>\n<td colspan=\"3\"><span"))
        #expect(body.contains("<tr>\n<td>姓名</td>\n<td>\(Self.nameBlank)</td>\n<td>性别</td>\n<td>男</td>\n</tr>\n</table></div>\n"))
        #expect(!body.contains("<thead>") && !body.contains("<tbody>") && !body.contains("<th"))
    }

    @Test("a form's header row is a row of cells like the others, an aligned one with its alignment")
    func formHeaderRowIsCells() {
        let body = shape("| 审核意见 | 甲 |\n|:-:|---|\n| ^ | 乙 |\n").body
        // An aligned column is laid out by its writer: a `^` in it is text.
        #expect(body.contains("<tr>\n<td align=\"center\">审核意见</td>\n<td>甲</td>\n</tr>\n<tr>\n<td align=\"center\">^</td>\n<td>乙</td>\n</tr>"))
    }

    @Test("the signature block is what follows the last rule; the paragraph before it closes the body")
    func signatureSplitOff() {
        let shaped = shape("# 公示\n\n正文。\n\n***\n\n中间\n\n最后一段。\n\n***\n\n{{name}}（公章）\n\n{{date}}\n")
        #expect(shaped.body == "<h2 id=\"公示\">公示</h2>\n<p>正文。</p>\n<hr />\n<p>中间</p>\n")
        #expect(shaped.closing == "<p>最后一段。</p>\n")
        #expect(shaped.signature?.hasPrefix("\n<p>\(Self.nameBlank)（公章）</p>\n<p><span class=\"ph ph-date w7 empty\" data-field=\"date\"") == true)
    }

    @Test("no rule, no signature; a body ending in a table keeps it; a rule inside a list is no signature")
    func signatureShapes() {
        let plain = shape("正文。\n")
        #expect(plain.body == "<p>正文。</p>\n" && plain.signature == nil && plain.closing == nil)
        let table = shape("| a |\n|---|\n| b |\n\n***\n\n落款\n")
        #expect(table.closing == nil && table.body.hasSuffix("</table></div>\n") && table.signature == "\n<p>落款</p>\n")
        let nested = shape("- 一\n- ***\n\n正文\n")
        #expect(nested.signature == nil && nested.body.contains("<li>\n<hr />\n</li>"))
    }

    @Test("the sample templates' blanks match the fields their page's form asks for")
    func sampleTemplatesBlanks() {
        let text = "# 关于{{name}}同志申报{{series}}{{specialty}}专业{{level}}职称的公示\n\n公示时间从{{start_date}}起至{{end_date}}止。\n"
        let body = shape(text).body
        for key in ["name", "series", "specialty", "level", "start_date", "end_date"] {
            #expect(body.contains("data-field=\"\(key)\""), "\(key)")
        }
    }
}
