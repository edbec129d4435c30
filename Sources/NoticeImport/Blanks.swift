import DocumentReading
import Foundation
import NoticeModel

/// The blanks an office prints in a template, and the site's placeholder each one is.
enum Blanks {
    /// Characters offices print for "fill in here".
    static let marks: Set<Character> = ["×", "x", "X", "ｘ", "Ｘ", "╳", "＿", "_", "○", "〇"]

    /// Replaces the blanks of one escaped Markdown line with `{{key}}` placeholders.
    static func fill(_ line: String, count: inout Int) -> String {
        var text = line
        // Dates first: a period "从××××年××月××日起至××××年××月××日止" has a start and an end.
        let dates = datePattern.matches(in: text)
        if dates.count == 2, text.contains("至") {
            text = replacing(dates[1], in: text, with: "{{end_date}}")
            text = replacing(dates[0], in: text, with: "{{start_date}}")
            count += 2
        } else if !dates.isEmpty {
            for range in dates.reversed() { text = replacing(range, in: text, with: "{{date}}") }
            count += dates.count
        } else if isDateLine(text) {
            count += 1
            return "{{date}}"
        }
        // "姓名：×××，性别：×": a label the site has a field for, a colon, blank marks.
        for (label, key) in labelledBlanks {
            for colon in ["：", ":"] {
                let found = Pattern.after(label + colon).matches(in: text)
                for range in found.reversed() { text = replacing(range, in: text, with: label + colon + "{{\(key)}}") }
                count += found.count
            }
        }
        for (pattern, replacement) in substitutions {
            let found = pattern.matches(in: text)
            for range in found.reversed() { text = replacing(range, in: text, with: replacement(String(text[range]))) }
            count += found.count
        }
        // "卫生系列××专业": the series printed, the specialty blank.
        let specialty = Pattern.marks(before: "专业").matches(in: text).filter { range in text[..<range.lowerBound].hasSuffix("系列") }
        for range in specialty.reversed() { text = replacing(range, in: text, with: "{{specialty}}专业") }
        count += specialty.count
        return text
    }

    /// A line that is only a date to fill: `年 月 日`, `××××年××月××日`, `2024年×月×日`.
    static func isDateLine(_ text: String) -> Bool {
        let squeezed = text.filter { !$0.isWhitespace && !marks.contains($0) && !($0.isNumber) }
        return squeezed == "年月日" && text.contains("年") && text.contains("日")
    }

    /// `××××年××月××日`, `2024年×月×日`, `20××年××月××日`: a date whose month and day are blank.
    private static let datePattern = Pattern { text in
        var found: [Range<String.Index>] = []
        var index = text.startIndex
        while index < text.endIndex {
            if let range = blankDate(in: text, at: index) {
                found.append(range)
                index = range.upperBound
            } else {
                index = text.index(after: index)
            }
        }
        return found
    }

    private static func blankDate(in text: String, at start: String.Index) -> Range<String.Index>? {
        func run(_ index: String.Index, _ accept: (Character) -> Bool) -> String.Index {
            var end = index
            while end < text.endIndex, accept(text[end]) { end = text.index(after: end) }
            return end
        }
        let isMark: (Character) -> Bool = { marks.contains($0) || $0 == " " }
        let yearEnd = run(start, { $0.isNumber || isMark($0) })
        guard yearEnd > start, text[start...].first.map({ $0.isNumber || marks.contains($0) }) ?? false,
              yearEnd < text.endIndex, text[yearEnd] == "年" else { return nil }
        let monthStart = text.index(after: yearEnd)
        let monthEnd = run(monthStart, isMark)
        guard monthEnd > monthStart, monthEnd < text.endIndex, text[monthEnd] == "月" else { return nil }
        let dayStart = text.index(after: monthEnd)
        let dayEnd = run(dayStart, isMark)
        guard dayEnd > dayStart, dayEnd < text.endIndex, text[dayEnd] == "日" else { return nil }
        return start..<text.index(after: dayEnd)
    }

