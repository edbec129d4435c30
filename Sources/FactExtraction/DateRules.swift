/// Dates as notices print them: `2025年6月10日9:30`, `7月22日`, `2025.7.1`, `2025/7/1`,
/// `2025-07-01`, a day on its own as the end of a range (`7月1日至31日`), with times as `20:00`,
/// `20：00`, `18时30分`, `下午6点`; joined into ranges (`…至…`, `…—…`) or deadlines (`截至…`, `…前`).
///
/// What is not a date is as important: `2021-2024年` (a year range), `近3年`, a phone number, an
/// amount, `第3条`. The scanner only starts a date at a full form (year-month-day or month-day with
/// 日/号), so these never begin one; an impossible day (2月30日, 13月) yields nothing at all.

/// One date as printed, before the year is settled.
struct PrintedDate {
    var year: Int?
    var month: Int?
    var day: Int
    var hour: Int?
    var minute: Int?
    var span: Range<Int>
}

enum DateScanner {
    /// A date starting at `index`: `2025年6月10日`, `2025.6.10`, `6月10日`, and (only where a
    /// range end may be) a bare day `31日` or a bare time `18:00`; each with the time that follows it.
    static func date(in text: ScannedText, at index: Int, allowDayOnly: Bool = false, timeOnlyDay: PrintedDate? = nil)
        -> PrintedDate?
    {
        // A date never continues a digit run or a code (`GB50007`).
        guard !text.isDigit(index - 1), !text.isLatinLetter(index - 1), !text.is(index - 1, oneOf: ".") else {
            return nil
        }
        if let printed = fullDate(in: text, at: index) ?? monthDay(in: text, at: index)
            ?? (allowDayOnly ? dayOnly(in: text, at: index) : nil)
        {
            return withTime(printed, in: text)
        }
        if var day = timeOnlyDay, let time = time(in: text, at: index) {
            day.year = nil
            day.hour = time.hour
            day.minute = time.minute
            day.span = index..<time.end
            return day
        }
        return nil
    }

    /// `2025年6月10日`, `2025 年 6 月 10 日`, `2025.6.10`, `2025/6/10`, `2025-06-10`.
    static func fullDate(in text: ScannedText, at index: Int) -> PrintedDate? {
        guard let year = text.digitRun(at: index), year.length == 4, (1900...2099).contains(year.value) else { return nil }
        var position = text.skipSpaces(from: year.end)
        if text.has("年", at: position) {
            position = text.skipSpaces(from: position + 1)
            guard let month = text.digitRun(at: position), month.length <= 2 else { return nil }
            position = text.skipSpaces(from: month.end)
            guard text.has("月", at: position) else { return nil }
            position = text.skipSpaces(from: position + 1)
            guard let day = text.digitRun(at: position), day.length <= 2 else { return nil }
            position = text.skipSpaces(from: day.end)
            guard text.is(position, oneOf: "日号") else { return nil }
            return PrintedDate(year: year.value, month: month.value, day: day.value, span: index..<(position + 1))
        }
        // Numeric forms use one separator twice and no spaces: `2025.7.1`, `2025-07-01`, `2025/7/1`.
        let separator = text[year.end]
        guard text.is(year.end, oneOf: ".-/"), let month = text.digitRun(at: year.end + 1), month.length <= 2,
              text[month.end] == separator, let day = text.digitRun(at: month.end + 1), day.length <= 2
        else { return nil }
        // `2025.7.1.2` or `2025-07-01-3` is a code, not a date.
        if text[day.end] == separator, text.isDigit(day.end + 1) { return nil }
        return PrintedDate(year: year.value, month: month.value, day: day.value, span: index..<day.end)
    }

    /// `6月10日`, `6月10号`.
    static func monthDay(in text: ScannedText, at index: Int) -> PrintedDate? {
        guard let month = text.digitRun(at: index), month.length <= 2 else { return nil }
        var position = text.skipSpaces(from: month.end)
        guard text.has("月", at: position) else { return nil }
        position = text.skipSpaces(from: position + 1)
        guard let day = text.digitRun(at: position), day.length <= 2 else { return nil }
        position = text.skipSpaces(from: day.end)
        guard text.is(position, oneOf: "日号") else { return nil }
        return PrintedDate(month: month.value, day: day.value, span: index..<(position + 1))
    }

    /// `31日`: only ever the end of a range whose start gives the month.
    static func dayOnly(in text: ScannedText, at index: Int) -> PrintedDate? {
        guard let day = text.digitRun(at: index), day.length <= 2 else { return nil }
        let position = text.skipSpaces(from: day.end)
        guard text.is(position, oneOf: "日号") else { return nil }
        return PrintedDate(day: day.value, span: index..<(position + 1))
    }

    /// The time right after a date, if any; the span grows to cover it.
    static func withTime(_ date: PrintedDate, in text: ScannedText) -> PrintedDate {
        var position = text.skipSpaces(from: date.span.upperBound)
        position = skipWeekday(in: text, at: position)
        guard let time = time(in: text, at: position) else { return date }
        var result = date
        result.hour = time.hour
        result.minute = time.minute
        result.span = date.span.lowerBound..<time.end
        return result
    }

