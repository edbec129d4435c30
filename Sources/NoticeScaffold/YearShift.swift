import Foundation
import NoticeModel

/// Rewrites last year's `notice.yml` for a new year as a text edit, not by re-serialising the YAML,
/// so the office's comments, order, quoting and line breaks survive and the diff stays readable.
///
/// Years are shifted only where the data means a year: the id, `year`, the title, every date, the
/// continuing-education and appraisal years. Texts quoted from the notice keep their words (they
/// are last year's text until the office replaces them). Last year's misprint notes (`as_printed`,
/// `correction`) and `source_file` are commented out; every shifted date is listed under `to_confirm`.
struct YearShift {
    let oldID: String
    let newID: String
    let oldYear: Int
    let newYear: Int
    var delta: Int { newYear - oldYear }

    struct Output {
        var text: String
        /// The `to_confirm` keys written, in file order.
        var toConfirm: [String]
        /// `key: old → new`, for the command's report.
        var changes: [String]
    }

    enum Problem: Error, Equatable {
        case unreadable(Message)

        var reason: Message {
            switch self {
            case .unreadable(let reason): reason
            }
        }
    }

    private struct Edit {
        var line: Int          // 1-based
        var column: Int        // 1-based, in Unicode scalars
        var length: Int        // in Unicode scalars
        var replacement: String
    }

    func apply(to text: String) throws(Problem) -> Output {
        let root: YAMLNode
        do {
            guard let node = try YAMLNode.compose(text) else { throw Problem.unreadable(Message("new.unreadable.empty")) }
            root = node
        } catch let problem as Problem {
            throw problem
        } catch {
            throw .unreadable(Message("new.unreadable.yaml", ["reason": "\(error)"]))
        }
        guard case let .mapping(top) = root else { throw .unreadable(Message("new.unreadable.notMapping")) }
        var edits: [Edit] = []
        var commentOut: [YAMLNode] = []   // keys whose lines are commented out
        var toConfirm: [String] = []
        var changes: [String] = []
        var yearLine: Int?
        // Lines without their CR (libyaml counts CR LF as one break too); written back with the
        // file's own line end, so a file saved on Windows stays CR LF.
        var lines = NoticeModel.lines(of: text).map(String.init)
        let lineEnd = text.contains("\r\n") ? "\r\n" : "\n"

        func scalarEdit(_ node: YAMLNode, _ transform: (String) -> String?) {
            guard case let .scalar(scalar) = node, let mark = node.mark, let new = transform(scalar.string) else { return }
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
            let column = mark.column + (quoted ? 1 : 0)
            // Only a scalar written on one line exactly as read is edited in place.
            guard mark.line - 1 < lines.count else { return }
            let line = Array(lines[mark.line - 1].unicodeScalars)
            let original = Array(scalar.string.unicodeScalars)
            guard column - 1 + original.count <= line.count, Array(line[(column - 1)..<(column - 1 + original.count)]) == original else { return }
            edits.append(Edit(line: mark.line, column: column, length: original.count, replacement: new))
        }
        func shiftDate(_ node: YAMLNode, key: String, confirm: String?) {
            scalarEdit(node) { old in
                guard let date = try? BeijingDateTime.parse(old) else { return nil }
                let new = shifted(date)
                changes.append("\(key): \(old) → \(new)")
                if let confirm, !toConfirm.contains(confirm) { toConfirm.append(confirm) }
                return new.description
            }
        }
        func shiftYearNumber(_ node: YAMLNode, key: String) {
            scalarEdit(node) { old in
                guard let year = Int(old) else { return nil }
                changes.append("\(key): \(year) → \(year + delta)")
                return "\(year + delta)"
            }
        }
        func value(_ map: YAMLNode.Mapping, _ key: String) -> YAMLNode? { map.first { $0.key.string == key }?.value }
        func keyOf(_ map: YAMLNode.Mapping, _ key: String) -> YAMLNode? { map.first { $0.key.string == key }?.key }

        for (keyNode, node) in top {
            switch keyNode.string {
            case "id":
                scalarEdit(node) { old in old == oldID ? newID : nil }
            case "year":
                yearLine = node.mark?.line
                scalarEdit(node) { old in Int(old) == oldYear ? "\(newYear)" : nil }
            case "title":
                scalarEdit(node) { old in
                    let new = shiftYearsInText(old)
                    if new != old { changes.append("title: \(old) → \(new)") }
                    return new == old ? nil : new
                }
            case "published":
                shiftDate(node, key: "published", confirm: "published")
            case "source_file", "to_confirm":
                commentOut.append(keyNode)
            case "timeline":
                for event in node.sequence ?? [] {
                    guard let map = event.mapping else { continue }
                    let id = value(map, "id")?.string ?? "?"
                    for field in ["start", "end"] {
                        if let date = value(map, field) { shiftDate(date, key: "timeline.\(id).\(field)", confirm: "timeline.\(id)") }
                    }
                    for field in ["as_printed", "correction"] { if let key = keyOf(map, field) { commentOut.append(key) } }
                }
            case "payment", "paper_forms":
                if let map = node.mapping, let date = value(map, "deadline") {
                    shiftDate(date, key: "\(keyNode.string ?? "").deadline", confirm: "\(keyNode.string ?? "").deadline")
                }
            case "seniority_cutoff":
                if let map = node.mapping, let date = value(map, "date") {
                    shiftDate(date, key: "seniority_cutoff.date", confirm: "seniority_cutoff.date")
                }
            case "continuing_education":
                for (index, rule) in (node.sequence ?? []).enumerated() {
                    guard let map = rule.mapping else { continue }
                    for field in ["general_years", "specialty_years"] {
                        for year in value(map, field)?.sequence ?? [] { shiftYearNumber(year, key: "continuing_education[\(index)].\(field)") }
                    }
                    if let platform = value(map, "platform_years")?.mapping {
                        for field in ["general_from", "specialty_from"] {
                            if let year = value(platform, field) { shiftYearNumber(year, key: "continuing_education[\(index)].platform_years.\(field)") }
                        }
                    }
                }
            case "appraisal":
                if let map = node.mapping {
                    for year in value(map, "years")?.sequence ?? [] { shiftYearNumber(year, key: "appraisal.years") }
                }
            default:
                break
            }
        }

        // Edits within a line from right to left, so earlier columns stay valid.
        for edit in edits.sorted(by: { ($0.line, $0.column) > ($1.line, $1.column) }) {
            var scalars = Array(lines[edit.line - 1].unicodeScalars)
            scalars.replaceSubrange((edit.column - 1)..<(edit.column - 1 + edit.length), with: Array(edit.replacement.unicodeScalars))
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            lines[edit.line - 1] = String(view)
        }
        for key in commentOut {
            guard let line = key.mark?.line, let column = key.mark?.column else { continue }
            for index in linesOfEntry(startingAt: line - 1, indent: column - 1, in: lines) {
                lines[index] = commented(lines[index], at: column - 1, label: index == line - 1 ? "上一年度：" : "")
            }
        }
        if !toConfirm.isEmpty, let yearLine {
            let block = ["# 以下日期由 noticeboard new 从 \(oldID) 推算而来：逐一核对新通知后，删去对应的行（页面上显示为“待确认”）。",
                         "to_confirm:"] + toConfirm.map { "  - \($0)" }
            lines.insert(contentsOf: block, at: yearLine)
        }
        return Output(text: lines.joined(separator: lineEnd), toConfirm: toConfirm, changes: changes)
    }

