/// Phone numbers: landlines with an area code (`0991-3193615`, `0991—3193615`, `(0991)3193615`,
/// `（0997）2532160`, `0997 2532160`), mobiles (`13912345678`, `139-1234-5678`), and a bare local
/// number after one with an area code (`0991-3689900、3689696` → 0991-3689696).
///
/// Not phones: ID numbers and other long digit runs, dates, amounts, QQ groups
/// (`QQ群：123456789`, see `qqGroups(in:)`), postcodes (`邮编830000`), fax, account numbers.

/// A QQ group an office asks applicants to join (`加入QQ群779259695完成缴费`).
public struct QQGroupMention: Sendable, Hashable {
    public var number: String
    public var words: String

    public init(number: String, words: String) {
        self.number = number
        self.words = words
    }
}

extension FactRules {
    static let notPhoneLeads = ["QQ", "qq", "群", "邮编", "邮政编码", "身份证", "账号", "帐号", "卡号", "传真", "证号", "编号", "代码"]
    static let phoneLeads = ["电话", "热线", "手机", "联系方式", "咨询", "座机", "Tel", "TEL", "tel"]

    public static func phones(in sentence: String) -> [PhoneMention] {
        phones(in: ScannedText(sentence))
    }

    static func phones(in text: ScannedText) -> [PhoneMention] {
        guard text.hasDigits else { return [] }
        var mentions: [PhoneMention] = []
        var lastAreaCode: String?
        var lastEnd: Int?
        var index = 0
        while index < text.count {
            guard text.isDigit(index) || (text.is(index, oneOf: "(（") && text.has("0", at: index + 1)) else {
                index += 1
                continue
            }
            // A digit run glued to letters or other digits is a code, not a phone.
            if text.isDigit(index - 1) || text.isLatinLetter(index - 1) {
                index = text.digitRun(at: index)?.end ?? index + 1
                continue
            }
            if let phone = landline(in: text, at: index) ?? mobile(in: text, at: index) {
                if !isExcludedNumber(before: index, in: text) {
                    mentions.append(PhoneMention(number: phone.number, words: text.words(index..<phone.end)))
                    lastAreaCode = phone.areaCode
                    lastEnd = phone.end
                }
                index = phone.end
                continue
            }
            guard let run = text.digitRun(at: index) else {
                index += 1
                continue
            }
            defer { index = run.end }
            guard (7...8).contains(run.length), text[index] != 0x30, text[index] != 0x31,
                  !text.isDigit(run.end), !text.isLatinLetter(run.end), !text.is(run.end, oneOf: "年月日元号.-"),
                  !isExcludedNumber(before: index, in: text)
            else { continue }
            // `0991-3689900、3689696`: the second shares the first's area code.
            if let previousEnd = lastEnd, let areaCode = lastAreaCode, isListGap(previousEnd..<index, in: text) {
                mentions.append(PhoneMention(number: "\(areaCode)-\(text.folded(index..<run.end))", words: text.words(index..<run.end)))
                lastEnd = run.end
                continue
            }
            // `电话：3193615`: a local number as printed.
            let lead = max(0, index - 6)..<index
            if phoneLeads.contains(where: { text.contains($0, in: lead) }) {
                mentions.append(PhoneMention(number: text.folded(index..<run.end), words: text.words(index..<run.end)))
            }
        }
        return mentions
    }
}

extension FactRules {
    /// `0991-3193615`, `0991—3193615`, `0991 3193615`, `(0991)3193615`, `（0997）2532160`.
    static func landline(in text: ScannedText, at index: Int) -> (number: String, areaCode: String, end: Int)? {
        var position = index
        let bracketed = text.is(index, oneOf: "(（")
        if bracketed { position += 1 }
        guard let area = text.digitRun(at: position), (3...4).contains(area.length), text[position] == 0x30,
              text[position + 1] != 0x30
        else { return nil }
        position = area.end
        if bracketed {
            guard text.is(position, oneOf: ")）") else { return nil }
            position = text.skipSpaces(from: position + 1)
        } else if text.is(position, oneOf: "-—–－―") {
            while text.is(position, oneOf: "-—–－―") { position += 1 }
        } else if text.isSpace(position) {
            position += 1
        } else {
            return nil
        }
        guard let local = text.digitRun(at: position), (7...8).contains(local.length), text[position] != 0x30,
              text[position] != 0x31 || local.length == 8, !text.isLatinLetter(local.end)
        else { return nil }
        let areaCode = text.folded(area.end - area.length..<area.end)
        return ("\(areaCode)-\(text.folded(position..<local.end))", areaCode, local.end)
    }

    /// `13912345678`, `139-1234-5678`, `139 1234 5678`.
    static func mobile(in text: ScannedText, at index: Int) -> (number: String, areaCode: String?, end: Int)? {
        guard text[index] == 0x31, text.is(index + 1, oneOf: "3456789"), let first = text.digitRun(at: index) else { return nil }
        if first.length == 11 {
            guard !text.isLatinLetter(first.end) else { return nil }
            return (text.folded(index..<first.end), nil, first.end)
        }
        guard first.length == 3 else { return nil }
        let separator = text[first.end]
        guard text.is(first.end, oneOf: "- "), let middle = text.digitRun(at: first.end + 1), middle.length == 4,
              text[middle.end] == separator, let last = text.digitRun(at: middle.end + 1), last.length == 4,
              !text.isDigit(last.end), !text.isLatinLetter(last.end)
        else { return nil }
        let digits = text.folded(index..<last.end).filter(\.isNumber)
        return (String(digits), nil, last.end)
    }

    /// QQ, postcode, ID or account words just before a number: it is not a phone.
    static func isExcludedNumber(before index: Int, in text: ScannedText) -> Bool {
        let lead = max(0, index - 6)..<index
        return notPhoneLeads.contains { text.contains($0, in: lead) }
    }

    /// Only a list separator (、，,/ 或 和 及 and spaces) between two numbers.
    static func isListGap(_ gap: Range<Int>, in text: ScannedText) -> Bool {
        guard gap.count <= 3 else { return false }
        return gap.allSatisfy { text.is($0, oneOf: "、,，/或和及 ;") || text.isSpace($0) }
    }

    /// QQ groups: `QQ群：779259695`, `QQ群号 123456789`, `加入QQ群779259695`.
    public static func qqGroups(in sentence: String) -> [QQGroupMention] {
        qqGroups(in: ScannedText(sentence))
    }

    static func qqGroups(in text: ScannedText) -> [QQGroupMention] {
        guard text.contains("群") else { return [] }
        var found: [QQGroupMention] = []
        for group in text.occurrences(of: "群") where text.has("QQ", endingAt: group) || text.has("qq", endingAt: group) {
            var position = group + 1
            if text.has("号码", at: position) { position += 2 } else if text.has("号", at: position) { position += 1 }
            if text.is(position, oneOf: ":为") { position += 1 }
            position = text.skipSpaces(from: position)
            guard let run = text.digitRun(at: position), (5...11).contains(run.length) else { continue }
            found.append(QQGroupMention(number: text.folded(position..<run.end), words: text.words((group - 2)..<run.end)))
        }
        return found
    }
}
