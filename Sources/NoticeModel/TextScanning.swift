import Support

/// Byte-level shortcuts for the loader's hot string work, each exact: where Unicode could make
/// `Character` or Foundation semantics differ from a plain byte comparison (combining marks,
/// canonical equivalence), they fall back to the original Character-level code.

extension Unicode.Scalar {
    /// ASCII, the common CJK punctuation and quotes, the CJK ideographs and the full-width forms:
    /// scalars that never merge with a neighbour into one Character (none is Extend, SpacingMark,
    /// ZWJ, Prepend, Hangul, a regional indicator or pictographic) and that Unicode normalisation
    /// never changes or composes. Nearly all the text of a notice is made of these.
    var isSimple: Bool {
        switch value {
        case 0x00...0x7F, 0x2010...0x2027, 0x3001...0x3029, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E: true
        default: false
        }
    }

    /// `properties.isWhitespace` (Unicode White_Space), without the table lookup for simple
    /// scalars: the only whitespace among them is ASCII's.
    var isWhiteSpace: Bool {
        isSimple ? value == 0x20 || (0x09...0x0D).contains(value) : properties.isWhitespace
    }
}

/// `choices.contains(value)`. String equality is canonical equivalence, which for non-ASCII text
/// costs a normalising comparison; identical bytes are certainly equal, so those are tried first
/// and the full comparison runs only when none matches (a value about to be reported).
func containsText(_ choices: [String], _ value: String) -> Bool {
    choices.contains { sameBytes($0, value) } || choices.contains(value)
}

/// Whether the two texts are the same bytes (the length first, which rules out most).
private func sameBytes(_ a: String, _ b: String) -> Bool {
    guard a.utf8.count == b.utf8.count else { return false }
    let contiguous = a.utf8.withContiguousStorageIfAvailable { a in
        b.utf8.withContiguousStorageIfAvailable { b in a.elementsEqual(b) }
    }
    return (contiguous ?? nil) ?? a.utf8.elementsEqual(b.utf8)
}

/// Calls `body` with each line of `text` and its 1-based number. A line ends at every LF, and a CR
/// just before it is not part of the line, so a file saved with Windows line ends (CRLF, as
/// Notepad writes them) is numbered like the same file with LF. (`split(separator: "\n")` would
/// not do: "\r\n" is one Character, so a CRLF file was one long line 1.) Scans bytes instead of
/// breaking the whole text into Characters. Every tool that numbers or edits a content file's
/// lines (the loader, `check`'s links and TODOs, `new --from`) cuts them here, so all count alike.
public func forEachLine(of text: String, _ body: (Substring, Int) -> Void) {
    let utf8 = text.utf8
    let ends = utf8.withContiguousStorageIfAvailable(lineEnds) ?? Array(utf8).withUnsafeBufferPointer(lineEnds)
    var lineStart = utf8.startIndex, number = 1
    for (feed, contentEnd) in ends {
        // Both are Character boundaries: "\r\n" starts at its CR, and a lone LF is a Character.
        body(text[lineStart..<utf8.index(utf8.startIndex, offsetBy: contentEnd)], number)
        number += 1
        lineStart = utf8.index(utf8.startIndex, offsetBy: feed + 1)  // constant time for a native string
    }
    body(text[lineStart...], number)
}

/// The lines of `text`, cut as `forEachLine` cuts them.
public func lines(of text: String) -> [Substring] {
    var lines: [Substring] = []
    forEachLine(of: text) { line, _ in lines.append(line) }
    return lines
}

/// For each LF, its byte offset and where its line's content ends (before a CR that precedes it).
private func lineEnds(_ bytes: UnsafeBufferPointer<UInt8>) -> [(feed: Int, contentEnd: Int)] {
    bytes.indices.compactMap { index in
        guard bytes[index] == 0x0A else { return nil }
        return (index, index > 0 && bytes[index - 1] == 0x0D ? index - 1 : index)
    }
}

/// Whether the text has the byte, searched over its contiguous bytes when it has them (the
/// generic search over a UTF8View is several times slower).
func containsByte<Text: StringProtocol>(_ text: Text, _ byte: UInt8) -> Bool {
    text.utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? text.utf8.contains(byte)
}

/// Whether some line of `text` (as `forEachLine` cuts them) starts with "# " as `hasPrefix("# ")`
/// decides: `hasPrefix` compares Characters, so "# " followed by a combining mark is no match; such
/// a line (never seen in practice) is left to `hasPrefix` itself.
func hasTitleLine(_ text: String) -> Bool {
    var found = false
    forEachLine(of: text) { line, _ in
        guard !found, line.utf8.starts(with: [0x23, 0x20]) else { return }
        if let next = line.unicodeScalars.dropFirst(2).first, !next.isSimple {
            found = line.hasPrefix("# ")
        } else {
            found = true
        }
    }
    return found
}

/// `text.contains(part)`, answered from the bytes when that is certainly the same answer: the
/// part's bytes found where the scalars on both sides of the match and the part's own first and
/// last scalars are simple (none merges with a neighbour into one Character, so the match stands
/// on Character boundaries). Otherwise (no such match, an empty part, a part that starts or ends
/// with a line break) the Character-level `contains` decides, as before. A reading's quotes are
/// checked this way against the whole notice text: Foundation's search was 1.4% of a build.
func containsQuote(_ text: String, _ part: String) -> Bool {
    if quoteFoundInBytes(text, part) { return true }
    return text.contains(part)
}

private func quoteFoundInBytes(_ text: String, _ part: String) -> Bool {
    guard let first = part.unicodeScalars.first, let last = part.unicodeScalars.last,
          first.isSimple, last.isSimple, !"\r\n".unicodeScalars.contains(first), !"\r\n".unicodeScalars.contains(last) else { return false }
    var text = text, part = part
    return part.withUTF8 { needle in
        text.withUTF8 { haystack in
            var start = 0
            while let found = ByteSearch.firstIndex(of: needle, in: haystack, from: start) {
                let end = found + needle.count
                if isSimpleScalar(endingBefore: found, in: haystack) && isSimpleScalar(startingAt: end, in: haystack) { return true }
                start = found + 1
            }
            return false
        }
    }
}

/// Whether the scalar that starts at `index` is simple (true at the end of the text).
private func isSimpleScalar(startingAt index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard index < bytes.count else { return true }
    var end = index + 1
    while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
    return simpleScalar(bytes, index, end)
}

/// Whether the scalar that ends just before `index` is simple (true at the start of the text).
private func isSimpleScalar(endingBefore index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard index > 0 else { return true }
    var start = index - 1
    while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
    return simpleScalar(bytes, start, index)
}

private func simpleScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    var scalars = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).unicodeScalars.makeIterator()
    guard let scalar = scalars.next(), scalars.next() == nil else { return false }
    // A line break beside the match is fine: the part's own ends are no line break, and only
    // CR LF merge among simple scalars.
    return scalar.isSimple
}
