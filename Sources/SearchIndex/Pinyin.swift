import Foundation

/// Mandarin readings without tones, as Foundation's ICU Han-Latin transform gives them: from a
/// table of its readings for the CJK Unified Ideographs block (`PinyinTable`), from the transform
/// itself for any other character. Each character is read once and remembered. A character with several readings
/// gets the one ICU gives (长 → zhang), a known limit of reading characters one at a time.
public final class Pinyin: @unchecked Sendable {
    private var cache: [Character: String] = [:]
    private let lock = NSLock()

    public init() {}

    /// The reading of a Han character; nil for anything else.
    /// Second readings of characters common in these notices that ICU reads the other way
    /// (地区 is di, not de; 长期 is chang; 银行 is hang). Typed pinyin matches either reading.
    static let otherReadings: [Character: String] = [
        "地": "di", "长": "chang", "行": "hang", "重": "chong", "调": "tiao", "参": "shen", "传": "zhuan",
        "省": "xing", "会": "kuai", "乐": "yue", "还": "huan", "单": "shan", "藏": "zang", "着": "zhuo",
        "系": "ji", "得": "dei", "都": "du", "将": "qiang", "率": "shuai", "便": "pian", "曾": "zeng",
        "朝": "zhao", "解": "xie", "区": "ou", "数": "shuo", "差": "chai", "给": "ji", "觉": "jiao",
        "属": "zhu", "识": "zhi", "似": "shi", "盛": "cheng", "说": "shui", "薄": "bo", "校": "jiao",
    ]

    /// Every reading to index a character under: ICU's, then a common second one.
    public func readings(_ character: Character) -> [String] {
        guard let first = syllable(character) else { return [] }
        if let other = Self.otherReadings[character], other != first { return [first, other] }
        return [first]
    }

    public func syllable(_ character: Character) -> String? {
        guard let scalar = character.unicodeScalars.first, SearchTokenizer.isHan(scalar) else { return nil }
        lock.lock()
        defer { lock.unlock() }
        if let known = cache[character] { return known.isEmpty ? nil : known }
        // The table when the character is one scalar of the block it holds, else ICU. Either way
        // the syllable is remembered: `knownSyllables` lists those seen.
        let syllable = (character.unicodeScalars.count == 1 ? PinyinTable.syllable(scalar) : nil) ?? Self.icuSyllable(character)
        cache[character] = syllable
        return syllable.isEmpty ? nil : syllable
    }

    /// ICU's reading when it is a plain syllable of letters, else "".
    static func icuSyllable(_ character: Character) -> String {
        let latin = Self.latin(character)
        return latin.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) }) ? latin : ""
    }

    /// ICU's reading of a character in Latin letters, without tone marks, lower-cased.
    private static func latin(_ character: Character) -> String {
        String(character).applyingTransform(.mandarinToLatin, reverse: false)?
            .applyingTransform(.stripDiacritics, reverse: false)?.lowercased() ?? ""
    }

    /// Every syllable seen so far, sorted: the browser splits typed pinyin with this list.
    public var knownSyllables: [String] {
        lock.lock()
        defer { lock.unlock() }
        return Set(cache.values.filter { !$0.isEmpty } + Self.otherReadings.values).sorted()
    }
}