    /// Feb 29 becomes Feb 28 in a year without it; everything else keeps its month, day and time.
    func shifted(_ date: BeijingDateTime) -> BeijingDateTime { date.moved(byYears: delta) }

    /// Shifts four-digit numbers that read as years near the notice's year (`2022年度` → `2025年度`).
    func shiftYearsInText(_ text: String) -> String { movingYears(in: text, near: oldYear, by: delta) }

    /// The line of a key and the lines of its value below it (indented further, or blank).
    private func linesOfEntry(startingAt first: Int, indent: Int, in lines: [String]) -> [Int] {
        var result = [first]
        var index = first + 1
        while index < lines.count {
            let line = lines[index]
            let leading = line.prefix { $0 == " " }.count
            if line.trimmingCharacters(in: .whitespaces).isEmpty || leading > indent { result.append(index); index += 1 } else { break }
        }
        while let last = result.last, last != first, lines[last].trimmingCharacters(in: .whitespaces).isEmpty { result.removeLast() }
        return result
    }

    /// `    correction: …` → `    # 上一年度：correction: …`. A key that opens a list item (`- key:`)
    /// cannot be commented on its own without breaking the item, so it is left as it is.
    private func commented(_ line: String, at column: Int, label: String) -> String {
        let scalars = Array(line.unicodeScalars)
        guard column <= scalars.count else { return line }
        var prefix = String.UnicodeScalarView(); prefix.append(contentsOf: scalars[..<column])
        var rest = String.UnicodeScalarView(); rest.append(contentsOf: scalars[column...])
        let head = String(prefix)
        if head.trimmingCharacters(in: .whitespaces).hasSuffix("-") { return line }
        return head + "# \(label)" + String(rest)
    }
}
