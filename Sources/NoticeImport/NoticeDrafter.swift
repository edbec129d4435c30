import DocumentReading
import FactExtraction
import Foundation
import MarkdownRendering
import NoticeModel

/// What `import` found, could not find and noticed, for the office, as catalogue messages (the
/// draft's own `transcription_notes` take their Chinese text: the draft is content).
public struct ImportSummary: Sendable {
    public var found: [Message] = []
    public var notFound: [Message] = []
    public var notes: [Message] = []
    public var toConfirm = 0
    public var characters = 0
}

/// A notice draft: the files of the new notice folder and what was found.
struct NoticeDraft {
    var id: String
    var year: Int
    /// Where the year was read from.
    var yearNote: Message
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
    let removed: [Message]

    func draft() throws(ImportFailure) -> NoticeDraft {
        // Facts are read from sentences; a heading's words only name the section.
        let sentences = outline.sentences().filter { !$0.isHeading }
        let (year, yearWhy) = try findYear(sentences)
        var out = DraftWriter()
        let classification = Classification(title: outline.title + " " + (outline.subtitle ?? ""), opening: sentences.prefix(4).map(\.text).joined(),
                                            taxonomy: taxonomy)
        let id = requestedID ?? "\(year)-" + (classification.slug ?? "tongzhi")
        let published = findPublished()
        writeIdentity(&out, id: id, year: year, yearWhy: yearWhy, sentences: sentences, classification: classification, published: published)
        let levels = writeLevels(&out, sentences: sentences, classification: classification)
        let context = DraftContext(sentences: sentences, year: year, levels: levels)
        Schedule.write(&out, context, published: published)
        Requirements.write(&out, context)
        var usedIDs = Set<String>()
        let templates = outline.attachments.map { TemplateDrafting.draft($0, usedIDs: &usedIDs) }
        Materials.write(&out, context, templates: templates, anchors: outline.attachmentAnchors())
        notes(&out)

        let markdown = outline.markdown()
        var files: [(String, String)] = [("notice.yml", out.text), ("notice.md", markdown)]
        for template in templates { files.append(("templates/\(template.id).md", template.markdown)) }
        if let proposal = classification.proposalYAML { files.append(("taxonomy-proposal.yml", proposal)) }
        out.summary.characters = markdown.filter { !$0.isWhitespace }.count
        return NoticeDraft(id: id, year: year, yearNote: yearWhy, files: files, summary: out.summary)
    }

    private func writeIdentity(_ out: inout DraftWriter, id: String, year: Int, yearWhy: Message, sentences: [NoticeSentence],
                               classification: Classification, published: (NoticeDate, words: String)?) {
        out.line("# 由 noticeboard import 从《\(fileName)》整理的草稿。to_confirm 列出程序读出的每一项及其依据；")
        out.line("# 逐项与通知核对，改正后删去 to_confirm 中对应的一项。全部核对后删去 imported_from 一行。")
        out.line("id: \(id)")
        out.line("year: \(year)")
        out.text("year_note", yearWhy.text(in: .zh))
        out.confirm("year", yearWhy.text(in: .zh))
        out.text("title", outline.title.isEmpty ? fileName : outline.title)
        if outline.title.isEmpty { out.summary.notFound.append(Message("import.notFound.title")) }
        out.confirm("title", outline.title.isEmpty ? "通知中未找到标题，暂用文件名" : outline.title)
        if let subtitle = outline.subtitle { out.text("subtitle", subtitle) }
        let issuer = findIssuer(sentences)
        out.text("issuer", issuer?.0 ?? "（未找到发文单位，请填写）")
        out.confirm("issuer", issuer?.1 ?? "通知中未找到发文单位")
        if issuer == nil { out.summary.notFound.append(Message("import.notFound.issuer")) }
        let region = findRegion(outline.title) ?? issuer.flatMap { findRegion($0.0) }
        out.line("scope: " + (region == nil ? "自治区" : "地区"))
        if let region { out.text("region", region) }
        out.confirm("scope", region.map { "标题或发文单位中有“\($0)”" } ?? "标题和发文单位中未见地区、州、市，按自治区推定")
        if let label = outline.attachmentLabel { out.text("attachment_label", label) }
        if let (date, words) = published {
            out.line("published: \(date.yamlValue)")
            out.confirm("published", words)
        }
        out.text("source_file", fileName)
        out.text("imported_from", fileName)
        out.line("raw_html: false")
        out.line("series: " + YAMLText.list(classification.series.map(\.id)))
        out.confirm("series", classification.seriesWords)
        if !classification.specialties.isEmpty {
            out.line("specialties: " + YAMLText.list(classification.specialties.map { "\($0.seriesID)/\($0.id)" }))
            out.confirm("specialties", classification.seriesWords)
        }
        if classification.proposed == ["未注明系列"] {
            out.summary.notFound.append(Message("import.notFound.series"))
        } else if !classification.proposed.isEmpty {
            out.summary.notes.append(Message("import.note.proposedTaxonomy", ["names": classification.proposed.joined(separator: "、")]))
        }
    }

