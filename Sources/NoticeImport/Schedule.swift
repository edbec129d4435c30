import FactExtraction
import NoticeModel

/// The draft's dates, limits and money: timeline, submission, fees and payment.
enum Schedule {
    static func write(_ out: inout DraftWriter, _ context: DraftContext, published: (NoticeDate, words: String)?) {
        timeline(&out, context, published: published)
        submission(&out, context)
        fees(&out, context)
    }

    /// Every dated step, with the year marked where the notice printed none, and a date outside
    /// the notice's year reported as a likely typo.
    private static func timeline(_ out: inout DraftWriter, _ context: DraftContext, published: (NoticeDate, words: String)?) {
        var events = TimelineDrafting.events(context.sentences, year: context.year, publishedLine: published?.words)
        // "即日起至8月31日": from the day the notice is dated, when it is dated.
        for index in events.indices where events[index].start == nil && events[index].end != nil {
            guard let (date, _) = published, let range = events[index].sentence.text.range(of: events[index].words),
                  events[index].words.contains("即日起") || events[index].sentence.text[..<range.lowerBound].suffix(6).contains("即日起"),
                  date.yamlValue < events[index].end!.yamlValue else { continue }
            events[index].start = date
            events[index].startFromPublication = true
        }
        if let cutoff = events.first(where: { event in event.start == nil && TimelineDrafting.cutoffWords.contains(where: event.sentence.text.contains) }),
           let date = cutoff.end {
            events.removeAll { $0.id == cutoff.id }
            out.section("seniority_cutoff")
            out.line("  date: \(date.yamlValue)")
            out.source(cutoff.sentence, indent: 2)
            out.confirm("seniority_cutoff.date", cutoff.sentence.text)
        }
        guard !events.isEmpty else {
            out.summary.notFound.append(Message("import.notFound.dates"))
            return
        }
        out.section("timeline")
        for event in events {
            out.line("  - id: \(event.id)")
            out.line("    kind: \(event.kind.rawValue)")
            out.text("label", event.label, indent: 4)
            if let start = event.start { out.line("    start: \(start.yamlValue)") }
            if let end = event.end { out.line("    end: \(end.yamlValue)") }
            let inferred = [event.start, event.end].compactMap { $0 }.filter(\.yearInferred).map(\.year)
            var how = inferred.isEmpty ? "" : "（未印年份的日期按\(inferred[0])年推定）"
            if event.startFromPublication { how += "；“即日起”按通知落款日期\(event.start!.yamlValue)计" }
            if let printed = event.endBeforeStart {
                how += "；结束日期印作\(printed.yamlValue)，早于开始日期，可能是笔误，请核对后补上 end"
                out.summary.notes.append(Message("import.note.endBeforeStart", ["words": event.words]))
            }
            out.text("note", "原文：" + event.words + how, indent: 4)
            out.source(event.sentence, indent: 4)
            out.confirm("timeline.\(event.id)", event.sentence.text)
        }
        out.summary.found.append(Message("import.found.dates", ["count": "\(events.count)"]))
        for event in events {
            for date in [event.start, event.end].compactMap({ $0 }) where !date.yearInferred && date.year != context.year {
                out.summary.notes.append(Message("import.note.otherYear", ["words": event.words, "year": "\(date.year)", "noticeYear": "\(context.year)"]))
            }
        }
    }

    /// How many times a file may be submitted, and the time to fix a returned one.
    private static func submission(_ out: inout DraftWriter, _ context: DraftContext) {
        let limit = context.sentences.lazy.compactMap { s in FactRules.submissionLimit(in: s.text).map { (s, $0) } }.first
        let window = context.sentences.lazy.compactMap { s in FactRules.fixWindow(in: s.text).map { (s, $0) } }.first
        guard let sentence = limit?.0 ?? window?.0 else {
            out.summary.notFound.append(Message("import.notFound.submissionLimit"))
            return
        }
        out.section("submission")
        if let (_, mention) = limit { out.line("  max_submissions: \(mention.maxSubmissions)") }
        if let (_, mention) = window, let hours = mention.hours { out.line("  fix_window_hours: \(hours)") }
        var texts = [sentence.text]
        if let other = window?.0.text, other != sentence.text { texts.append(other) }
        out.text("after_return", texts.joined(), indent: 2)
        out.source(sentence, indent: 2)
        out.confirm("submission", texts.joined(separator: " "))
        if let (_, mention) = window, mention.hours == nil, let days = mention.workingDays {
            out.summary.notes.append(Message("import.note.fixWindowDays", ["days": "\(days)"]))
        }
    }

    /// "高级农艺师（高级畜牧师、高级兽医师）每人650元", "中级（馆员）450元/人": the words in brackets are
    /// other names of the same level; left in, they would separate the level from its amount
    /// (助理馆员 holds 馆员).
    static func withoutAlternativeTitles(_ text: String) -> String {
        var result = "", bracket = "", depth = 0
        for character in text {
            if "（(".contains(character) { depth += 1 }
            if depth > 0 { bracket.append(character) } else { result.append(character) }
            if "）)".contains(character), depth > 0 {
                depth -= 1
                if depth == 0 {
                    // Other names of a level: titles (高级畜牧师) or the level's own title after its rank (中级（馆员）).
                    let afterRank = result.hasSuffix("级")
                    if !bracket.contains("师") && !afterRank { result += bracket }
                    bracket = ""
                }
            }
        }
        return result + bracket
    }

    /// Fees per level (an amount without a level is every level's), and how to pay.
    private static func fees(_ out: inout DraftWriter, _ context: DraftContext) {
        var fees: [(level: String, amount: Int, sentence: NoticeSentence)] = []
        var later: NoticeSentence?
        for sentence in context.sentences {
            let mentions = FactRules.fees(in: withoutAlternativeTitles(sentence.text))
            for fee in mentions {
                if fee.announcedLater { later = later ?? sentence; continue }
                guard let amount = fee.amount else { continue }
                // An amount that names no level is every level's only when it is the sentence's one amount.
                if fee.levelWords == nil, mentions.filter({ $0.amount != nil }).count > 1 { continue }
                let rank = fee.levelWords.flatMap { words in LevelReading.rank(ofTitle: words) ?? LevelReading.ranks(in: words).first }
                let targets = fee.levelWords == nil ? context.levels : context.levels.filter { $0.rank == rank }
                for level in targets where !fees.contains(where: { $0.level == level.id }) { fees.append((level.id, amount, sentence)) }
            }
        }
        if !fees.isEmpty {
            out.section("fees")
            for fee in fees {
                out.line("  - level: \(fee.level)")
                out.line("    amount: \(fee.amount)")
                out.confirm("fees.\(fee.level)", fee.sentence.text)
            }
            out.summary.found.append(Message("import.found.fees", ["count": "\(fees.count)"]))
        } else {
            out.summary.notFound.append(later == nil ? Message("import.notFound.fees") : Message("import.notFound.feesLater"))
        }
        if let payment = fees.first?.sentence ?? later ?? context.sentences.first(where: { $0.text.contains("评审费") }) {
            out.section("payment")
            out.text("text", payment.paragraph, indent: 2)
            out.source(payment, indent: 2)
            out.confirm("payment", payment.text)
        }
    }
}
