/// Numbers as notices print them: Arabic digits (half- or full-width) or Chinese numerals, the
/// everyday ones (三, 十二, 两) and the financial capitals (壹仟贰佰) that fee tables sometimes use.
enum ChineseNumerals {
    static let digits: [UInt32: Int] = [
        0x96F6: 0, 0x3007: 0, // 零 〇
        0x4E00: 1, 0x58F9: 1, // 一 壹
        0x4E8C: 2, 0x4E24: 2, 0x8D30: 2, // 二 两 贰
        0x4E09: 3, 0x53C1: 3, // 三 叁
        0x56DB: 4, 0x8086: 4, // 四 肆
        0x4E94: 5, 0x4F0D: 5, // 五 伍
        0x516D: 6, 0x9646: 6, // 六 陆
        0x4E03: 7, 0x67D2: 7, // 七 柒
        0x516B: 8, 0x634C: 8, // 八 捌
        0x4E5D: 9, 0x7396: 9, // 九 玖
    ]
    static let units: [UInt32: Int] = [
        0x5341: 10, 0x62FE: 10, // 十 拾
        0x767E: 100, 0x4F70: 100, // 百 佰
        0x5343: 1000, 0x4EDF: 1000, // 千 仟
        0x4E07: 10000, // 万
    ]

    static func isNumeral(_ code: UInt32) -> Bool {
        digits[code] != nil || units[code] != nil
    }

    /// `二十三` → 23, `一百零五` → 105, `十` → 10, `二〇二四` → 2024 (digit by digit when no units).
    static func value(of text: Substring.UnicodeScalarView) -> Int? {
        let codes = text.map { ScannedText.fold($0.value) }
        guard !codes.isEmpty else { return nil }
        if codes.allSatisfy({ digits[$0] != nil }) {
            guard codes.count == 1 || codes.count == 4 else {
                // `三五` (three or five) is not a number; only a year-like run reads digit by digit.
                return codes.count == 1 ? digits[codes[0]] : nil
            }
            return codes.reduce(0) { $0 * 10 + digits[$1]! }
        }
        var total = 0
        var section = 0
        var pending: Int?
        var lastUnit = Int.max
        for code in codes {
            if let digit = digits[code] {
                guard pending == nil || pending == 0 || digit == 0 else { return nil }  // `三五十`
                pending = digit
            } else if let unit = units[code] {
                if unit == 10000 {
                    section += pending ?? 0
                    guard section > 0 else { return nil }
                    total += section * 10000
                    section = 0
                    lastUnit = Int.max
                } else {
                    guard unit < lastUnit else { return nil }  // `十百`
                    // `十二` means 一十二: a leading 十 stands for one ten.
                    section += (pending ?? (section == 0 && unit == 10 ? 1 : 0)) * unit
                    guard pending != 0 else { return nil }
                    lastUnit = unit
                }
                pending = nil
            } else {
                return nil
            }
        }
        return total + section + (pending ?? 0)
    }
}

extension FactRules {
    /// Chinese or Arabic numerals to an integer: "三" → 3, "十二" → 12, "3" → 3, "２" → 2.
    /// Nil for anything else (mixed text, empty, `三五`).
    public static func number(_ words: String) -> Int? {
        let trimmed = words.trimmingSpaces
        guard !trimmed.isEmpty else { return nil }
        let codes = trimmed.unicodeScalars.map { ScannedText.fold($0.value) }
        if codes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            guard codes.count <= 12 else { return nil }
            return codes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        return ChineseNumerals.value(of: Substring(trimmed).unicodeScalars)
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces, tabs, line ends and ideographic spaces.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}

