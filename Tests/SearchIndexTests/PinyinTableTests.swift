import Foundation
@testable import SearchIndex
import Testing

@Suite("pinyin from the table reads as ICU reads")
struct PinyinTableTests {
    @Test("the table is what ICU's Han-Latin transform says of every character it holds")
    func tableIsICU() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/SearchIndex/PinyinTableData.swift")
        let source = PinyinTable.source()
        if ProcessInfo.processInfo.environment["NOTICEBOARD_UPDATE_PINYIN"] != nil {
            try source.write(to: file, atomically: true, encoding: .utf8)
        }
        #expect((try? String(contentsOf: file, encoding: .utf8)) == source,
                "PinyinTableData.swift is not what ICU says; run NOTICEBOARD_UPDATE_PINYIN=1 swift test --filter PinyinTableTests")
        #expect(PinyinTable.syllables.count == 0x9FFF - 0x4E00 + 1)
    }

    @Test("a reading is the same from the table, from ICU, and outside the table's block")
    func readings() {
        let pinyin = Pinyin()
        #expect(pinyin.syllable("职") == "zhi" && pinyin.syllable("称") == "cheng")
        #expect(pinyin.readings("地") == ["de", "di"])
        // U+3400 is outside the table: ICU reads it.
        #expect(pinyin.syllable("\u{3400}") == Pinyin.icuSyllable("\u{3400}").nilIfEmpty)
        #expect(pinyin.syllable("a") == nil)
        #expect(pinyin.knownSyllables.contains("zhi") && pinyin.knownSyllables.contains("cheng"))
    }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
