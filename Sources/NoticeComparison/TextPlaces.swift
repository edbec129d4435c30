import Foundation
import MarkdownRendering
import NoticeModel

/// One line of the notice's own words and where it starts, so something found inside it is
/// reported at its exact `file:line:column`.
///
/// The words are the lines of notice.md and the text values of notice.yml (notes, `text`,
/// payment, continuing education, contacts …). Data values (dates, numbers, ids) and the keys that
/// quote a misprint or a document on purpose are not words of this kind.
public struct PlacedText: Sendable {
    public var text: String
    public var file: String
    public var line: Int
    /// Column (in Unicode scalars, like every diagnostic) of the text's first scalar.
    public var column: Int
    /// For notice.yml: the keys down to the value, a list item named by its `id` when it has one
    /// (`timeline[apply].note`, `payment.text`); nil for notice.md.
    public var path: String?
    /// The Markdown heading anchor the line is under (notice.md only).
    public var section: String?
    /// The office marked the line as right as it is (see `meantMarker`).
    public var meant: Bool

    public func location(at offset: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column + offset)
    }

    public var isMarkdown: Bool { path == nil }
}

public enum TextPlaces {
    /// What a clerk types on a line to say its years are meant: a YAML comment `# 年份无误` at the
    /// end of a notice.yml line, an HTML comment `<!-- 年份无误 -->` in notice.md (neither shows on
    /// the page). See docs/office.md.
    public static let meantMarker = "年份无误"

    /// Keys whose texts quote last year or a document on purpose: a misprint as printed and its
    /// correction, the office's own notes on the transcription, cited regulations, anchors.
    public static let quotingKeys: Set<String> = ["as_printed", "correction", "transcription_notes", "year_note", "regulations",
                                           "source", "source_file", "readings", "to_confirm", "id", "imported_from"]

