/// What a converter (Word → text, PDF → Word, pandoc) leaves in a notice that the notice does not
/// say: bookmarks written out as "[bookmark: _GoBack]", and page numbers that were in the footer
/// and became lines of their own ("1", "- 2 -", "— 3 —", "第 4 页", "第4页 共10页", "4/10").
///
/// A line that is only a number could in principle be a value, but in these notices a value always
/// stands in a sentence or a table cell; so only short lines of exactly these shapes are taken for
/// page numbers (at most three digits, so that a year alone on a line stays; nothing else but
/// dashes, 第/页/共, a slash or "Page … of …").
enum Leftovers {
    /// Trimmed away at both ends of a paragraph or line: white space of every kind (full-width
    /// U+3000 and no-break U+00A0 included), the byte order mark and zero-width spaces.
    static func isBlank(_ character: Character) -> Bool {
        character.isWhitespace || character == "\u{FEFF}" || character == "\u{200B}" || character == "\u{200C}" || character == "\u{200D}"
    }

    static func trimmed(_ text: Substring) -> String {
        guard let first = text.firstIndex(where: { !isBlank($0) }), let last = text.lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(text[first...last])
    }

    /// Characters that surround a page number in a footer ("- 1 -", "第 1 页 共 5 页", "Page 1 of 5").
    static let pageNumberFrame: Set<Character> = ["-", "—", "–", "－", "~", "～", "_", "第", "页", "共", "/", "／", ",", "，",
                                                   ".", "·", "|", "P", "a", "g", "e", "o", "f"]

    private static let shapes: Set<String> = [
        "9", "-9-", "第9页", "第9页共9页", "第9页,共9页", "第9页/共9页", "共9页第9页", "共9页,第9页",
        "9/9", "-9/9-", "第9/9页", "page9", "page9of9", "9页", "9/9页",
    ]

    static func isPageNumber(_ line: String) -> Bool {
        guard line.utf8.count <= 96 else { return false }  // most lines: no need to look closer
        let compact = line.filter { !isBlank($0) }
        guard !compact.isEmpty, compact.count <= 24 else { return false }
        if shapes.contains(shape(compact, chineseNumerals: false)) { return true }
        return compact.contains("页") && shapes.contains(shape(compact, chineseNumerals: true))
    }

    /// The line with each number replaced by "9" ("8" for one of more than three digits: a digit cannot
    /// be left over, so neither can be mistaken for the line's own characters), dashes
    /// made one "-", full-width punctuation made ASCII and letters lowercased.
    private static func shape(_ compact: String, chineseNumerals: Bool) -> String {
        var result = ""
        var digits = 0
        func flush() {
            if digits > 0 { result.append(digits <= 3 ? "9" : "8") }
            digits = 0
        }
        for character in compact {
            let isDigit = character.isASCII ? character.isNumber : ("０"..."９").contains(character)
            if isDigit || (chineseNumerals && "一二三四五六七八九十百零〇".contains(character)) {
                digits += 1
                continue
            }
            flush()
            switch character {
            case "-", "—", "–", "－", "~", "～", "_", "‐", "―":
                if result.last != "-" { result.append("-") }
            case "／": result.append("/")
            case "，": result.append(",")
            default: result += character.lowercased()
            }
        }
        flush()
        return result
    }

    /// The line without its "[bookmark: …]" marks, and how many there were.
    static func removingBookmarks(_ line: String) -> (String, Int) {
        guard line.contains("[bookmark:") else { return (line, 0) }
        var rest = Substring(line), result = "", count = 0
        while let open = rest.range(of: "[bookmark:") {
            guard let close = rest[open.upperBound...].firstIndex(of: "]") else { break }
            result += rest[..<open.lowerBound]
            rest = rest[rest.index(after: close)...]
            count += 1
        }
        return (result + rest, count)
    }
}
