import DocumentReading

/// Text of the office's document written as Markdown that shows exactly that text: every
/// character Markdown would read as syntax is escaped, so nothing is lost or turned into a list,
/// a link or HTML.
enum MarkdownText {
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for character in text {
            // `{` is escaped too: `{{name}}` in the office's text is text, not a template blank.
            if "\\`*_[]<>|&~{}".contains(character) { result.append("\\") }
            result.append(character)
        }
        return escapedLineStart(result)
    }

    /// What Markdown reads at the start of a line: `#`, `-`, `+`, `=`, `1.`, `1)`, indentation.
    private static func escapedLineStart(_ line: String) -> String {
        guard let first = line.first else { return line }
        if "#-+=".contains(first) { return "\\" + line }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let after = line.dropFirst(digits.count)
            if let marker = after.first, marker == "." || marker == ")" {
                return digits + "\\" + after
            }
        }
        return line
    }

    static func heading(_ level: Int, _ text: String) -> String {
        String(repeating: "#", count: level) + " " + escaped(text)
    }

    /// A GFM table; the first row is the header row (a form has no header; the template page
    /// shows every row alike). In notice.md a cell spanning columns is followed by empty cells and
    /// one merged into the cell above is empty, as the printed form looks; in a template (`merges`)
    /// they are the template format's markers, `<` (merged with the cell to the left) and `^`
    /// (merged with the cell above), which the template page turns into colspan and rowspan.
    static func table(_ table: DocumentTable, merges: Bool = false, cell: (String) -> String = { escaped($0) }) -> String {
        var rows: [[String]] = table.rows.map { row in
            row.flatMap { item -> [String] in
                let text = item.mergedAbove ? (merges ? "^" : "") : cell(item.text.split(separator: "\n").joined(separator: " "))
                let covered = merges ? (item.mergedAbove ? "^" : "\\<") : ""
                return [text] + Array(repeating: covered, count: max(0, item.columnSpan - 1))
            }
        }
        let width = rows.map(\.count).max() ?? 0
        guard width > 0 else { return "" }
        rows = rows.map { $0 + Array(repeating: "", count: width - $0.count) }
        var lines = [line(rows[0])]
        lines.append("|" + Array(repeating: "---", count: width).joined(separator: "|") + "|")
        lines += rows.dropFirst().map(line)
        return lines.joined(separator: "\n")
    }

    private static func line(_ cells: [String]) -> String {
        "| " + cells.map { $0.isEmpty ? "" : $0 }.joined(separator: " | ") + " |"
    }
}
