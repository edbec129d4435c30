@testable import FactExtraction

/// Compact, readable forms of mentions so a vector table reads like the notice.
/// A date: `2025-06-10 09:30`, with `?` when its year was inferred.
func describe(_ date: NoticeDate?) -> String {
    guard let date else { return "" }
    return date.yamlValue + (date.yearInferred ? "?" : "")
}

/// `range 2025-06-10 09:30 → 2025-07-10 19:00`, `until 2025-10-10 20:00?`, `single 2025-07-01`.
func describe(_ mention: DateMention) -> String {
    switch mention.form {
    case .range:
        if let printed = mention.endBeforeStart { return "range \(describe(mention.start)) → (before start: \(describe(printed)))" }
        return "range \(describe(mention.start)) → \(describe(mention.end))"
    case .until: return "until \(describe(mention.end))"
    case .single: return "single \(describe(mention.start))"
    }
}

/// `700 高级工程师`, `500`, `later`.
func describe(_ fee: FeeMention) -> String {
    if fee.announcedLater { return "later" }
    return [fee.amount.map(String.init) ?? "nil", fee.levelWords].compactMap { $0 }.joined(separator: " ")
}

/// `general 2020-2024`, `any recent 3`, `any hours 90/60`.
func describe(_ mention: ContinuingEducationMention) -> String {
    var parts = ["\(mention.course.rawValue)"]
    if let years = mention.years { parts.append("\(years.lowerBound)-\(years.upperBound)") }
    if let recent = mention.recentYears { parts.append("recent \(recent)") }
    if let hours = mention.hoursPerYear { parts.append("hours \(hours)") }
    if let specialty = mention.specialtyHoursPerYear { parts.append("specialty \(specialty)") }
    if let general = mention.generalHoursPerYear { parts.append("generalHours \(general)") }
    return parts.joined(separator: " ")
}

func describe(_ mention: YearRangeMention) -> String {
    if let years = mention.years { return "\(years.lowerBound)-\(years.upperBound)" }
    return "recent \(mention.recentYears ?? 0)"
}

/// Every set field: `employer 民营企业 · first · ranks 副高级,中级`.
func describe(_ mention: ConditionMention) -> String {
    var parts: [String] = []
    if !mention.employer.isEmpty { parts.append("employer " + mention.employer.joined(separator: ",")) }
    if let obtained = mention.titleObtained { parts.append("obtained " + obtained) }
    if let first = mention.firstApplication { parts.append(first ? "first" : "not first") }
    if let fanghuiju = mention.fanghuiju { parts.append(fanghuiju ? "fanghuiju" : "not fanghuiju") }
    if let minority = mention.minorityTraining { parts.append(minority ? "minority" : "not minority") }
    if let county = mention.countyUnit { parts.append(county ? "county" : "not county") }
    if !mention.ranks.isEmpty { parts.append("ranks " + mention.ranks.joined(separator: ",")) }
    return parts.joined(separator: " · ")
}
