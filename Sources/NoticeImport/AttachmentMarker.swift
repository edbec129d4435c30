import DocumentReading
import Foundation

/// The lines that name attachments: `附件1` (alone: an attachment starts, or above a title: the
/// notice is itself an attachment), `附件1：推荐单位公示（模板）`, and the list at the end of the
/// body (`附件：1. …`, `- 附件1. …`), whose titles are matched to the attachments that follow.
enum AttachmentMarker {
    /// `附件1`, `附件 1`, `附件1：`, `附件1-1`, `附件一` alone on the line → `附件1`, `附件1-1`.
    static func alone(_ line: String) -> String? {
        // A notice with one attachment may print "附件" without a number.
        let squeezed = line.filter { !$0.isWhitespace }
        if squeezed == "附件" { return "附件" }
        guard let (number, rest) = marker(line) else { return nil }
        let tail = rest.trimmingCharacters(in: .whitespaces)
        return tail.isEmpty || tail == "：" || tail == ":" ? number : nil
    }

    /// `附件1：推荐单位公示（模板）`, `附件2. 单位推荐意见（模板）` → (`附件2`, `单位推荐意见（模板）`).
    static func withTitle(_ line: String) -> (String, String)? {
        var text = Substring(line)
        if text.hasPrefix("- ") || text.hasPrefix("* ") { text = text.dropFirst(2) }
        guard let (number, rest) = marker(String(text)) else { return nil }
        var title = rest.drop { " \t　：:.．、".contains($0) }
        title = title.drop { $0 == " " }
        guard !title.isEmpty, title.first.map({ !"（(".contains($0) }) ?? false else { return nil }
        return (number, String(title).trimmingCharacters(in: .whitespaces))
    }

    /// `附件：` or `附件 ：1-1.关于…`: the first line of the body's attachment list.
    static func listStart(_ line: String) -> Bool {
        let text = line.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{3000}", with: "")
        return text.hasPrefix("附件：") || text.hasPrefix("附件:")
    }

    /// Compares `附件1-1` with `1-1`, `附件1` with `1`.
    static func sameNumber(_ a: String, _ b: String) -> Bool {
        digits(a) == digits(b)
    }

    private static func digits(_ text: String) -> String {
        text.replacingOccurrences(of: "附件", with: "").replacingOccurrences(of: "－", with: "-")
            .replacingOccurrences(of: "—", with: "-").filter { $0.isNumber || $0 == "-" }
    }

    /// `附件` + spaces + a number (Arabic, full-width or Chinese, optionally `-N`).
    private static func marker(_ line: String) -> (String, Substring)? {
        var text = Substring(line.trimmingCharacters(in: .whitespaces))
        guard text.hasPrefix("附件") else { return nil }
        text = text.dropFirst(2).drop { $0 == " " || $0 == "\u{3000}" }
        var number = ""
        if let (value, after) = HeadingNumber.chineseNumeral(text), !(after.first.map { "、，,".contains($0) } ?? false) {
            number = "\(value)"
            text = after
        } else {
            number = digits(&text)
        }
        guard !number.isEmpty else { return nil }
        number += subNumber(&text)
        return ("附件" + number, text)
    }

    /// The body's list of attachments: `附件：1-1.关于…` and the numbered lines after it, or a run
    /// of `附件1. …` lines; a line without a number continues the title before it.
    static func list(in blocks: [DocumentBlock]) -> [(number: String, title: String)] {
        listLines(in: blocks).items
    }

    /// The list's items and the indices of the blocks it is printed on.
    static func listLines(in blocks: [DocumentBlock]) -> (items: [(number: String, title: String)], indices: Set<Int>) {
        let lines: [String] = blocks.map { block in
            if case let .paragraph(paragraph) = block { return paragraph.shownText }
            return ""
        }
        var result: [(number: String, title: String)] = []
        var indices = Set<Int>()
        var inList = false
        for (index, line) in lines.enumerated() {
            if listStart(line) {
                indices.insert(index)
                inList = true
                let rest = line.drop { $0 != "：" && $0 != ":" }.dropFirst()
                // "附件：1.推荐公示 2.承诺书 3.申请表" on one line: one item per number.
                let pieces = String(rest).replacingOccurrences(of: #"\s+(?=[0-9０-９]+[.．、])"#, with: "\n", options: .regularExpression)
                    .split(separator: "\n").map(String.init)
                let items = pieces.compactMap(numberedItem)
                if !items.isEmpty, items.count == pieces.count {
                    result += items
                } else {
                    // "附件：学校推荐公示": the only attachment, without a number.
                    let title = rest.trimmingCharacters(in: .whitespaces)
                    if !title.isEmpty, !title.contains("。") { result.append(("附件", title)) }
                }
                continue
            }
            if let (number, title) = withTitle(line) {
                indices.insert(index)
                inList = true
                result.append((number, title))
                continue
            }
            guard inList else { continue }
            if let item = numberedItem(line) {
                indices.insert(index)
                result.append(item)
            } else if let last = result.last, !line.isEmpty, NoticeOutline.continuesTitle(last.title, line), !line.contains(where: \.isNumber) {
                indices.insert(index)
                result[result.count - 1].title += line
            } else {
                inList = false
            }
        }
        return (result, indices)
    }

    /// The digits at the start of `text` (ASCII or full-width), taken off it.
    private static func digits(_ text: inout Substring) -> String {
        var number = ""
        while let first = text.first, let digit = HeadingNumber.digitValue(first) {
            number.append(String(digit))
            text = text.dropFirst()
        }
        return number
    }

    /// `-1` of `附件1-1` (any dash), taken off `text`; empty when there is none.
    private static func subNumber(_ text: inout Substring) -> String {
        guard let dash = text.first, "-－—–".contains(dash), let next = text.dropFirst().first, HeadingNumber.digitValue(next) != nil else { return "" }
        text = text.dropFirst()
        return "-" + digits(&text)
    }

    /// `1-1.关于…`, `2．关于…`, `3、…` → (`附件1-1`, `关于…`).
    private static func numberedItem(_ line: String) -> (String, String)? {
        var text = Substring(line.trimmingCharacters(in: .whitespaces))
        var number = digits(&text)
        guard !number.isEmpty else { return nil }
        number += subNumber(&text)
        guard let separator = text.first, ".．、 ".contains(separator) else { return nil }
        let title = text.dropFirst().trimmingCharacters(in: .whitespaces)
        return title.isEmpty ? nil : ("附件" + number, title)
    }
}
