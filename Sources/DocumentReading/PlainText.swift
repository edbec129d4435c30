/// A .txt or .md notice as paragraphs: one per non-blank line (a text export has no other notion
/// of a paragraph), converter leftovers removed. Markdown adds ATX headings ("#" … "######"), GFM
/// pipe tables and whole-line bold; other Markdown (list markers, inline emphasis, links) stays in
/// the text as typed, for the importer to read like any other text.
enum PlainText {
    static func read(_ text: String, encoding: String, markdown: Bool) -> ReadDocument {
        var bookmarks = 0, pageNumbers = 0
        var lines: [String] = []
        // "\r\n" is one Character in Swift, so splitting on all three line ends normalises them.
        // A page break can fall inside a sentence ("（四）基层" / "- 2 -" / "农技人员。"): when the line
        // before a removed page number does not end a sentence, the next line continues it.
        var continuesAfterPageBreak = false
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let (withoutMarks, marks) = Leftovers.removingBookmarks(String(raw))
            bookmarks += marks
            let line = Leftovers.trimmed(Substring(withoutMarks))
            if line.isEmpty {
                lines.append("")
            } else if Leftovers.isPageNumber(line) {
                pageNumbers += 1
                if let last = lines.last(where: { !$0.isEmpty }), let end = last.last, !"。；！？：:;!?）)」”》".contains(end), !last.contains("|") {
                    continuesAfterPageBreak = true
                }
            } else if continuesAfterPageBreak, !startsItem(line), let index = lines.lastIndex(where: { !$0.isEmpty }) {
                lines[index] += line
                lines.removeSubrange((index + 1)...)
                continuesAfterPageBreak = false
            } else {
                continuesAfterPageBreak = false
                lines.append(line)
            }
        }
        let blocks = markdownBlocks(lines, markdown: markdown)
        var removed: [Message] = []
        if bookmarks > 0 { removed.append(Message("read.removed.bookmarks", ["count": "\(bookmarks)"])) }
        if pageNumbers > 0 { removed.append(Message("read.removed.pageNumberLines", ["count": "\(pageNumbers)"])) }
        return ReadDocument(format: markdown ? .markdown : .text, blocks: blocks, encoding: encoding, removed: removed)
    }

    /// A line that starts a numbered item or heading, which never continues the line before it.
    private static func startsItem(_ line: String) -> Bool {
        guard let first = line.first else { return false }
        if "（(#|-*".contains(first) || first.isNumber { return true }
        return "一二三四五六七八九十".contains(first) && line.dropFirst().prefix(2).contains("、") || line.hasPrefix("附件")
    }

    // MARK: Markdown

    /// Pipe tables are read in a .txt too: a Word table exported as text by a converter is one.
    /// Headings and bold only in .md.
    private static func markdownBlocks(_ lines: [String], markdown: Bool) -> [DocumentBlock] {
        var blocks: [DocumentBlock] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.isEmpty { index += 1; continue }
            if index + 1 < lines.count, line.contains("|"), isSeparatorRow(lines[index + 1]) {
                let header = cells(line)
                var rows = [header.map { DocumentCell(text: $0) }]
                index += 2
                while index < lines.count, !lines[index].isEmpty, lines[index].contains("|") {
                    rows.append(cells(lines[index]).map { DocumentCell(text: $0) })
                    index += 1
                }
                // A converter gives a form without a header row an empty one.
                if rows.count > 1, rows[0].allSatisfy({ $0.text.isEmpty }) { rows.removeFirst() }
                blocks.append(.table(DocumentTable(rows: rows)))
                continue
            }
            // Lines of cells separated by tabs (a Word table saved as text): a table, each tab one cell.
            // A short label alone on a line between such lines ("工作单位") is a row of the form too.
            func inForm(_ at: Int) -> Bool {
                guard at < lines.count, !lines[at].isEmpty else { return false }
                if lines[at].contains("\t") { return true }
                return lines[at].count <= 12 && at + 1 < lines.count && lines[at + 1].contains("\t")
            }
            if line.contains("\t"), inForm(index + 1) {
                var rows: [[DocumentCell]] = []
                while inForm(index) {
                    rows.append(lines[index].split(separator: "\t", omittingEmptySubsequences: false)
                        .map { DocumentCell(text: Leftovers.trimmed($0)) })
                    index += 1
                }
                blocks.append(.table(DocumentTable(rows: rows)))
                continue
            }
            // A thematic break (***, ---, ___) is layout, not text.
            if markdown, line.count >= 3, Set(line.filter { $0 != " " }).count == 1, "*-_".contains(line.first!) { index += 1; continue }
            blocks.append(.paragraph(markdown ? paragraph(line) : DocumentParagraph(text: line)))
            index += 1
        }
        return blocks
    }

    private static func paragraph(_ raw: String) -> DocumentParagraph {
        // Markdown's marks are not the notice's text: list bullets ("- 联系人：…"), an ordered list's
        // space ("1. 网上申报" → "1.网上申报"), bold and italic marks inside a line.
        var line = raw
        for bullet in ["- ", "* ", "+ "] where line.hasPrefix(bullet) { line = Leftovers.trimmed(line.dropFirst(2)) }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, line.dropFirst(digits.count).hasPrefix(". ") {
            line = digits + "." + Leftovers.trimmed(line.dropFirst(digits.count + 2))
        }
        if heading(line) == nil, wholeLineBold(line).0.isEmpty {
            line = line.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
        }
        if let (level, text) = heading(line) {
            let (inner, bold) = wholeLineBold(text)
            return DocumentParagraph(text: inner.isEmpty ? text : inner, bold: bold, headingLevel: level)
        }
        let (inner, bold) = wholeLineBold(line)
        return DocumentParagraph(text: inner.isEmpty ? line : inner, bold: bold)
    }

    /// "## 二、申报条件" → (2, "二、申报条件"); closing hashes are dropped. "#hashtag" is no heading.
    private static func heading(_ line: String) -> (Int, String)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var text = Leftovers.trimmed(rest)
        let closing = text.reversed().prefix { $0 == "#" }.count
        if closing > 0, closing < text.count {
            let before = text.dropLast(closing)
            if before.last == " " || before.last == "\t" { text = Leftovers.trimmed(before) }
        } else if closing == text.count {
            text = ""
        }
        return text.isEmpty ? nil : (hashes, text)
    }

    /// "**注意事项**" or "__注意事项__" on its own: the line is bold; the marks go.
    private static func wholeLineBold(_ line: String) -> (String, Bool) {
        for mark in ["**", "__"] where line.count > 4 && line.hasPrefix(mark) && line.hasSuffix(mark) {
            let inner = String(line.dropFirst(2).dropLast(2))
            if !inner.contains(mark), !inner.isEmpty { return (Leftovers.trimmed(Substring(inner)), true) }
        }
        return (line, false)
    }

    /// "|---|:---:|", "--- | ---": dashes (with optional colons) between pipes, at least one pipe.
    private static func isSeparatorRow(_ line: String) -> Bool {
        guard line.contains("|") || line.contains("-") else { return false }
        let parts = cells(line)
        guard !parts.isEmpty, line.contains("|") else { return false }
        return parts.allSatisfy { part in
            var body = Substring(part)
            if body.hasPrefix(":") { body = body.dropFirst() }
            if body.hasSuffix(":") { body = body.dropLast() }
            return !body.isEmpty && body.allSatisfy { $0 == "-" }
        }
    }

    /// A pipe row's cells, outer pipes optional, "\|" for a pipe inside a cell.
    private static func cells(_ line: String) -> [String] {
        var body = Substring(line)
        if body.hasPrefix("|") { body = body.dropFirst() }
        if body.hasSuffix("|"), !body.hasSuffix("\\|") { body = body.dropLast() }
        var result: [String] = [], current = ""
        var escaped = false
        for character in body {
            if escaped {
                current.append(character == "|" ? "|" : "\\")
                if character != "|" { current.append(character) }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                result.append(Leftovers.trimmed(Substring(current)))
                current = ""
            } else {
                current.append(character)
            }
        }
        if escaped { current.append("\\") }
        result.append(Leftovers.trimmed(Substring(current)))
        return result
    }
}
