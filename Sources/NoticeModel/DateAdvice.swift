/// What to tell a clerk about a date that could not be read: a date that does not exist is named
/// as a person would say it (“2025年2月30日”), and one written the office's way (`2025年3月5日`,
/// `2025/3/5`, `2025.3.5`) gets the exact line to write instead.
enum DateAdvice {
    static func advice(for error: BeijingDateTime.ParseError, key: String, written: String) -> (Message, Message) {
        switch error {
        case let .impossibleDay(year, month, day, days):
            let values = ["key": key, "year": "\(year)", "month": "\(month)", "day": "\(day)"]
            return (Message("loading.impossibleDate.day", values),
                    Message("loading.impossibleDate.day.hint", ["year": "\(year)", "month": "\(month)", "days": "\(days)"]))
        case let .impossibleMonth(_, month):
            return (Message("loading.impossibleDate.month", ["key": key, "month": "\(month)"]), Message("loading.impossibleDate.hint"))
        case let .impossibleTime(time):
            return (Message("loading.impossibleTime", ["key": key, "time": time]), Message("loading.impossibleTime.hint"))
        case .badFormat:
            let message = Message("loading.badDate", ["key": key, "value": written])
            if let rewritten = rewritten(written) {
                return (message, Message("loading.badDate.rewrite", ["suggestion": rewritten]))
            }
            return (message, Message("loading.badDate.hint"))
        }
    }

    /// `2025年3月5日 18:00`, `2025/3/5`, `2025.03.05`, `2025-3-5` → `2025-03-05 18:00`, when that is a real date.
    static func rewritten(_ text: String) -> String? {
        let pattern = #/^\s*(\d{4})\s*[年/.\-－]\s*(\d{1,2})\s*[月/.\-－]\s*(\d{1,2})\s*日?\s*(?:(\d{1,2})\s*[:：时]\s*(\d{2})\s*分?)?\s*$/#
        guard let match = text.firstMatch(of: pattern),
              let month = Int(match.2), let day = Int(match.3) else { return nil }
        var result = "\(match.1)-\(twoDigits(month))-\(twoDigits(day))"
        if let hour = match.4.flatMap({ Int($0) }), let minute = match.5 { result += " \(twoDigits(hour)):\(minute)" }
        return (try? BeijingDateTime.parse(result)) != nil ? result : nil
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