    /// `（星期一）`, `(周五)` between a date and its time.
    static func skipWeekday(in text: ScannedText, at index: Int) -> Int {
        guard text.is(index, oneOf: "(（") else { return index }
        var position = index + 1
        guard let word = text.firstLiteral(of: ["星期", "礼拜", "周"], at: position) else { return index }
        position += word.unicodeScalars.count
        guard text.is(position, oneOf: "一二三四五六日天") , text.is(position + 1, oneOf: ")）") else { return index }
        return text.skipSpaces(from: position + 2)
    }

    static let periods: [(word: String, afternoon: Bool)] = [
        ("上午", false), ("下午", true), ("中午", true), ("晚上", true), ("傍晚", true), ("早上", false),
        ("凌晨", false), ("早晨", false), ("晚", true),
    ]

    /// `9:30`, `20：00`, `18时`, `18时30分`, `下午6点`, `下午6:00`, `上午10点半`, `24:00`.
    /// `24:00` is the end of the day; it becomes 23:59 of that day so the date stays the printed one
    /// (a deadline "7月10日24:00" is still 7月10日 to an applicant).
    static func time(in text: ScannedText, at index: Int) -> (hour: Int, minute: Int, end: Int)? {
        var position = index
        var afternoon: Bool?
        var noon = false
        if let period = periods.first(where: { text.has($0.word, at: index) }) {
            afternoon = period.afternoon
            noon = period.word == "中午"
            position = text.skipSpaces(from: index + period.word.unicodeScalars.count)
        }
        guard let hourRun = afternoon == nil ? text.digitRun(at: position).map({ ($0.value, $0.end) })
            : text.countRun(at: position, maxLength: 3)
        else { return nil }
        if afternoon == nil, let run = text.digitRun(at: position), run.length > 2 { return nil }
        var hour = hourRun.0
        var minute = 0
        position = hourRun.1
        if text.is(position, oneOf: ":"), let minutes = text.digitRun(at: position + 1), minutes.length == 2 {
            minute = minutes.value
            position = minutes.end
        } else if text.is(position, oneOf: "时点") {
            // `时间`, `时期`, `点击` are words, not an hour.
            if text.is(position + 1, oneOf: "间期候段效限击") { return nil }
            position += 1
            if let minutes = text.digitRun(at: position), minutes.length <= 2, text.has("分", at: minutes.end) {
                minute = minutes.value
                position = minutes.end + 1
            } else if text.has("半", at: position) {
                minute = 30
                position += 1
            }
        } else {
            return nil
        }
        guard (0...24).contains(hour), (0...59).contains(minute) else { return nil }
        if let afternoon, afternoon, hour < 12, !(noon && hour >= 11) { hour += 12 }
        if hour == 24 {
            guard minute == 0 else { return nil }
            hour = 23
            minute = 59
        }
        return (hour, minute, position)
    }

