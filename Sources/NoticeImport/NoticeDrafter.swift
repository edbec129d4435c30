import DocumentReading
import FactExtraction
import Foundation
import MarkdownRendering
import NoticeModel

/// What `import` found, could not find and noticed, in Chinese, for the office.
public struct ImportSummary: Sendable {
    public var found: [String] = []
    public var notFound: [String] = []
    public var notes: [String] = []
    public var toConfirm = 0
    public var characters = 0
}

/// A notice draft: the files of the new notice folder and what was found.
struct NoticeDraft {
    var id: String
    var year: Int
    var files: [(path: String, text: String)]
    var summary: ImportSummary
}

enum ImportFailure: Error {
    case noYear
}

/// Reads the facts of an outlined notice into notice.yml: every value with its `source` anchor
/// and a `to_confirm` entry quoting the sentence it came from. A value not found is left out and
/// named in the summary; nothing is made up.
struct NoticeDrafter {
    let outline: NoticeOutline
    let taxonomy: Taxonomy
    let fileName: String
    let requestedID: String?
    let removed: [String]

    func draft() throws(ImportFailure) -> NoticeDraft {
        var summary = ImportSummary()
        let allSentences = outline.sentences()
        // Facts are read from sentences; a heading's words only name the section.
        let sentences = allSentences.filter { !$0.isHeading }
        let bodyText = sentences.map(\.text).joined(separator: "\n")
        let (year, yearWhy) = try findYear(sentences)
        _ = allSentences
        var yaml: [String] = []
        var pending: [Pending] = []
        func confirm(_ key: String, _ sentence: String) { pending.append(Pending(key: key, sentence: sentence)) }

        // Identity.
        let classification = Classification(title: outline.title + " " + (outline.subtitle ?? ""), opening: sentences.prefix(4).map(\.text).joined(),
                                            taxonomy: taxonomy)
        let id = requestedID ?? "\(year)-" + (classification.slug ?? "tongzhi")
        yaml.append("# 由 noticeboard import 从《\(fileName)》整理的草稿。to_confirm 列出程序读出的每一项及其原文；")
        yaml.append("# 逐项与通知核对，改正后删去 to_confirm 中对应的一项。全部核对后删去 imported_from 一行。")
        yaml.append("id: \(id)")
        yaml.append("year: \(year)")
        yaml.append("year_note: " + YAMLText.quoted(yearWhy))
        confirm("year", yearWhy)
        yaml.append("title: " + YAMLText.quoted(outline.title.isEmpty ? fileName : outline.title))
        if outline.title.isEmpty { summary.notFound.append("标题（暂用文件名）") }
        confirm("title", outline.title.isEmpty ? "通知中未找到标题，暂用文件名" : outline.title)
        if let subtitle = outline.subtitle { yaml.append("subtitle: " + YAMLText.quoted(subtitle)) }
        let issuer = findIssuer(sentences)
        yaml.append("issuer: " + YAMLText.quoted(issuer?.0 ?? "（未找到发文单位，请填写）"))
        confirm("issuer", issuer?.1 ?? "通知中未找到发文单位")
        if issuer == nil { summary.notFound.append("发文单位") }
        let region = findRegion(outline.title + (issuer?.0 ?? ""))
        yaml.append("scope: " + (region == nil ? "自治区" : "地区"))
        if let region { yaml.append("region: " + YAMLText.quoted(region)) }
        confirm("scope", region.map { "标题或发文单位中有“\($0)”" } ?? "标题和发文单位中未见地区、州、市，按自治区推定")
        if let label = outline.attachmentLabel { yaml.append("attachment_label: " + YAMLText.quoted(label)) }
        let published = findPublished()
        if let (published, words) = published { yaml.append("published: \(published.yamlValue)"); confirm("published", words) }
        yaml.append("source_file: " + YAMLText.quoted(fileName))
        yaml.append("imported_from: " + YAMLText.quoted(fileName))
        yaml.append("raw_html: false")
        yaml.append("series: " + YAMLText.list(classification.series.map(\.id)))
        confirm("series", classification.seriesWords)
        if !classification.specialties.isEmpty {
            yaml.append("specialties: " + YAMLText.list(classification.specialties.map { "\($0.seriesID)/\($0.id)" }))
            confirm("specialties", classification.seriesWords)
        }
        if !classification.proposed.isEmpty {
            summary.notes.append("分类表中没有的系列或专业：\(classification.proposed.joined(separator: "、"))，已写入草稿的 taxonomy-proposal.yml，请核对后移入 taxonomy.yml")
        }

        // Levels.
        let levelText = outline.title + (outline.subtitle ?? "") + sentences.prefix(3).map(\.text).joined()
        var levels = LevelReading.levels(in: levelText)
        if levels.isEmpty { levels = LevelReading.levels(in: bodyText) }
        if levels.isEmpty {
            levels = [DraftLevel(id: "fugao", rank: .fugao, name: "副高级")]
            summary.notFound.append("级别（暂列副高级，请改为通知所列级别）")
        }
        yaml.append("")
        yaml.append("levels:")
        for level in levels {
            yaml += ["  - id: \(level.id)", "    rank: \(level.rank.rawValue)", "    name: " + YAMLText.quoted(level.name),
                     "    series: \(classification.series.first?.id ?? "gongcheng")"]
        }
        confirm("levels", levelText.count > 120 ? String(levelText.prefix(120)) + "……" : levelText)

        // Timeline.
        let events = TimelineDrafting.events(sentences, year: year, publishedLine: published?.words)
        let knownLevels = levels
        func levelIDs(_ text: String) -> [String] {
            let ranks = Set(FactRules.conditions(in: text).ranks)
            let ids = knownLevels.filter { ranks.contains($0.rank.rawValue) }.map(\.id)
            return ids.count == knownLevels.count ? [] : ids
        }
        if !events.isEmpty {
            yaml += ["", "timeline:"]
            for event in events {
                yaml.append("  - id: \(event.id)")
                yaml.append("    kind: \(event.kind.rawValue)")
                yaml.append("    label: " + YAMLText.quoted(event.label))
                if let start = event.start { yaml.append("    start: \(start.yamlValue)") }
                if let end = event.end { yaml.append("    end: \(end.yamlValue)") }
                let inferred = [event.start, event.end].compactMap { $0 }.filter(\.yearInferred).map(\.year)
                let how = inferred.isEmpty ? "" : "（未印年份的日期按\(inferred[0])年推定）"
                yaml.append("    note: " + YAMLText.quoted("原文：" + event.words + how))
                if let anchor = event.sentence.anchor { yaml.append("    source: " + YAMLText.quoted("#" + anchor)) }
                confirm("timeline.\(event.id)", event.sentence.text)
            }
            summary.found.append("日期 \(events.count) 个")
        } else {
            summary.notFound.append("日期（通知中没有找到任何日期）")
        }
        for event in events {
            for date in [event.start, event.end].compactMap({ $0 }) where !date.yearInferred && date.year != year {
                summary.notes.append("“\(event.words)”的年份 \(date.year) 与评审年度 \(year) 不同，可能是笔误")
            }
        }

        // Submission limit and the time to fix a returned file.
        let limit = sentences.lazy.compactMap { s in FactRules.submissionLimit(in: s.text).map { (s, $0) } }.first
        let window = sentences.lazy.compactMap { s in FactRules.fixWindow(in: s.text).map { (s, $0) } }.first
        if limit != nil || window != nil {
            yaml += ["", "submission:"]
            if let (_, mention) = limit { yaml.append("  max_submissions: \(mention.maxSubmissions)") }
            if let (_, mention) = window, let hours = mention.hours { yaml.append("  fix_window_hours: \(hours)") }
            let sentence = limit?.0 ?? window!.0
            let texts = [limit?.0.text, window?.0.text].compactMap { $0 }
            yaml.append("  after_return: " + YAMLText.quoted(Array(Set(texts)).sorted().joined(separator: "")))
            if let anchor = sentence.anchor { yaml.append("  source: " + YAMLText.quoted("#" + anchor)) }
            confirm("submission", texts.joined(separator: " "))
            if let (_, mention) = window, mention.hours == nil, let days = mention.workingDays {
                summary.notes.append("退回后修改时限为\(days)个工作日，已照录于 after_return（fix_window_hours 只记小时）")
            }
        } else {
            summary.notFound.append("提交次数限制")
        }

        // Fees and payment.
        var fees: [(String, Int, NoticeSentence)] = []
        var later: NoticeSentence?
        for sentence in sentences {
            for fee in FactRules.fees(in: sentence.text) {
                if fee.announcedLater { later = later ?? sentence; continue }
                guard let amount = fee.amount else { continue }
                let ranks = fee.levelWords.map { LevelReading.rank(ofTitle: $0) ?? LevelReading.ranks(in: $0).first }
                let targets: [DraftLevel]
                if let rank = ranks ?? nil { targets = levels.filter { $0.rank == rank } } else { targets = levels }
                for level in targets where !fees.contains(where: { $0.0 == level.id }) { fees.append((level.id, amount, sentence)) }
            }
        }
        if !fees.isEmpty {
            yaml += ["", "fees:"]
            for (level, amount, sentence) in fees {
                yaml += ["  - level: \(level)", "    amount: \(amount)"]
                confirm("fees.\(level)", sentence.text)
            }
            summary.found.append("评审费 \(fees.count) 项")
        } else {
            summary.notFound.append(later == nil ? "评审费金额" : "评审费金额（通知写明另行通知）")
        }
        if let payment = fees.first?.2 ?? later ?? sentences.first(where: { $0.text.contains("评审费") }) {
            yaml += ["", "payment:", "  text: " + YAMLText.quoted(payment.paragraph)]
            if let anchor = payment.anchor { yaml.append("  source: " + YAMLText.quoted("#" + anchor)) }
            confirm("payment", payment.text)
        }

        // Continuing education.
        var ceIndex = 0
        var ceLines: [String] = []
        var seenParagraphs = Set<String>()
        for sentence in sentences where !seenParagraphs.contains(sentence.paragraph) {
            let mentions = FactRules.continuingEducation(in: sentence.paragraph, year: year)
            var general = mentions.first { $0.course == .general && $0.years != nil }?.years
                ?? mentions.first { $0.course == .any && $0.years != nil }?.years
            var specialty = mentions.first { $0.course == .specialty && $0.years != nil }?.years
            // "（2021-2024年）继续教育公需课及专业课培训合格证书": one range for both courses.
            if general == nil || specialty == nil, let both = mentions.compactMap(\.years).first,
               sentence.paragraph.range(of: #"公需(课|科目)?(及|和|与|、)专业(课|科目)|专业(课|科目)(及|和|与|、)公需(课|科目)"#, options: .regularExpression) != nil {
                general = general ?? both
                specialty = specialty ?? both
            }
            let hours = mentions.compactMap(\.hoursPerYear).first
            let specialtyHours = mentions.compactMap(\.specialtyHoursPerYear).first
            guard general != nil || specialty != nil || hours != nil else { continue }
            seenParagraphs.insert(sentence.paragraph)
            ceIndex += 1
            let ids = levelIDs(sentence.paragraph)
            ceLines.append("  - text: " + YAMLText.quoted(sentence.paragraph))
            if !ids.isEmpty { ceLines.append("    levels: " + YAMLText.list(ids)) }
            if let general { ceLines.append("    general_years: [\(general.lowerBound), \(general.upperBound)]") }
            if let specialty { ceLines.append("    specialty_years: [\(specialty.lowerBound), \(specialty.upperBound)]") }
            if let hours { ceLines.append("    hours_per_year: \(hours)") }
            if let specialtyHours { ceLines.append("    specialty_hours_min: \(specialtyHours)") }
            if let anchor = sentence.anchor { ceLines.append("    source: " + YAMLText.quoted("#" + anchor)) }
            confirm("continuing_education.\(ceIndex)", sentence.paragraph)
        }
        if ceIndex > 0 { yaml += ["", "continuing_education:"] + ceLines; summary.found.append("继续教育规定 \(ceIndex) 条") }
        else { summary.notFound.append("继续教育年度") }

        // Exemptions from continuing education.
        var exemptions: [String] = []
        var exemptionCount = 0
        for sentence in sentences where ExemptionReading.exempts(sentence.text) {
            for group in ExemptionReading.groups(in: sentence.text) {
                exemptionCount += 1
                exemptions.append("  - who: " + YAMLText.quoted(group.who))
                if let proof = group.proof { exemptions.append("    proof: " + YAMLText.quoted(proof)) }
                if let anchor = sentence.anchor { exemptions.append("    source: " + YAMLText.quoted("#" + anchor)) }
                confirm("ce_exemptions.\(exemptionCount)", sentence.text)
            }
        }
        if !exemptions.isEmpty { yaml += ["", "ce_exemptions:"] + exemptions }

        // Appraisal years.
        if let sentence = sentences.first(where: { $0.text.contains("考核") && FactRules.yearRanges(in: $0.text, year: year).contains { $0.years != nil } }),
           let years = FactRules.yearRanges(in: sentence.text, year: year).compactMap(\.years).first {
            yaml += ["", "appraisal:", "  years: [\(years.lowerBound), \(years.upperBound)]", "  text: " + YAMLText.quoted(sentence.paragraph)]
            if let anchor = sentence.anchor { yaml.append("  source: " + YAMLText.quoted("#" + anchor)) }
            confirm("appraisal", sentence.text)
        }

        // Defence.
        if let sentence = sentences.first(where: { $0.text.contains("答辩") }) {
            yaml += ["", "defence:", "  text: " + YAMLText.quoted(sentence.paragraph)]
            if sentences.contains(where: { $0.text.contains("一票否决") }) { yaml.append("  veto: true") }
            if let anchor = sentence.anchor { yaml.append("  source: " + YAMLText.quoted("#" + anchor)) }
            confirm("defence", sentence.text)
        }

        // Paper forms.
        if let sentence = sentences.first(where: { s in (s.text.contains("纸质") || s.text.contains("一式")) && (s.text.contains("评审表") || s.text.contains("材料")) }) {
            yaml += ["", "paper_forms:", "  required: true"]
            if let form = PaperReading.formName(in: sentence.text) { yaml.append("  form: " + YAMLText.quoted(form)) }
            if let copies = PaperReading.copies(in: sentence.text) { yaml.append("  copies: \(copies)") }
            yaml.append("  text: " + YAMLText.quoted(sentence.paragraph))
            if let anchor = sentence.anchor { yaml.append("  source: " + YAMLText.quoted("#" + anchor)) }
            confirm("paper_forms", sentence.text)
        }

        // Contacts.
        let contacts = ContactReading.contacts(in: sentences)
        if !contacts.isEmpty {
            yaml += ["", "contacts:"]
            for (index, contact) in contacts.enumerated() {
                yaml.append("  - name: " + YAMLText.quoted(contact.name))
                if let person = contact.person { yaml.append("    person: " + YAMLText.quoted(person)) }
                yaml.append("    phones: " + YAMLText.list(contact.phones))
                confirm("contacts.\(index + 1)", contact.sentence)
            }
            summary.found.append("联系电话 \(contacts.reduce(0) { $0 + $1.phones.count }) 个")
        } else {
            summary.notFound.append("联系电话")
        }

        // Templates.
        var usedIDs = Set<String>()
        let templates = outline.attachments.map { TemplateDrafting.draft($0, usedIDs: &usedIDs) }
        let anchors = outline.attachmentAnchors()

        // Checklist.
        let items = ChecklistDrafting.items(sentences, templates: templates, levels: levels)
        if !items.isEmpty {
            yaml += ["", "checklist:"]
            for item in items {
                yaml.append("  - id: \(item.id)")
                if let template = item.template { yaml.append("    template: \(template)") }
                yaml.append("    section: \(item.section)")
                yaml.append("    title: " + YAMLText.quoted(item.title))
                yaml.append("    text: " + YAMLText.quoted(item.sentence.text))
                var conditionLines: [String] = []
                let ids = levels.filter { item.conditions.ranks.contains($0.rank.rawValue) }.map(\.id)
                if !ids.isEmpty && ids.count < levels.count { conditionLines.append("      levels: " + YAMLText.list(ids)) }
                let employers = item.conditions.employer.filter { ChecklistConditions.employerTypes.contains($0) }
                if !employers.isEmpty { conditionLines.append("      employer: " + YAMLText.list(employers)) }
                if let place = item.conditions.titleObtained { conditionLines.append("      title_obtained: \(place)") }
                if item.conditions.firstApplication == true { conditionLines.append("      first_application: true") }
                if item.conditions.fanghuiju == true { conditionLines.append("      fanghuiju: true") }
                if item.conditions.minorityTraining == true { conditionLines.append("      minority_training: true") }
                if item.conditions.countyUnit == true { conditionLines.append("      county_unit: true") }
                if !conditionLines.isEmpty { yaml += ["    conditions:"] + conditionLines }
                if let anchor = item.sentence.anchor { yaml.append("    source: " + YAMLText.quoted("#" + anchor)) }
                confirm("checklist.\(item.id)", item.sentence.text)
            }
            summary.found.append("材料清单 \(items.count) 项")
        } else {
            summary.notFound.append("材料清单")
        }

        if !templates.isEmpty {
            yaml += ["", "templates:"]
            for (template, anchor) in zip(templates, anchors) {
                yaml += ["  - id: \(template.id)", "    number: " + YAMLText.quoted(template.number), "    kind: \(template.kind.rawValue)",
                         "    title: " + YAMLText.quoted(template.title), "    source: " + YAMLText.quoted("#" + anchor)]
                confirm("templates.\(template.id)", template.number + " " + template.title)
            }
            summary.found.append("模板 \(templates.count) 个")
        }
        for attachment in outline.attachments {
            if let listed = attachment.listedTitle, !attachment.title.isEmpty, listed != attachment.title {
                summary.notes.append("\(attachment.number)的标题与正文末附件列表不一致：列表为“\(listed)”，附件本身为“\(attachment.title)”")
            }
        }
        for (number, title) in outline.attachmentList where !outline.attachments.contains(where: { AttachmentMarker.sameNumber($0.number, number) }) {
            summary.notes.append("附件列表中的“\(number) \(title)”在文中没有找到正文")
        }

        // Notes on the transcription and the list to confirm.
        var notes = ["本草稿由 noticeboard import 从《\(fileName)》自动整理，待逐项核对。"]
        if !removed.isEmpty { notes.append("已去掉转换残留：\(removed.joined(separator: "、"))。") }
        notes += summary.notes
        yaml += ["", "transcription_notes:"] + notes.map { "  - " + YAMLText.quoted($0) }
        yaml += ["", "to_confirm:"]
        for entry in pending {
            yaml += ["  - fact: \(entry.key)", "    sentence: " + YAMLText.quoted(entry.sentence)]
        }
        summary.toConfirm = pending.count

        var files: [(String, String)] = [("notice.yml", yaml.joined(separator: "\n") + "\n"), ("notice.md", outline.markdown())]
        for template in templates { files.append(("templates/\(template.id).md", template.markdown)) }
        if let proposal = classification.proposalYAML { files.append(("taxonomy-proposal.yml", proposal)) }
        summary.characters = outline.markdown().filter { !$0.isWhitespace }.count
        return NoticeDraft(id: id, year: year, files: files, summary: summary)
    }

