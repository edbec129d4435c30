import Support
import Testing

/// Text from content lands in pages, feeds and template output through one escaping function.
@Suite("Markup escaping")
struct MarkupEscapingTests {
    @Test("the five characters are escaped and nothing else, as String and as bytes")
    func fiveCharacters() {
        #expect(escapeMarkup("a&b<c>d\"e'f 职称 é") == "a&amp;b&lt;c&gt;d&quot;e&#39;f 职称 é")
        var output: [UInt8] = []
        appendEscapedMarkup("a&b<c>d\"e'f 职称 é", to: &output)
        #expect(String(decoding: output, as: UTF8.self) == "a&amp;b&lt;c&gt;d&quot;e&#39;f 职称 é")
        #expect(escapeMarkup("评审通知") == "评审通知")
        #expect(escapeMarkup("") == "")
    }

    @Test("a quote followed by a combining mark is still escaped, so it cannot end an attribute")
    func combiningMarks() {
        #expect(escapeMarkup("\"\u{301} onmouseover=x") == "&quot;\u{301} onmouseover=x")
        #expect(escapeMarkup("<\u{338}b>") == "&lt;\u{338}b&gt;")
    }
}
