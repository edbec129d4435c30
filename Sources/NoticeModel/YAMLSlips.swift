/// Slips of a Chinese keyboard that YAML itself reports badly or not at all: a full-width colon
/// `：` after a field name, and full-width spaces `　` (U+3000) used to indent. YAML takes both
/// for ordinary text, so the file may even parse, with a key nobody wrote; these are found by
/// looking at the lines, and reported where they stand.
enum YAMLSlips {
    struct Slip {
        var line: Int
        var column: Int
        var message: Message
        var hint: Message
    }

    static func find(in text: String) -> [Slip] {
        // Most files have neither character: one pass over the bytes decides (both start with 0xE3 0x80 / 0xEF 0xBC).
        guard text.contains("：") || text.contains("\u{3000}") else { return [] }
        var slips: [Slip] = []
        forEachLine(of: text) { line, number in
            let scalars = Array(line.unicodeScalars)
            var index = 0
            var fullWidthSpace: Int?
            while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" || scalars[index] == "\u{3000}" {
                if scalars[index] == "\u{3000}", fullWidthSpace == nil { fullWidthSpace = index }
                index += 1
            }
            // `- ` entries, possibly nested on one line.
            while index + 1 < scalars.count, scalars[index] == "-", scalars[index + 1] == " " || scalars[index + 1] == "\u{3000}" {
                if scalars[index + 1] == "\u{3000}", fullWidthSpace == nil { fullWidthSpace = index + 1 }
                index += 2
                while index < scalars.count, scalars[index] == " " || scalars[index] == "\u{3000}" {
                    if scalars[index] == "\u{3000}", fullWidthSpace == nil { fullWidthSpace = index }
                    index += 1
                }
            }
            let keyStart = index
            while index < scalars.count, isKeyScalar(scalars[index]) { index += 1 }
            guard index > keyStart, ("a"..."z").contains(scalars[keyStart]) else { return }
            let key = String(String.UnicodeScalarView(scalars[keyStart..<index]))
            var afterKey = index
            while afterKey < scalars.count, scalars[afterKey] == " " || scalars[afterKey] == "\u{3000}" { afterKey += 1 }
            guard afterKey < scalars.count else { return }
            if let space = fullWidthSpace, scalars[afterKey] == ":" || scalars[afterKey] == "：" {
                slips.append(Slip(line: number, column: space + 1, message: Message("loading.yaml.fullwidthSpace", ["line": "\(number)"]),
                                  hint: Message("loading.yaml.fullwidthSpace.hint")))
            }
            if scalars[afterKey] == "：" {
                slips.append(Slip(line: number, column: afterKey + 1, message: Message("loading.yaml.fullwidthColon", ["key": key]),
                                  hint: Message("loading.yaml.fullwidthColon.hint", ["key": key])))
            }
        }
        return slips
    }

    /// Field names are lower-case ASCII words joined by `_` (`max_submissions`).
    static func isKeyScalar(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || ("A"..."Z").contains(scalar)
    }
}