    /// The year: from the title, else the years printed in full dates, else the continuing-education
    /// years' last, else `--id`; with which it was.
    private func findYear(_ sentences: [NoticeSentence]) throws(ImportFailure) -> (Int, String) {
        if let year = FactRules.yearInTitle(outline.title) { return (year, "评审年度\(year)取自标题") }
        var counts: [Int: Int] = [:]
        for sentence in sentences {
            for mention in FactRules.dates(in: sentence.text, year: 2000) {
                for date in [mention.start, mention.end].compactMap({ $0 }) where !date.yearInferred { counts[date.year, default: 0] += 1 }
            }
        }
        if let (year, _) = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) }) {
            return (year, "标题未印年份；评审年度\(year)取自通知中印有年份的日期")
        }
        // A template's date line printed with its year (2024年××月××日) is the year it is signed in.
        for attachment in outline.attachments {
            for case let .paragraph(paragraph) in attachment.blocks {
                let text = paragraph.shownText
                guard Blanks.isDateLine(text) || text.contains("×月") || text.contains("××月"),
                      let match = text.range(of: #"(19|20)\d\d年"#, options: .regularExpression), let year = Int(text[match].prefix(4)) else { continue }
                return (year, "标题和正文日期均未印年份；评审年度\(year)取自\(attachment.number)落款中的“\(text)”")
            }
        }
        let ceYears = sentences.flatMap { FactRules.continuingEducation(in: $0.text, year: 2000) }.compactMap { $0.years?.upperBound }
        if let year = ceYears.max() { return (year, "标题和日期均未印年份；评审年度\(year)取自继续教育年度的末年") }
        for sentence in sentences {
            // "2024年度" on its own, not the end of a range of years (2021-2023年度).
            guard let match = sentence.text.range(of: #"(?<![-—–至、0-9])(19|20)\d\d年度"#, options: .regularExpression),
                  let year = Int(sentence.text[match].prefix(4)) else { continue }
            return (year, "标题和日期均未印年份；评审年度\(year)取自正文“\(year)年度”")
        }
        if let requestedID, let year = Int(requestedID.prefix(4)) { return (year, "通知未印年份；评审年度\(year)取自 --id") }
        throw .noYear
    }

    /// The issuer: the line that signs the body (above its date), else an office the body names.
    private func findIssuer(_ sentences: [NoticeSentence]) -> (String, String)? {
        let paragraphs = outline.body.compactMap { block -> String? in
            if case let .paragraph(text) = block { return text }
            return nil
        }
        let officeWords = ["办公室", "人力资源和社会保障", "人社局", "人社厅", "管理局", "评价中心", "委员会", "厅", "局"]
        if let dateIndex = paragraphs.lastIndex(where: { text in FactRules.dates(in: text, year: 2000).contains { TimelineDrafting.isDateOnly(text, $0) } }),
           dateIndex > 0 {
            let line = paragraphs[dateIndex - 1]
            if line.count <= 30, officeWords.contains(where: line.contains), !line.contains("。") { return (line, line) }
        }
        // The office the body names most often (the last one on a tie: the final review's).
        var counts: [String: (count: Int, last: Int, sentence: String)] = [:]
        for (index, sentence) in sentences.enumerated() {
            for word in ["职称办公室", "职称社会化评价中心", "职称评审委员会办公室", "职称评审委员会", "人力资源和社会保障厅", "人力资源和社会保障局"] {
                var search = sentence.text.startIndex
                while let range = sentence.text.range(of: word, range: search..<sentence.text.endIndex) {
                    search = range.upperBound
                    let before = sentence.text[..<range.lowerBound].reversed().prefix { ($0.isHan || "、（）".contains($0)) && !"至向由报的和及经".contains($0) }
                    let name = String(before.reversed()).trimmingCharacters(in: CharacterSet(charactersIn: "、（）")) + word
                    guard name.count >= word.count + 2 else { continue }
                    counts[name] = ((counts[name]?.count ?? 0) + 1, index, sentence.text)
                }
            }
        }
        if let best = counts.max(by: { ($0.value.count, $0.value.last) < ($1.value.count, $1.value.last) }) { return (best.key, best.value.sentence) }
        return nil
    }

    private func findRegion(_ text: String) -> String? {
        for suffix in ["地区", "自治州", "州", "市"] {
            var search = text.startIndex
            while let range = text.range(of: suffix, range: search..<text.endIndex) {
                search = range.upperBound
                let stem = text[..<range.lowerBound].reversed().prefix { $0.isHan && !"年度的关于在于和及、自治区新疆".contains($0) }
                let name = String(stem.reversed())
                if (2...4).contains(name.count) { return name + suffix }
            }
        }
        return nil
    }

    /// The body's last date on a line of its own (the signature's date) is the publication date.
    private func findPublished() -> (NoticeDate, words: String)? {
        // Only the body's closing lines: a date under a heading ("（三）缴费截止时间：" then "2024年9月15日。") is a deadline.
        for (index, block) in outline.body.enumerated().reversed().prefix(4) {
            guard case let .paragraph(text) = block else { continue }
            if index > 0, case .heading = outline.body[index - 1] { continue }
            if let mention = FactRules.dates(in: text, year: 2000).first, TimelineDrafting.isDateOnly(text, mention),
               let date = mention.end ?? mention.start, !date.yearInferred {
                return (date, text)
            }
        }
        return nil
    }
}
