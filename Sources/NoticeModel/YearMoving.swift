/// Moving a notice on by whole years, as `new --from` writes next year's data and as the
/// year-on-year comparison reads last year's: a yearly notice moves every date and year it names,
/// and that alone is not a change.

extension BeijingDateTime {
    /// The same day and time `years` later (or earlier); Feb 29 becomes Feb 28 in a year without it.
    public func moved(byYears years: Int) -> BeijingDateTime {
        var date = self
        date.year += years
        date.day = min(date.day, Self.daysIn(month: date.month, year: date.year))
        return date
    }
}

/// `text` with the years it mentions moved by `years`: runs of exactly four ASCII digits within
/// ten years of `year` (`2022年度` → `2023年度`; `第12345号` and `1998年` stay).
public func movingYears(in text: String, near year: Int, by years: Int) -> String {
    let bytes = text.utf8
    // Most texts name no year: nothing to move, nothing to copy.
    guard bytes.contains(where: isASCIIDigit) else { return text }
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var digits: [UInt8] = []
    func flush() {
        if digits.count == 4 {
            let found = digits.reduce(0) { $0 * 10 + Int($1 - 48) }
            if abs(found - year) <= 10 {
                result += Array(String(found + years).utf8)
                digits.removeAll()
                return
            }
        }
        result += digits
        digits.removeAll()
    }
    for byte in bytes {
        if isASCIIDigit(byte) { digits.append(byte) } else { flush(); result.append(byte) }
    }
    flush()
    return String(decoding: result, as: UTF8.self)
}

private func isASCIIDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
