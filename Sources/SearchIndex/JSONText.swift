/// JSON strings and string arrays written by hand, byte for byte as Foundation's
/// JSONSerialization writes them here (no escaped `/`, other control characters as `\u00XX`),
/// with U+2028 and U+2029 escaped as older JavaScript engines need. The index writes hundreds of
/// thousands of these; going through `Any` and JSONSerialization cost more than the tokenising.
public enum JSONText {
    /// - Parameter escapingLineSeparators: write U+2028 and U+2029 as `\u2028`, `\u2029` (the
    ///   index's files do; JSONSerialization does not).
    public static func appendString(_ value: String, to text: inout String, escapingLineSeparators: Bool = true) {
        text += "\""
        var needsEscaping = false
        for byte in value.utf8 where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || (byte == 0xE2 && escapingLineSeparators) {
            needsEscaping = true
            break
        }
        guard needsEscaping else {
            text += value
            text += "\""
            return
        }
        var run = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": run += "\\\""
            case "\\": run += "\\\\"
            case "\n": run += "\\n"
            case "\r": run += "\\r"
            case "\t": run += "\\t"
            case "\u{08}": run += "\\b"
            case "\u{0C}": run += "\\f"
            case "\u{2028}" where escapingLineSeparators: run += "\\u2028"
            case "\u{2029}" where escapingLineSeparators: run += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    run += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    run.unicodeScalars.append(scalar)
                }
            }
        }
        text += run
        text += "\""
    }

    public static func appendArray(_ values: [String], to text: inout String) {
        text += "["
        for (index, value) in values.enumerated() {
            if index > 0 { text += "," }
            appendString(value, to: &text)
        }
        text += "]"
    }
}
