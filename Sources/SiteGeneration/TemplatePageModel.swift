import Foundation
import MarkdownRendering
import NoticeModel
import TemplateRendering
import Support

/// A fillable, printable template: the document as official paper (GB/T 9704 geometry in print),
/// with a form beside it on screen. Placeholders become blanks on paper and fill as the user types.
struct TemplatePageModel {
    let notice: Notice
    let template: TemplateRef
    let taxonomy: Taxonomy
    let calendar: WorkingCalendar
    let routes: Routes
    /// The template's text rendered with `headingOffset: 1`; rendered here when not given.
    var rendered: RenderedMarkdown?
    /// The site calendar as the page's JSON block; computed here when not given.
    var calendarJSON: String?

    func page(at page: String, breadcrumbs: [Link]) -> TemplatePage {
        let rendered = self.rendered ?? template.renderText()
        let defaults = defaults()
        // The last paragraph goes into the closing block with the signature, so print keeps them on one page.
        let (body, signature, closing) = TemplateDocument.shape(rendered: rendered, defaults: defaults)
        return TemplatePage(
            noticeID: notice.id,
            templateID: template.id,
            noticeTitle: notice.title,
            noticeHref: routes.link(from: page, to: Routes.notice(notice)),
            number: template.number,
            title: template.title,
            kind: template.kind.rawValue,
            documentBody: RenderedHTML(body),
            fields: template.fields.compactMap(TemplateField.named).map { field($0, value: defaults[$0.key]) },
            // Only a page that counts working days (the 公示's end, the 公示结果's date) reads the calendar.
            calendarJSON: Self.countsWorkingDays(template) ? calendarJSON ?? Self.calendarJSON(calendar) : nil,
            otherTemplates: notice.templates.filter { $0.id != template.id }.map {
                .init(number: $0.number, title: $0.title, href: routes.link(from: page, to: Routes.template(notice, $0)))
            },
            signature: signature.map(RenderedHTML.init),
            closingParagraph: closing.map(RenderedHTML.init),
            notes: Block(template.notes),
            sourceHref: template.source.map { routes.link(from: page, to: Routes.notice(notice)) + "#" + $0.value },
            hasWorkingDays: Self.hasWorkingDays(template),
            // templates.js dates a 公示结果 after the 公示 it reports on; the form says so.
            dateFollowsPublicity: Self.dateFollowsPublicity(template),
            breadcrumbs: breadcrumbs)
    }

    static func hasWorkingDays(_ template: TemplateRef) -> Bool {
        template.fields.contains("start_date") && template.fields.contains("end_date")
    }

    static func dateFollowsPublicity(_ template: TemplateRef) -> Bool {
        template.kind == .gongshiResult && template.fields.contains("date")
    }

    /// Whether templates.js counts working days on this template's page, and so reads the calendar.
    static func countsWorkingDays(_ template: TemplateRef) -> Bool {
        hasWorkingDays(template) || dateFollowsPublicity(template)
    }

    /// Values the notice itself fixes, so they are printed even without JavaScript. A value is fixed
    /// only when it holds for everyone the notice covers: a notice for several series (or levels)
    /// fixes none of them, and its one named specialty is fixed only when the notice covers nothing
    /// but that specialty's series — a notice for 正高级工程师 of every engineering specialty and
    /// for 人力资源管理 names one specialty that most of its applicants do not have.
    func defaults() -> [String: String] {
        Self.fixedValues(notice: notice, taxonomy: taxonomy)
    }

    /// The placeholders a notice fixes for all its templates (its one series, specialty or level):
    /// the page prints them, and search indexes and shows them.
    static func fixedValues(notice: Notice, taxonomy: Taxonomy) -> [String: String] {
        var values: [String: String] = [:]
        if notice.series.count == 1, let series = taxonomy.series(notice.series[0].value) { values["series"] = series.name }
        if notice.specialties.count == 1, let specialty = taxonomy.specialty(notice.specialties[0].value),
           notice.series.allSatisfy({ $0.value == specialty.seriesID }) {
            values["specialty"] = specialty.name
        }
        let ranks = notice.levels.map(\.rank)
        if Set(ranks).count == 1 { values["level"] = Self.levelWord(ranks[0]) }
        return values
    }