    /// The other blanks, each a pattern over the escaped line and its placeholder.
    private static let substitutions: [(Pattern, @Sendable (String) -> String)] = [
        // ×（高、中、初）级, x级, ×级: the level applied for.
        (Pattern.marks(before: "（高、中、初）级"), { _ in "{{level}}" }),
        (Pattern.marks(before: "(高、中、初)级"), { _ in "{{level}}" }),
        // ××系列××专业 → {{series}}{{specialty}}专业
        (Pattern.marks(before: "系列", then: "专业"), { _ in "{{series}}{{specialty}}专业" }),
        (Pattern.marks(before: "同志"), { _ in "{{name}}同志" }),
        (Pattern.marks(before: "级"), { _ in "{{level}}" }),
        (Pattern.marks(before: "天"), { _ in "{{days}}天" }),
        (Pattern.marks(before: "办公室"), { _ in "{{office}}" }),
        (Pattern.after("电话："), { _ in "电话：{{phone}}" }),
        (Pattern.after("电话:"), { _ in "电话:{{phone}}" }),
        (Pattern.marks(before: "个工作日"), { _ in "{{days}}个工作日" }),
        (Pattern.after("本人"), { _ in "本人{{name}}" }),
        (Pattern.literal("推荐单位名称"), { _ in "{{unit}}" }),
        (Pattern.literal("工作单位名称"), { _ in "{{unit}}" }),
        (Pattern.literal("主管单位名称"), { _ in "{{supervising_unit}}" }),
    ]

    /// Labels written before a blank in running text, with the field each one asks for.
    static let labelledBlanks: [(String, String)] = {
        var pairs = TemplateField.all.filter { $0.kind != .longText }.map { ($0.label, $0.key) }
        pairs += [("民族", "ethnicity"), ("身份证号码", "id_number"), ("出生日期", "birth"), ("工作单位", "unit"), ("现工作单位", "unit"),
                  ("现专业技术资格", "current_title"), ("现任专业技术职务", "current_title"), ("拟申报资格", "proposed_title"),
                  ("思想政治表现", "politics"), ("思想政治条件", "politics"), ("主要业绩成果", "achievements"), ("业绩成果", "achievements"),
                  ("受处分情况", "punishment"), ("免学理由", "reason")]
        // Longest first: 身份证号码 before 身份证号.
        return pairs.sorted { $0.0.count > $1.0.count }
    }()

    /// In a form, the empty cell after a label (`姓名 | ` ) is the blank for that label.
    static func labelledCells(_ table: DocumentTable, count: inout Int) -> DocumentTable {
        var result = table
        // Rows as wide as the widest, so a label alone on its row ("工作单位") has its blank.
        let width = table.rows.map { $0.reduce(0) { $0 + $1.columnSpan } }.max() ?? 0
        for index in result.rows.indices {
            let missing = width - result.rows[index].reduce(0) { $0 + $1.columnSpan }
            if missing > 0 { result.rows[index] += Array(repeating: DocumentCell(text: ""), count: missing) }
        }
        for rowIndex in result.rows.indices {
            let row = result.rows[rowIndex]
            for cellIndex in row.indices.dropLast() {
                let next = row[cellIndex + 1]
                guard next.text.isEmpty, !next.mergedAbove, let field = field(labelled: row[cellIndex].text) else { continue }
                result.rows[rowIndex][cellIndex + 1].text = "{{\(field.key)}}"
                count += 1
            }
        }
        return result
    }

