import Foundation
import Support

/// Final touches on cmark-gfm's HTML: heading ids from the source positions cmark reports,
/// headings moved down to fit the page, no leftover source positions, and tables wrapped so
/// they scroll sideways on a phone. A header row whose cells are all empty (GFM needs one, so a
/// form transcribed as a table starts with `| | | |`) is dropped: it would be announced as column
/// headers without names. An image whose address was dropped becomes its alt text.
///
/// Content text is already escaped by cmark at this point (`<` is `&lt;`, `"` is `&quot;`), so
/// `<h2 data-sourcepos="` or `</h2>` can only be markup cmark wrote itself.
enum HTMLPostProcessor {
    /// One pass over the bytes: a notice's HTML is tens of kilobytes and most of it is CJK text,
    /// which Foundation's search-and-replace walks as UTF-16 many times over.
    static func finish(_ html: String, headingAnchors: [SourcePosition: String], headingOffset: Int) -> String {
        dropEmptyImages(dropEmptyHeaderRows(rewrite(html, headingAnchors: headingAnchors, headingOffset: headingOffset)))
    }

    /// An image whose address was dropped (remote, or javascript:/data:) leaves its alt text: an
    /// `<img src="">` is invalid HTML.
    private static func dropEmptyImages(_ html: String) -> String {
        guard ByteSearch.contains("<img src=\"\"", in: html) else { return html }
        return html.replacing(#/<img src="" alt="([^"]*)"(?: title="[^"]*")? \/>/#) { String($0.output.1) }
    }

    /// Drops each `<thead>\n<tr>\n(<th( align="[a-z]+")?></th>\n)+</tr>\n</thead>\n`, matched on bytes:
    /// a Swift regex over a whole notice cost more than the rest of the post-processing.
    private static func dropEmptyHeaderRows(_ html: String) -> String {
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        var cursor = 0, copied = 0
        while let start = ByteSearch.firstIndex(of: "<thead>\n<tr>\n", in: bytes, from: cursor) {
            cursor = start + 1
            guard let end = emptyHeaderRowEnd(bytes, from: start + 13) else { continue }
            if output.isEmpty { output.reserveCapacity(bytes.count) }
            output += bytes[copied..<start]
            copied = end
            cursor = end
        }
        guard copied > 0 else { return html }
        output += bytes[copied...]
        return String(decoding: output, as: UTF8.self)
    }

    /// Where a run of empty header cells and the end of its row and header, starting at `index`, ends.
    private static func emptyHeaderRowEnd(_ bytes: [UInt8], from index: Int) -> Int? {
        bytes.withUnsafeBufferPointer { bytes -> Int? in
            func literal(_ text: StaticString, at position: Int) -> Int? {
                ByteSearch.hasLiteral(text, in: bytes, at: position) ? position + text.utf8CodeUnitCount : nil
            }
            var position = index, cells = 0
            while var next = literal("<th", at: position) {
                if let value = literal(" align=\"", at: next) {
                    var letters = value
                    while letters < bytes.count, bytes[letters] >= UInt8(ascii: "a"), bytes[letters] <= UInt8(ascii: "z") { letters += 1 }
                    guard letters > value, let closed = literal("\"", at: letters) else { return nil }
                    next = closed
                }
                guard let cellEnd = literal("></th>\n", at: next) else { return nil }
                position = cellEnd
                cells += 1
            }
            guard cells > 0 else { return nil }
            return literal("</tr>\n</thead>\n", at: position)
        }
    }

    private static func rewrite(_ html: String, headingAnchors: [SourcePosition: String], headingOffset: Int) -> String {
        var html = html
        return html.withUTF8 { input -> String in
            var output: [UInt8] = []
            output.reserveCapacity(input.count + headingAnchors.count * 24 + 256)
            var index = 0
            var segmentStart = 0
            let count = input.count
            func matches(_ literal: StaticString, at position: Int) -> Bool { ByteSearch.hasLiteral(literal, in: input, at: position) }
            func append(_ literal: StaticString) {
                output.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
            }
            func isLevel(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "1") && byte <= UInt8(ascii: "6") }
            func shifted(_ byte: UInt8) -> UInt8 { UInt8(ascii: "0") + UInt8(min(6, Int(byte - UInt8(ascii: "0")) + headingOffset)) }

            while index < count {
                // Copy the run up to the next byte that can start something to rewrite in one go:
                // most of a notice is text, and appending it a byte at a time cost more than cmark's parse.
                var next = index
                while next < count, input[next] != UInt8(ascii: " "), input[next] != UInt8(ascii: "<") { next += 1 }
                if next > index {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: input[index..<next]))
                    index = next
                    if index == count { break }
                }
                let byte = input[index]
                if byte == UInt8(ascii: " "), matches(" data-sourcepos=\"", at: index) {
                    let valueStart = index + 17
                    var close = valueStart
                    while close < count, input[close] != UInt8(ascii: "\"") { close += 1 }
                    guard close < count else { break }
                    // `<hN` just before: the heading gets its level moved down and its anchor.
                    if output.count - segmentStart >= 3, output[output.count - 3] == UInt8(ascii: "<"),
                       output[output.count - 2] == UInt8(ascii: "h"), isLevel(output[output.count - 1]) {
                        output[output.count - 1] = shifted(output[output.count - 1])
                        if let anchor = headingAnchors[startPosition(UnsafeBufferPointer(rebasing: input[valueStart..<close]))] {
                            append(" id=\"")
                            output.append(contentsOf: escapeMarkup(anchor).utf8)
                            append("\"")
                        }
                    }
                    index = close + 1
                    segmentStart = output.count
                    continue
                }
                if byte == UInt8(ascii: "<") {
                    if headingOffset > 0, matches("</h", at: index), index + 4 < count, isLevel(input[index + 3]),
                       input[index + 4] == UInt8(ascii: ">") {
                        append("</h")
                        output.append(shifted(input[index + 3]))
                        append(">")
                        index += 5
                        continue
                    }
                    if matches("<table", at: index) {
                        // `<table>` or `<table data-sourcepos="…">`: wrapped, without the position.
                        var end = index + 6
                        if matches(" data-sourcepos=\"", at: end) {
                            end += 17
                            while end < count, input[end] != UInt8(ascii: "\"") { end += 1 }
                            end += 1
                        }
                        if end < count, input[end] == UInt8(ascii: ">") {
                            append("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"表格\"><table>")
                            index = end + 1
                            continue
                        }
                    }
                    if matches("</table>", at: index) {
                        append("</table></div>")
                        index += 8
                        continue
                    }
                }
                output.append(byte)
                index += 1
            }
            if index < count { output.append(contentsOf: UnsafeBufferPointer(rebasing: input[index..<count])) }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// The start of a `data-sourcepos` value, `LINE:COLUMN-LINE:COLUMN`, read from its digits.
    private static func startPosition(_ value: UnsafeBufferPointer<UInt8>) -> SourcePosition {
        var numbers = [0, 0], which = 0
        for byte in value {
            if byte == UInt8(ascii: "-") { break }
            if byte == UInt8(ascii: ":") {
                which += 1
                if which > 1 { break }
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                numbers[which] = numbers[which] &* 10 &+ Int(byte - UInt8(ascii: "0"))
            } else {
                return SourcePosition(line: 0, column: 0)
            }
        }
        return SourcePosition(line: numbers[0], column: numbers[1])
    }
}
