import MarkdownRendering
import NoticeModel
import SearchIndex

/// What search can find for one notice: its key facts, each section of its text, each checklist
/// item, each template and its calculator, each with a site-relative address and anchor.
struct SearchDocuments {
    let notice: Notice
    let rendered: RenderedMarkdown
    let taxonomy: Taxonomy
    /// The notice's templates already rendered for their pages, by template id: each is rendered once.
    var renderedTemplates: [String: RenderedMarkdown] = [:]

    var searchNotice: SearchNotice {
        SearchNotice(title: notice.title, url: Routes.notice(notice), year: notice.year, series: notice.series.map(\.value),
                     specialties: notice.specialties.map(\.value), terms: suggestionTerms())
    }

    /// What a reader of this notice may search for by name: its levels, sub-specialties, timeline
    /// steps and labels, checklist sections and template kinds (the index cuts them into terms).
    private func suggestionTerms() -> [String] {
        notice.levels.map(\.name) + notice.subSpecialties + notice.timeline.map(\.kind.chineseName) + notice.timeline.map(\.label)
            + notice.checklist.map(\.section) + notice.templates.map(\.kind.rawValue)
    }

    func documents() -> [SearchDocument] {
        let page = Routes.notice(notice)
        var documents = [SearchDocument(title: notice.title, url: page + "#facts-title", kind: "要点", text: keyFacts())]
        for section in rendered.sections where !section.text.isEmpty {
            let title = section.heading.map { "\(notice.title) › \($0.text)" } ?? notice.title
            documents.append(SearchDocument(title: title, url: page + (section.heading.map { "#" + $0.anchor } ?? ""), kind: "通知",
                                            text: section.text))
        }
        // Items of no level of the notice are not on its checklist page.
        for item in notice.checklist where notice.levels.contains(where: { item.applies(toLevel: $0.id) }) {
            let who = FactFormatting.conditions(item.conditions, notice: notice)
            documents.append(SearchDocument(title: "材料：\(item.title)", url: Routes.checklist(notice) + "#item-\(item.id)",
                                            kind: "材料", text: ([item.text, item.format.map { "格式：\($0)" }] + [who.isEmpty ? nil : "适用于：" + who.joined(separator: "；")])
                                                .compactMap { $0 }.joined(separator: " ")))
        }
        let fixed = TemplatePageModel.fixedValues(notice: notice, taxonomy: taxonomy)
        for template in notice.templates {
            let plain = (renderedTemplates[template.id] ?? MarkdownRenderer.render(template.body)).plainText
            let body = TemplatePlaceholders.replacing(in: plain) { fixed[$0] ?? Self.blank(for: $0) }
            let labels = template.fields.compactMap { TemplateField.named($0)?.label }.joined(separator: "、")
            documents.append(SearchDocument(title: "模板：\(template.number) \(template.title)", url: Routes.template(notice, template),
                                            kind: "模板", text: body + " 填写项：" + labels))
        }
        if !notice.continuingEducation.isEmpty {
            documents.append(SearchDocument(title: "继续教育与申报条件计算器", url: page + "#calculator", kind: "计算器",
                                            text: "计算需要上传哪些年度的继续教育证书（公需科目、专业科目）、学时、免修、评审费、截止时间、资历。"
                                                + notice.continuingEducation.map(\.text).joined(separator: " ")))
        }
        return documents
    }

    /// A placeholder the notice leaves open, as a passage shows it: a blank to write on, as on the
    /// printed form (a date with its 年月日). Full-width low lines separate words for the index, so
    /// the text on either side does not run together into bigrams the document does not have.
    static func blank(for key: String) -> String {
        TemplateField.named(key)?.kind == .date ? "＿＿年＿＿月＿＿日" : "＿＿"
    }

    /// The key facts as one passage: what a search for a fee, a phone number or a year should find.
    private func keyFacts() -> String {
        var parts = [notice.issuer]
        parts += notice.timeline.map { "\($0.label)：\(FactFormatting.when($0))" }
        parts += notice.fees.map { fee in "\(notice.level(fee.level.value)?.name ?? fee.level.value)评审费\(fee.amount)元" }
        parts += notice.continuingEducation.flatMap { rule in
            [rule.generalYears.map { "公需科目\($0.lowerBound)-\($0.upperBound)年" }, rule.specialtyYears.map { "专业科目\($0.lowerBound)-\($0.upperBound)年" }]
                .compactMap { $0 }
        }
        parts += notice.contacts.map { contact in
            ([contact.name, contact.person] + contact.phones + [contact.qqGroup.map { "QQ群\($0)" }, contact.address]).compactMap { $0 }.joined(separator: " ")
        }
        parts += notice.specialties.compactMap { taxonomy.specialty($0.value)?.name }
        parts += notice.levels.map(\.name)
        return parts.joined(separator: "；")
    }
}