    public static func markdown(_ notice: Notice) -> [PlacedText] {
        var places: [PlacedText] = []
        var section: String?
        var inFence = false
        let anyMarked = hasBytes(meantMarker, in: notice.markdown)
        forEachLine(of: notice.markdown) { line, number in
            // Cheap tests first: `build` reads every notice's lines to count what is open.
            let first = line.first { $0 != " " }
            if first == "`" || first == "~" {
                let trimmed = line.drop { $0 == " " }
                if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle(); return }
            }
            if inFence { return }
            if first == "#" {
                let heading = line.drop { $0 == " " }.drop { $0 == "#" }
                if heading.first == " " { section = HeadingAnchor.slug(heading.trimmingCharacters(in: .whitespaces)) }
            }
            let meant = anyMarked && line.contains(meantMarker) && line.contains("<!--")
            places.append(PlacedText(text: String(line), file: notice.markdownPath, line: number, column: 1, path: nil, section: section, meant: meant))
        }
        return places
    }

    /// The text values of notice.yml, each line of a multi-line value on its own.
    public static func yaml(_ text: String, file: String) -> [PlacedText] {
        guard let root = (try? YAMLNode.compose(text)) ?? nil else { return [] }
        return yaml(root, text: text, file: file)
    }

    /// As `yaml(_:file:)`, for a file already composed (composing is the costly part).
    public static func yaml(_ root: YAMLNode, text: String, file: String) -> [PlacedText] {
        // The file's lines only when a value spans lines or a line is marked: most files need neither.
        let anyMarked = hasBytes(meantMarker, in: text)
        var rawLines: [String] = []
        var meantLines = Set<Int>()
        if anyMarked || hasBytes("|", in: text) || hasBytes(">", in: text) {
            rawLines = lines(of: text).map(String.init)
            for (index, line) in rawLines.enumerated() where anyMarked && line.contains(meantMarker) {
                if let hash = line.firstIndex(of: "#"), line[hash...].contains(meantMarker) { meantLines.insert(index + 1) }
            }
        }
        var places: [PlacedText] = []
        func isMeant(_ line: Int) -> Bool { meantLines.contains(line) }
        func walk(_ node: YAMLNode, path: String) {
            switch node {
            case let .mapping(mapping):
                for (keyNode, value) in mapping {
                    let key = keyNode.string ?? ""
                    if quotingKeys.contains(key) { continue }
                    walk(value, path: path.isEmpty ? key : path + "." + key)
                }
            case let .sequence(sequence):
                for (index, item) in sequence.enumerated() {
                    let name = item.mapping?.first { $0.key.string == "id" }?.value.string ?? String(index)
                    walk(item, path: path + "[\(name)]")
                }
            case let .scalar(scalar):
                // Only words: a date, a number or an id has no character outside ASCII.
                guard let mark = node.mark, scalar.string.unicodeScalars.contains(where: { !$0.isASCII }) else { return }
                let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
                if !scalar.string.contains("\n") {
                    places.append(PlacedText(text: scalar.string, file: file, line: mark.line, column: mark.column + (quoted ? 1 : 0),
                                             path: path, section: nil, meant: isMeant(mark.line)))
                    return
                }
                // A block value (`|`, `>`): each of its lines found in the file below the key.
                if rawLines.isEmpty { rawLines = lines(of: text).map(String.init) }
                var searchFrom = mark.line - 1
                for piece in scalar.string.split(separator: "\n", omittingEmptySubsequences: true) {
                    let words = piece.trimmingCharacters(in: .whitespaces)
                    guard !words.isEmpty else { continue }
                    var found = false
                    var index = searchFrom
                    while index < rawLines.count, index < searchFrom + 50 {
                        if let range = rawLines[index].range(of: words) {
                            let column = rawLines[index][..<range.lowerBound].unicodeScalars.count + 1
                            places.append(PlacedText(text: words, file: file, line: index + 1, column: column,
                                                     path: path, section: nil, meant: isMeant(index + 1)))
                            searchFrom = index
                            found = true
                            break
                        }
                        index += 1
                    }
                    if !found {
                        places.append(PlacedText(text: words, file: file, line: mark.line, column: mark.column, path: path, section: nil, meant: isMeant(mark.line)))
                    }
                }
            }
        }
        walk(root, path: "")
        return places
    }
}

/// A text cut into sentences at 。；！？ (and their ASCII twins), each with its offset in Unicode
/// scalars, so a finding in a sentence keeps its column.
public func sentencesWithOffsets(_ text: String) -> [(text: String, offset: Int)] {
    let ends: Set<Unicode.Scalar> = ["。", "；", "！", "？", ";", "!", "?"]
    var result: [(String, Int)] = []
    var current = String.UnicodeScalarView()
    var start = 0
    for (index, scalar) in text.unicodeScalars.enumerated() {
        current.append(scalar)
        if ends.contains(scalar) {
            result.append((String(current), start))
            current = String.UnicodeScalarView()
            start = index + 1
        }
    }
    if !current.isEmpty { result.append((String(current), start)) }
    return result
}

/// Where `words` start in `text`, in Unicode scalars.
public func scalarOffset(of words: String, in text: String) -> Int? {
    guard !words.isEmpty, let range = text.range(of: words) else { return nil }
    return text[..<range.lowerBound].unicodeScalars.count
}

/// Whether `needle` occurs in `text`, compared as UTF-8 bytes (much cheaper than `contains` on
/// Characters, and exact for a needle that is whole characters).
public func hasBytes(_ needle: String, in text: String) -> Bool {
    let pattern = Array(needle.utf8)
    guard let first = pattern.first else { return true }
    var text = text
    return text.withUTF8 { bytes in
        guard bytes.count >= pattern.count else { return false }
        var index = 0
        let last = bytes.count - pattern.count
        while index <= last {
            if bytes[index] == first {
                var matched = true
                for offset in 1..<pattern.count where bytes[index + offset] != pattern[offset] { matched = false; break }
                if matched { return true }
            }
            index += 1
        }
        return false
    }
}
