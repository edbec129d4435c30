import Testing
@testable import MarkdownRendering

/// Search finds a notice's text section by section: every heading's text, the last one's too.
@Suite("Text sections for search")
struct SectionTests {
    @Test("the text before the first heading, each section and the last section are all there")
    func everySection() {
        let rendered = MarkdownRenderer.render("""
            开头的话。

            ## 一、申报条件

            具备相应学历。

            ## 二、公示结果（模板）

            公示期满无异议。
            """)
        #expect(rendered.sections.map(\.heading?.text) == [nil, "一、申报条件", "二、公示结果（模板）"])
        #expect(rendered.sections.map(\.text) == ["开头的话。", "具备相应学历。", "公示期满无异议。"])
    }

    @Test("a text with no heading is one section")
    func noHeading() {
        #expect(MarkdownRenderer.render("只有一段。").sections.map(\.text) == ["只有一段。"])
    }
}
