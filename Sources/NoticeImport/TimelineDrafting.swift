import FactExtraction
import Foundation
import NoticeModel

/// Timeline events from every dated sentence: the kind from the words around the date, the label
/// from the sentence's own words, the year (when the notice printed none) marked as inferred.
struct DraftEvent {
    var id: String
    var kind: TimelineEvent.Kind
    var label: String
    var start: NoticeDate?
    var end: NoticeDate?
    var words: String
    var sentence: NoticeSentence
    /// The range's end as printed when it falls before the start (a likely misprint).
    var endBeforeStart: NoticeDate?
    /// "即日起": the start is the notice's own date.
    var startFromPublication = false
}

enum TimelineDrafting {
    /// Keywords for each kind, most specific first: a sentence about paying during the review is a payment.
    static let kindWords: [(TimelineEvent.Kind, [String])] = [
        // Dates that are not steps: a qualification to hold by then.
        (.other, ["资历", "年限计算", "计算截止", "计算截至", "取得相应", "取得资格"]),
        (.defence, ["答辩"]),
        (.publicity, ["公示"]),
        (.payment, ["缴费", "缴纳", "评审费", "交费", "收费"]),
        (.paper, ["纸质", "报送", "送达", "交至", "邮寄", "评审表", "送交", "报送材料"]),
        (.feedback, ["反馈", "退回", "补正", "修改"]),
        (.review, ["审核", "审查", "初审", "复审", "推荐"]),
        // The application window is named as such; 申报 alone (申报人须于…前取得…) is not one.
        (.apply, ["网上申报", "申报时间", "报名时间", "申报起止", "申报日期", "填报时间", "网上填报", "申报工作", "报名", "提交申报"]),
        (.result, ["结果", "公布", "发证"]),
    ]

    /// "任现职年限计算截至2025年12月31日", "资历计算时间截止到…": the date years of service are counted
    /// to. It is no step and no deadline: it goes to `seniority_cutoff`, not the calendar.
    static let cutoffWords = ["年限计算", "资历计算", "计算截止", "计算截至", "计算时间截"]

    static func kind(of words: String) -> TimelineEvent.Kind? {
        kindWords.first { $0.1.contains(where: words.contains) }?.0
    }

    static func events(_ sentences: [NoticeSentence], year: Int, publishedLine: String? = nil) -> [DraftEvent] {
        var events: [DraftEvent] = []
        var used = Set<String>()
        for sentence in sentences {
            // The signature's date is the publication date, not a step.
            if sentence.paragraph == publishedLine { continue }
            var mentions = FactRules.dates(in: sentence.text, year: year)
            // "于9月1日9:00开通，截至10月10日20:00关闭": an opening and a closing are one window.
            if mentions.count == 2, mentions[0].form == .single, mentions[1].form == .until, let open = mentions[0].start,
               let close = mentions[1].end, open.yamlValue < close.yamlValue,
               let range = sentence.text.range(of: mentions[0].words),
               ["开通", "开始", "开放", "起"].contains(where: { sentence.text[range.upperBound...].hasPrefix($0) }) {
                var window = DateMention(form: .range, start: open, end: close, words: mentions[0].words + "……" + mentions[1].words)
                window.endBeforeStart = nil
                mentions = [window]
            }
            // The heading above, without its number: "（一）申报时间：" → "申报时间：".
            let heading = sentence.headings.last.map { HeadingNumber.parse($0).map { String($0.rest) } ?? $0 } ?? ""
            for mention in mentions {
                var (before, after) = around(mention.words, in: sentence.text)
                // A date standing alone under its heading ("（三）缴费截止时间：" / "2024年9月15日。") is named by the heading.
                if isDateOnly(sentence.text, mention), sentence.headings.last != nil { before = heading }
                // "于8月5日前在线缴纳评审费": a deadline's action follows it; "申报时间：…" names it before.
                if mention.form == .until, kind(of: after) != nil { (before, after) = (after, before) }
                // "7月22日—8月30日18:00，申报人登录…进行网上申报": the step may be named in the next clause.
                // A date opening its paragraph under "（一）申报时间：" is named by the heading first.
                if before.trimmingCharacters(in: .whitespaces).isEmpty, kind(of: after) == nil, kind(of: heading) != nil { before = heading }
                let kind = kind(of: before) ?? kind(of: after) ?? kind(of: heading) ?? kind(of: sentence.text) ?? .other
                let end = mention.form == .single ? mention.start ?? mention.end : mention.end
                let start = mention.form == .range ? mention.start : nil
                guard start != nil || end != nil else { continue }
                // "7月22日—8月30日18:00，截止8月30日18:00": the deadline repeated is one step.
                if events.contains(where: { $0.sentence.paragraph == sentence.paragraph && $0.end == end && (start == nil || $0.start == start) }) { continue }
                var id = kind.rawValue
                var suffix = 2
                while used.contains(id) { id = "\(kind.rawValue)-\(suffix)"; suffix += 1 }
                used.insert(id)
                events.append(DraftEvent(id: id, kind: kind, label: label(before: before, after: after, kind: kind), start: start, end: end,
                                         words: mention.words, sentence: sentence, endBeforeStart: mention.endBeforeStart))
            }
        }
        return events
    }

