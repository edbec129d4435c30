/// Evaluation fees: `每人700元`, `500元/人`, `评审费700元`, per level in one sentence
/// (`按照高级工程师每人700元、工程师每人400元、助理工程师每人200元的标准`), or announced later
/// (`评审费另行通知`).
///
/// An amount of yuan is read as a fee only when the sentence speaks of paying for the evaluation
/// (评审费, 收费, 缴费, 每人, /人, 标准 …) and the amount's own clause does not speak of money of
/// another kind (工资, 奖金, 罚款, 补贴, a project's 万元): precision first, as the importer turns
/// every mention into a value to confirm.
extension FactRules {
    static let feeContextWords = ["评审费", "收费", "缴费", "缴纳", "费用", "收取", "每人", "/人", "标准", "费"]
    /// Words that make an amount something other than a per-person fee.
    static let nonFeeWords = ["罚款", "罚金", "工资", "薪", "奖金", "奖励", "补贴", "补助", "资助", "津贴", "经费",
                              "收入", "投资", "产值", "利润", "营业", "合同", "资金", "捐", "社保", "保险", "公积金"]
    static let laterWords = ["另行通知", "另行公布", "另行告知", "另行发布", "另文通知"]
    /// Words that end what comes before an amount's level (`按照高级工程师每人700元` → 高级工程师).
    static let levelLeadWords = ["按照", "按", "其中", "标准为", "分别为", "为", "：", ":", "即"]
    static let levelMarkers = ["正高", "副高", "高级", "中级", "初级", "员级", "助理", "师", "研究员", "技术员", "教授",
                               "讲师", "助教", "教师", "职称", "级"]

    public static func fees(in sentence: String) -> [FeeMention] {
        fees(in: ScannedText(sentence))
    }

    static func fees(in text: ScannedText) -> [FeeMention] {
        guard text.contains("元") || text.contains("另行") else { return [] }
        guard text.containsAny(feeContextWords) else { return [] }
        var mentions: [FeeMention] = []
        for yuan in text.occurrences(of: "元") {
            if let mention = fee(endingAt: yuan, in: text) { mentions.append(mention) }
        }
        if mentions.isEmpty, let later = announcedLater(in: text) { mentions.append(later) }
        return mentions
    }

    /// `评审费另行通知`, `收费标准及缴费方式另行通知`: a fee word shortly before 另行通知 in one clause.
    static func announcedLater(in text: ScannedText) -> FeeMention? {
        for word in laterWords {
            // Every occurrence: "具体时间另行通知，评审费另行通知" names the fee in its second.
            var from = 0
            while let later = text.find(word, in: from..<text.count) {
                from = later + 1
                let clause = text.clause(around: later)
                let lookBack = max(clause.lowerBound, later - 12)..<later
                guard let fee = text.find("费", in: lookBack) else { continue }
                // Start at the fee word's first character: 评审费, 收费, 缴费 …
                var start = fee
                while start > lookBack.lowerBound, text.is(start - 1, oneOf: "评审收缴") { start -= 1 }
                return FeeMention(amount: nil, levelWords: nil, announcedLater: true,
                                  words: text.words(start..<(later + word.unicodeScalars.count)))
            }
        }
        return nil
    }

    /// The amount whose 元 is at `yuan`, if it is a per-person fee.
    static func fee(endingAt yuan: Int, in text: ScannedText) -> FeeMention? {
        // `元旦`, `元月`, `一元化`, `多元`: not money.
        if text.is(yuan + 1, oneOf: "旦月素化宵") { return nil }
        var amountEnd = text.skipSpaces(backFrom: yuan)
        // `700.00元`
        if text.has(".00", endingAt: amountEnd) || text.has(".0", endingAt: amountEnd) {
            amountEnd -= text.has(".00", endingAt: amountEnd) ? 3 : 2
        }
        guard let (amount, amountStart) = amount(endingAt: amountEnd, in: text), (1...10000).contains(amount) else {
            return nil
        }
        // A threshold (`3000元以上`) is not a price.
        let after = text.skipSpaces(from: yuan + 1)
        if text.containsAny(["以上", "以下", "左右", "及以上"], in: after..<min(text.count, after + 3)) { return nil }
        // The item the amount belongs to: back to the previous 、，； or the sentence start.
        var itemStart = amountStart
        while itemStart > 0, !text.isClauseBreak(itemStart - 1), !text.is(itemStart - 1, oneOf: "、") { itemStart -= 1 }
        var itemEnd = yuan + 1
        while itemEnd < text.count, !text.isClauseBreak(itemEnd), !text.is(itemEnd, oneOf: "、") { itemEnd += 1 }
        let item = itemStart..<itemEnd
        if text.containsAny(nonFeeWords, in: item) || text.contains("万", in: amountStart..<(yuan + 1)) { return nil }
        let perPerson = text.contains("每人", in: item) || text.has("/人", at: after) || text.has("/人", at: yuan + 1)
        let feeWord = text.containsAny(["评审费", "收费", "缴费", "缴纳", "费用", "收取", "费标准", "评审费用"])
        guard perPerson || feeWord else { return nil }
        var wordsEnd = yuan + 1
        if text.has("/人", at: wordsEnd) {
            wordsEnd += 2
            if text.is(wordsEnd, oneOf: "次") { wordsEnd += 1 }
            else if text.has("·次", at: wordsEnd) || text.has("•次", at: wordsEnd) { wordsEnd += 2 }
        }
        let level = levelWords(before: amountStart, itemStart: itemStart, in: text)
        let wordsStart = level?.range.lowerBound ?? feeLead(before: amountStart, itemStart: itemStart, in: text)
        return FeeMention(amount: amount, levelWords: level.map { text.words($0.range) }, words: text.words(wordsStart..<wordsEnd))
    }

