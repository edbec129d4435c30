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
