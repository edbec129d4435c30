/// Text escaped for HTML and XML, in element content and in quoted attributes alike: `&`, `<`,
/// `>`, `"` and `'` become `&amp;`, `&lt;`, `&gt;`, `&quot;` and `&#39;`, and nothing else changes.
///
/// One function for the pages cmark's HTML is finished into, the feeds, and the themes' templates,
/// so the same text is escaped the same way wherever it lands. It works on UTF-8 bytes, not
/// Characters: a `"` followed by a combining mark is one Character that is not `"`, and walking
/// Characters let such a quote through unescaped, where it would end an attribute.
public func escapeMarkup(_ text: String) -> String {
    var text = text
    let escaped: [UInt8]? = text.withUTF8 { bytes in
        guard bytes.contains(where: needsEscaping) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        appendEscapedMarkup(bytes, to: &output)
        return output
    }
    return escaped.map { String(decoding: $0, as: UTF8.self) } ?? text
}

/// Appends `text` escaped as `escapeMarkup` escapes it, for writers that build their output as bytes.
public func appendEscapedMarkup(_ text: String, to output: inout [UInt8]) {
    var text = text
    text.withUTF8 { appendEscapedMarkup($0, to: &output) }
}

/// Appends UTF-8 `bytes` escaped as `escapeMarkup` escapes them; runs between the five bytes are
/// copied whole (all five are ASCII, so no cut falls inside a multi-byte sequence).
public func appendEscapedMarkup(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
    var runStart = 0
    for index in 0..<bytes.count {
        let replacement: StaticString
        switch bytes[index] {
        case UInt8(ascii: "&"): replacement = "&amp;"
        case UInt8(ascii: "<"): replacement = "&lt;"
        case UInt8(ascii: ">"): replacement = "&gt;"
        case UInt8(ascii: "\""): replacement = "&quot;"
        case UInt8(ascii: "'"): replacement = "&#39;"
        default: continue
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
        output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
        runStart = index + 1
    }
    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
}

private func needsEscaping(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
    default: false
    }
}
