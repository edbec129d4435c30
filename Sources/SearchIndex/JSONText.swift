/// JSON strings and string arrays written by hand, byte for byte as Foundation's
/// JSONSerialization writes them here (no escaped `/`, other control characters as `\u00XX`),
/// with U+2028 and U+2029 escaped as older JavaScript engines need. The index writes hundreds of
/// thousands of these; going through `Any` and JSONSerialization cost more than the tokenising.
public enum JSONText {
    /// - Parameter escapingLineSeparators: write U+2028 and U+2029 as `\u2028`, `\u2029` (the
    ///   index's files do; JSONSerialization does not).
    public static func appendString(_ value: String, to text: inout String, escapingLineSeparators: Bool = true) {
        text += "\""
        // Runs between the bytes to escape are appended as slices of `value`, which are valid UTF-8
        // already: everything escaped is ASCII or the three bytes of U+2028/U+2029, so every cut
        // falls between scalars. Chinese text is full of other E2 sequences (“ ” — …), which stay.
        var value = value
        let cuts: [(offset: Int, length: Int, replacement: StaticString)] = value.withUTF8 { bytes in
            var cuts: [(Int, Int, StaticString)] = []
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != 0xE2 {
                    index += 1
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""): cuts.append((index, 1, "\\\""))
                case UInt8(ascii: "\\"): cuts.append((index, 1, "\\\\"))
                case 0x0A: cuts.append((index, 1, "\\n"))
                case 0x0D: cuts.append((index, 1, "\\r"))
                case 0x09: cuts.append((index, 1, "\\t"))
                case 0x08: cuts.append((index, 1, "\\b"))
                case 0x0C: cuts.append((index, 1, "\\f"))
                case 0..<0x20: cuts.append((index, 1, controlEscapes[Int(byte)]))
                case 0xE2 where escapingLineSeparators && index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    cuts.append((index, 3, bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"))
                    index += 2
                default: break
                }
                index += 1
            }
            return cuts
        }
        guard !cuts.isEmpty else {
            text += value
            text += "\""
            return
        }
        let utf8 = value.utf8
        var runStart = utf8.startIndex
        for cut in cuts {
            let cutStart = utf8.index(utf8.startIndex, offsetBy: cut.offset)
            text += value[runStart..<cutStart]
            text += cut.replacement.description
            runStart = utf8.index(cutStart, offsetBy: cut.length)
        }
        text += value[runStart...]
        text += "\""
    }

    /// `\u0000` … `\u001f`, as JSONSerialization writes the control characters without a short escape.
    private static let controlEscapes: [StaticString] = [
        "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007",
        "\\u0008", "\\u0009", "\\u000a", "\\u000b", "\\u000c", "\\u000d", "\\u000e", "\\u000f",
        "\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017",
        "\\u0018", "\\u0019", "\\u001a", "\\u001b", "\\u001c", "\\u001d", "\\u001e", "\\u001f",
    ]

    public static func appendArray(_ values: [String], to text: inout String) {
        text += "["
        for (index, value) in values.enumerated() {
            if index > 0 { text += "," }
            appendString(value, to: &text)
        }
        text += "]"
    }

    /// Appends the decimal digits of `value`, as `"\(value)"` writes them, without making a String.
    static func appendDecimal(_ value: UInt64, to bytes: inout [UInt8]) {
        if value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        appendDecimal(value / 10, to: &bytes)
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}
