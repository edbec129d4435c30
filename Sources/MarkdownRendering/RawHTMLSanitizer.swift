import Support

/// Raw HTML that a notice opted into (`raw_html: true`) keeps its elements but loses whatever
/// could run script or load from elsewhere: every `on…` event attribute, `srcdoc`, any attribute
/// whose value is a `javascript:`, `vbscript:`, `data:` or `file:` address (also when written
/// with entities or white space inside), and the elements that change where a page goes or what it
/// embeds (`base`, `meta`, `link`, `object`, `embed`, `applet`, `frame`, `frameset`, `form`). A tag left
/// open at the end of a piece of raw HTML is shown as text: the browser would otherwise take the
/// text after it as its attributes. GFM's tag filter list (`script`, `iframe`, `style`, …) is shown as
/// text here too, wherever it stands in a piece (a fuzzer found `<object data="…<script>…">` in a
/// paragraph getting a live `<script>` past cmark-gfm's filter, which checks an inline piece's first tag).
///
/// cmark-gfm's own safe mode empties dangerous links, but only while raw HTML is off; with it on,
/// this is what keeps `[x](javascript:…)` and `<img onerror=…>` inert.
enum RawHTMLSanitizer {
    /// GFM's tag filter list, applied here too, to every tag of a piece rather than its first.
    static let filteredElements: Set<String> = ["title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext"]
    static let droppedElements: Set<String> = ["base", "meta", "link", "object", "embed", "applet", "frame", "frameset", "form"]

