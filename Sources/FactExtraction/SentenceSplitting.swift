extension FactRules {
    /// The notice's text cut into sentences at 。；！？ (and their ASCII twins) and line ends,
    /// keeping each end mark with its sentence and never cutting inside brackets or quotes:
    /// `（专业科目提供2021年度证书；公需科目…）` or a quoted pledge `“本人承诺…。”` stays whole, so a
    /// rule sees the words a condition or a range belongs to.
    ///
    /// A bracket left open is closed by the line end: one typo must not glue a whole document
    /// into one sentence.
    public static func sentences(_ paragraph: String) -> [String] {
        // Scalars, not Characters: these marks are whole characters of their own, and walking
        // scalars keeps a 60 KB notice fast in a debug build.
        let openers: Set<Unicode.Scalar> = ["（", "(", "“", "《", "【", "[", "「", "『", "‘", "〔"]
        let closers: Set<Unicode.Scalar> = ["）", ")", "”", "》", "】", "]", "」", "』", "’", "〕"]
        let ends: Set<Unicode.Scalar> = ["。", "；", "！", "？", ";", "!", "?"]
        let lineEnds: Set<Unicode.Scalar> = ["\n", "\r", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}", "\u{85}"]
        var result: [String] = []
        var current = String.UnicodeScalarView()
        var depth = 0
        func flush() {
            let trimmed = String(current).trimmingSpaces
            if !trimmed.isEmpty { result.append(trimmed) }
            current = String.UnicodeScalarView()
        }
        for scalar in paragraph.unicodeScalars {
            if lineEnds.contains(scalar) {
                flush()
                depth = 0
                continue
            }
            current.append(scalar)
            if openers.contains(scalar) {
                depth += 1
            } else if closers.contains(scalar) {
                depth = max(0, depth - 1)
            } else if depth == 0, ends.contains(scalar) {
                flush()
            }
        }
        flush()
        return result
    }

    /// The year a notice is for, from its title (`2025年度…`, `关于2024年…`, `关于 2024 年…`),
    /// nil if it prints none. Only a four-digit 19xx/20xx followed by 年 counts: a document number
    /// (`〔2024〕13号`) or a count (`近3年`) is not the notice's year, and a range (`2022—2023年度`)
    /// names no single year.
    public static func yearInTitle(_ title: String) -> Int? {
        let text = ScannedText(title)
        var index = 0
        while index < text.count {
            if let run = text.digitRun(at: index) {
                if run.length == 4, (1900...2099).contains(run.value), !text.isDigit(index - 1),
                   text.has("年", at: text.skipSpaces(from: run.end)) {
                    // `2022—2023年度`: a range of years names no one year; leave it to a person.
                    if text.is(index - 1, oneOf: "-—–~至到－、"), text.isDigit(index - 2) { return nil }
                    return run.value
                }
                index = run.end
                continue
            }
            // 二〇二四年
            if ChineseNumerals.digits[text[index]] != nil {
                var end = index
                while ChineseNumerals.digits[text[end]] != nil { end += 1 }
                if end - index == 4, text.has("年", at: end), let value = number(text.words(index..<end)),
                   (1900...2099).contains(value) {
                    return value
                }
                index = end
                continue
            }
            index += 1
        }
        return nil
    }
}
