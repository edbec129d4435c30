import Foundation
@testable import MarkdownRendering
import Testing

@Suite("Section text trimming")
struct TrimmingTests {
    @Test("trims what Foundation's whitespacesAndNewlines trims, and nothing else")
    func sameAsFoundation() {
        let samples = ["", " ", "\n\t 申报 \u{3000}", "\u{3000}\u{3000}评审费\u{00A0}", "\r\n材料\r\n", "e\u{301} ", " \u{301}x",
                       "\u{2028}a\u{2029}", "\u{200B}零宽\u{200B}", "\u{FEFF}bom", "\u{85}next\u{1680}", "a b"]
        for sample in samples {
            #expect(MarkdownRenderer.trimmingWhitespace(Substring(sample)) == sample.trimmingCharacters(in: .whitespacesAndNewlines),
                    "\(sample.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
