import Foundation

/// The placeholders a document template may use, each with the form field that fills it.
///
/// A fixed list, so a typo in a template (`{{nmae}}`) is a content error, and every template of
/// every notice asks for the same thing with the same words.
public struct TemplateField: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case text, longText, date, number, phone, idNumber, choice
    }

    public var key: String
    public var label: String
    public var kind: Kind
    public var choices: [String] = []
    /// How wide the blank is on paper, in characters, when nothing is filled in.
    public var blankWidth: Int

    public static let all: [TemplateField] = [
        TemplateField(key: "name", label: "姓名", kind: .text, blankWidth: 4),
        TemplateField(key: "gender", label: "性别", kind: .choice, choices: ["男", "女"], blankWidth: 2),
        TemplateField(key: "ethnicity", label: "族别", kind: .text, blankWidth: 3),
        TemplateField(key: "political", label: "政治面貌", kind: .text, blankWidth: 4),
        TemplateField(key: "id_number", label: "身份证号", kind: .idNumber, blankWidth: 10),
        TemplateField(key: "birth", label: "出生年月", kind: .text, blankWidth: 5),
        TemplateField(key: "education", label: "学历", kind: .text, blankWidth: 4),
        TemplateField(key: "degree", label: "学位", kind: .text, blankWidth: 4),
        TemplateField(key: "graduation", label: "何时何学校何专业毕业", kind: .text, blankWidth: 10),
        TemplateField(key: "work_start", label: "参加工作时间", kind: .text, blankWidth: 5),
        TemplateField(key: "current_title", label: "现任专业技术职务任职资格", kind: .text, blankWidth: 6),
        TemplateField(key: "proposed_title", label: "拟申报专业技术职务", kind: .text, blankWidth: 6),
        TemplateField(key: "series", label: "系列", kind: .text, blankWidth: 4),
        TemplateField(key: "specialty", label: "专业", kind: .text, blankWidth: 4),
        TemplateField(key: "level", label: "级别", kind: .choice, choices: ["正高级", "高级", "中级", "初级"], blankWidth: 2),
        TemplateField(key: "unit", label: "推荐单位（工作单位）名称", kind: .text, blankWidth: 8),
        TemplateField(key: "supervising_unit", label: "主管单位名称", kind: .text, blankWidth: 8),
        TemplateField(key: "start_date", label: "公示开始日期", kind: .date, blankWidth: 7),
        TemplateField(key: "end_date", label: "公示结束日期", kind: .date, blankWidth: 7),
        TemplateField(key: "days", label: "公示天数", kind: .number, blankWidth: 2),
        TemplateField(key: "office", label: "受理反映的办公室", kind: .text, blankWidth: 5),
        TemplateField(key: "phone", label: "监督电话", kind: .phone, blankWidth: 6),
        TemplateField(key: "politics", label: "思想政治条件", kind: .longText, blankWidth: 20),
        TemplateField(key: "achievements", label: "实践能力和业绩成果", kind: .longText, blankWidth: 20),
        TemplateField(key: "punishment", label: "受处分情况", kind: .longText, blankWidth: 10),
        TemplateField(key: "political_opinion", label: "政治方面", kind: .longText, blankWidth: 20),
        TemplateField(key: "work_opinion", label: "工作方面（职业操守、从业行为、工作能力）", kind: .longText, blankWidth: 20),
        TemplateField(key: "recommendation_opinion", label: "单位推荐及公示情况", kind: .longText, blankWidth: 20),
        TemplateField(key: "reason", label: "免学理由", kind: .longText, blankWidth: 10),
        TemplateField(key: "date", label: "落款日期", kind: .date, blankWidth: 7),
    ]

    public static func named(_ key: String) -> TemplateField? { all.first { $0.key == key } }
}

/// `{{key}}` placeholders in a template's text, with where each stands.
public enum TemplatePlaceholders {
    public struct Occurrence: Sendable, Equatable {
        public var key: String
        public var line: Int
        public var column: Int
    }

    public static func scan(_ text: String) -> [Occurrence] {
        var found: [Occurrence] = []
        forEachLine(of: text) { line, number in
            // No "{" byte, no placeholder: nothing else is canonically equivalent to "{".
            if !containsByte(line, UInt8(ascii: "{")) { return }
            if bracesStandAlone(in: line) {
                scanBytes(line, number: number, into: &found)
            } else {
                scanCharacters(line, number: number, into: &found)
            }
        }
        return found
    }

    /// Whether every `{` and `}` of the line and its neighbours are simple scalars. Then each
    /// brace is a Character of its own, and Foundation's `range(of:)` (which matches whole
    /// Characters, up to canonical equivalence) finds "{{" and "}}" exactly where their bytes are.
    private static func bracesStandAlone(in line: Substring) -> Bool {
        var previous: Unicode.Scalar?
        for scalar in line.unicodeScalars {
            if let previous, previous == "{" || previous == "}" || scalar == "{" || scalar == "}", !(previous.isSimple && scalar.isSimple) {
                return false
            }
            previous = scalar
        }
        return true
    }

    /// The byte search, for lines where it finds what `scanCharacters` finds.
    private static func scanBytes(_ line: Substring, number: Int, into found: inout [Occurrence]) {
        let utf8 = line.utf8
        var index = utf8.startIndex
        var column = 1  // Unicode scalars before `index`, plus one
        while index != utf8.endIndex {
            let next = utf8.index(after: index)
            guard utf8[index] == UInt8(ascii: "{"), next != utf8.endIndex, utf8[next] == UInt8(ascii: "{") else {
                if utf8[index] & 0xC0 != 0x80 { column += 1 }
                index = next
                continue
            }
            let keyStart = utf8.index(after: next)
            var close = keyStart
            while close != utf8.endIndex, !(utf8[close] == UInt8(ascii: "}") && utf8.index(after: close) != utf8.endIndex
                                             && utf8[utf8.index(after: close)] == UInt8(ascii: "}")) {
                close = utf8.index(after: close)
            }
            guard close != utf8.endIndex else { return }
            found.append(Occurrence(key: String(line[keyStart..<close]).trimmingWhitespace, line: number, column: column))
            column += line.unicodeScalars[index..<utf8.index(close, offsetBy: 2)].count
            index = utf8.index(close, offsetBy: 2)
        }
    }

    /// Character-level search with Foundation's `range(of:)`, as the scan was first written.
    private static func scanCharacters(_ line: Substring, number: Int, into found: inout [Occurrence]) {
        var rest = line
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let key = String(rest[open.upperBound..<close.lowerBound]).trimmingWhitespace
            // Columns count Unicode scalars, as YAML positions do.
            let column = line[line.startIndex..<open.lowerBound].unicodeScalars.count + 1
            found.append(Occurrence(key: key, line: number, column: column))
            rest = rest[close.upperBound...]
        }
    }
}
