import NoticeModel

/// One difference between a notice and the one its office published the year before, in words
/// an applicant reads: which part of the notice, and what changed.
public struct NoticeChange: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case added, removed, changed

        public var chineseName: String {
            switch self {
            case .added: "新增"
            case .removed: "取消"
            case .changed: "变化"
            }
        }
    }

    /// The part of the notice: 级别, 时间安排, 评审费, 继续教育, 年度考核, 材料清单, 其他要求, ….
    public var area: String
    public var kind: Kind
    public var text: String

    public init(area: String, kind: Kind, text: String) {
        self.area = area
        self.kind = kind
        self.text = text
    }
}

/// What changed since last year, computed from the two notices' data (never from their prose).
///
/// A yearly notice moves every date and year by one; that alone is not a change. Dates are
/// compared after moving last year's by the difference in years, continuing-education and
/// appraisal years likewise, and texts after moving the years they mention.
public enum NoticeComparison {
    /// The notice of the year before with the same series, specialties, scope and region; one with
    /// the same slug wins when there are several.
    public static func predecessor(of notice: Notice, in notices: [Notice]) -> Notice? {
        Predecessors(notices).of(notice)
    }

    /// Notices grouped by year and office, so a site of thousands finds each predecessor at once.
    ///
    /// The groups hold positions and the few strings compared, not notices: a `Notice` is a large
    /// value, and copying each candidate to compare its slug made a site of 10,000 notices spend
    /// seconds of every `serve` save on retains.
    public struct Predecessors: Sendable {
        private let notices: [Notice]
        private let byKey: [String: [(slug: String, id: String, index: Int)]]

        public init(_ notices: [Notice]) {
            self.notices = notices
            var byKey: [String: [(slug: String, id: String, index: Int)]] = [:]
            for index in notices.indices {
                byKey[Self.key(notices[index], year: notices[index].year), default: []].append((notices[index].slug, notices[index].id, index))
            }
            self.byKey = byKey
        }

        public func of(_ notice: Notice) -> Notice? {
            guard let candidates = byKey[Self.key(notice, year: notice.year - 1)] else { return nil }
            let slug = notice.slug
            let chosen = candidates.first { $0.slug == slug } ?? candidates.min { $0.id < $1.id }
            return chosen.map { notices[$0.index] }
        }

        private static func key(_ notice: Notice, year: Int) -> String {
            [String(year), notice.series.map(\.value).sorted().joined(separator: ","), notice.specialties.map(\.value).sorted().joined(separator: ","),
             notice.scope.rawValue, notice.region ?? ""].joined(separator: "|")
        }
    }

    public static func changes(from old: Notice, to new: Notice) -> [NoticeChange] {
        var comparer = Comparer(old: old, new: new)
        comparer.levels()
        comparer.timeline()
        comparer.submission()
        comparer.fees()
        comparer.continuingEducation()
        comparer.appraisal()
        comparer.defence()
        comparer.paperForms()
        comparer.eligibility()
        comparer.rules()
        comparer.checklist()
        return comparer.changes
    }
}

struct Comparer {
    let old: Notice
    let new: Notice
    var changes: [NoticeChange] = []
    var delta: Int { new.year - old.year }

    init(old: Notice, new: Notice) {
        self.old = old
        self.new = new
    }

    private mutating func add(_ area: String, _ kind: NoticeChange.Kind, _ text: String) {
        changes.append(NoticeChange(area: area, kind: kind, text: text))
    }

    mutating func levels() {
        let oldIDs = Set(old.levels.map(\.id)), newIDs = Set(new.levels.map(\.id))
        for level in new.levels where !oldIDs.contains(level.id) { add("级别", .added, "新增\(level.name)（\(level.rank.rawValue)）") }
        for level in old.levels where !newIDs.contains(level.id) { add("级别", .removed, "不再包括\(level.name)（\(level.rank.rawValue)）") }
    }