    static func sanitize(_ html: String) -> String {
        let scalars = Array(html.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "<", index + 1 < scalars.count,
                  isLetter(scalars[index + 1]) || (scalars[index + 1] == "/" && index + 2 < scalars.count && isLetter(scalars[index + 2])) else {
                output.append(scalar)
                index += 1
                continue
            }
            guard let tag = parseTag(scalars, from: index) else {
                output.append(contentsOf: "&lt;".unicodeScalars)  // never closed: show it as text
                index += 1
                continue
            }
            if droppedElements.contains(tag.name) || filteredElements.contains(tag.name) {
                // Shown whole as text: an attribute may hold markup (`data="…<script>…"`), and
                // cmark-gfm's tag filter looks only at the first tag of an inline piece.
                output.append(contentsOf: escapeMarkup(String(String.UnicodeScalarView(scalars[index..<tag.end]))).unicodeScalars)
            } else if scalars[index + 1] == "/" {
                // An end tag's attributes mean nothing to a browser; written bare, they cannot
                // hide markup (`</a f="<x ">`, found by the fuzzer) from anything reading after us.
                output.append(contentsOf: scalars[index..<tag.attributesStart])
                output.append(">")
            } else {
                output.append(contentsOf: scalars[index..<tag.attributesStart])
                // Written out anew, not copied: `<svg onload="…"x='…'>` without the handler must not
                // become `<svgx='…'>` (a fuzzer found that one).
                for attribute in tag.attributes where isSafe(attribute) {
                    output.append(contentsOf: " \(attribute.name)".unicodeScalars)
                    if attribute.hasValue {
                        output.append(contentsOf: "=\"\(attribute.value.replacingOccurrences(of: "\"", with: "&quot;"))\"".unicodeScalars)
                    }
                }
                output.append(contentsOf: scalars[tag.attributesEnd..<tag.end])
            }
            index = tag.end
        }
        return String(output)
    }

    struct Attribute {
        var range: Range<Int>  // with the white space before it
        var name: String
        var value: String
        var hasValue = false
    }

    struct Tag {
        var name: String
        var attributesStart: Int
        var attributes: [Attribute]
        var attributesEnd: Int
        var end: Int  // just past '>'
    }

    /// Reads a start or end tag the way an HTML parser does; nil when no '>' closes it, or when its
    /// name is not made of ASCII letters, digits and `-` `:` `_` `.` (custom elements, and the
    /// `<o:p>` of HTML pasted from Word). A browser reads `</h<form>` as the end tag of an element
    /// called `h<form`, harmless, but anything that looks for tags from the next '<' (a reader,
    /// another tool, our own fuzzer's check) sees a `<form>`: such a piece is shown as text instead.
    static func parseTag(_ s: [Unicode.Scalar], from start: Int) -> Tag? {
        var i = start + 1
        if s[i] == "/" { i += 1 }
        let nameStart = i
        while i < s.count, !isSpace(s[i]), s[i] != "/", s[i] != ">" {
            guard isLetter(s[i]) || ("0"..."9").contains(s[i]) || "-:_.".unicodeScalars.contains(s[i]) else { return nil }
            i += 1
        }
        let name = String(String.UnicodeScalarView(s[nameStart..<i])).lowercased()
        let attributesStart = i
        var attributes: [Attribute] = []
        while i < s.count {
            let before = i
            while i < s.count, isSpace(s[i]) || s[i] == "/" { i += 1 }
            guard i < s.count else { return nil }
            if s[i] == ">" {
                return Tag(name: name, attributesStart: attributesStart, attributes: attributes, attributesEnd: before, end: i + 1)
            }
            let attrNameStart = i
            i += 1  // a first '=' belongs to the name, as in the HTML parser
            while i < s.count, !isSpace(s[i]), s[i] != "/", s[i] != ">", s[i] != "=" { i += 1 }
            let attrName = String(String.UnicodeScalarView(s[attrNameStart..<i])).lowercased()
            var j = i
            while j < s.count, isSpace(s[j]) { j += 1 }
            var value = ""
            let hasValue = j < s.count && s[j] == "="
            if hasValue {
                j += 1
                while j < s.count, isSpace(s[j]) { j += 1 }
                guard j < s.count else { return nil }
                if s[j] == "\"" || s[j] == "'" {
                    let quote = s[j]
                    let valueStart = j + 1
                    j = valueStart
                    while j < s.count, s[j] != quote { j += 1 }
                    guard j < s.count else { return nil }
                    value = String(String.UnicodeScalarView(s[valueStart..<j]))
                    j += 1
                } else {
                    let valueStart = j
                    while j < s.count, !isSpace(s[j]), s[j] != ">" { j += 1 }
                    value = String(String.UnicodeScalarView(s[valueStart..<j]))
                }
                i = j
            }
            attributes.append(Attribute(range: before..<i, name: attrName, value: value, hasValue: hasValue))
        }
        return nil
    }

    static func isSafe(_ attribute: Attribute) -> Bool {
        if attribute.name.hasPrefix("on") || attribute.name == "srcdoc" || attribute.name == "formaction" { return false }
        // Only plain names: `"`, `'`, `<` or `=` in a name are parse errors a browser recovers from in its own way.
        guard attribute.name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || "-_:.".unicodeScalars.contains($0) }) else {
            return false
        }
        if isDangerousAddress(attribute.value) { return false }
        // Values that hold addresses inside a longer text: image sets, CSS, SVG animation values.
        let value = decodedForSchemeCheck(attribute.value)
        return !(attributesHoldingAddresses.contains(attribute.name) && dangerousSchemes.contains { value.contains($0) })
    }

    static let dangerousSchemes = ["javascript:", "vbscript:", "data:", "file:"]
    static let attributesHoldingAddresses: Set<String> = ["srcset", "style", "values", "to", "from", "by", "content"]

    /// True for a `javascript:`, `vbscript:`, `data:` or `file:` address, however it is spelt.
    static func isDangerousAddress(_ text: String) -> Bool {
        let value = decodedForSchemeCheck(text)
        return dangerousSchemes.contains { value.hasPrefix($0) }
    }

    /// The value as a browser resolves it for a URL: entities decoded, ASCII white space and
    /// control characters (which URL parsing strips) removed, lower-cased.
    static func decodedForSchemeCheck(_ value: String) -> String {
        var decoded = String.UnicodeScalarView()
        let s = Array(value.unicodeScalars)
        var i = 0
        while i < s.count {
            if s[i] == "&", let (scalar, next) = entity(s, at: i) {
                decoded.append(scalar)
                i = next
            } else {
                decoded.append(s[i])
                i += 1
            }
        }
        return String(String.UnicodeScalarView(decoded.filter { $0.value > 0x20 && $0.value != 0x7F })).lowercased()
    }

    private static let namedEntities: [String: Unicode.Scalar] = [
        "colon": ":", "tab": "\t", "newline": "\n", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "sol": "/",
        "lpar": "(", "rpar": ")", "period": ".", "comma": ",", "semi": ";", "num": "#", "excl": "!", "equals": "=",
    ]

    private static func entity(_ s: [Unicode.Scalar], at start: Int) -> (Unicode.Scalar, Int)? {
        var i = start + 1
        guard i < s.count else { return nil }
        if s[i] == "#" {
            i += 1
            let hex = i < s.count && (s[i] == "x" || s[i] == "X")
            if hex { i += 1 }
            let digitsStart = i
            while i < s.count, hex ? s[i].properties.isASCIIHexDigit : ("0"..."9").contains(s[i]) { i += 1 }
            guard i > digitsStart, i - digitsStart < 10,
                  let code = UInt32(String(String.UnicodeScalarView(s[digitsStart..<i])), radix: hex ? 16 : 10) else { return nil }
            if i < s.count, s[i] == ";" { i += 1 }
            return (Unicode.Scalar(code) ?? "\u{FFFD}", i)
        }
        let nameStart = i
        while i < s.count, isLetter(s[i]) { i += 1 }
        guard let scalar = namedEntities[String(String.UnicodeScalarView(s[nameStart..<i])).lowercased()] else { return nil }
        if i < s.count, s[i] == ";" { i += 1 }
        return (scalar, i)
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}"
    }
}
