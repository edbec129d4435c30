import Foundation

/// The readings of the CJK Unified Ideographs block (U+4E00–U+9FFF, where nearly every character
/// of a notice is), read from `PinyinTableData.swift` instead of asked of ICU's Han-Latin
/// transform one character at a time. The table is what the transform says (PinyinTableTests
/// compares every character), so readings are the same; characters outside the block still go to
/// ICU.
enum PinyinTable {
    static let first: UInt32 = 0x4E00
    static let last: UInt32 = 0x9FFF

    /// Each character's syllable ("" for none), by scalar value minus `first`.
    static let syllables: [String] = {
        var result: [String] = []
        result.reserveCapacity(Int(last - first + 1))
        for piece in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            result.append(piece == "-" ? "" : String(piece))
        }
        return result.count == Int(last - first + 1) ? result : []
    }()

    /// The syllable of a scalar in the block ("" when ICU gives none); nil outside it.
    static func syllable(_ scalar: Unicode.Scalar) -> String? {
        guard scalar.value >= first, scalar.value <= last, !syllables.isEmpty else { return nil }
        return syllables[Int(scalar.value - first)]
    }

    /// `PinyinTableData.swift` as ICU's transform makes it today.
    static func source() -> String {
        let entries = (first...last).map { value -> String in
            let syllable = Pinyin.icuSyllable(Character(Unicode.Scalar(value)!))
            return syllable.isEmpty ? "-" : syllable
        }
        let lines = stride(from: 0, to: entries.count, by: 48).map { entries[$0..<min(entries.count, $0 + 48)].joined(separator: " ") }
        return """
            // Written by `PinyinTable.source()` (run NOTICEBOARD_UPDATE_PINYIN=1 swift test --filter PinyinTableTests); do not edit.

            /// ICU's reading (`Pinyin.latin`) of every character of the CJK Unified Ideographs block, U+4E00
            /// to U+9FFF, in order, separated by spaces and line breaks; `-` where ICU gives no plain syllable.
            /// Building the transform and reading characters with it cost a build about 0.2 s of CPU time at
            /// any size (docs/benchmark.md); the table is read once, in a millisecond.
            extension PinyinTable {
                static let text = \"\"\"

            """ + lines.joined(separator: "\n") + "\n\"\"\"\n}\n"
    }
}
