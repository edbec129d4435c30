/// Continuing education (继续教育): which years an applicant must prove, per course
/// (公需课/公需科目 general, 专业课/专业科目 specialty), and the hours a year (学时).
///
/// A year expression belongs to the course named nearest before it in its clause
/// (`公需科目提供2016-2020年度…`), or to one named right after it (`连续五年公需课…`,
/// `2021、2022年度专业科目…`). With no course in reach it is continuing education in general,
/// but only in a clause that speaks of it (继续教育, 培训, 学时): `近3年考核` is not about courses.
extension FactRules {
    static let generalCourseWords = ["公需课程", "公需科目", "公需课", "公需"]
    static let specialtyCourseWords = ["专业课程", "专业科目", "专业课"]
    static let courseWordSet = PhraseSet(generalCourseWords + specialtyCourseWords)
    static let continuingEducationWords = ["继续教育", "公需", "专业课", "专业科目", "学时"]

    struct CourseWord {
        var course: ContinuingEducationMention.Course
        var span: Range<Int>
    }

    static func courseWords(in text: ScannedText) -> [CourseWord] {
        var found: [CourseWord] = []
        var index = courseWordSet.mayOccur(in: text) ? 0 : text.count
        while index < text.count {
            guard let number = courseWordSet.match(in: text, at: index), !text.has("专业课题", at: index) else {
                index += 1
                continue
            }
            let length = courseWordSet.length(number)
            let course: ContinuingEducationMention.Course = number < generalCourseWords.count ? .general : .specialty
            found.append(CourseWord(course: course, span: index..<(index + length)))
            index += length
        }
        return found
    }

    public static func continuingEducation(in sentence: String, year: Int) -> [ContinuingEducationMention] {
        continuingEducation(in: ScannedText(sentence), year: year)
    }

    static func continuingEducation(in text: ScannedText, year: Int) -> [ContinuingEducationMention] {
        guard text.containsAny(continuingEducationWords) else { return [] }
        let courses = courseWords(in: text)
        // One mention per course word that has something, plus one for continuing education in
        // general (years without a course, and the hours a year).
        var byCourse: [Int: ContinuingEducationMention] = [:]
        var spans: [Int: Range<Int>] = [:]
        var openEnded: [Int: Bool] = [:]  // the years came from `从2021年开始`; printed years replace them
        var general = ContinuingEducationMention(course: .any, words: "")
        var generalSpan: Range<Int>?
        var generalHasSomething = false

        for expression in YearScanner.all(in: text) {
            guard let owner = owner(of: expression.span, courses: courses, text: text) else {
                let clause = text.clause(around: expression.span.lowerBound)
                guard text.containsAny(["继续教育", "培训", "学时"], in: clause), !text.contains("考核", in: clause) else { continue }
                apply(expression, to: &general, openEnded: &openEnded[-1, default: false], year: year)
                generalSpan = union(generalSpan, expression.span)
                generalHasSomething = true
                continue
            }
            var mention = byCourse[owner] ?? ContinuingEducationMention(course: courses[owner].course, words: "")
            apply(expression, to: &mention, openEnded: &openEnded[owner, default: false], year: year)
            byCourse[owner] = mention
            spans[owner] = union(union(spans[owner], courses[owner].span), expression.span)
        }

        if let hours = hoursPerYear(in: text, courses: courses) {
            general.hoursPerYear = hours.total
            general.specialtyHoursPerYear = hours.specialty
            general.generalHoursPerYear = hours.general
            for span in hours.spans { generalSpan = union(generalSpan, span) }
            generalHasSomething = true
        }

        var result: [(Int, ContinuingEducationMention)] = []
        if generalHasSomething, let generalSpan {
            general.words = text.words(generalSpan)
            result.append((generalSpan.lowerBound, general))
        }
        for (owner, var mention) in byCourse where mention.years != nil || mention.recentYears != nil {
            var span = spans[owner]!
            // Quote a bracketed year range whole: `公需课教育证书（2020-2024年）`, not `…（2020-2024年`.
            if text.is(span.upperBound, oneOf: ")）"), text.contains("(", in: span) || text.contains("（", in: span) {
                span = span.lowerBound..<(span.upperBound + 1)
            }
            mention.words = text.words(span)
            result.append((span.lowerBound, mention))
        }
        // In the order printed; continuing education in general first where they start together.
        let rank: [ContinuingEducationMention.Course: Int] = [.any: 0, .general: 1, .specialty: 2]
        return result.sorted { ($0.0, rank[$0.1.course]!) < ($1.0, rank[$1.1.course]!) }.map(\.1)
    }

