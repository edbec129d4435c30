/// The number a notice prints before a heading or an item, in the forms of Chinese official
/// documents (GB/T 9704: 一、 → （一） → 1. → （1）), recognised wherever it comes from: typed
/// in the text or displayed by Word's automatic numbering.
struct HeadingNumber: Equatable {
    /// The kinds in the order official documents nest them; a notice uses some of them.
    enum Kind: Int, Comparable, CaseIterable {
        /// 第一章 / 第一部分
        case chapter
        /// 一、
        case chineseComma
        /// （一） or (一)
        case chineseBracket
        /// 1. 1、 1．
        case arabicDot
        /// （1） or (1)
        case arabicBracket
        /// ① ②
        case circled

        static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    var kind: Kind
    var value: Int
    /// The number as printed, with its punctuation: "（一）".
    var printed: String
    /// The text after the number.
    var rest: Substring

    /// Reads the number at the start of a line, if the line starts with one.
    static func parse(_ line: String) -> HeadingNumber? {
        let text = Substring(line)
        if let match = chapter(text) { return match }
        if let (value, after) = chineseNumeral(text), let next = after.first, "、，,".contains(next) {
            return HeadingNumber(kind: .chineseComma, value: value, printed: String(text[..<after.index(after: after.startIndex)]),
                                 rest: after.dropFirst())
        }
        if let open = text.first, "（(".contains(open) {
            let inner = text.dropFirst()
            if let (value, after) = chineseNumeral(inner), let close = after.first, "）)".contains(close) {
                return HeadingNumber(kind: .chineseBracket, value: value, printed: String(text[..<after.index(after: after.startIndex)]),
                                     rest: after.dropFirst())
            }
            if let (value, after) = arabicNumeral(inner), let close = after.first, "）)".contains(close) {
                return HeadingNumber(kind: .arabicBracket, value: value, printed: String(text[..<after.index(after: after.startIndex)]),
                                     rest: after.dropFirst())
            }
        }
        if let (value, after) = arabicNumeral(text), let dot = after.first, ".、．".contains(dot) {
            let rest = after.dropFirst()
            // "1.5倍", "2.0版": a decimal number, not an item number.
            if let next = rest.first, next.isASCII, next.isNumber { return nil }
            return HeadingNumber(kind: .arabicDot, value: value, printed: String(text[..<after.index(after: after.startIndex)]), rest: rest)
        }
        if let first = text.unicodeScalars.first, (0x2460...0x2473).contains(first.value) {
            return HeadingNumber(kind: .circled, value: Int(first.value - 0x2460) + 1, printed: String(text.prefix(1)), rest: text.dropFirst())
        }
        return nil
    }

    private static func chapter(_ text: Substring) -> HeadingNumber? {
        guard text.first == "第", let (value, after) = chineseNumeral(text.dropFirst()), let unit = after.first, "章部".contains(unit) else { return nil }
        var rest = after.dropFirst()
        if unit == "部", rest.first == "分" { rest = rest.dropFirst() }
        let printed = String(text[..<rest.startIndex])
        return HeadingNumber(kind: .chapter, value: value, printed: printed, rest: rest)
    }

    /// 一 … 九十九, at most three characters, as item numbers are written.
    static func chineseNumeral(_ text: Substring) -> (Int, Substring)? {
        let digits: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10]
        var end = text.startIndex
        while end != text.endIndex, digits[text[end]] != nil, text.distance(from: text.startIndex, to: end) < 3 { end = text.index(after: end) }
        let run = Array(text[..<end])
        guard !run.isEmpty else { return nil }
        var value = 0
        switch run.count {
        case 1: value = digits[run[0]]!
        case 2 where run[0] == "十": value = 10 + digits[run[1]]!
        case 2 where run[1] == "十": value = digits[run[0]]! * 10
        case 3 where run[1] == "十" && run[0] != "十" && run[2] != "十": value = digits[run[0]]! * 10 + digits[run[2]]!
        default: return nil
        }
        return (value, text[end...])
    }

    /// 1 to 99 in ASCII or full-width digits.
    static func arabicNumeral(_ text: Substring) -> (Int, Substring)? {
        var value = 0, end = text.startIndex, count = 0
        while end != text.endIndex, let digit = digitValue(text[end]), count < 2 {
            value = value * 10 + digit
            count += 1
            end = text.index(after: end)
        }
        guard count > 0, value > 0 else { return nil }
        if end != text.endIndex, digitValue(text[end]) != nil { return nil }  // 2024. is a year, not an item
        return (value, text[end...])
    }

    static func digitValue(_ character: Character) -> Int? {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return nil }
        switch scalar.value {
        case 0x30...0x39: return Int(scalar.value - 0x30)
        case 0xFF10...0xFF19: return Int(scalar.value - 0xFF10)
        default: return nil
        }
    }
}
