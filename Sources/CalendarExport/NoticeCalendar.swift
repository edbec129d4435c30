import NoticeModel

/// A notice's deadlines as an iCalendar file (RFC 5545), so an applicant can put them in a phone
/// calendar with a reminder the day before.
///
/// Times are the notice's Beijing times converted to UTC (`…Z`), which every calendar reads the
/// same way wherever the phone is; a deadline without a time is an all-day event on its date.
/// Nothing comes from the clock: DTSTAMP is the notice's publication date (or 1 January of its
/// year), so the same notice always gives the same bytes.
public enum NoticeCalendar {
    public struct Entry: Sendable, Equatable {
        public var uid: String
        public var summary: String
        public var description: String
        /// A timed event at this instant, or an all-day event on this date.
        public var at: BeijingDateTime
    }

    /// One entry per deadline: the end of every dated timeline step (or its start when it has no
    /// end), and the payment and paper-form deadlines where no step already gives them.
    public static func entries(for notice: Notice) -> [Entry] {
        var entries: [Entry] = []
        var seen = Set<BeijingDateTime>()
        for event in notice.timeline {
            let pending = notice.isToConfirm("timeline.\(event.id)") ? "（待确认）" : ""
            let window = window(event)
            if let end = event.end {
                entries.append(Entry(uid: "\(notice.id)-\(event.id)-end", summary: "截止：\(event.label)\(pending)",
                                     description: "\(notice.title)\n\(event.label)：\(window)（北京时间）" + (event.note.map { "\n\($0)" } ?? ""), at: end))
                seen.insert(end)
            } else if let start = event.start {
                entries.append(Entry(uid: "\(notice.id)-\(event.id)-start", summary: "\(event.label)\(pending)",
                                     description: "\(notice.title)\n\(event.label)：\(window)（北京时间）" + (event.note.map { "\n\($0)" } ?? ""), at: start))
            }
            if event.kind == .apply, let start = event.start, event.end != nil {
                entries.append(Entry(uid: "\(notice.id)-\(event.id)-start", summary: "开始：\(event.label)\(pending)",
                                     description: "\(notice.title)\n\(event.label)：\(window)（北京时间）", at: start))
            }
        }
        if let payment = notice.payment, let deadline = payment.deadline, !seen.contains(deadline) {
            let pending = notice.isToConfirm("payment.deadline") ? "（待确认）" : ""
            entries.append(Entry(uid: "\(notice.id)-payment-deadline", summary: "截止：缴费\(pending)",
                                 description: "\(notice.title)\n\(payment.text)", at: deadline))
        }
        if let paper = notice.paperForms, let deadline = paper.deadline, !seen.contains(deadline) {
            let pending = notice.isToConfirm("paper_forms.deadline") ? "（待确认）" : ""
            entries.append(Entry(uid: "\(notice.id)-paper-deadline", summary: "截止：纸质材料\(pending)",
                                 description: "\(notice.title)\n" + (paper.text ?? paper.form ?? "纸质材料"), at: deadline))
        }
        return entries.sorted { ($0.at, $0.uid) < ($1.at, $1.uid) }
    }

    /// The `.ics` text, lines folded at 75 octets and ended by CRLF.
    public static func ics(for notice: Notice) -> String {
        let stamp = utc(notice.published ?? BeijingDateTime(year: notice.year, month: 1, day: 1))
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Noticeboard//\(notice.id)//ZH",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:\(text(notice.title))",
            "X-WR-TIMEZONE:Asia/Shanghai",
        ]
        for entry in entries(for: notice) {
            lines += ["BEGIN:VEVENT", "UID:\(entry.uid)@noticeboard", "DTSTAMP:\(stamp)"]
            if entry.at.hasTime {
                lines.append("DTSTART:\(utc(entry.at))")
            } else {
                let next = nextDay(entry.at)
                lines += ["DTSTART;VALUE=DATE:\(dateValue(entry.at))", "DTEND;VALUE=DATE:\(dateValue(next))"]
            }
            lines += [
                "SUMMARY:\(text(entry.summary))",
                "DESCRIPTION:\(text(entry.description))",
                "TRANSP:TRANSPARENT",
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                "DESCRIPTION:\(text("明天" + entry.summary))",
                "TRIGGER:-P1D",
                "END:VALARM",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    // MARK: - Values

    private static func window(_ event: TimelineEvent) -> String {
        switch (event.start, event.end) {
        case let (start?, end?): "\(start.chinese) 至 \(end.chinese)"
        case let (nil, end?): "截至 \(end.chinese)"
        case let (start?, nil): "\(start.chinese) 起"
        case (nil, nil): event.note ?? ""
        }
    }

    /// Beijing time is UTC+8 all year (no daylight saving since 1991), so UTC is eight hours earlier.
    /// A date without a time stands for its first minute; 24:00 is the next day's 00:00.
    static func utc(_ time: BeijingDateTime) -> String {
        var day = time
        var hour = (time.hour ?? 0) - 8
        let minute = time.minute ?? 0
        if hour >= 24 { hour -= 24; day = nextDay(day) }
        if hour < 0 { hour += 24; day = previousDay(day) }
        return "\(dateValue(day))T\(two(hour))\(two(minute))00Z"
    }

    static func nextDay(_ date: BeijingDateTime) -> BeijingDateTime {
        var next = BeijingDateTime(year: date.year, month: date.month, day: date.day + 1)
        if next.day > BeijingDateTime.daysIn(month: next.month, year: next.year) {
            next.day = 1
            next.month += 1
            if next.month > 12 { next.month = 1; next.year += 1 }
        }
        return next
    }

    static func previousDay(_ date: BeijingDateTime) -> BeijingDateTime {
        var previous = BeijingDateTime(year: date.year, month: date.month, day: date.day - 1)
        if previous.day < 1 {
            previous.month -= 1
            if previous.month < 1 { previous.month = 12; previous.year -= 1 }
            previous.day = BeijingDateTime.daysIn(month: previous.month, year: previous.year)
        }
        return previous
    }

    private static func dateValue(_ date: BeijingDateTime) -> String { "\(date.year)\(two(date.month))\(two(date.day))" }
    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// TEXT escaping: backslash, semicolon, comma and line breaks.
    static func text(_ value: String) -> String {
        // Most values need no escaping: checked on bytes, without walking Characters.
        guard value.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ",")
            || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) else { return value }
        var result = ""
        for character in value {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r\n": result += "\\n"   // CR LF is one Character, not a "\n"
            case "\r": continue
            default: result.append(character)
            }
        }
        return result
    }

    /// Folds a content line so no physical line exceeds 75 octets, never inside a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        if line.utf8.count <= 75 { return line }
        var result = ""
        var octets = 0
        var limit = 75
        for scalar in line.unicodeScalars {
            let size = UTF8.width(scalar)
            if octets + size > limit {
                result += "\r\n "
                octets = 0
                limit = 74   // the leading space counts
            }
            result.unicodeScalars.append(scalar)
            octets += size
        }
        return result
    }
}