    /// The course word a year expression belongs to (index into `courses`), if any.
    static func owner(of span: Range<Int>, courses: [CourseWord], text: ScannedText) -> Int? {
        // Right after it, with at most one character between (`连续五年公需课`, `2021年度的专业课`).
        if let next = courses.firstIndex(where: { $0.span.lowerBound >= span.upperBound }),
           courses[next].span.lowerBound - span.upperBound <= 1,
           !(span.upperBound..<courses[next].span.lowerBound).contains(where: { text.isClauseBreak($0) || text.is($0, oneOf: "（()）") })
        {
            return next
        }
        let clause = text.clause(around: span.lowerBound)
        return courses.lastIndex { $0.span.upperBound <= span.lowerBound && $0.span.lowerBound >= clause.lowerBound }
    }

    /// Explicit years win over `从2021年开始` and over a count of recent years.
    static func apply(_ expression: YearExpression, to mention: inout ContinuingEducationMention, openEnded: inout Bool,
                      year: Int) {
        if let recent = expression.recentYears {
            mention.recentYears = mention.recentYears ?? recent
        } else if let years = expression.years {
            let resolved = expression.openEnded ? years.lowerBound...max(years.lowerBound, year) : years
            if mention.years == nil || (!expression.openEnded && openEnded) {
                mention.years = resolved
                openEnded = expression.openEnded
            }
        }
        // `recentYears` only says something when no years are printed.
        if mention.years != nil { mention.recentYears = nil }
    }

    static func union(_ a: Range<Int>?, _ b: Range<Int>) -> Range<Int> {
        guard let a else { return b }
        return min(a.lowerBound, b.lowerBound)..<max(a.upperBound, b.upperBound)
    }

    /// `每年不少于90学时（专业科目不少于60学时）`: the hours a year, and of them the specialty (and
    /// general) hours when a course is named just before. Only in a sentence that says the hours
    /// are yearly (每年, 年度, /年): a total over several years is not an hours-per-year value.
    static func hoursPerYear(in text: ScannedText, courses: [CourseWord])
        -> (total: Int?, specialty: Int?, general: Int?, spans: [Range<Int>])?
    {
        guard text.containsAny(["每年", "年度", "/年", "每人每年"]) else { return nil }
        var total: Int?
        var specialty: Int?
        var general: Int?
        var spans: [Range<Int>] = []
        for hoursWord in text.occurrences(of: "学时") {
            var end = text.skipSpaces(backFrom: hoursWord)
            if text.has("个", endingAt: end) { end = text.skipSpaces(backFrom: end - 1) }
            var start = end
            while start > 0, text.isDigit(start - 1) { start -= 1 }
            if start == end { while start > 0, ChineseNumerals.isNumeral(text[start - 1]) { start -= 1 } }
            guard start < end, let hours = FactRules.number(text.words(start..<end)), (1...300).contains(hours) else { continue }
            // `累计`, `共`: a total, not a year's hours, unless the year is named (`每年累计不少于九十学时`).
            let clause = text.clause(around: start)
            if text.containsAny(["累计", "合计", "总计", "共计"], in: clause.lowerBound..<start),
               !text.containsAny(["每年", "每人每年"], in: clause.lowerBound..<start) { continue }
            // The course named before the hours in their clause (`专业科目（2021-2023年）每年不少于60学时`);
            // two different courses (`公需课及专业课每年90学时`) mean the total.
            let named = courses.filter { $0.span.upperBound <= start && $0.span.lowerBound >= clause.lowerBound }
            let near = Set(named.map(\.course)).count == 1 ? named.last : nil
            var spanStart = start
            for lead in ["不少于", "不低于", "至少", "不得少于", "达到", "满"] where text.has(lead, endingAt: text.skipSpaces(backFrom: start)) {
                spanStart = text.skipSpaces(backFrom: start) - lead.unicodeScalars.count
            }
            switch near?.course {
            case .specialty?:
                guard specialty == nil else { continue }
                specialty = hours
                spanStart = near!.span.lowerBound
            case .general?:
                guard general == nil else { continue }
                general = hours
                spanStart = near!.span.lowerBound
            default:
                guard total == nil else { continue }
                total = hours
                if text.has("每年", endingAt: spanStart) { spanStart -= 2 }
            }
            spans.append(spanStart..<(hoursWord + 2))
        }
        guard total != nil || specialty != nil || general != nil else { return nil }
        return (total, specialty, general, spans)
    }
}
