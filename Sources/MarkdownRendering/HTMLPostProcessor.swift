import Foundation

/// Final touches on cmark-gfm's HTML: heading ids from the source positions cmark reports,
/// headings moved down to fit the page, no leftover source positions, and tables wrapped so
/// they scroll sideways on a phone.
///
/// Content text is already escaped by cmark at this point (`<` is `&lt;`, `"` is `&quot;`), so
/// `<h2 data-sourcepos="` or `</h2>` can only be markup cmark wrote itself.
enum HTMLPostProcessor {
    static func finish(_ html: String, headingAnchors: [SourcePosition: String], headingOffset: Int) -> String {
        var output = ""
        output.reserveCapacity(html.utf8.count + headingAnchors.count * 24)
        var rest = Substring(html)
        let marker = " data-sourcepos=\""
        while let range = rest.range(of: marker) {
            var before = rest[..<range.lowerBound]
            guard let close = rest[range.upperBound...].firstIndex(of: "\"") else { break }
            let position = rest[range.upperBound..<close]
            if let level = headingLevel(endingAt: before) {
                before = before.dropLast(3)
                output += before
                output += "<h\(min(6, level + headingOffset))"
                if let anchor = headingAnchors[startPosition(position)] {
                    output += " id=\"\(escapeMarkup(anchor))\""
                }
            } else {
                output += before
            }
            rest = rest[rest.index(after: close)...]
        }
        output += rest
        if headingOffset > 0 {
            for level in stride(from: 6, through: 1, by: -1) {
                output = output.replacingOccurrences(of: "</h\(level)>", with: "</h\(min(6, level + headingOffset))>")
            }
        }
        return output
            .replacingOccurrences(of: "<table>", with: "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"表格\"><table>")
            .replacingOccurrences(of: "</table>", with: "</table></div>")
    }

    /// The level of a heading whose opening tag `<hN` ends the text, if it does.
    private static func headingLevel(endingAt text: Substring) -> Int? {
        let tail = Array(text.suffix(3).utf8)
        guard tail.count == 3, tail[0] == UInt8(ascii: "<"), tail[1] == UInt8(ascii: "h"),
              (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(tail[2]) else { return nil }
        return Int(tail[2] - UInt8(ascii: "0"))
    }

    private static func startPosition(_ text: Substring) -> SourcePosition {
        let start = text.split(separator: "-").first ?? ""
        let parts = start.split(separator: ":")
        return SourcePosition(line: Int(parts.first ?? "") ?? 0, column: Int(parts.dropFirst().first ?? "") ?? 0)
    }
}

/// Escapes text for HTML and XML, in element content and in quoted attributes alike.
public func escapeMarkup(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text {
        switch character {
        case "&": result += "&amp;"
        case "\"": result += "&quot;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "'": result += "&#39;"
        default: result.append(character)
        }
    }
    return result
}