    /// Every date in the sentence, left to right, without overlaps.
    static func all(in text: ScannedText) -> [PrintedDate] {
        var found: [PrintedDate] = []
        var index = 0
        while index < text.count {
            if text.isDigit(index), let date = date(in: text, at: index) {
                found.append(date)
                index = date.span.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }
}

extension FactRules {
    /// Range separators: 至 到 - — – ~ ～ and 一 (typed for a dash; as "one" it is never followed by
    /// a date, so reading it as a separator only between two dates is safe).
    static let rangeSeparators = "至到-—–~一－―"
    static let untilPrefixes = ["截止日期", "截止时间", "截至日期", "截至时间", "截止到", "截至到", "截止于", "截至于", "截止", "截至",
                                "即日起至", "即日起到", "即日至", "今日起至"]
    static let untilSuffixes = ["之前", "以前", "前", "止"]

    public static func dates(in sentence: String, year: Int) -> [DateMention] {
        dates(in: ScannedText(sentence), year: year)
    }

    static func dates(in text: ScannedText, year: Int) -> [DateMention] {
        guard text.hasDigits else { return [] }
        var mentions: [DateMention] = []
        // A date without a year takes the last year printed earlier in the sentence (a deadline
        // `2025年1月10日前…，1月15日前…` stays in 2025), else the notice's year.
        var contextYear: Int?
        var index = 0
        while index < text.count {
            guard text.isDigit(index), let first = DateScanner.date(in: text, at: index) else {
                index += 1
                continue
            }
            if let range = range(from: first, in: text, contextYear: contextYear ?? year) {
                if let mention = range.mention { mentions.append(mention) }
                contextYear = range.lastPrintedYear ?? contextYear
                index = range.end
                continue
            }
            index = first.span.upperBound
            if let printed = first.year { contextYear = printed }
            guard let month = first.month,
                  let date = settle(first, month: month, year: first.year ?? contextYear ?? year, inferred: first.year == nil)
            else { continue }
            var start = first.span.lowerBound
            var end = first.span.upperBound
            var form = DateMention.Form.single
            // `截至10月10日20:00`, `截止时间：2024年9月15日`
            var before = text.skipSpaces(backFrom: start)
            if text.is(before - 1, oneOf: ":为是") { before = text.skipSpaces(backFrom: before - 1) }
            if let prefix = untilPrefixes.first(where: { text.has($0, endingAt: before) }) {
                form = .until
                start = before - prefix.unicodeScalars.count
            }
            // `9月30日前`, `11月2日20:00之前`, `…止`; not `前往`.
            let after = text.skipSpaces(from: end)
            if let suffix = untilSuffixes.first(where: { text.has($0, at: after) }),
               !text.is(after + suffix.unicodeScalars.count, oneOf: "往进后") {
                form = .until
                end = after + suffix.unicodeScalars.count
            }
            let words = text.words(start..<end)
            mentions.append(form == .until ? DateMention(form: .until, start: nil, end: date, words: words)
                : DateMention(form: .single, start: date, end: nil, words: words))
        }
        return mentions
    }

    /// A date at the given year, or nil when that day does not exist.
    static func settle(_ printed: PrintedDate, month: Int, year: Int, inferred: Bool) -> NoticeDate? {
        guard DateScanner.isValid(year: year, month: month, day: printed.day) else { return nil }
        return NoticeDate(year: year, month: month, day: printed.day, hour: printed.hour, minute: printed.minute,
                          yearInferred: inferred)
    }

    /// `A 至 B`: a range if a date follows a separator right after `first`. `mention` is nil when
    /// the two ends do not make a range that can exist (an impossible day); an end before the
    /// start is given apart (`endBeforeStart`) with the start.
    static func range(from first: PrintedDate, in text: ScannedText, contextYear: Int)
        -> (mention: DateMention?, end: Int, lastPrintedYear: Int?)?
    {
        guard let firstMonth = first.month else { return nil }
        var position = text.skipSpaces(from: first.span.upperBound)
        if text.is(position, oneOf: "起") { position = text.skipSpaces(from: position + 1) }
        else if text.has("开始", at: position) { position = text.skipSpaces(from: position + 2) }
        guard text.is(position, oneOf: rangeSeparators) else { return nil }
        let dashLike = text.is(position, oneOf: "-—–－―~")
        let isOne = text.is(position, oneOf: "一")
        position += 1
        while dashLike, text.is(position, oneOf: "-—–－―") { position += 1 }
        if !isOne { position = text.skipSpaces(from: position) }
        guard let second = DateScanner.date(in: text, at: position, allowDayOnly: true,
                                            timeOnlyDay: first.hour != nil ? first : nil)
        else { return nil }
        var end = second.span.upperBound
        if text.has("止", at: text.skipSpaces(from: end)) { end = text.skipSpaces(from: end) + 1 }
        let lastPrinted = second.year ?? first.year
        let secondMonth = second.month ?? firstMonth
        // The end inherits the start's year, or the next one when its month comes earlier
        // (`12月20日至1月10日`); a start without a year takes it from a printed end.
        let startYear: Int
        let endYear: Int
        switch (first.year, second.year) {
        case let (start?, end?): (startYear, endYear) = (start, end)
        case let (start?, nil): (startYear, endYear) = (start, secondMonth < firstMonth ? start + 1 : start)
        case let (nil, end?): (startYear, endYear) = (firstMonth > secondMonth ? end - 1 : end, end)
        case (nil, nil): (startYear, endYear) = (contextYear, secondMonth < firstMonth ? contextYear + 1 : contextYear)
        }
        guard let start = settle(first, month: firstMonth, year: startYear, inferred: first.year == nil),
              let finish = settle(second, month: secondMonth, year: endYear, inferred: second.year == nil)
        else { return (nil, end, lastPrinted) }
        let startKey = [start.year, start.month, start.day, start.hour ?? 0, start.minute ?? 0]
        let endKey = [finish.year, finish.month, finish.day, finish.hour ?? 23, finish.minute ?? 59]
        guard startKey.lexicographicallyPrecedes(endKey) else {
            // An end printed before the start (`2025年8月15日至2024年9月15日`): the start stands, the
            // end is kept apart as a likely misprint rather than dropping the whole range.
            var mention = DateMention(form: .range, start: start, end: nil, words: text.words(first.span.lowerBound..<end))
            mention.endBeforeStart = finish
            return (mention, end, lastPrinted)
        }
        let mention = DateMention(form: .range, start: start, end: finish,
                                  words: text.words(first.span.lowerBound..<end))
        return (mention, end, lastPrinted)
    }

    /// Every full date printed with a year other than the notice's year (`2023年9月15日` in a 2024
    /// notice), for the importer to report as a likely typo. Each comes as a `.single` mention
    /// quoting the date alone, whatever range or deadline it belongs to.
    public static func datesOutsideYear(in text: String, year: Int) -> [DateMention] {
        let scanned = ScannedText(text)
        return DateScanner.all(in: scanned).compactMap { printed in
            guard let printedYear = printed.year, printedYear != year, let month = printed.month,
                  let date = settle(printed, month: month, year: printedYear, inferred: false)
            else { return nil }
            return DateMention(form: .single, start: date, end: nil, words: scanned.words(printed.span))
        }
    }
}