    mutating func timeline() {
        var unmatched = old.timeline
        for event in new.timeline {
            guard let index = unmatched.firstIndex(where: { $0.id == event.id })
                    ?? unmatched.firstIndex(where: { $0.kind == event.kind && $0.label == event.label }) else {
                add("时间安排", .added, "\(event.label)：\(when(event))")
                continue
            }
            let previous = unmatched.remove(at: index)
            if shifted(previous.start) != event.start || shifted(previous.end) != event.end {
                add("时间安排", .changed, "\(event.label)：去年 \(when(previous))，今年 \(when(event))")
            }
        }
        for event in unmatched { add("时间安排", .removed, "去年的“\(event.label)”（\(when(event))）今年未列出") }
    }

    mutating func submission() {
        let before = old.submission, after = new.submission
        if before?.maxSubmissions != after?.maxSubmissions {
            add("提交与退回", .changed, "最多提交次数：去年 \(count(before?.maxSubmissions))，今年 \(count(after?.maxSubmissions))")
        }
        if before?.fixWindowHours != after?.fixWindowHours {
            add("提交与退回", .changed, "退回后修改时限：去年 \(hours(before?.fixWindowHours))，今年 \(hours(after?.fixWindowHours))")
        }
    }

    mutating func fees() {
        let before = Dictionary(old.fees.map { ($0.level.value, $0.amount) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.fees.map { ($0.level.value, $0.amount) }, uniquingKeysWith: { a, _ in a })
        for fee in new.fees {
            let name = levelName(fee.level.value, in: new)
            switch before[fee.level.value] {
            case nil: add("评审费", .added, "\(name)：\(fee.amount)元（去年未列明）")
            case let amount? where amount != fee.amount: add("评审费", .changed, "\(name)：去年\(amount)元，今年\(fee.amount)元")
            default: break
            }
        }
        for fee in old.fees where after[fee.level.value] == nil && new.level(fee.level.value) != nil {
            add("评审费", .removed, "\(levelName(fee.level.value, in: new))：去年\(fee.amount)元，今年未列明")
        }
    }

    mutating func continuingEducation() {
        func key(_ rule: ContinuingEducationRule) -> [String] { rule.levels.map(\.value).sorted() }
        var unmatched = old.continuingEducation
        for rule in new.continuingEducation {
            let who = rule.levels.isEmpty ? "" : "（\(rule.levels.map { levelName($0.value, in: new) }.joined(separator: "、"))）"
            guard let index = unmatched.firstIndex(where: { key($0) == key(rule) }) ?? (unmatched.count == 1 && new.continuingEducation.count == 1 ? 0 : nil) else {
                add("继续教育", .added, "新的继续教育要求\(who)：\(rule.text)")
                continue
            }
            let previous = unmatched.remove(at: index)
            for (name, before, after) in [("公需科目", previous.generalYears, rule.generalYears), ("专业科目", previous.specialtyYears, rule.specialtyYears)]
            where shifted(before) != after {
                add("继续教育", .changed, "\(name)\(who)：去年要求\(years(before))，今年要求\(years(after))")
            }
            if previous.hoursPerYear != rule.hoursPerYear || previous.specialtyHoursMin != rule.specialtyHoursMin {
                add("继续教育", .changed, "学时\(who)：去年\(hourRule(previous))，今年\(hourRule(rule))")
            }
            if previous.platformGeneralFrom.map({ $0 + delta }) != rule.platformGeneralFrom
                || previous.platformSpecialtyFrom.map({ $0 + delta }) != rule.platformSpecialtyFrom {
                add("继续教育", .changed, "从管理平台获取证书的年度\(who)：去年\(platform(previous))，今年\(platform(rule))")
            }
        }
        for rule in unmatched { add("继续教育", .removed, "去年的继续教育要求今年未列出：\(rule.text)") }
        let before = Set(old.ceExemptions.map(\.who)), after = Set(new.ceExemptions.map(\.who))
        for exemption in new.ceExemptions where !before.contains(exemption.who) { add("继续教育", .added, "新增免学情形：\(exemption.who)") }
        for exemption in old.ceExemptions where !after.contains(exemption.who) { add("继续教育", .removed, "不再列出的免学情形：\(exemption.who)") }
    }

    mutating func appraisal() {
        let before = old.appraisal?.years, after = new.appraisal?.years
        if shifted(before) != after, before != nil || after != nil {
            add("年度考核", .changed, "考核登记表：去年要求\(years(before))，今年要求\(years(after))")
        }
    }

    mutating func defence() {
        switch (old.defence, new.defence) {
        case (nil, let now?): add("答辩", .added, "今年需要答辩" + (now.method.map { "（\($0)）" } ?? ""))
        case (_?, nil): add("答辩", .removed, "今年的通知未提答辩")
        case let (before?, now?):
            if before.method != now.method { add("答辩", .changed, "方式：去年\(before.method ?? "未写明")，今年\(now.method ?? "未写明")") }
            if before.duration != now.duration { add("答辩", .changed, "时长：去年\(before.duration ?? "未写明")，今年\(now.duration ?? "未写明")") }
            if before.veto != now.veto { add("答辩", .changed, now.veto ? "今年实行一票否决制" : "今年不再写明一票否决") }
        case (nil, nil): break
        }
    }

    mutating func paperForms() {
        let before = old.paperForms, after = new.paperForms
        if (before?.required ?? false) != (after?.required ?? false) {
            add("纸质材料", .changed, after?.required == true ? "今年需要提交纸质材料" : "今年无需提交纸质评审表")
        }
        if let copies = after?.copies, let previous = before?.copies, copies != previous {
            add("纸质材料", .changed, "份数：去年\(previous)份，今年\(copies)份")
        }
    }

    mutating func eligibility() {
        // Last year's texts moved on once each, not once per comparison: the lists are compared pairwise.
        let oldTexts = old.eligibility.map { MovedText($0.text, by: self) }
        let newTexts = Set(new.eligibility.map(\.text))
        for rule in new.eligibility where !oldTexts.contains(where: { $0.reads(rule.text) }) { add("申报条件", .added, rule.text) }
        for (rule, text) in zip(old.eligibility, oldTexts) where !newTexts.contains(text.original) && !newTexts.contains(text.moved) {
            add("申报条件", .removed, rule.text)
        }
    }

    mutating func rules() {
        var unmatched = old.rules
        var unmatchedTexts = old.rules.map { MovedText($0.text, by: self) }
        for rule in new.rules {
            if let index = unmatchedTexts.firstIndex(where: { $0.reads(rule.text) }) {
                unmatched.remove(at: index)
                unmatchedTexts.remove(at: index)
                continue
            }
            if let topic = rule.topic, let index = unmatched.firstIndex(where: { $0.topic == topic }) {
                let previous = unmatched.remove(at: index)
                unmatchedTexts.remove(at: index)
                add("其他要求", .changed, "\(topic)：去年“\(previous.text)”，今年“\(rule.text)”")
                continue
            }
            add("其他要求", .added, (rule.topic.map { "\($0)：" } ?? "") + rule.text)
        }
        for rule in unmatched { add("其他要求", .removed, (rule.topic.map { "\($0)：" } ?? "") + rule.text) }
    }

    mutating func checklist() {
        let before = Dictionary(old.checklist.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Set(new.checklist.map(\.id))
        for item in new.checklist {
            guard let previous = before[item.id] else {
                add("材料清单", .added, "\(item.section)：\(item.title)" + (item.format.map { "（\($0)）" } ?? ""))
                continue
            }
            if previous.format != item.format {
                add("材料清单", .changed, "\(item.title)的格式：去年\(previous.format ?? "未写明")，今年\(item.format ?? "未写明")")
            }
            if !same(previous.text, item.text) {
                add("材料清单", .changed, "\(item.title)：今年的要求是“\(item.text)”（去年：“\(previous.text)”）")
            } else if previous.conditions.sentences(in: old) != item.conditions.sentences(in: new) {
                // Compared in words: the same condition read from another file is not a change.
                let who = item.conditions.sentences(in: new)
                add("材料清单", .changed, "\(item.title)：今年适用于\(who.isEmpty ? "所有申报人" : who.joined(separator: "、"))")
            }
        }
        for item in old.checklist where !after.contains(item.id) { add("材料清单", .removed, "\(item.section)：\(item.title)") }
    }

    // MARK: - Words

    private func shifted(_ date: BeijingDateTime?) -> BeijingDateTime? {
        date?.moved(byYears: delta)
    }

    private func shifted(_ range: ClosedRange<Int>?) -> ClosedRange<Int>? {
        range.map { ($0.lowerBound + delta)...($0.upperBound + delta) }
    }

    /// A text is unchanged when it reads the same, or the same once last year's years are moved on.
    func same(_ before: String, _ after: String) -> Bool {
        before == after || moved(before) == after
    }

    /// Last year's text with the years it mentions moved on, to compare with this year's.
    func moved(_ text: String) -> String {
        movingYears(in: text, near: old.year, by: delta)
    }

    private func when(_ event: TimelineEvent) -> String {
        switch (event.start, event.end) {
        case let (start?, end?): "\(start.chinese) 至 \(end.chinese)"
        case let (nil, end?): "截至 \(end.chinese)"
        case let (start?, nil): "\(start.chinese) 起"
        case (nil, nil): event.note ?? "另行通知"
        }
    }

    private func years(_ range: ClosedRange<Int>?) -> String {
        guard let range else { return "未写明" }
        return range.lowerBound == range.upperBound ? "\(range.lowerBound)年" : "\(range.lowerBound)–\(range.upperBound)年（共\(range.count)年）"
    }

    private func count(_ value: Int?) -> String { value.map { "\($0)次" } ?? "未写明" }
    private func hours(_ value: Int?) -> String { value.map { "\($0)小时" } ?? "未写明" }

    private func hourRule(_ rule: ContinuingEducationRule) -> String {
        guard let perYear = rule.hoursPerYear else { return "未写明学时" }
        return "每年不少于\(perYear)学时" + (rule.specialtyHoursMin.map { "（专业科目不少于\($0)学时）" } ?? "")
    }

    private func platform(_ rule: ContinuingEducationRule) -> String {
        var parts: [String] = []
        if let year = rule.platformGeneralFrom { parts.append("公需科目\(year)年起") }
        if let year = rule.platformSpecialtyFrom { parts.append("专业科目\(year)年起") }
        return parts.isEmpty ? "未写明" : parts.joined(separator: "、")
    }

    private func levelName(_ id: String, in notice: Notice) -> String { notice.level(id)?.name ?? id }
}

extension NoticeComparison {
    /// The changes as the office reads them in a terminal: grouped by part of the notice.
    public static func report(from old: Notice, to new: Notice) -> String {
        let changes = changes(from: old, to: new)
        var lines = ["\(old.id) → \(new.id)：\(changes.isEmpty ? "除日期顺延外没有变化" : "\(changes.count) 处变化")"]
        var areas: [String] = []
        for change in changes where !areas.contains(change.area) { areas.append(change.area) }
        for area in areas {
            lines.append("")
            lines.append("\(area)")
            for change in changes where change.area == area { lines.append("  [\(change.kind.chineseName)] \(change.text)") }
        }
        return lines.joined(separator: "\n")
    }
}

/// One of last year's texts and the same with its years moved on, computed once.
struct MovedText {
    let original: String
    let moved: String

    init(_ text: String, by comparer: Comparer) {
        original = text
        moved = comparer.moved(text)
    }

    /// Whether this year's text reads the same.
    func reads(_ text: String) -> Bool { original == text || moved == text }
}
