extension JSONWriter {
    /// Appends `value` as a JSON string: `"` `\` and the control characters escaped as
    /// JSONSerialization escapes them (`\n` `\r` `\t` `\b` `\f`, the others as `\u00XX`), plus what
    /// the options ask for. The index writes hundreds of thousands of these, so runs between the
    /// bytes to escape are appended as slices of `value` (valid UTF-8 already: everything escaped
    /// is ASCII or the three bytes of U+2028/U+2029, so every cut falls between scalars).
    public func appendString(_ value: String, to text: inout String) {
        text += "\""
        // A byte that is not escaped under these options is 0 here, which the fast test below
        // passes over anyway (it is a control character, escaped in any case).
        let lessThan = options.contains(.escapingLessThan) ? UInt8(ascii: "<") : 0
        let slash = options.contains(.escapingSlashes) ? UInt8(ascii: "/") : 0
        // Chinese text is full of other E2 sequences (“ ” — …), which stay.
        let lineSeparatorLead: UInt8 = options.contains(.escapingLineSeparators) ? 0xE2 : 0
        var value = value
        let cuts: [(offset: Int, length: Int, replacement: StaticString)] = value.withUTF8 { bytes in
            var cuts: [(Int, Int, StaticString)] = []
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != lessThan && byte != slash
                    && byte != lineSeparatorLead {
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
                case 0..<0x20: cuts.append((index, 1, Self.controlEscapes[Int(byte)]))
                case UInt8(ascii: "<"): cuts.append((index, 1, "\\u003c"))
                case UInt8(ascii: "/"): cuts.append((index, 1, "\\/"))
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
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

    /// `values` as a JSON array of strings, as `encode` writes it without going through `Any`.
    public func encode(_ values: [String]) -> String {
        var text = ""
        appendArray(values, to: &text)
        return text
    }

    /// Appends `values` as a JSON array of strings, without going through `Any`.
    public func appendArray(_ values: [String], to text: inout String) {
        text += "["
        for (index, value) in values.enumerated() {
            if index > 0 { text += "," }
            appendString(value, to: &text)
        }
        text += "]"
    }

    /// Appends the decimal digits of `value`, as `"\(value)"` writes them, without making a String:
    /// the index writes one number per posting.
    public static func appendDecimal(_ value: UInt64, to bytes: inout [UInt8]) {
        if value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        appendDecimal(value / 10, to: &bytes)
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}
