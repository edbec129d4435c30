/// A sentence held as an array, so that every rule can look at "the character at i" in constant
/// time and quote the exact words it read (`words(a..<b)`) from the original text.
///
/// Offices type the same sentence with half-width and full-width characters (`２０：００`,
/// `（0991）`, `～`), so each character is also kept in a folded form: full-width ASCII and the
/// ideographic space become their ASCII twins. Rules compare folded code points (plain integers,
/// cheap even in a debug build) and quote the original characters.
///
/// Positions count Unicode scalars, not Characters: every mark these rules read is one scalar,
/// walking scalars is several times faster than walking grapheme clusters, and the quoted words
/// are still exactly the printed scalars.
struct ScannedText {
    /// The sentence's scalars as printed.
    let scalars: [Unicode.Scalar]
    /// The same scalars' values, full-width forms folded to ASCII.
    let codes: [UInt32]
    /// Which codes occur in the sentence (approximately): a phrase with a character the sentence
    /// lacks is rejected without a scan, which is most phrases for most sentences.
    let present: CodeMask
    /// Whether any Arabic digit (half- or full-width) occurs: the number-reading rules stop at once without.
    let hasDigits: Bool

    init(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        var codes = [UInt32](repeating: 0, count: scalars.count)
        var present = CodeMask()
        var hasDigits = false
        for (index, scalar) in scalars.enumerated() {
            let code = Self.fold(scalar.value)
            codes[index] = code
            present.insert(code)
            if code >= 0x30 && code <= 0x39 { hasDigits = true }
        }
        self.hasDigits = hasDigits
        self.scalars = scalars
        self.codes = codes
        self.present = present
    }

    static func fold(_ value: UInt32) -> UInt32 {
        switch value {
        case 0xFF01...0xFF5E: return value - 0xFEE0  // full-width ASCII
        case 0x3000: return 0x20  // ideographic space
        default: return value
        }
    }

    var count: Int { codes.count }

    /// The folded code at `index`, 0 outside the text (so look-arounds need no bounds checks).
    subscript(index: Int) -> UInt32 {
        index >= 0 && index < codes.count ? codes[index] : 0
    }

    func words(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range.clamped(to: 0..<scalars.count)])
        return String(view)
    }

    /// The characters of `range` folded (full-width digits and dashes as ASCII): `０９９１` → `0991`.
    func folded(_ range: Range<Int>) -> String {
        var result = String.UnicodeScalarView()
        for index in range where index >= 0 && index < count {
            if let scalar = Unicode.Scalar(codes[index]) { result.append(scalar) }
        }
        return String(result)
    }

    // MARK: Character classes

    func isDigit(_ index: Int) -> Bool {
        let code = self[index]
        return code >= 0x30 && code <= 0x39
    }

    func isSpace(_ index: Int) -> Bool {
        let code = self[index]
        return code == 0x20 || code == 0x09 || code == 0xA0
    }

    func isLatinLetter(_ index: Int) -> Bool {
        let code = self[index] | 0x20
        return code >= 0x61 && code <= 0x7A
    }

    /// Punctuation that ends a clause: ，,；;。：:！!？? and line ends.
    func isClauseBreak(_ index: Int) -> Bool {
        switch self[index] {
        case 0xFF0C, 0x2C, 0x3B, 0x3002, 0x21, 0x3F, 0x0A, 0x0D: return true
        default: return false
        }
    }

    /// Is `code` one of the characters in `set`? (Sets are short literal strings.)
    func `is`(_ index: Int, oneOf set: String) -> Bool {
        let code = self[index]
        guard code != 0 else { return false }
        for scalar in set.unicodeScalars where Self.fold(scalar.value) == code { return true }
        return false
    }

    // MARK: Literals

    /// Does the literal (compared folded) start at `index`?
    func has(_ literal: String, at index: Int) -> Bool {
        guard index >= 0 else { return false }
        var position = index
        for scalar in literal.unicodeScalars {
            guard position < codes.count, codes[position] == Self.fold(scalar.value) else { return false }
            position += 1
        }
        return true
    }

    /// Does the literal end just before `index` (i.e. occupy `index - length ..< index`)?
    func has(_ literal: String, endingAt index: Int) -> Bool {
        has(literal, at: index - literal.unicodeScalars.count)
    }

    /// The first literal of `literals` that starts at `index`, longest first when given longest first.
    func firstLiteral(of literals: [String], at index: Int) -> String? {
        literals.first { has($0, at: index) }
    }

    func find(_ literal: String, in range: Range<Int>? = nil) -> Int? {
        let range = (range ?? 0..<count).clamped(to: 0..<count)
        // Most phrases have a character the sentence lacks: say so before building anything.
        for scalar in literal.unicodeScalars where !present.contains(Self.fold(scalar.value)) { return nil }
        let pattern = literal.unicodeScalars.map { Self.fold($0.value) }
        guard let first = pattern.first, range.count >= pattern.count else { return nil }
        // Through buffer pointers: this loop runs for every phrase over every sentence, and array
        // subscripts cost several times more in a debug build.
        return codes.withUnsafeBufferPointer { codes in
            pattern.withUnsafeBufferPointer { pattern in
                var index = range.lowerBound
                let last = range.upperBound - pattern.count
                while index <= last {
                    if codes[index] == first {
                        var offset = 1
                        while offset < pattern.count, codes[index + offset] == pattern[offset] { offset += 1 }
                        if offset == pattern.count { return index }
                    }
                    index += 1
                }
                return nil
            }
        }
    }

    func contains(_ literal: String, in range: Range<Int>? = nil) -> Bool {
        find(literal, in: range) != nil
    }

    func containsAny(_ literals: [String], in range: Range<Int>? = nil) -> Bool {
        literals.contains { contains($0, in: range) }
    }

    /// Every start index of `literal`.
    func occurrences(of literal: String) -> [Int] {
        var found: [Int] = []
        var start = 0
        while let index = find(literal, in: start..<count) {
            found.append(index)
            start = index + 1
        }
        return found
    }

    // MARK: Numbers

    /// The run of ASCII digits starting at `index` (after folding): its value and end.
    func digitRun(at index: Int) -> (value: Int, end: Int, length: Int)? {
        guard isDigit(index) else { return nil }
        var value = 0
        var end = index
        while isDigit(end) {
            if end - index < 12 { value = value * 10 + Int(self[end] - 0x30) }
            end += 1
        }
        return (value, end, end - index)
    }

    /// A count written in Arabic or Chinese numerals starting at `index` (`3`, `三`, `十二`, `两`).
    func countRun(at index: Int, maxLength: Int = 4) -> (value: Int, end: Int)? {
        if let run = digitRun(at: index) { return (run.value, run.end) }
        var end = index
        while end - index < maxLength, ChineseNumerals.isNumeral(self[end]) { end += 1 }
        guard end > index, let value = FactRules.number(words(index..<end)) else { return nil }
        return (value, end)
    }

    /// Skips spaces forward from `index`.
    func skipSpaces(from index: Int) -> Int {
        var index = index
        while isSpace(index) { index += 1 }
        return index
    }

    /// Skips spaces backward: the index just after the last non-space before `index`.
    func skipSpaces(backFrom index: Int) -> Int {
        var index = index
        while index > 0, isSpace(index - 1) { index -= 1 }
        return index
    }

    /// The clause around `index`: from just after the previous clause break to the next one.
    func clause(around index: Int) -> Range<Int> {
        var start = index
        while start > 0, !isClauseBreak(start - 1) { start -= 1 }
        var end = index
        while end < count, !isClauseBreak(end) { end += 1 }
        return start..<end
    }

    /// The clauses of the sentence, split at ，；。 etc.
    var clauses: [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for index in 0..<count where isClauseBreak(index) {
            if index > start { result.append(start..<index) }
            start = index + 1
        }
        if count > start { result.append(start..<count) }
        return result
    }
}

