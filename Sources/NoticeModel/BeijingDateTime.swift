import Foundation

/// A calendar date with an optional time of day, in Beijing time (UTC+8).
///
/// Notices state every time in Beijing time whatever the reader's device says, so dates are kept
/// as the calendar fields the notice printed and are never converted through a local time zone.
/// The moment a build treats as "now": `SOURCE_DATE_EPOCH` (seconds since 1970) when set, so a
/// build can be repeated byte for byte, else the clock. Pages state a closed window as closed with
/// JavaScript off; that text, and nothing else in the site, depends on it.
public enum BuildMoment {
    public static let now: Date = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init)
        .map(Date.init(timeIntervalSince1970:)) ?? Date()
}

public struct BeijingDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    /// Hour and minute when the notice gives a time; nil for a whole day.
    public var hour: Int?
    public var minute: Int?

    public init(year: Int, month: Int, day: Int, hour: Int? = nil, minute: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
    }

    public enum ParseError: Error, Equatable {
        case badFormat
        /// A month that does not exist (`2025-13-01`).
        case impossibleMonth(year: Int, month: Int)
        /// A day the month does not have (`2025-02-30`: February 2025 has 28 days).
        case impossibleDay(year: Int, month: Int, day: Int, daysInMonth: Int)
        /// A time of day that does not exist (`25:00`).
        case impossibleTime(String)
    }

    /// Parses `YYYY-MM-DD` or `YYYY-MM-DD HH:MM`.
    public static func parse(_ text: String) throws(ParseError) -> BeijingDateTime {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 1 || parts.count == 2 else { throw .badFormat }
        let dateFields = parts[0].split(separator: "-", omittingEmptySubsequences: false)
        guard dateFields.count == 3,
              dateFields[0].count == 4, dateFields[1].count == 2, dateFields[2].count == 2,
              let year = Int(dateFields[0]), let month = Int(dateFields[1]), let day = Int(dateFields[2])
        else { throw .badFormat }
        guard (1...12).contains(month) else { throw .impossibleMonth(year: year, month: month) }
        let days = daysIn(month: month, year: year)
        guard (1...days).contains(day) else {
            throw .impossibleDay(year: year, month: month, day: day, daysInMonth: days)
        }
        guard parts.count == 2 else { return BeijingDateTime(year: year, month: month, day: day) }
        let timeFields = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard timeFields.count == 2, timeFields[0].count == 2, timeFields[1].count == 2,
              let hour = Int(timeFields[0]), let minute = Int(timeFields[1])
        else { throw .badFormat }
        // 24:00 is how offices write "end of day"; keep it as printed.
        guard (0...24).contains(hour), (0...59).contains(minute), hour < 24 || minute == 0 else {
            throw .impossibleTime(String(parts[1]))
        }
        return BeijingDateTime(year: year, month: month, day: day, hour: hour, minute: minute)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var hasTime: Bool { hour != nil }

    /// `2024-08-30` or `2024-08-30 10:00`, the content format.
    public var description: String {
        var text = "\(year)-\(String(format2: month))-\(String(format2: day))"
        if let hour, let minute { text += " \(String(format2: hour)):\(String(format2: minute))" }
        return text
    }

    /// `2024年8月30日` plus ` 10:00` when a time is given: how notices write dates.
    public var chinese: String {
        var text = "\(year)年\(month)月\(day)日"
        if let hour, let minute { text += " \(String(format2: hour)):\(String(format2: minute))" }
        return text
    }

    /// The instant a window opens, as ISO 8601 with the +08:00 offset, for scripts and `<time>`.
    /// A date without a time opens at 00:00.
    public var isoStart: String {
        "\(year)-\(String(format2: month))-\(String(format2: day))T\(String(format2: hour ?? 0)):\(String(format2: minute ?? 0)):00+08:00"
    }

    /// The instant a window closes. A date without a time runs to the end of that day.
    public var isoEnd: String {
        if hour == nil { return "\(year)-\(String(format2: month))-\(String(format2: day))T23:59:59+08:00" }
        return isoStart
    }

    /// Whether the instant this closes (`isoEnd`) is before `now`.
    public func hasEnded(at now: Date) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
        let parts = DateComponents(year: year, month: month, day: day, hour: hour ?? 23, minute: minute ?? 59, second: hour == nil ? 59 : 0)
        guard let end = calendar.date(from: parts) else { return false }
        return end < now
    }

    /// The date part alone, `YYYY-MM-DD`, for `<time datetime>` and sitemaps.
    public var isoDate: String { "\(year)-\(String(format2: month))-\(String(format2: day))" }

    public static func < (lhs: BeijingDateTime, rhs: BeijingDateTime) -> Bool {
        (lhs.year, lhs.month, lhs.day, lhs.hour ?? 0, lhs.minute ?? 0)
            < (rhs.year, rhs.month, rhs.day, rhs.hour ?? 0, rhs.minute ?? 0)
    }
}

extension String {
    /// Two-digit, zero-padded.
    init(format2 value: Int) {
        self = value < 10 && value >= 0 ? "0\(value)" : "\(value)"
    }
}
