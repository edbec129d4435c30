import Foundation

/// Prints diagnostics the way rustc and Hugo do: the message, then the line it is about with a
/// caret under the column, then the hint, so a clerk sees the mistake without counting columns.
///
/// ```
/// content/notices/2025-x/notice.yml:102:5: 错误：缩进不对：…
///   102 |     - id: fugao
///       |     ^
///   提示：…
/// ```
///
/// Each file is read once per printer (a run's diagnostics often point into the same file many
/// times). A file that is missing, unreadable or not text just prints without its line.
public final class DiagnosticPrinter {
    private let language: Language
    private let readFile: (String) -> Data?
    private var lines: [String: [Substring]?] = [:]

    /// - Parameter readFile: the bytes of a file by the path a diagnostic prints (relative to the
    ///   current folder, or absolute); tests give their own.
    public init(language: Language = .current, readFile: @escaping (String) -> Data? = { FileManager.default.contents(atPath: $0) }) {
        self.language = language
        self.readFile = readFile
    }

    /// Every diagnostic, each followed by a newline.
    public static func render(_ diagnostics: [Diagnostic], in language: Language = .current) -> String {
        let printer = DiagnosticPrinter(language: language)
        return diagnostics.map { printer.render($0) + "\n" }.joined()
    }

    /// One diagnostic: its first line, the source line with a caret when the file has that line, the hint.
    public func render(_ diagnostic: Diagnostic) -> String {
        diagnostic.rendered(withSource: sourceLine(diagnostic.file, diagnostic.line), in: language)
    }

    private func sourceLine(_ file: String, _ number: Int) -> Substring? {
        if lines[file] == nil { lines[file] = Self.split(readFile(file)) }
        guard let fileLines = lines[file] ?? nil, number >= 1, number <= fileLines.count else { return nil }
        return fileLines[number - 1]
    }

    /// Lines of a text file; nil for a binary one (a NUL byte) or none. Invalid UTF-8 is shown
    /// with replacement characters, so the line of an encoding error still shows.
    private static func split(_ data: Data?) -> [Substring]? {
        guard var data, !data.contains(0) else { return nil }
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data.removeFirst(3) }
        let text = String(decoding: data, as: UTF8.self)
        // "\r\n" is one Character in Swift, so a file saved on Windows is split on it as well.
        return text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    }
}

extension Diagnostic {
    /// The diagnostic with `line` (the text of the line it points at) shown under its first line,
    /// and a caret under its column; without `line`, as `description(in:)` prints it.
    public func rendered(withSource line: Substring?, in language: Language = .current) -> String {
        let head = Message(severity == .error ? "diagnostic.error.line" : "diagnostic.warning.line",
                           ["location": "\(file):\(self.line):\(column)", "message": message(in: language)]).text(in: language)
        var parts = [head]
        if let line, !line.allSatisfy({ $0.isWhitespace }) || column > 1 {
            parts += SourceSnippet.lines(number: self.line, text: line, column: column)
        }
        if let hint = hint(in: language) { parts.append(Message("diagnostic.hint.line", ["hint": hint]).text(in: language)) }
        return parts.joined(separator: "\n")
    }

    public func rendered(withSource line: String?, in language: Language = .current) -> String {
        rendered(withSource: line.map { Substring($0) }, in: language)
    }
}

/// The two lines under a diagnostic: the source line behind its number, and the caret.
enum SourceSnippet {
    /// A line wider than this (a long paragraph of notice.md) is shown around the caret only.
    static let widest = 100

    static func lines(number: Int, text: Substring, column: Int) -> [String] {
        var cells: [(shown: String, width: Int)] = []
        var width = 0
        for scalar in text.unicodeScalars {
            if scalar == "\t" {
                // Tabs to the next stop of 4, as most editors show them.
                let spaces = 4 - width % 4
                cells.append((String(repeating: " ", count: spaces), spaces))
                width += spaces
            } else {
                let cellWidth = displayWidth(scalar)
                cells.append((String(scalar), cellWidth))
                width += cellWidth
            }
        }
        let caretIndex = min(max(column - 1, 0), cells.count)
        var first = 0, last = cells.count
        if width > widest {
            // Keep about a third of the window before the caret.
            var before = 0
            first = caretIndex
            while first > 0, before + cells[first - 1].width <= widest / 3 { first -= 1; before += cells[first].width }
            var shown = before
            last = caretIndex
            while last < cells.count, shown + cells[last].width <= widest { shown += cells[last].width; last += 1 }
        }
        let prefix = first > 0 ? "…" : "", suffix = last < cells.count ? "…" : ""
        let shown = prefix + cells[first..<last].map(\.shown).joined() + suffix
        let caretOffset = (first > 0 ? 1 : 0) + cells[first..<caretIndex].reduce(0) { $0 + $1.width }
        let gutter = String(number)
        let blank = String(repeating: " ", count: gutter.count)
        return ["  \(gutter) | \(shown)", "  \(blank) | \(String(repeating: " ", count: caretOffset))^"]
    }

    /// Columns a character takes in a terminal: 2 for East Asian wide and full-width characters
    /// (CJK, full-width punctuation, the ideographic space), 0 for combining marks, else 1.
    static func displayWidth(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F:
            return 0
        default:
            return value < 0x20 ? 0 : 1
        }
    }
}
