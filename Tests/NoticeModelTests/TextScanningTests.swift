import Foundation
import Testing
@testable import NoticeModel

/// The loader's byte-level shortcuts against the Character-level code they replaced, on random
/// texts built from the characters where the two could part: braces, CR LF, combining marks,
/// a Prepend, ZWJ and emoji, whitespace of several kinds, and the CJK text notices are made of.
@Suite("Text scanning shortcuts")
struct TextScanningTests {
    static let pieces = ["{", "}", "{{", "}}", "\n", "\r", "\r\n", " ", "\t", "#", "# ", "\u{301}", "\u{600}", "\u{200D}",
                         "\u{FE0F}", "👍", "\u{1F3FB}", "a", "name", "中", "申报", "。", "）", "“", "\u{3000}", "\u{2028}",
                         "\u{302A}", "é", "e\u{301}", "\u{A0}", "\u{85}", "\u{FEFF}", "한", "\u{1100}", "\u{F900}"]

    /// A deterministic generator, so that a failure can be reproduced.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state ^ (state >> 29)
        }
    }

    static func texts(count: Int, seed: UInt64) -> [String] {
        var generator = Generator(state: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...24, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
    }

    // The code as it was before the shortcuts, with lines cut at LF and at CR LF alike (the
    // original split at "\n" only, so a file saved with CRLF was all line 1).

    static func lines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    }

    static func originalScan(_ text: String) -> [TemplatePlaceholders.Occurrence] {
        var found: [TemplatePlaceholders.Occurrence] = []
        for (index, line) in lines(text).enumerated() {
            var rest = Substring(line)
            while let open = rest.range(of: "{{") {
                guard let close = rest[open.upperBound...].range(of: "}}") else { break }
                let key = originalTrim(String(rest[open.upperBound..<close.lowerBound]))
                let column = line[line.startIndex..<open.lowerBound].unicodeScalars.count + 1
                found.append(TemplatePlaceholders.Occurrence(key: key, line: index + 1, column: column))
                rest = rest[close.upperBound...]
            }
        }
        return found
    }

    static func originalTrim(_ text: String) -> String {
        var scalars = Substring(text)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }

    @Test("placeholders are found where the Character-level scan finds them")
    func placeholders() {
        for text in Self.texts(count: 20_000, seed: 1) {
            #expect(TemplatePlaceholders.scan(text) == Self.originalScan(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        let template = "# 关于{{ name }}同志的公示\r\n{{unit}}：{{nmae}}\n\n  {{ date}}{{"
        #expect(TemplatePlaceholders.scan(template) == Self.originalScan(template))
        #expect(TemplatePlaceholders.scan(template).map { [$0.line, $0.column] } == [[1, 5], [2, 1], [2, 10], [4, 3]])
        #expect(hasTitleLine("\r\n\r\n# 公示\r\n"))
    }

    @Test("trimming gives what the Character-level trim gives")
    func trimming() {
        for text in Self.texts(count: 20_000, seed: 2) {
            #expect(text.trimmingWhitespace.utf8.elementsEqual(Self.originalTrim(text).utf8), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test("a title line is found where hasPrefix finds one")
    func titleLine() {
        for text in Self.texts(count: 20_000, seed: 3) {
            #expect(hasTitleLine(text) == Self.lines(text).contains { $0.hasPrefix("# ") },
                    "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test("choices match as String equality matches them")
    func choices() {
        let choices = Self.texts(count: 40, seed: 4) + ["é", "\u{F900}", "申报"]
        for value in Self.texts(count: 5_000, seed: 5) + ["e\u{301}", "\u{8C48}", "申报"] {
            #expect(containsText(choices, value) == choices.contains(value))
        }
    }
}