    /// The placeholder a form's label asks for: the site's field of that label, or a common
    /// wording of it.
    static func field(labelled label: String) -> TemplateField? {
        let squeezed = label.filter { !$0.isWhitespace && $0 != "：" && $0 != ":" }
        guard !squeezed.isEmpty else { return nil }
        if let field = TemplateField.all.first(where: { $0.label == squeezed }) { return field }
        let synonyms: [String: String] = [
            "民族": "ethnicity", "身份证号码": "id_number", "出生年月日": "birth", "出生日期": "birth",
            "毕业院校及专业": "graduation", "工作单位": "unit", "现工作单位": "unit", "单位名称": "unit", "参加工作时间": "work_start",
            "现有专业技术职务": "current_title", "现专业技术职务": "current_title", "现任专业技术职务": "current_title",
            "拟申报专业技术职务": "proposed_title", "申报专业技术职务": "proposed_title", "申报系列": "series", "申报专业": "specialty",
            "申报级别": "level", "联系电话": "phone", "免学理由": "reason", "主管单位": "supervising_unit",
            "现专业技术资格": "current_title", "拟申报资格": "proposed_title", "拟申报专业技术资格": "proposed_title",
        ]
        return synonyms[squeezed].flatMap(TemplateField.named)
    }

    private static func replacing(_ range: Range<String.Index>, in text: String, with replacement: String) -> String {
        text.replacingCharacters(in: range, with: replacement)
    }
}

/// A small matcher over a line's characters: no regular expressions, so escaped Markdown
/// (`\_` for an underscore blank) is matched exactly as written.
struct Pattern: Sendable {
    let matches: @Sendable (String) -> [Range<String.Index>]

    init(_ matches: @escaping @Sendable (String) -> [Range<String.Index>]) { self.matches = matches }

    func matches(in text: String) -> [Range<String.Index>] { matches(text) }

    /// A run of blank marks (escaped or not), then `word` (and, if given, more marks then `then`).
    static func marks(before word: String, then second: String? = nil) -> Pattern {
        Pattern { text in
            var found: [Range<String.Index>] = []
            var index = text.startIndex
            while index < text.endIndex {
                let end = markRun(text, index)
                guard end > index, text[end...].hasPrefix(word) else {
                    index = text.index(after: index)
                    continue
                }
                var stop = text.index(end, offsetBy: word.count)
                if let second {
                    let secondEnd = markRun(text, stop)
                    guard secondEnd > stop, text[secondEnd...].hasPrefix(second) else { index = text.index(after: index); continue }
                    stop = text.index(secondEnd, offsetBy: second.count)
                }
                // `x` is a blank only when it is not part of a Latin word.
                if index > text.startIndex, let before = text[text.index(before: index)...].first, before.isASCII, before.isLetter {
                    index = end
                    continue
                }
                found.append(index..<stop)
                index = stop
            }
            return found
        }
    }

    /// `word` followed by a run of blank marks to the end of a clause.
    static func after(_ word: String) -> Pattern {
        Pattern { text in
            var found: [Range<String.Index>] = []
            var search = text.startIndex
            while let range = text.range(of: word, range: search..<text.endIndex) {
                let end = markRun(text, range.upperBound)
                if end > range.upperBound { found.append(range.lowerBound..<end) }
                search = max(end, range.upperBound)
            }
            return found
        }
    }

    static func literal(_ word: String) -> Pattern {
        Pattern { text in
            var found: [Range<String.Index>] = []
            var search = text.startIndex
            while let range = text.range(of: word, range: search..<text.endIndex) {
                found.append(range)
                search = range.upperBound
            }
            return found
        }
    }

    /// The end of a run of blank marks from `index` (an escaped `\_` counts as one mark).
    private static func markRun(_ text: String, _ start: String.Index) -> String.Index {
        var index = start
        while index < text.endIndex {
            if Blanks.marks.contains(text[index]) {
                index = text.index(after: index)
            } else if text[index] == "\\", let next = text.index(index, offsetBy: 1, limitedBy: text.endIndex), next < text.endIndex, text[next] == "_" {
                index = text.index(after: next)
            } else {
                break
            }
        }
        return index
    }
}