    /// The levels the title and opening name; none found is said, not guessed.
    private func writeLevels(_ out: inout DraftWriter, sentences: [NoticeSentence], classification: Classification) -> [DraftLevel] {
        // Read apart: "…的通知" and "师市各中小学校" must not make "通知师".
        let levelText = ([outline.title, outline.subtitle ?? ""] + sentences.prefix(3).map(\.text)).joined(separator: "。")
        var levels = LevelReading.levels(in: levelText)
        if levels.isEmpty { levels = LevelReading.levels(in: sentences.map(\.text).joined(separator: "\n")) }
        // A fee for a level ("正高级每人900元") says the notice covers it, whatever the title names.
        for sentence in sentences {
            for fee in FactRules.fees(in: Schedule.withoutAlternativeTitles(sentence.text)) where fee.amount != nil {
                guard let words = fee.levelWords, let rank = LevelReading.rank(ofTitle: words) ?? LevelReading.ranks(in: words).first,
                      !levels.contains(where: { $0.rank == rank }) else { continue }
                let name = LevelReading.titleWords(in: words).first { LevelReading.rank(ofTitle: $0) == rank } ?? rank.rawValue
                levels.append(DraftLevel(id: LevelReading.ids[rank]!, rank: rank, name: name))
            }
        }
        levels.sort { $0.rank < $1.rank }
        guard !levels.isEmpty else {
            out.line("levels: []")
            out.summary.notFound.append(Message("import.notFound.levels"))
            return []
        }
        out.section("levels")
        for level in levels {
            out.line("  - id: \(level.id)")
            out.line("    rank: \(level.rank.rawValue)")
            out.text("name", level.name, indent: 4)
            if let series = classification.series.first { out.line("    series: \(series.id)") }
        }
        out.confirm("levels", levelText.count > 120 ? String(levelText.prefix(120)) + "……" : levelText)
        return levels
    }

    /// What the office should know about the transcription, then the list to confirm.
    private func notes(_ out: inout DraftWriter) {
        for attachment in outline.attachments {
            if let listed = attachment.listedTitle, !attachment.title.isEmpty, listed != attachment.title {
                out.summary.notes.append(Message("import.note.attachmentTitle", ["number": attachment.number, "listed": listed, "title": attachment.title]))
            }
        }
        for (number, title) in outline.attachmentList where !outline.attachments.contains(where: { AttachmentMarker.sameNumber($0.number, number) }) {
            out.summary.notes.append(Message("import.note.attachmentMissing", ["number": number, "title": title]))
        }
        var notes = ["本草稿由 noticeboard import 从《\(fileName)》自动整理，待逐项核对。"]
        if !removed.isEmpty { notes.append(Message("import.removed", ["items": removed.map { $0.text(in: .zh) }.joined(separator: "、")]).text(in: .zh)) }
        notes += out.summary.notes.map { $0.text(in: .zh) }
        out.section("transcription_notes")
        for note in notes { out.line("  - " + YAMLText.quoted(note)) }
        out.section("to_confirm")
        for entry in out.pending {
            out.line("  - fact: \(entry.key)")
            out.text("sentence", entry.sentence, indent: 4)
        }
        out.summary.toConfirm = out.pending.count
    }

