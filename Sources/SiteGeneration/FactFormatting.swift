import NoticeModel
import Support

/// The sentences the key-facts summary is made of. Kept apart from the page so the same words
/// serve the page, its handout and its tests.
enum FactFormatting {
    static func when(_ event: TimelineEvent) -> String {
        switch (event.start, event.end) {
        case let (start?, end?): "\(start.chinese) 至 \(end.chinese)"
        case let (nil, end?): "截至 \(end.chinese)"
        case let (start?, nil): "\(start.chinese) 起"
        case (nil, nil): event.note ?? "另行通知"
        }
    }

    static func levelNames(_ refs: [Located<String>], in notice: Notice) -> String? {
        guard !refs.isEmpty else { return nil }
        return refs.map { ref in notice.level(ref.value)?.name ?? ref.value }.joined(separator: "、")
    }

    static func levelLabel(_ level: Level, notice: Notice, taxonomy: Taxonomy) -> String {
        var label = level.name
        if notice.series.count > 1, let series = level.series.flatMap({ taxonomy.series($0.value) }),
           !ByteSearch.contains(series.name.replacing("系列", with: ""), in: level.name) {
            label = "\(series.name) \(label)"
        }
        // Byte comparisons: every listing labels every level, and Foundation's `contains` is a UTF-16 pass.
        return ByteSearch.contains(level.rank.rawValue, in: level.name) ? label : "\(label)（\(level.rank.rawValue)）"
    }

    static func years(_ range: ClosedRange<Int>) -> String {
        range.lowerBound == range.upperBound ? "\(range.lowerBound)年" : "\(range.lowerBound)–\(range.upperBound)年（共\(range.count)年）"
    }

    /// Which years' certificates come from the platform and which are uploaded by hand.
    static func certificateSources(course: String, platform: [Int], upload: [Int]) -> String? {
        var parts: [String] = []
        if !platform.isEmpty { parts.append("\(course)\(yearList(platform))的证书从管理平台获取") }
        if !upload.isEmpty { parts.append("\(platform.isEmpty ? course : "")\(yearList(upload))的证书手动上传") }
        return parts.isEmpty ? nil : parts.joined(separator: "，")
    }

    /// `2021年`, `2022–2024年`, `2018、2020–2021年`: consecutive years joined into runs.
    static func yearList(_ years: [Int]) -> String {
        var runs: [String] = []
        var index = 0
        let sorted = years.sorted()
        while index < sorted.count {
            var end = index
            while end + 1 < sorted.count && sorted[end + 1] == sorted[end] + 1 { end += 1 }
            runs.append(end == index ? "\(sorted[index])" : "\(sorted[index])–\(sorted[end])")
            index = end + 1
        }
        return runs.joined(separator: "、") + "年"
    }

    static func hours(_ rule: ContinuingEducationRule) -> String? {
        guard let perYear = rule.hoursPerYear else { return nil }
        var text = "每年不少于\(perYear)学时"
        if let specialty = rule.specialtyHoursMin { text += "，其中专业科目不少于\(specialty)学时" }
        return text
    }

    static func fixWindow(hours: Int) -> String {
        hours % 24 == 0 ? "退回后\(hours / 24)日（\(hours)小时）内修改并重新提交" : "退回后\(hours)小时内修改并重新提交"
    }

    /// A text quoted from the notice that contains a date the notice misprinted (as a timeline
    /// event's `as_printed` records): said beside it, so the wrong date never stands unmarked.
    static func misprintNote(_ text: String?, in notice: Notice) -> String? {
        guard let text else { return nil }
        let notes = notice.timeline.compactMap { event -> String? in
            guard event.correction != nil, let printed = event.asPrinted, ByteSearch.contains(printed, in: text) else { return nil }
            return "“\(printed)”是通知原文的印误，应为\(when(event))（见通知页首“请注意”）。"
        }
        return notes.nonEmptyJoined("")
    }

    /// "已截止" when the event was over when the site was built, for readers without JavaScript
    /// (the script states the status live, and a window the build saw open says nothing static).
    static func closedAtBuild(_ event: TimelineEvent) -> String? {
        guard let end = event.end, end.hasEnded(at: BuildMoment.now) else { return nil }
        return event.kind.closedWords
    }

    /// Who a checklist item applies to, in words, for the page and for print.
    static func conditions(_ conditions: ChecklistConditions, notice: Notice) -> [String] {
        conditions.sentences(in: notice)
    }
}
