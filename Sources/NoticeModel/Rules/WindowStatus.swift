/// Whether a window is upcoming, open or closed at an instant, with the words the page shows.
/// Instants are absolute (ISO 8601 with an offset), so the device's time zone never matters.
public struct WindowStatus: Sendable, Equatable {
    public enum State: String, Sendable { case upcoming, open, closed }
    public var state: State
    public var text: String

    public static func at(_ now: Instant, start: Instant?, end: Instant?) -> WindowStatus {
        if let start, now < start { return WindowStatus(state: .upcoming, text: "尚未开始，距开始还有 " + span(start.milliseconds - now.milliseconds)) }
        if let end, now <= end { return WindowStatus(state: .open, text: "正在申报，距截止还有 " + span(end.milliseconds - now.milliseconds)) }
        if end != nil { return WindowStatus(state: .closed, text: "已截止") }
        return WindowStatus(state: .open, text: "已开始")
    }

    static func span(_ milliseconds: Int64) -> String {
        let hour: Int64 = 3_600_000, day = 24 * hour
        if milliseconds >= day {
            let days = milliseconds / day, hours = (milliseconds % day) / hour
            return "\(days) 天" + (hours > 0 ? " \(hours) 小时" : "")
        }
        if milliseconds >= hour {
            let hours = milliseconds / hour, minutes = (milliseconds % hour) / 60_000
            return "\(hours) 小时" + (minutes > 0 ? " \(minutes) 分钟" : "")
        }
        return "\(max(1, milliseconds / 60_000)) 分钟"
    }
}

/// A moment in time, read from ISO 8601 (`2024-08-30T18:00:00+08:00`, `…Z`).
public struct Instant: Sendable, Comparable, Hashable {
    public var milliseconds: Int64

    public init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }

    public init?(iso text: String) {
        let scalars = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= scalars.count else { return nil }
            var value = 0
            for byte in scalars[from..<from + count] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard scalars.count >= 20, let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2) else { return nil }
        var offsetMinutes = 0
        let zone = scalars[19...]
        if zone.first == UInt8(ascii: "Z") {
            offsetMinutes = 0
        } else if let sign = zone.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
                  let offsetHours = number(20, 2), let offsetMins = number(23, 2) {
            offsetMinutes = (offsetHours * 60 + offsetMins) * (sign == UInt8(ascii: "+") ? 1 : -1)
        } else {
            return nil
        }
        let days = Instant.daysFromCivil(year: year, month: month, day: day)
        let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offsetMinutes * 60)
        milliseconds = seconds * 1000
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.milliseconds < rhs.milliseconds }
}
