import Foundation

/// Splits text the way the search index and the browser's query parser both do: runs of Han
/// characters (indexed as single characters and bigrams, so any substring of two or more
/// characters matches) and runs of ASCII letters and digits (words, numbers, phone parts,
/// "qq"). Everything else separates. Text is NFKC-normalised and lower-cased first, so full-width
/// digits and letters match their ASCII forms. Must stay in step with themes/default/assets/search.js;
/// Tests/Vectors/tokenize.json holds both to the same cases.
public enum SearchTokenizer {
    public enum Run: Equatable, Sendable {
        case han([Character])
        case latin(String)
    }

    public static func normalize(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.lowercased()
    }

    public static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F, 0x3007: return true
        default: return false
        }
    }

    static func isLatin(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    public static func runs(_ text: String) -> [Run] {
        var result: [Run] = []
        var han: [Character] = []
        var latin = ""
        func flush() {
            if !han.isEmpty { result.append(.han(han)); han = [] }
            if !latin.isEmpty { result.append(.latin(latin)); latin = "" }
        }
        for scalar in normalize(text).unicodeScalars {
            if isHan(scalar) {
                if !latin.isEmpty { flush() }
                han.append(Character(scalar))
            } else if isLatin(scalar) {
                if !han.isEmpty { flush() }
                latin.unicodeScalars.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return result
    }

    /// The index terms of a text with how often each occurs: Han bigrams (a character standing
    /// alone is a term of its own), and Latin words. A one-character query reaches the bigrams
    /// that contain the character through the index's `u:` keys.
    public static func terms(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for (term, count) in termCounts(text) { counts[term.text, default: 0] += count }
        return counts
    }

    /// As `terms`, keyed by `Term`: the index counts millions of these, and a Han bigram as two
    /// scalars hashes far faster than as a string.
    static func termCounts(_ text: String) -> [Term: Int] {
        var counts: [Term: Int] = [:]
        forEachTerm(text) { counts[$0, default: 0] += 1 }
        return counts
    }

    /// Calls `body` with each term of `text` in order, without building the runs. `normalising`
    /// forces the path that normalises the whole text (for tests).
    static func forEachTerm(_ text: String, normalising: Bool = false, _ body: (Term) -> Void) {
        var previousHan: UInt32 = 0
        var hanLength = 0
        var latin: [UInt8] = []
        func endHan() {
            if hanLength == 1 { body(.han(UInt64(previousHan) << 32)) }
            hanLength = 0
        }
        func endLatin() {
            if !latin.isEmpty {
                body(.word(String(decoding: latin, as: UTF8.self)))
                latin.removeAll(keepingCapacity: true)
            }
        }
        func take(_ kind: ScalarKind, _ value: UInt32) {
            switch kind {
            case .han:
                endLatin()
                if hanLength > 0 { body(.han(UInt64(previousHan) << 32 | UInt64(value))) }
                previousHan = value
                hanLength += 1
            case .latin:
                endHan()
                latin.append(UInt8(value))
            case .separator:
                endHan()
                endLatin()
            }
        }
        if !normalising, text.unicodeScalars.allSatisfy({ fastKind($0) != nil }) {
            for scalar in text.unicodeScalars {
                let (kind, value) = fastKind(scalar)!
                take(kind, value)
            }
        } else {
            for scalar in normalize(text).unicodeScalars {
                if isHan(scalar) { take(.han, scalar.value) } else if isLatin(scalar) { take(.latin, scalar.value) } else { take(.separator, 0) }
            }
        }
        endHan()
        endLatin()
    }

    enum ScalarKind { case han, latin, separator }

    /// What a scalar is after NFKC and lower-casing, for the scalars where that needs no
    /// normalisation of the whole text (ASCII, CJK ideographs, full-width forms, CJK and general
    /// punctuation); nil for anything else, and then the whole text takes the normalising path.
    static func fastKind(_ scalar: Unicode.Scalar) -> (ScalarKind, UInt32)? {
        var value = scalar.value
        switch value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x3007: return (.han, value)
        case 0xFF01...0xFF5E: value -= 0xFEE0
        case 0...0x7F: break
        case 0x3000...0x3037, 0x2000...0x206F, 0xFF5F...0xFF65, 0xFE30...0xFE4F, 0xA0, 0xB7, 0xD7, 0xF7: return (.separator, 0)
        default: return nil
        }
        if value >= 0x41 && value <= 0x5A { value += 0x20 }
        if (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39) { return (.latin, value) }
        return (.separator, 0)
    }
}

/// An index term: a Han bigram or lone character as its scalars (first << 32 | second, second 0
/// for a lone character), or a Latin word.
enum Term: Hashable, Sendable {
    case han(UInt64)
    case word(String)

    /// One value into the hasher, not the case and then the value: the index hashes a term for
    /// every occurrence and again for every document it is in. Equality stays synthesised.
    func hash(into hasher: inout Hasher) {
        switch self {
        case let .han(packed): hasher.combine(packed)
        case let .word(word): hasher.combine(word)
        }
    }

    var text: String {
        switch self {
        case let .word(word): return word
        case let .han(packed):
            var text = String(Unicode.Scalar(UInt32(packed >> 32))!)
            if let second = Unicode.Scalar(UInt32(packed & 0xFFFF_FFFF)), second.value != 0 { text.unicodeScalars.append(second) }
            return text
        }
    }
}