/// A list of phrases tried in order at one position, made cheap for a scan over every position:
/// the phrases are folded to code arrays once, and a position whose character starts none of them
/// is rejected by one set lookup (the condition rules try some forty phrases at each character).
struct PhraseSet: Sendable {
    let phrases: [String]
    private let codes: [[UInt32]]
    private let firstCodes: CodeMask

    init(_ phrases: [String]) {
        self.phrases = phrases
        codes = phrases.map { $0.unicodeScalars.map { ScannedText.fold($0.value) } }
        var firstCodes = CodeMask()
        for code in codes.compactMap(\.first) { firstCodes.insert(code) }
        self.firstCodes = firstCodes
    }

    /// The index (into `phrases`) of the first phrase starting at `index`.
    func match(in text: ScannedText, at index: Int) -> Int? {
        guard firstCodes.contains(text[index]) else { return nil }
        for (number, phrase) in codes.enumerated() where text.has(phrase, at: index) { return number }
        return nil
    }

    func length(_ number: Int) -> Int { codes[number].count }

    /// Could any phrase occur in the text? (Every one of its characters is present.) When not,
    /// a rule skips its per-character scan altogether.
    func mayOccur(in text: ScannedText) -> Bool {
        codes.contains { phrase in phrase.allSatisfy { text.present.contains($0) } }
    }
}

extension ScannedText {
    func has(_ codes: [UInt32], at index: Int) -> Bool {
        guard index >= 0, index + codes.count <= self.codes.count else { return false }
        for (offset, code) in codes.enumerated() where self.codes[index + offset] != code { return false }
        return true
    }
}

/// A 256-bit set of hashed character codes: false positives possible, false negatives not.
/// Cheaper than a `Set<UInt32>` in the per-character loops of a debug build.
struct CodeMask: Sendable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    private static func bit(_ code: UInt32) -> (word: Int, mask: UInt64) {
        let hashed = (code &* 2_654_435_761) >> 24
        return (Int(hashed >> 6) & 3, 1 << UInt64(hashed & 63))
    }

    mutating func insert(_ code: UInt32) {
        let (word, mask) = Self.bit(code)
        switch word {
        case 0: words.0 |= mask
        case 1: words.1 |= mask
        case 2: words.2 |= mask
        default: words.3 |= mask
        }
    }

    func contains(_ code: UInt32) -> Bool {
        let (word, mask) = Self.bit(code)
        switch word {
        case 0: return words.0 & mask != 0
        case 1: return words.1 & mask != 0
        case 2: return words.2 & mask != 0
        default: return words.3 & mask != 0
        }
    }
}
