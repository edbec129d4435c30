import Support

/// Slips of a Chinese keyboard that YAML itself reports badly or not at all: a full-width colon
/// `：` after a field name, and full-width spaces `　` (U+3000) used to indent. YAML takes both
/// for ordinary text, so the file may even parse, with a key nobody wrote; these are found by
/// looking at the start of each line, and reported where they stand.
enum YAMLSlips {
    struct Slip {
        var line: Int
        var column: Int
        var message: Message
        var hint: Message
    }

    private static let fullWidthColon: [UInt8] = [0xEF, 0xBC, 0x9A]
    private static let fullWidthSpace: [UInt8] = [0xE3, 0x80, 0x80]

    /// Read as bytes, without copying: this runs on every notice, and most lines are plain.
    static func find(in text: String) -> [Slip] {
        var slips: [Slip] = []
        let bytes = Array(text.utf8)
        var lineStart = 0, number = 1
        while lineStart <= bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            slips += slipsOnLine(bytes, lineStart, lineEnd, number)
            lineStart = lineEnd + 1
            number += 1
        }
        return slips
    }

    private static func slipsOnLine(_ bytes: [UInt8], _ start: Int, _ end: Int, _ number: Int) -> [Slip] {
        func at(_ index: Int, _ sequence: [UInt8]) -> Bool {
            index + sequence.count <= end && bytes[index..<index + sequence.count].elementsEqual(sequence)
        }
        /// 1-based column in characters (Unicode scalars) of a byte index.
        func column(_ index: Int) -> Int {
            bytes[start..<index].count { $0 & 0xC0 != 0x80 } + 1
        }
        var index = start
        var wideSpace: Int?
        // Indentation and `- ` entries, with any full-width space among them.
        while index < end {
            if bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
                index += 1
            } else if at(index, fullWidthSpace) {
                wideSpace = wideSpace ?? index
                index += 3
            } else if bytes[index] == UInt8(ascii: "-"), index + 1 < end, bytes[index + 1] == UInt8(ascii: " ") || at(index + 1, fullWidthSpace) {
                index += 1
            } else {
                break
            }
        }
        let keyStart = index
        guard keyStart < end, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[keyStart]) else { return [] }
        while index < end, isKeyByte(bytes[index]) { index += 1 }
        let key = String(decoding: bytes[keyStart..<index], as: UTF8.self)
        while index < end, bytes[index] == UInt8(ascii: " ") || at(index, fullWidthSpace) { index += bytes[index] == UInt8(ascii: " ") ? 1 : 3 }
        let wideColon = at(index, fullWidthColon)
        guard wideColon || (index < end && bytes[index] == UInt8(ascii: ":")) else { return [] }
        var slips: [Slip] = []
        if let wideSpace {
            slips.append(Slip(line: number, column: column(wideSpace), message: Message("loading.yaml.fullwidthSpace", ["line": "\(number)"]),
                              hint: Message("loading.yaml.fullwidthSpace.hint")))
        }
        if wideColon {
            slips.append(Slip(line: number, column: column(index), message: Message("loading.yaml.fullwidthColon", ["key": key]),
                              hint: Message("loading.yaml.fullwidthColon.hint", ["key": key])))
        }
        return slips
    }

    /// Field names are ASCII words joined by `_` (`max_submissions`).
    private static func isKeyByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
    }

    static func isKeyScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && isKeyByte(UInt8(scalar.value))
    }
}

extension YAMLSlips {
    /// A quoted text whose closing quote was forgotten runs on into the next lines, up to the
    /// next quote in the file, usually the opening quote of the next field (`source: "#…"`).
    /// YAML then reads it without complaint: the next field's name becomes part of the text and
    /// its value a comment, and the page silently changes. Found as a quoted text that does not
    /// end on its own line and holds a field name (`source: `).
    static func unclosedQuotes(in root: Node, text: String) -> [Slip] {
        var slips: [Slip] = []
        var lines: [Substring]?
        func visit(_ node: Node) {
            switch node {
            case .scalar(let scalar):
                guard scalar.style == .doubleQuoted || scalar.style == .singleQuoted,
                      let mark = scalar.mark, holdsFieldName(scalar.string) else { return }
                if lines == nil { lines = NoticeModel.lines(of: text) }
                guard let lines, mark.line >= 1, mark.line <= lines.count else { return }
                let quote: Character = scalar.style == .doubleQuoted ? "\"" : "'"
                let line = lines[mark.line - 1]
                let rest = line.unicodeScalars.dropFirst(mark.column)  // after the opening quote
                var restText = String.UnicodeScalarView()
                restText.append(contentsOf: rest)
                if !closes(Substring(String(restText)), quote: quote) {
                    slips.append(Slip(line: mark.line, column: mark.column,
                                      message: Message("loading.yaml.unclosedQuote", ["line": "\(mark.line)", "quote": String(quote)]),
                                      hint: Message("loading.yaml.unclosedQuote.hint", ["quote": String(quote)])))
                }
            case .mapping(let mapping):
                // By index: iterating a Node.Mapping first copies all its pairs into a new array.
                for index in mapping.startIndex..<mapping.endIndex { visit(mapping[index].value) }
            case .sequence(let sequence):
                for item in sequence { visit(item) }
            }
        }
        visit(root)
        return slips
    }

    /// `… source: #…`: a lower-case field name and `: ` inside a text, as a swallowed line leaves.
    private static func holdsFieldName(_ value: String) -> Bool {
        // Bytes first: ":" and " " have no other canonical spelling, so a text whose bytes lack ": "
        // has none for Foundation either, and most values (Chinese text) lack it.
        guard ByteSearch.contains(": ", in: value), value.contains(": ") else { return false }
        let words = value.split(separator: " ")
        return words.contains { word in
            word.count > 1 && word.hasSuffix(":") && word.dropLast().allSatisfy { $0.isASCII && ($0.isLowercase || $0 == "_") }
        }
    }

    /// Whether a quote closes the text on the rest of its first line (`\"` and `''` are not closings).
    private static func closes(_ rest: Substring, quote: Character) -> Bool {
        var escaped = false
        var index = rest.startIndex
        while index < rest.endIndex {
            let character = rest[index]
            if quote == "\"" {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == quote { return true }
            } else if character == quote {
                let next = rest.index(after: index)
                if next < rest.endIndex, rest[next] == quote { index = rest.index(after: next); continue }
                return true
            }
            index = rest.index(after: index)
        }
        return false
    }
}
