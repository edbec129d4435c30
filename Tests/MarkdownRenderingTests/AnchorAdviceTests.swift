import Testing
@testable import MarkdownRendering

/// A `source` anchor that stopped working because its heading was renamed or renumbered: the hint
/// names the heading it most likely meant, and that heading's anchor now (issue 17).
@Suite("Anchor advice")
struct AnchorAdviceTests {
    let text = """
    ## 一、时间安排

    ## 二、申报条件

    ## 三、申报材料

    ### （一）基本材料

    """

    @Test("a renamed heading: the heading with the same number, and its anchor now")
    func renamedHeading() {
        let headings = MarkdownRenderer.render(text).headings
        let advice = AnchorAdvice.missing("三提交材料", headings: headings, file: "notice.md")
        #expect(advice.message.key == "loading.anchor.notHeading")
        #expect(advice.hint.key == "loading.anchor.renamed")
        #expect(advice.hint.text(in: .zh) == "标题已改为“三、申报材料”，锚点现在是 #三申报材料")
        #expect(advice.message.text(in: .en) == "'#三提交材料' is not a heading of notice.md")
    }

    @Test("a heading without a number: the closest by its words")
    func closestWording() {
        let headings = MarkdownRenderer.render("## 申报条件\n\n## 联系方式\n").headings
        let advice = AnchorAdvice.missing("申报的条件", headings: headings, file: "notice.md")
        #expect(advice.hint.key == "loading.anchor.didYouMean")
        #expect(advice.hint.arguments["anchor"] == "申报条件")
    }

    @Test("nothing close: how anchors are made")
    func nothingClose() {
        let headings = MarkdownRenderer.render("## 申报条件\n").headings
        #expect(AnchorAdvice.missing("完全不同的一段话", headings: headings, file: "notice.md").hint.key == "loading.anchor.howMade")
    }

    @Test("a remote image is noted at its column in characters, not bytes")
    func remoteImageColumn() {
        let rendered = MarkdownRenderer.render("中文说明 ![图](https://example.com/a.png)\n")
        #expect(rendered.notes.count == 1)
        #expect(rendered.notes.first?.column == 6)
        #expect(rendered.notes.first?.message.key == "loading.markdown.remoteImage")
    }
}
