
/// Official holidays and make-up working days (调休), from `content/calendar.yml`: what counting
/// "不少于5个工作日" for a 公示 needs. An office adds each year when the State Council publishes it.
public struct WorkingCalendar: Sendable, Equatable {
    /// Days off that would otherwise be working days, and weekend days that are working days, as `YYYY-MM-DD`.
    public var holidays: [String]
    public var workdays: [String]
    public var years: [Int]

    public init(holidays: [String] = [], workdays: [String] = [], years: [Int] = []) {
        self.holidays = holidays
        self.workdays = workdays
        self.years = years
    }

    static func decode(_ node: Node, reader: YAMLReader) -> WorkingCalendar {
        var calendar = WorkingCalendar()
        guard case let .mapping(mapping) = node else {
            reader.error(node, Message("loading.calendar.notMapping"), hint: Message("loading.calendar.notMapping.hint"))
            return calendar
        }
        for (keyNode, value) in mapping {
            guard let year = Int(keyNode.string ?? ""), (1949...2200).contains(year) else {
                reader.error(keyNode, Message("loading.calendar.notYear", ["value": keyNode.string ?? ""]), hint: Message("loading.calendar.notMapping.hint"))
                continue
            }
            guard let map = reader.map(value, .section("\(year)"), allowed: ["holidays", "workdays"]) else { continue }
            calendar.years.append(year)
            calendar.holidays += days(reader.list(map, "holidays"), reader: reader)
            calendar.workdays += days(reader.list(map, "workdays"), reader: reader)
        }
        calendar.years.sort()
        calendar.holidays = Array(Set(calendar.holidays)).sorted()
        calendar.workdays = Array(Set(calendar.workdays)).sorted()
        return calendar
    }

    /// `2024-02-10` or a range `2024-02-10..2024-02-17`, expanded to days.
    private static func days(_ nodes: [Node], reader: YAMLReader) -> [String] {
        var result: [String] = []
        for node in nodes {
            guard let text = reader.text(node, "holidays") else { continue }
            let ends = text.components(separatedBy: "..")
            let parsed = ends.map { try? BeijingDateTime.parse($0) }
            guard ends.count <= 2, let first = parsed.first ?? nil, let last = parsed.last ?? nil, !first.hasTime, !last.hasTime else {
                reader.error(node, Message("loading.calendar.badDate", ["value": text]), hint: Message("loading.calendar.badDate.hint"))
                continue
            }
            guard !(last < first), last.year - first.year <= 1 else {
                reader.error(node, Message("loading.calendar.badRange", ["value": text]))
                continue
            }
            var day = first
            while !(last < day) {
                result.append(day.isoDate)
                day = day.nextDay
            }
        }
        return result
    }
}

extension BeijingDateTime {
    var nextDay: BeijingDateTime {
        if day < BeijingDateTime.daysIn(month: month, year: year) { return BeijingDateTime(year: year, month: month, day: day + 1) }
        if month < 12 { return BeijingDateTime(year: year, month: month + 1, day: 1) }
        return BeijingDateTime(year: year + 1, month: 1, day: 1)
    }
}
