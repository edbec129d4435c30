import Foundation

/// Mandarin readings without tones, from Foundation's ICU Han-Latin transform: no data file to
/// ship. Each character is transformed once and remembered. A character with several readings
/// gets the one ICU gives (长 → zhang), a known limit of reading characters one at a time.
public final class Pinyin: @unchecked Sendable {
    private var cache: [Character: String] = [:]
    private let lock = NSLock()

    public init() {}

    /// Starts ICU's Han-Latin transform on a thread of its own, once per process. Setting it up
    /// takes as long for ten notices as for ten thousand (docs/benchmark.md), and it is needed only
    /// when the index is written at the end of a build: made while the notices are rendered, it is
    /// ready by then. (Foundation keeps the transform for the whole process, whichever thread made it.)
    public static func prepareInBackground() { _ = preparing }

    private static let preparing: Void = {
        Thread.detachNewThread { _ = latin("中") }
    }()

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
        let latin = Self.latin(character)
        let syllable = latin.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) }) ? latin : ""
        cache[character] = syllable
        return syllable.isEmpty ? nil : syllable
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