    /// The values the notice names for a field it does not fix, offered in the form; the applicant
    /// still types their own when it is not among them (正高级工程师 of any engineering specialty).
    func suggestions(for key: String) -> [String] {
        switch key {
        case "series": return notice.series.compactMap { taxonomy.series($0.value)?.name }
        case "specialty": return notice.specialties.compactMap { taxonomy.specialty($0.value)?.name }
        default: return []
        }
    }

    /// How a title's level is written in a document: 副高级 is "高级" (高级工程师, 高级经济师).
    static func levelWord(_ rank: Rank) -> String { rank == .fugao ? "高级" : rank.rawValue }

    private func field(_ field: TemplateField, value: String?) -> TemplatePage.Field {
        var result = TemplatePage.Field(key: field.key, label: field.label, id: "field-\(field.key)")
        switch field.kind {
        case .longText: result.isTextarea = true
        case .choice:
            // The level is chosen among the notice's own ranks, when it declares any.
            let own = field.key == "level" ? Rank.allCases.filter { rank in notice.levels.contains { $0.rank == rank } }.map(Self.levelWord) : []
            result.choices = (own.isEmpty ? field.choices : own).map { .init(value: $0) }
            result.isChoice = true
        case .date: result.inputType = "date"
        case .number: result.inputType = "number"; result.inputMode = "numeric"
        case .phone: result.inputType = "tel"
        case .idNumber: result.inputType = "text"; result.inputMode = "text"; result.pattern = "[0-9]{17}[0-9Xx]"
        case .text: result.inputType = "text"
        }
        if result.isTextarea == nil && result.choices == nil { result.isInput = true }
        // The fields templates.js checks (see its onInput and deriveDates) have a place for a message.
        if field.kind == .idNumber || field.kind == .number || ["days", "start_date", "end_date"].contains(field.key) {
            result.messageID = "field-\(field.key)-error"
        }
        result.value = value
        let suggestions = value == nil ? suggestions(for: field.key) : []
        if !suggestions.isEmpty {
            result.suggestionsID = "field-\(field.key)-suggestions"
            result.suggestions = suggestions.map { .init(suggestion: $0) }
        }
        return result
    }

    /// The calendar as templates.js reads it: a run of consecutive days as one interval
    /// (`2024-10-01/2024-10-07`), a single day as itself; a golden week is 21 bytes, not 91.
    static func calendarJSON(_ calendar: WorkingCalendar) -> String {
        let object: [String: Any] = ["holidays": runs(calendar.holidays), "workdays": runs(calendar.workdays), "years": calendar.years]
        return JSONWriter.page.encode(object)
    }

    /// Sorted `YYYY-MM-DD` days with consecutive ones joined as `first/last`.
    static func runs(_ days: [String]) -> [String] {
        var result: [String] = []
        var run: (first: String, last: String, number: Int)?
        for day in Set(days).sorted() {
            guard let number = dayNumber(day) else {
                if let open = run { result.append(open.first == open.last ? open.first : open.first + "/" + open.last); run = nil }
                result.append(day)
                continue
            }
            if let open = run, open.number + 1 == number {
                run = (open.first, day, number)
            } else {
                if let open = run { result.append(open.first == open.last ? open.first : open.first + "/" + open.last) }
                run = (day, day, number)
            }
        }
        if let open = run { result.append(open.first == open.last ? open.first : open.first + "/" + open.last) }
        return result
    }

    /// Days since 1970-01-01 of a proleptic Gregorian `YYYY-MM-DD`, or nil for anything else.
    static func dayNumber(_ day: String) -> Int? {
        let parts = day.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let date = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(date) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + date - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }
}
