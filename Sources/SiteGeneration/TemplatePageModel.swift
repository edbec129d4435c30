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
        let rendered = self.rendered ?? template.renderText()
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
        Self.fixedValues(notice: notice, taxonomy: taxonomy)
    }

    /// The placeholders a notice fixes for all its templates (its one series, specialty or level):
    /// the page prints them, and search indexes and shows them.
    static func fixedValues(notice: Notice, taxonomy: Taxonomy) -> [String: String] {
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
    /// Keys were checked against `TemplateField.all` when the content was loaded. Worked on UTF-8
    /// bytes (`ByteSearch`): the markers are ASCII.
    static func fillPlaceholders(_ html: String, defaults: [String: String]) -> String {
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 2_048)
        var cursor = 0
        while let open = ByteSearch.firstIndex(of: "{{", in: bytes, from: cursor),
              let close = ByteSearch.firstIndex(of: "}}", in: bytes, from: open + 2) {
            output += bytes[cursor..<open]
            let key = String(decoding: bytes[(open + 2)..<close], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            if let field = TemplateField.named(key) {
                let value = defaults[key]
                let blank = field.kind == .date ? "　　　　年　　月　　日" : ""
                output += "<span class=\"ph ph-\(field.kind.rawValue) w\(field.blankWidth)\(value == nil ? " empty" : "")\" data-field=\"\(key)\"".utf8
                output += " data-blank=\"\(blank)\" title=\"\(escapeMarkup(field.label))\">\(escapeMarkup(value ?? blank))</span>".utf8
            } else {
                output += bytes[open..<(close + 2)]
            }
            cursor = close + 2
        }
        output += bytes[cursor...]
        return String(decoding: output, as: UTF8.self)
    }

    /// In a form, the empty cells that end a row belong to the cell before them, as in the printed
    /// form (GFM tables have no merged cells): `| 免学理由 | {{reason}} | | | |` spans the row.
    static func mergeTrailingEmptyCells(_ html: String) -> String {
        guard ByteSearch.contains("<tr>", in: html) else { return html }
        // A form is a layout of labels and blanks, not a data table with a header row.
        var bytes = Array(html.utf8)
        bytes = ByteSearch.replacing("<thead>\n", with: "", in: bytes)
        bytes = ByteSearch.replacing("</thead>\n", with: "", in: bytes)
        bytes = ByteSearch.replacing("<th>", with: "<td>", in: bytes)
        bytes = ByteSearch.replacing("</th>", with: "</td>", in: bytes)
        bytes = ByteSearch.replacing("<table>", with: "<table class=\"form-table\">", in: bytes)
        let newline = UInt8(ascii: "\n"), emptyCell = Array("<td></td>".utf8), cellStart = Array("<td".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 256)
        var cursor = 0
        while let open = ByteSearch.firstIndex(of: "<tr>", in: bytes, from: cursor),
              let close = ByteSearch.firstIndex(of: "</tr>", in: bytes, from: open + 4) {
            output += bytes[cursor..<(open + 4)]
            var cells = bytes[(open + 4)..<close].split(separator: newline, omittingEmptySubsequences: true).map(Array.init)
            var span = 1
            while cells.count > 1, cells.last == emptyCell {
                cells.removeLast()
                span += 1
            }
            if span > 1, let last = cells.popLast() {
                cells.append(last.starts(with: cellStart) ? cellStart + " colspan=\"\(span)\"".utf8 + last.dropFirst(cellStart.count) : last)
            }
            output.append(newline)
            for cell in cells {
                output += cell
                output.append(newline)
            }
            output += "</tr>".utf8
            cursor = close + 5
        }
        output += bytes[cursor...]
        return String(decoding: output, as: UTF8.self)
    }

    /// The document's signature block: everything after its last `***` line.
    static func splitSignature(_ html: String) -> (body: String, signature: String?) {
        let bytes = Array(html.utf8)
        guard let rule = ByteSearch.lastIndex(of: "<hr />", in: bytes) else { return (html, nil) }
        return (String(decoding: bytes[..<rule], as: UTF8.self), String(decoding: bytes[(rule + 6)...], as: UTF8.self))
    }

    static func calendarJSON(_ calendar: WorkingCalendar) -> String {
        let object: [String: Any] = ["holidays": calendar.holidays, "workdays": calendar.workdays, "years": calendar.years]
        return PageJSON.encode(object)
    }
}
