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
        // Escaped over UTF-8 bytes into one buffer: everything escaped is ASCII or the three bytes
        // of U+2028/U+2029, so no scalar is split, and appending scalar by scalar to a String cost
        // more than the rest of writing a document file (its text has a newline in every paragraph).
        let bytes = Array(value.utf8)
        var escaped: [UInt8] = []
        escaped.reserveCapacity(bytes.count + 16)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): escaped += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): escaped += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: escaped += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: escaped += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: escaped += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x08: escaped += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: escaped += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                escaped += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            case 0xE2 where escapingLineSeparators && index + 1 < bytes.count && bytes[index] == 0x80
                && (bytes[index + 1] == 0xA8 || bytes[index + 1] == 0xA9):
                // E2 80 A8 is U+2028, E2 80 A9 U+2029.
                escaped += Array((bytes[index + 1] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                index += 2
            default:
                escaped.append(byte)
            }
        }
        text += String(decoding: escaped, as: UTF8.self)
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
