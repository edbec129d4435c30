/// A counter's value written the way Word writes it for a `w:numFmt`. The formats Chinese notices
/// use come first; an unknown format falls back to decimal, which is what Word shows for one too.
enum NumberFormat {
    static func format(_ value: Int, as numFmt: String) -> String {
        switch numFmt {
        case "none", "bullet": return ""
        case "decimal", "ordinal", "cardinalText", "ordinalText", "decimalHalfWidth": return String(value)
        case "decimalZero": return value < 10 && value >= 0 ? "0\(value)" : String(value)
        case "decimalFullWidth", "decimalFullWidth2": return fullWidth(value)
        case "upperRoman": return roman(value)
        case "lowerRoman": return roman(value).lowercased()
        case "upperLetter": return letters(value)
        case "lowerLetter": return letters(value).lowercased()
        case "chineseCounting", "japaneseCounting", "chineseCountingThousand", "taiwaneseCounting",
             "taiwaneseCountingThousand", "japaneseDigitalTenThousand":
            return chinese(value)
        case "chineseLegalSimplified": return chinese(value, digits: legalDigits, units: legalUnits)
        case "ideographLegalTraditional": return chinese(value, digits: legalDigits, units: ["", "拾", "佰", "仟"])
        case "ideographDigital", "taiwaneseDigital", "japaneseLegal":
            return String(String(value).map { $0.wholeNumberValue.map { digitChars[$0] } ?? $0 })
        case "ideographTraditional": return cycle(value, heavenlyStems)
        case "ideographZodiac": return cycle(value, earthlyBranches)
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle":
            return enclosed(value, first: 0x2460, count: 20)  // ① … ⑳
        case "decimalEnclosedParen": return enclosed(value, first: 0x2474, count: 20)  // ⑴ … ⒇
        case "decimalEnclosedFullstop": return enclosed(value, first: 0x2488, count: 20)  // ⒈ … ⒛
        default: return String(value)
        }
    }

    static let digitChars: [Character] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    static let legalDigits: [Character] = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"]
    static let legalUnits: [String] = ["", "拾", "佰", "仟"]
    static let heavenlyStems = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"]
    static let earthlyBranches = ["子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥"]

    /// 一 … 十, 十一 … 十九, 二十, 二十一, 一百, 一百零一, 一百一十, 一千零五; up to 9 999, then digit
    /// by digit (no notice numbers that far).
    static func chinese(_ value: Int, digits: [Character] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"],
                        units: [String] = ["", "十", "百", "千"]) -> String {
        guard value > 0 else { return String(digits[0]) }
        guard value < 10_000 else { return String(String(value).map { $0.wholeNumberValue.map { digits[$0] } ?? $0 }) }
        let places = [value / 1000 % 10, value / 100 % 10, value / 10 % 10, value % 10]
        var result = ""
        var pendingZero = false
        for (index, digit) in places.enumerated() {
            let unit = units[3 - index]
            if digit == 0 {
                if !result.isEmpty { pendingZero = true }
                continue
            }
            if pendingZero { result.append(digits[0]); pendingZero = false }
            // 十一, not 一十一, at the start; 一百一十 inside.
            if !(digit == 1 && index == 2 && result.isEmpty && units[1] == "十") { result.append(digits[digit]) }
            result += unit
        }
        return result
    }

    static func fullWidth(_ value: Int) -> String {
        String(String.UnicodeScalarView(String(value).unicodeScalars.map { scalar in
            scalar.properties.numericType != nil ? Unicode.Scalar(scalar.value - 0x30 + 0xFF10)! : scalar
        }))
    }

    static func roman(_ value: Int) -> String {
        guard value > 0, value < 4000 else { return String(value) }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = value, result = ""
        for (amount, numeral) in table { while rest >= amount { result += numeral; rest -= amount } }
        return result
    }

    /// Word's letters: A … Z, then AA … ZZ, AAA … (the letter repeated, not spreadsheet columns).
    static func letters(_ value: Int) -> String {
        guard value > 0 else { return String(value) }
        let letter = Character(Unicode.Scalar(UInt8(65 + (value - 1) % 26)))
        return String(repeating: letter, count: min((value - 1) / 26 + 1, 20))
    }

    static func cycle(_ value: Int, _ symbols: [String]) -> String {
        guard value > 0 else { return String(value) }
        return symbols[(value - 1) % symbols.count]
    }

    static func enclosed(_ value: Int, first: UInt32, count: Int) -> String {
        guard value >= 1, value <= count, let scalar = Unicode.Scalar(first + UInt32(value - 1)) else { return String(value) }
        return String(Character(scalar))
    }
}