    /// The amount's digits (`700`, `1,200`, `７００`) or numerals (`七百`, `壹仟贰佰`) ending at `end`.
    static func amount(endingAt end: Int, in text: ScannedText) -> (Int, Int)? {
        var start = end
        while start > 0, text.isDigit(start - 1) || (text.scalars[start - 1] == "," && text.isDigit(start - 2)) {
            start -= 1
        }
        if start < end {
            guard text.isDigit(start) else { return nil }
            // A thousands comma must be followed by exactly three digits.
            let digits = text.words(start..<end)
            let groups = digits.split(separator: ",")
            if groups.count > 1, groups.dropFirst().contains(where: { $0.count != 3 }) { return nil }
            guard !text.is(start - 1, oneOf: ".") else { return nil }
            return FactRules.number(String(digits.filter { $0 != "," })).map { ($0, start) }
        }
        while start > 0, ChineseNumerals.isNumeral(text[start - 1]) { start -= 1 }
        guard start < end, let value = FactRules.number(text.words(start..<end)) else { return nil }
        return (value, start)
    }

    /// The level an amount is for: the words between the item's lead (`按照`, `其中`, the item
    /// start) and `每人`/the amount, when they name a level (`高级工程师`, `正高级`, `中级`).
    static func levelWords(before amountStart: Int, itemStart: Int, in text: ScannedText) -> (range: Range<Int>, Void)? {
        var start = itemStart
        for lead in levelLeadWords {
            if let found = lastOccurrence(of: lead, in: itemStart..<amountStart, text: text) {
                start = max(start, found + lead.unicodeScalars.count)
            }
        }
        var end = amountStart
        let trailing = ["每人每次", "每人次", "每人", "每次", "收取", "缴纳", "评审费用", "评审费", "收费", "为", "的", "：", ":", "是"]
        var trimmed = true
        while trimmed {
            trimmed = false
            end = text.skipSpaces(backFrom: end)
            for word in trailing where text.has(word, endingAt: end) && end - word.unicodeScalars.count >= start {
                end -= word.unicodeScalars.count
                trimmed = true
                break
            }
        }
        start = text.skipSpaces(from: start)
        while start < end, text.is(start, oneOf: "并和及或、“\"") { start += 1 }
        guard start < end, end - start <= 12 else { return nil }
        // The words must end with the level (`高级工程师`, `正高级`); a level followed by other
        // words (`农艺师答辩`) is cut back to it only when the rest is what the fee is for.
        var markerEnd: Int?
        for marker in levelMarkers {
            var index = start
            while let found = text.find(marker, in: index..<end) {
                markerEnd = max(markerEnd ?? 0, found + marker.unicodeScalars.count)
                index = found + 1
            }
        }
        guard let markerEnd else { return nil }
        if markerEnd < end {
            let rest = text.words(markerEnd..<end)
            guard ["答辩", "评审", "职称评审", "申报", "人员", "考试"].contains(rest) else { return nil }
            end = markerEnd
        }
        return (start..<end, ())
    }

    /// Where a fee's words start when no level is named: the fee word or 每人 right before the amount.
    static func feeLead(before amountStart: Int, itemStart: Int, in text: ScannedText) -> Int {
        var start = text.skipSpaces(backFrom: amountStart)
        if text.is(start - 1, oneOf: ":：为") { start -= 1 }
        start = text.skipSpaces(backFrom: start)
        for word in ["每人每次", "每人次", "每人", "评审费用", "评审费", "收费", "缴纳", "收取"]
        where text.has(word, endingAt: start) && start - word.unicodeScalars.count >= itemStart {
            return start - word.unicodeScalars.count
        }
        return amountStart
    }

    static func lastOccurrence(of literal: String, in range: Range<Int>, text: ScannedText) -> Int? {
        var index = range.upperBound - literal.unicodeScalars.count
        while index >= range.lowerBound {
            if text.has(literal, at: index) { return index }
            index -= 1
        }
        return nil
    }
}
