import Foundation
import MarkdownRendering
import NoticeModel

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

    func context(page: String) -> [String: Any] {
        let rendered = self.rendered ?? MarkdownRenderer.render(template.body, headingOffset: 1)
        let defaults = defaults()
        let html = Self.mergeTrailingEmptyCells(Self.fillPlaceholders(rendered.html, defaults: defaults))
        let (body, signature) = Self.splitSignature(html)
        var context: [String: Any] = [
            "noticeID": notice.id,
            "noticeTitle": notice.title,
            "noticeHref": routes.link(from: page, to: Routes.notice(notice)),
            "number": template.number,
            "title": template.title,
            "kind": template.kind.rawValue,
            "documentBody": body,
            "fields": template.fields.compactMap(TemplateField.named).map { field($0, value: defaults[$0.key]) },
            "calendarJSON": calendarJSON ?? Self.calendarJSON(calendar),
            "otherTemplates": notice.templates.filter { $0.id != template.id }.map {
                ["number": $0.number, "title": $0.title, "href": routes.link(from: page, to: Routes.template(notice, $0))]
            },
        ]
        context["signature"] = signature
        context["notes"] = template.notes.isEmpty ? nil : ["items": template.notes]
        context["sourceHref"] = template.source.map { routes.link(from: page, to: Routes.notice(notice)) + "#" + $0.value }
        context["hasWorkingDays"] = template.fields.contains("start_date") && template.fields.contains("end_date")
        return context
    }

    /// Values the notice itself fixes, so they are printed even without JavaScript.
    func defaults() -> [String: String] {
        var values: [String: String] = [:]
        if notice.series.count == 1, let series = taxonomy.series(notice.series[0].value) { values["series"] = series.name }
        if notice.specialties.count == 1, let specialty = taxonomy.specialty(notice.specialties[0].value) { values["specialty"] = specialty.name }
        let ranks = Set(notice.levels.map(\.rank))
        if ranks.count == 1, let rank = ranks.first { values["level"] = rank == .fugao ? "高级" : rank.rawValue }
        return values
    }

    private func field(_ field: TemplateField, value: String?) -> [String: Any] {
        var result: [String: Any] = ["key": field.key, "label": field.label, "id": "field-\(field.key)"]
        switch field.kind {
        case .longText: result["isTextarea"] = true
        case .choice: result["choices"] = field.choices.map { ["value": $0] }; result["isChoice"] = true
        case .date: result["inputType"] = "date"
        case .number: result["inputType"] = "number"; result["inputMode"] = "numeric"
        case .phone: result["inputType"] = "tel"
        case .idNumber: result["inputType"] = "text"; result["inputMode"] = "text"; result["pattern"] = "[0-9]{17}[0-9Xx]"
        case .text: result["inputType"] = "text"
        }
        if result["isTextarea"] == nil && result["choices"] == nil { result["isInput"] = true }
        result["value"] = value
        return result
    }

    /// `{{key}}` in the rendered document → a blank that prints as a line and fills as the user types.
    /// Keys were checked against `TemplateField.all` when the content was loaded.
    static func fillPlaceholders(_ html: String, defaults: [String: String]) -> String {
        var output = ""
        var rest = Substring(html)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            output += rest[..<open.lowerBound]
            let key = String(rest[open.upperBound..<close.lowerBound]).trimmingCharacters(in: .whitespaces)
            if let field = TemplateField.named(key) {
                let value = defaults[key]
                let blank = field.kind == .date ? "　　　　年　　月　　日" : ""
                output += "<span class=\"ph ph-\(field.kind.rawValue) w\(field.blankWidth)\(value == nil ? " empty" : "")\" data-field=\"\(key)\""
                output += " data-blank=\"\(blank)\" title=\"\(escapeMarkup(field.label))\">\(escapeMarkup(value ?? blank))</span>"
            } else {
                output += rest[open.lowerBound..<close.upperBound]
            }
            rest = rest[close.upperBound...]
        }
        return output + rest
    }

    /// In a form, the empty cells that end a row belong to the cell before them, as in the printed
    /// form (GFM tables have no merged cells): `| 免学理由 | {{reason}} | | | |` spans the row.
    static func mergeTrailingEmptyCells(_ html: String) -> String {
        guard html.contains("<tr>") else { return html }
        // A form is a layout of labels and blanks, not a data table with a header row.
        let html = html.replacingOccurrences(of: "<thead>\n", with: "").replacingOccurrences(of: "</thead>\n", with: "")
            .replacingOccurrences(of: "<th>", with: "<td>").replacingOccurrences(of: "</th>", with: "</td>")
            .replacingOccurrences(of: "<table>", with: "<table class=\"form-table\">")
        var output = ""
        var rest = Substring(html)
        while let open = rest.range(of: "<tr>"), let close = rest[open.upperBound...].range(of: "</tr>") {
            output += rest[..<open.upperBound]
            var cells = rest[open.upperBound..<close.lowerBound].components(separatedBy: "\n").filter { !$0.isEmpty }
            var span = 1
            while cells.count > 1, let last = cells.last, last == "<td></td>" {
                cells.removeLast()
                span += 1
            }
            if span > 1, let last = cells.popLast() {
                cells.append(last.replacingOccurrences(of: "<td", with: "<td colspan=\"\(span)\"", options: .anchored))
            }
            output += "\n" + cells.joined(separator: "\n") + "\n"
            output += "</tr>"
            rest = rest[close.upperBound...]
        }
        return output + rest
    }

    /// The document's signature block: everything after its last `***` line.
    static func splitSignature(_ html: String) -> (body: String, signature: String?) {
        guard let rule = html.range(of: "<hr />", options: .backwards) else { return (html, nil) }
        return (String(html[..<rule.lowerBound]), String(html[rule.upperBound...]))
    }

    static func calendarJSON(_ calendar: WorkingCalendar) -> String {
        let object: [String: Any] = ["holidays": calendar.holidays, "workdays": calendar.workdays, "years": calendar.years]
        return PageJSON.encode(object)
    }
}
