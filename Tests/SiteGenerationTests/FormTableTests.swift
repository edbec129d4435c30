import MarkdownRendering
import Testing
@testable import SiteGeneration

@Suite("Form tables in templates")
struct FormTableTests {
    /// The template's table as the template page renders it, placeholders kept as written.
    func rendered(_ markdown: String) -> String {
        TemplateDocument.shape(rendered: MarkdownRenderer.render(markdown), blank: { _ in nil }).body
    }

    @Test("a cell holding only < widens the cell to its left, as Word's merged columns printed it")
    func leftMarkerMakesAColspan() {
        let html = rendered("| 姓名 | {{name}} | \\< | 性别 | {{gender}} |\n|---|---|---|---|---|\n| 学历 | a | b | c | d |\n")
        #expect(html.contains("<td colspan=\"2\">{{name}}</td>\n<td>性别</td>"))
        #expect(!html.contains("&lt;"))
    }

    @Test("a cell holding only ^ lengthens the cell above, over several rows")
    func upMarkerMakesARowspan() {
        let html = rendered("| 审核意见 | 甲 |\n|---|---|\n| ^ | 乙 |\n| ^ | 丙 |\n")
        #expect(html.contains("<td rowspan=\"3\">审核意见</td>"))
        #expect(html.contains("<tr>\n<td>乙</td>\n</tr>"))
        #expect(!html.contains(">^<"))
    }

    @Test("trailing empty cells still span the row, and a table without markers is unchanged in shape")
    func trailingEmptyCells() {
        let html = rendered("| 免学理由 | {{reason}} | | |\n|---|---|---|---|\n| a | b | c | d |\n")
        #expect(html.contains("<td colspan=\"3\">{{reason}}</td>"))
        #expect(html.contains("<table class=\"form-table\">"))
        #expect(!html.contains("<thead>"))
    }

    @Test("a cell of the first row spans the rows below it (one body for all rows), and a merged blank at a row's end stays")
    func firstRowSpansAndMergedBlanksStay() {
        let html = rendered("| 照片 | 姓名 | {{name}} |  |\n|---|---|---|---|\n| ^ | 拟申报资格 |  | \\< |\n| ^ | 学历 | \\< | \\< |\n")
        #expect(html.contains("<td rowspan=\"3\">照片</td>"))
        #expect(!html.contains("<tbody>") && !html.contains("<thead>"))
        #expect(html.contains("<td>拟申报资格</td>\n<td colspan=\"2\"></td>"))
        #expect(html.contains("<td colspan=\"3\">学历</td>"))
    }
}
