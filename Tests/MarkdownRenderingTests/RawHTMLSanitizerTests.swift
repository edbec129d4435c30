import Testing
@testable import MarkdownRendering

/// `raw_html: true` keeps an office's markup but never script: the corpus of attacks is
/// Tests/Hostile/cases/raw-html-attacks, opened in Chromium by Tests/quality/test_hostile.py.
@Suite("Raw HTML sanitising")
struct RawHTMLSanitizerTests {
    func render(_ markdown: String) -> String { MarkdownRenderer.render(markdown, allowRawHTML: true).html }

    @Test("event attributes and script addresses are removed, the element stays")
    func attributes() {
        let html = render("<img src=\"a.png\" onerror=\"x()\" alt=\"章\">\n\n<a href=\"&#106;ava&#x09;script:x()\" title=\"t\">链</a> <a href=\"附件.pdf\">件</a>")
        #expect(html.contains("<img src=\"a.png\" alt=\"章\">"))
        #expect(html.contains("<a title=\"t\">链</a>"))
        #expect(html.contains("<a href=\"附件.pdf\">件</a>"))
        #expect(!html.contains("onerror") && !html.contains("script:"))
    }

    @Test("elements that redirect or embed are shown as text; a tag left open too")
    func droppedElements() {
        let html = render("<base href=\"x/\"><meta http-equiv=\"refresh\" content=\"0\"><object data=\"a\"></object>\n\n<img src=\"x\" alt=\"未闭合\n\nonerror=\"x()\" >")
        #expect(html.contains("&lt;base href=&quot;x/&quot;&gt;"))
        #expect(html.contains("&lt;meta"))
        #expect(html.contains("&lt;object"))
        #expect(html.contains("&lt;img src=&quot;x&quot; alt=&quot;未闭合"))
        #expect(!html.contains("<img"))
    }

    @Test("markup inside a dropped element's attribute stays text, also inline (found by the fuzzer)")
    func markupInAttribute() {
        let html = render("段落 <object data=\"data:text/html,<script>x()</script>\"></object> 和 <b title=\"<script>\">粗</b>")
        #expect(!html.contains("<script>x()"))
        #expect(html.contains("&lt;object data=&quot;data:text/html,&lt;script&gt;x()&lt;/script&gt;&quot;&gt;"))
        #expect(html.contains("<b title=\"<script>\">粗</b>"))  // an attribute's text, not an element
    }

    @Test("attributes are written out anew: a removed handler never glues the next attribute to the name (found by the fuzzer)")
    func gluedAttributes() {
        // Inside an HTML block, which cmark passes on as it is (inline, it would refuse such a tag).
        let html = render("<div>\n<svg onload=\"x()\"title='t'><a href=x title=\"a'b\" \"odd>y</a></svg>\n</div>")
        #expect(html.contains("<svg title=\"t\">"))
        #expect(html.contains("<a href=\"x\" title=\"a'b\">y</a>"))
        #expect(!html.contains("onload"))
    }

    @Test("a tag whose name holds another tag is text, so no reader finds a <form> in it (found by the fuzzer)")
    func tagInsideTagName() {
        // In an HTML block (the `<b>` line opens one), which cmark passes on as it is.
        let html = render("<b>\n</h<form action=\"x\"><a<script>y()</script>\n")
        #expect(html.contains("&lt;/h&lt;form action=&quot;x&quot;&gt;&lt;a&lt;script&gt;y()&lt;/script&gt;"))
        #expect(html.hasPrefix("<b>\n"))
        #expect(render("<div>\n<my-box data-x=\"1\">框</my-box>\n</div>").contains("<my-box data-x=\"1\">框</my-box>"))
        // Word's namespaced tags in pasted HTML stay (invisible) tags, not text on the page.
        #expect(render("<p class=MsoNormal>\n申报<o:p></o:p>\n</p>").contains("申报<o:p></o:p>"))
    }

    @Test("an end tag is written without attributes, so none can hold markup (found by the fuzzer)")
    func endTagAttributes() {
        let html = render("<div>\n<b>粗</b title=\"<img src=x onerror=y()>\"></a f=\"<x \"/>\n</div>")
        #expect(html.contains("<b>粗</b></a>"))
        #expect(!html.contains("onerror") && !html.contains("<x"))
    }

    @Test("Markdown links and images to javascript: or data: are emptied even with raw HTML on")
    func markdownLinks() {
        let html = render("[一](javascript:x) [二](DATA:text/html,x) ![三](data:image/png;base64,AAAA) [四](https://a.cn/profile:1)")
        #expect(html.contains("<a href=\"\">一</a>"))
        #expect(html.contains("<a href=\"\">二</a>"))
        #expect(html.contains("三") && !html.contains("<img"))  // an image without an address leaves its alt text
        #expect(html.contains("<a href=\"https://a.cn/profile:1\">四</a>"))
    }

    @Test("a NUL byte does not end the text")
    func nulByte() {
        let rendered = MarkdownRenderer.render("前\u{0}后\n\n## 标题\n")
        #expect(rendered.html.contains("前\u{FFFD}后"))
        #expect(rendered.headings.map(\.anchor) == ["标题"])
    }
}