    /// The year: from the title, else the years printed in full dates, else the continuing-education
    /// years' last, else `--id`; with which it was.
    private func findYear(_ sentences: [NoticeSentence]) throws(ImportFailure) -> (Int, Message) {
        if let year = FactRules.yearInTitle(outline.title) { return (year, Message("import.year.fromTitle", ["year": "\(year)"])) }
        var counts: [Int: Int] = [:]
        for sentence in sentences {
            for mention in FactRules.dates(in: sentence.text, year: 2000) {
                for date in [mention.start, mention.end].compactMap({ $0 }) where !date.yearInferred { counts[date.year, default: 0] += 1 }
            }
        }
        if let (year, _) = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) }) {
            return (year, Message("import.year.fromDates", ["year": "\(year)"]))
        }
        // A template's date line printed with its year (2024年××月××日) is the year it is signed in.
        for attachment in outline.attachments {
            for case let .paragraph(paragraph) in attachment.blocks {
                let text = paragraph.shownText
                guard Blanks.isDateLine(text) || text.contains("×月") || text.contains("××月"),
                      let match = text.range(of: #"(19|20)\d\d年"#, options: .regularExpression), let year = Int(text[match].prefix(4)) else { continue }
                // Quote the date, not the whole paragraph: "2024年××月××日".
                let quote = String(text[match.lowerBound...].prefix { $0 != "日" }) + "日"
                return (year, Message("import.year.fromAttachment", ["year": "\(year)", "attachment": attachment.number, "quote": quote]))
            }
        }
        let ceYears = sentences.flatMap { FactRules.continuingEducation(in: $0.text, year: 2000) }.compactMap { $0.years?.upperBound }
        if let year = ceYears.max() { return (year, Message("import.year.fromContinuingEducation", ["year": "\(year)"])) }
        for sentence in sentences {
            // "2024年度" on its own, not the end of a range of years (2021-2023年度).
            guard let match = sentence.text.range(of: #"(?<![-—–至、0-9])(19|20)\d\d年度"#, options: .regularExpression),
                  let year = Int(sentence.text[match].prefix(4)) else { continue }
            return (year, Message("import.year.fromBody", ["year": "\(year)"]))
        }
        if let requestedID, let year = Int(requestedID.prefix(4)) { return (year, Message("import.year.fromID", ["year": "\(year)"])) }
        throw .noYear
    }

    /// The issuer: the line that signs the body (above its date), else an office the body names.
    private func findIssuer(_ sentences: [NoticeSentence]) -> (String, String)? {
        if !outline.issuers.isEmpty {
            let names = outline.issuers.joined(separator: "、")
            return (names, outline.issuers.joined(separator: " ") + "（标题上方所列发文单位）")
        }
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
                    let name = Self.nameBefore(range.lowerBound, in: sentence.text, stops: "至向由报的和及经", also: "、（）")
                        .trimmingCharacters(in: CharacterSet(charactersIn: "、（）")) + word
                    guard name.count >= word.count + 2 else { continue }
                    counts[name] = ((counts[name]?.count ?? 0) + 1, index, sentence.text)
                }
            }
        }
        if let best = counts.max(by: { ($0.value.count, $0.value.last) < ($1.value.count, $1.value.last) }) { return (best.key, best.value.sentence) }
        return nil
    }

    /// The Han characters just before `end`, back to a stop character. 和 stops a name only as a
    /// conjunction (人事科和…); at the start of a line or after punctuation it begins one (和田地区).
    static func nameBefore(_ end: String.Index, in text: String, stops: String, also: String = "") -> String {
        var start = end
        while start > text.startIndex {
            let previous = text.index(before: start)
            let character = text[previous]
            guard character.isHan || also.contains(character) else { break }
            if stops.contains(character) {
                let isLeadingHe = character == "和" && (previous == text.startIndex || !text[text.index(before: previous)].isHan)
                if !isLeadingHe { break }
            }
            start = previous
        }
        return String(text[start..<end])
    }

    private func findRegion(_ text: String) -> String? {
        for suffix in ["地区", "自治州", "州", "市"] {
            var search = text.startIndex
            while let range = text.range(of: suffix, range: search..<text.endIndex) {
                search = range.upperBound
                // 师 stops too: "第一师阿拉尔市".
                let name = Self.nameBefore(range.lowerBound, in: text, stops: "年度的关于在于和及、自治区新疆展好做师")
                // 巴音郭楞蒙古自治州: an autonomous prefecture's name is longer.
                if (2...(suffix == "自治州" ? 8 : 4)).contains(name.count) { return name + suffix }
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
