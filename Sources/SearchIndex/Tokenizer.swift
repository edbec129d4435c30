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
        for run in runs(text) {
            switch run {
            case let .han(characters):
                if characters.count == 1 { counts[String(characters[0]), default: 0] += 1 }
                for index in characters.indices.dropLast() {
                    counts[String(characters[index...index + 1]), default: 0] += 1
                }
            case let .latin(word):
                counts[word, default: 0] += 1
            }
        }
        return counts
    }
}