    static func isDateOnly(_ text: String, _ mention: DateMention) -> Bool {
        text.replacingOccurrences(of: mention.words, with: "").trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters)).isEmpty
    }

    /// The clause's words before and after the date.
    static func around(_ words: String, in text: String) -> (String, String) {
        // A window joined from two dates ("9月1日9:00……10月10日20:00") is placed by its first.
        let first = words.components(separatedBy: "……").first ?? words
        guard let range = text.range(of: first) else { return (text, "") }
        let stops: Set<Character> = ["，", "。", "；", ",", ";", "（", "("]
        let before = text[..<range.lowerBound].reversed().prefix { !stops.contains($0) }
        let after = text[range.upperBound...].prefix { !stops.contains($0) }
        return (String(before.reversed()), String(after))
    }

    /// The step's name in the notice's words: the clause before the date (网上申报时间：), or
    /// after it (8月25日至9月15日集中审核反馈), without 时间, 起止时间, 于, 为 and the like.
    static func label(before: String, after: String, kind: TimelineEvent.Kind) -> String {
        func clean(_ text: String) -> String {
            // Function words are taken off the ends only: 自 in 自治区 and 在 in 在线 stay.
            let leading = ["将于", "应于", "须于", "于", "自", "从", "为", "：", ":", "）", ")", "，"]
            let trailing = ["起止时间", "截止时间", "时间为", "时间：", "时间:", "时间", "均为", "均截至", "截至", "截止到", "截止", "将于", "应于",
                            "须于", "于", "在", "为", "：", ":", "前", "之前", "以前", "止", "期间", "（", "(", "。", "；", "，"]
            var words = text.trimmingCharacters(in: .whitespaces)
            // Words after an unmatched closing mark belong to it: "…评审表》一式3份报送" → "一式3份报送".
            if let close = words.lastIndex(where: { "》）)”".contains($0) }),
               !words[..<close].contains(where: { "《（(“".contains($0) }) { words = String(words[words.index(after: close)...]) }
            var changed = true
            while changed {
                changed = false
                for filler in trailing where words.hasSuffix(filler) { words = String(words.dropLast(filler.count)); changed = true }
                for filler in leading where words.hasPrefix(filler) { words = String(words.dropFirst(filler.count)); changed = true }
                words = words.trimmingCharacters(in: .whitespaces)
            }
            return words
        }
        let first = clean(before), second = clean(after)
        let candidate = first.count >= 2 && Self.kind(of: first) != nil ? first : second.count >= 2 && Self.kind(of: second) != nil ? second
            : first.count >= 2 ? first : kind.chineseName
        guard candidate.count > 24 else { return candidate }
        // Too long for a step's name: the words after a quoted form's name, else the last words.
        if let close = candidate.lastIndex(of: "》"), candidate.distance(from: close, to: candidate.endIndex) > 3 {
            return String(candidate[candidate.index(after: close)...].prefix(24))
        }
        return String(candidate.suffix(24))
    }
}
