/// Years that are not dates: `2021-2023年度`, `2021、2022、2023年度`, `2021年度至2023年度`,
/// `2021年至2024年`, `近3年`, `近三年`, `连续五年`, `2021年以来`. Continuing education and
/// appraisal (考核) requirements are stated this way.

/// One year expression as printed.
struct YearExpression {
    var years: ClosedRange<Int>?
    var recentYears: Int?
    /// `从2021年开始`, `2021年以来`: from a year up to the notice year.
    var openEnded = false
    var span: Range<Int>
}

enum YearScanner {
    static let separators = "-—–~至到－"
    static let listSeparators = "、,和及与"
    static let recentLeads = PhraseSet(["最近", "近", "连续"])

    /// A four-digit year 19xx/20xx at `index` that is a year and not the start of a date
    /// (`2025.7.1`, `2025年7月`, `2025-07-01`): its value and where its 年/年度 ends.
    static func year(in text: ScannedText, at index: Int) -> (value: Int, end: Int, suffixed: Bool)? {
        guard !text.isDigit(index - 1), !text.isLatinLetter(index - 1), let run = text.digitRun(at: index), run.length == 4,
              (1900...2099).contains(run.value)
        else { return nil }
        var end = run.end
        var suffixed = false
        let afterSpaces = text.skipSpaces(from: end)
        if text.has("年", at: afterSpaces) {
            end = afterSpaces + 1
            suffixed = true
            // `2021年年度` (as printed), `2021年度`
            if text.has("年度", at: end) { end += 2 } else if text.has("度", at: end) { end += 1 }
            // `2025年7月…` is a date, `2021年8月` a month: not a year.
            let next = text.skipSpaces(from: end)
            if text.isDigit(next) || ChineseNumerals.digits[text[next]] != nil && text.is(next + 1, oneOf: "月") {
                return nil
            }
        } else if text.is(end, oneOf: ".-/"), text.isDigit(end + 1), !(text.is(end, oneOf: "-") && text.digitRun(at: end + 1)?.length == 4) {
            // `2025.7` / `2025-07`: a date or a code.
            return nil
        } else if text.is(end, oneOf: "元万号%."), true {
            return nil
        }
        return (run.value, end, suffixed)
    }

    /// A year expression at `index`: a range, a list or a single year, or `近N年`.
    static func expression(in text: ScannedText, at index: Int) -> YearExpression? {
        if let recent = recent(in: text, at: index) { return recent }
        guard let first = year(in: text, at: index) else { return nil }
        // Range: 2021-2024年, 2021年至2024年, 2021年度—2023年度
        var position = text.skipSpaces(from: first.end)
        if text.is(position, oneOf: separators) {
            position += 1
            while text.is(position, oneOf: "-—–－") { position += 1 }
            position = text.skipSpaces(from: position)
            if let second = year(in: text, at: position), second.value > first.value, second.value - first.value <= 30,
               first.suffixed || second.suffixed || isBracketed(text, index..<second.end)
            {
                return YearExpression(years: first.value...second.value, span: index..<second.end)
            }
            if !first.suffixed { return nil }
        }
        // List: 2021、2022、2023年度 — only consecutive years make a range.
        var values = [first.value]
        var end = first.end
        var anySuffix = first.suffixed
        position = first.end
        while text.is(position, oneOf: listSeparators) {
            guard let next = year(in: text, at: text.skipSpaces(from: position + 1)) else { break }
            values.append(next.value)
            end = next.end
            anySuffix = anySuffix || next.suffixed
            position = next.end
        }
        guard anySuffix else { return nil }
        if values.count > 1 {
            // `2021、2023年度` is two years, not a range: consumed, so `2023年度` is not read alone.
            for (a, b) in zip(values, values.dropFirst()) where b != a + 1 { return YearExpression(span: index..<end) }
            return YearExpression(years: values.first!...values.last!, span: index..<end)
        }
        // `2021年之后的证书从系统获取`, `2020年以前`: a boundary, not the years required.
        let after = text.skipSpaces(from: end)
        for word in ["之后", "以后", "之前", "以前", "后", "前"] where text.has(word, at: after) {
            return YearExpression(span: index..<(after + word.unicodeScalars.count))
        }
        // `从2021年开始`, `2021年以来`, `2021年至今`
        for word in ["开始", "以来", "至今", "起"] where text.has(word, at: after) {
            return YearExpression(years: first.value...first.value, openEnded: true,
                                  span: index..<(after + word.unicodeScalars.count))
        }
        return YearExpression(years: first.value...first.value, span: index..<end)
    }

    /// `(2020-2024)` without 年 is still a year range when brackets hold nothing else.
    static func isBracketed(_ text: ScannedText, _ range: Range<Int>) -> Bool {
        text.is(range.lowerBound - 1, oneOf: "(（") && text.is(range.upperBound, oneOf: ")）")
    }

    /// `近3年`, `近三年`, `最近3年`, `近3个年度`, `连续五年`, `连续5个年度`.
    static func recent(in text: ScannedText, at index: Int) -> YearExpression? {
        guard let number = recentLeads.match(in: text, at: index) else { return nil }
        let lead = recentLeads.phrases[number]
        var position = text.skipSpaces(from: index + lead.unicodeScalars.count)
        guard let count = text.countRun(at: position, maxLength: 2), (1...20).contains(count.value) else { return nil }
        position = text.skipSpaces(from: count.end)
        if text.has("个", at: position) { position += 1 }
        guard text.has("年", at: position) else { return nil }
        position += 1
        if text.has("度", at: position) { position += 1 }
        // `近3年内`, `连续5年以上`: counts of service, not which years.
        if text.has("以上", at: position) || text.has("以下", at: position) { return nil }
        return YearExpression(recentYears: count.value, span: index..<position)
    }

    /// Every year expression in the text, left to right, skipping dates.
    static func all(in text: ScannedText) -> [YearExpression] {
        var found: [YearExpression] = []
        var index = 0
        while index < text.count {
            if text.isDigit(index), let date = DateScanner.date(in: text, at: index) {
                index = date.span.upperBound
                continue
            }
            if let expression = expression(in: text, at: index) {
                found.append(expression)
                index = expression.span.upperBound
                continue
            }
            if let run = text.digitRun(at: index) { index = run.end } else { index += 1 }
        }
        return found
    }
}

extension FactRules {
    /// Year ranges that are not dates: `2021-2023年度`, `2021、2022、2023年度`, `2021年度至2023年度`,
    /// `近3年` (recentYears), `2021年以来` (2021 to the notice year). A single year on its own is
    /// not a range and is left out.
    public static func yearRanges(in sentence: String, year: Int) -> [YearRangeMention] {
        yearRanges(in: ScannedText(sentence), year: year)
    }

    static func yearRanges(in text: ScannedText, year: Int) -> [YearRangeMention] {
        guard text.contains("年") else { return [] }
        return YearScanner.all(in: text).compactMap { expression in
            let words = text.words(expression.span)
            if let recent = expression.recentYears { return YearRangeMention(years: nil, recentYears: recent, words: words) }
            guard let years = expression.years else { return nil }
            if expression.openEnded {
                guard years.lowerBound <= year else { return nil }
                return YearRangeMention(years: years.lowerBound...year, words: words)
            }
            guard years.count > 1 else { return nil }
            return YearRangeMention(years: years, words: words)
        }
    }
}
