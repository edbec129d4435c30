/// The platform's submission rules: how many times a file may be submitted
/// (`上报次数不得超过3次(含初次上报)`) and how long an applicant has to fix a file sent back
/// (`退回后2日内`, `48小时内`, `3个工作日内`).
extension FactRules {
    static let submissionWords = ["提交", "上报", "报送", "申报", "限报", "送审"]
    static let limitWords = ["不得超过", "不能超过", "不可超过", "不超过", "最多可", "最多", "至多", "仅限", "限报", "限"]

    /// `所上报次数不得超过3次(含初次上报)`, `最多可提交三次`, `提交次数不超过2次`, `限报3次`.
    /// Not `每年不少于…次`, `第3次提交后` (an ordinal), `最多退回2次` (returns, not submissions).
    public static func submissionLimit(in sentence: String) -> SubmissionLimitMention? {
        submissionLimit(in: ScannedText(sentence))
    }

    static func submissionLimit(in text: ScannedText) -> SubmissionLimitMention? {
        guard text.contains("次") else { return nil }
        for times in text.occurrences(of: "次") {
            guard let (count, countStart) = countBefore(times, in: text), (1...10).contains(count) else { continue }
            if text.is(countStart - 1, oneOf: "第") { continue }
            // The limit word within a few characters before the count, in the same clause.
            let clause = text.clause(around: countStart)
            let window = max(clause.lowerBound, countStart - 8)..<countStart
            guard let limit = limitWords.lazy.compactMap({ word in
                FactRules.lastOccurrence(of: word, in: window, text: text).map { ($0, word) }
            }).first else { continue }
            let between = (limit.0 + limit.1.unicodeScalars.count)..<countStart
            if text.containsAny(["退回", "修改", "答辩", "考试"], in: between) { continue }
            // The sentence part before the count must be about submitting.
            let subject = clause.lowerBound..<countStart
            guard submissionWords.contains(where: { text.contains($0, in: subject) }) || limit.1 == "限报" else { continue }
            if text.containsAny(["不少于", "至少", "退回次数", "退回不"], in: subject) { continue }
            // Words: from the subject's 次数/submission word (or the limit word) to 次, and a
            // following `(含初次上报)`.
            var start = limit.0
            for word in ["上报次数", "提交次数", "申报次数", "报送次数", "次数"] {
                if let found = FactRules.lastOccurrence(of: word, in: max(clause.lowerBound, limit.0 - 8)..<limit.0, text: text) {
                    start = found
                    break
                }
            }
            var end = times + 1
            if text.is(end, oneOf: "(（"), text.has("含", at: end + 1),
               let close = (end..<min(text.count, end + 12)).first(where: { text.is($0, oneOf: ")）") }) {
                end = close + 1
            }
            return SubmissionLimitMention(maxSubmissions: count, words: text.words(start..<end))
        }
        return nil
    }

    /// A count (`3`, `三`, `两`) ending right before `index`, allowing a space.
    static func countBefore(_ index: Int, in text: ScannedText) -> (Int, Int)? {
        let end = text.skipSpaces(backFrom: index)
        var start = end
        while start > 0, text.isDigit(start - 1) { start -= 1 }
        if start == end {
            while start > 0, end - start < 3, ChineseNumerals.isNumeral(text[start - 1]) { start -= 1 }
        }
        guard start < end, let value = FactRules.number(text.words(start..<end)) else { return nil }
        return (value, start)
    }

    static let fixWords = ["退回", "修改", "补充", "补正", "重新提交", "反馈", "完善", "再次提交", "再次上报"]

    /// The time allowed to fix a returned file: `退回后2日内` (48 h), `48小时内`, `须在3个工作日内修改`
    /// (3 working days), `退回的材料应在5日内重新提交` (120 h). Only when the clause (or the one
    /// before it) speaks of a return or a fix; `公示5个工作日` is not a fix window.
    public static func fixWindow(in sentence: String) -> FixWindowMention? {
        fixWindow(in: ScannedText(sentence))
    }

    static func fixWindow(in text: ScannedText) -> FixWindowMention? {
        guard text.contains("内"), text.containsAny(fixWords) else { return nil }
        for within in text.occurrences(of: "内") {
            var unitEnd = within
            if text.has("以", endingAt: unitEnd) || text.has("之", endingAt: unitEnd) { unitEnd -= 1 }
            unitEnd = text.skipSpaces(backFrom: unitEnd)
            var workingDays = false
            var hoursPerUnit = 24
            var unitStart: Int
            if text.has("个工作日", endingAt: unitEnd) {
                unitStart = unitEnd - 4
                workingDays = true
            } else if text.has("工作日", endingAt: unitEnd) {
                unitStart = unitEnd - 3
                workingDays = true
            } else if text.has("个小时", endingAt: unitEnd) {
                unitStart = unitEnd - 3
                hoursPerUnit = 1
            } else if text.has("小时", endingAt: unitEnd) {
                unitStart = unitEnd - 2
                hoursPerUnit = 1
            } else if text.has("个自然日", endingAt: unitEnd) {
                unitStart = unitEnd - 4
            } else if text.has("自然日", endingAt: unitEnd) {
                unitStart = unitEnd - 3
            } else if text.has("天", endingAt: unitEnd) || text.has("日", endingAt: unitEnd) {
                unitStart = unitEnd - 1
            } else {
                continue
            }
            guard let (count, countStart) = countBefore(unitStart, in: text), count > 0 else { continue }
            // `5月10日内` is a date, not two days.
            if text.has("月", endingAt: countStart) { continue }
            if workingDays ? count > 30 : count * hoursPerUnit > 30 * 24 { continue }
            let clause = text.clause(around: countStart)
            var context = clause
            if clause.lowerBound > 1 { context = text.clause(around: clause.lowerBound - 2).lowerBound..<clause.upperBound }
            guard fixWords.contains(where: { text.contains($0, in: context) }) else { continue }
            if text.containsAny(["公示", "缴费", "缴纳", "邮寄"], in: clause) { continue }
            // Words: from 退回后/在/须在 just before, else the count, to 内.
            var start = countStart
            let before = text.skipSpaces(backFrom: countStart)
            for lead in ["退回后的", "退回后", "退回之日起", "收到退回意见后", "须在", "应在", "需在", "在"]
            where text.has(lead, endingAt: before) {
                start = before - lead.unicodeScalars.count
                break
            }
            let words = text.words(start..<(within + 1))
            return workingDays ? FixWindowMention(hours: nil, workingDays: count, words: words)
                : FixWindowMention(hours: count * hoursPerUnit, words: words)
        }
        return nil
    }
}
