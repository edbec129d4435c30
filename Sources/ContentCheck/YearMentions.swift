/// The ways these notices name a year that a new year's notice has to move on: a full date
/// (`2024年3月5日`, `2024-03-05`, `2024.3.5`, `2024/3/5`), a review year (`2024年度`), and a
/// span of years (`2021-2024年`, `2021—2024年度`, `2021年至2024年`).
///
/// A year alone (`2019年起`) is not one: it is as often history as a date to move. A mention
/// inside a title (`《…2024年度…》`) or a document number's brackets (`〔2024〕`) cites a document
/// and is skipped: those words are right whatever the year.
struct YearMention: Equatable {
    enum Form: Equatable { case date, reviewYear, range }

    var form: Form
    var years: ClosedRange<Int>
    /// Offset of the first scalar, and the words, exactly as written.
    var offset: Int
    var words: String
    /// The few words after the mention in its clause (`职称评审`), to tell `2024年度职称评审` from `2024年度考核`.
    var followedBy: String

    static let rangeSeparators: Set<Unicode.Scalar> = ["-", "—", "–", "~", "～", "－", "―", "至", "到"]
    static let dateSeparators: Set<Unicode.Scalar> = ["-", ".", "/", "．"]

    static func scan(_ text: String) -> [YearMention] {
        let scalars = Array(text.unicodeScalars)
        var found: [YearMention] = []
        var citation = CitationDepth()
        var index = 0

        func isDigit(_ at: Int) -> Bool { at >= 0 && at < scalars.count && ("0"..."9").contains(scalars[at]) }
        func digits(from start: Int, max: Int) -> (value: Int, end: Int)? {
            var end = start
            while end < scalars.count, end - start < max, isDigit(end) { end += 1 }
            guard end > start, !isDigit(end) else { return nil }
            return (Int(String(String.UnicodeScalarView(scalars[start..<end])))!, end)
        }
        func year(at start: Int) -> (value: Int, end: Int)? {
            guard !isDigit(start - 1), let (value, end) = digits(from: start, max: 4), end - start == 4, (1900...2199).contains(value) else { return nil }
            return (value, end)
        }
        func skipSpaces(_ at: Int) -> Int {
            var at = at
            while at < scalars.count, scalars[at] == " " || scalars[at] == "\u{3000}" { at += 1 }
            return at
        }
        func isChar(_ at: Int, _ scalar: Unicode.Scalar) -> Bool { at < scalars.count && scalars[at] == scalar }
        func words(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }
        func after(_ end: Int) -> String {
            var stop = end
            while stop < scalars.count, stop - end < 4, scalars[stop].properties.isIdeographic { stop += 1 }
            return words(end..<stop)
        }
        /// `月D日` (or `号`) after a month's digits: the end of a Chinese date.
        func monthDay(from start: Int) -> Int? {
            guard let (month, afterMonth) = digits(from: start, max: 2), (1...12).contains(month), isChar(afterMonth, "月"),
                  let (day, afterDay) = digits(from: afterMonth + 1, max: 2), (1...31).contains(day),
                  isChar(afterDay, "日") || isChar(afterDay, "号") else { return nil }
            return afterDay + 1
        }

        while index < scalars.count {
            citation.read(scalars[index])
            guard let (first, afterFirst) = year(at: index) else { index += 1; continue }
            let quoted = citation.inside
            var mention: YearMention?
            var end = afterFirst
            /// A span of years from `first` to `last`, when its 年 (and 度) follows the last year.
            func span(through last: Int, after afterLast: Int) {
                let nian = skipSpaces(afterLast)
                guard isChar(nian, "年") else { return }
                end = isChar(nian + 1, "度") ? nian + 2 : nian + 1
                mention = YearMention(form: .range, years: first...last, offset: index, words: words(index..<end), followedBy: after(end))
            }
            let next = skipSpaces(afterFirst)
            if isChar(next, "年") {
                let afterNian = skipSpaces(next + 1)
                if isChar(afterNian, "度") {
                    end = afterNian + 1
                    mention = YearMention(form: .reviewYear, years: first...first, offset: index, words: words(index..<end), followedBy: after(end))
                } else if let dateEnd = monthDay(from: afterNian) {
                    end = dateEnd
                    mention = YearMention(form: .date, years: first...first, offset: index, words: words(index..<end), followedBy: "")
                } else if afterNian < scalars.count, rangeSeparators.contains(scalars[afterNian]),
                          let (last, afterLast) = year(at: skipSpaces(afterNian + 1)), last > first {
                    // `2021年至2024年`, `2021年-2024年度`
                    span(through: last, after: afterLast)
                }
            } else if next < scalars.count, rangeSeparators.contains(scalars[next]),
                      let (last, afterLast) = year(at: skipSpaces(next + 1)), last > first {
                // `2021-2024年`, `2021—2024年度`: a span needs its 年 (a bare `2021-2024` may be anything).
                span(through: last, after: afterLast)
            } else if afterFirst < scalars.count, dateSeparators.contains(scalars[afterFirst]) {
                // `2024-03-05`, `2024.3.5`, `2024/3/5`: the same separator twice.
                let separator = scalars[afterFirst]
                if let (month, afterMonth) = digits(from: afterFirst + 1, max: 2), (1...12).contains(month), isChar(afterMonth, separator),
                   let (day, afterDay) = digits(from: afterMonth + 1, max: 2), (1...31).contains(day) {
                    end = afterDay
                    mention = YearMention(form: .date, years: first...first, offset: index, words: words(index..<end), followedBy: "")
                }
            }
            if let mention, !quoted { found.append(mention) }
            // Brackets inside the mention's words (none in these forms) need no reading.
            index = max(index + 1, end)
        }
        return found
    }
}

/// Whether the scan is inside a document's title `《…》` or number `〔…〕`.
private struct CitationDepth {
    private var title = 0
    private var number = 0

    var inside: Bool { title > 0 || number > 0 }

    mutating func read(_ scalar: Unicode.Scalar) {
        switch scalar {
        case "《": title += 1
        case "》": title = max(0, title - 1)
        case "〔", "［": number += 1
        case "〕", "］": number = max(0, number - 1)
        default: break
        }
    }
}
