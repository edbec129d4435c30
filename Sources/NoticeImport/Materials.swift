import NoticeModel
import FactExtraction

/// The draft's checklist (one item per material asked for, with who it is for) and templates.
enum Materials {
    static func write(_ out: inout DraftWriter, _ context: DraftContext, templates: [TemplateDraft], anchors: [String]) {
        checklist(&out, context, templates: templates)
        guard !templates.isEmpty else { return }
        out.section("templates")
        for (template, anchor) in zip(templates, anchors) {
            out.line("  - id: \(template.id)")
            out.text("number", template.number, indent: 4)
            out.line("    kind: \(template.kind.rawValue)")
            out.text("title", template.title, indent: 4)
            out.text("source", "#" + anchor, indent: 4)
            out.confirm("templates.\(template.id)", template.number + " " + template.title)
        }
        out.summary.found.append(Message("import.found.templates", ["count": "\(templates.count)"]))
    }

    private static func checklist(_ out: inout DraftWriter, _ context: DraftContext, templates: [TemplateDraft]) {
        let items = ChecklistDrafting.items(context.sentences, templates: templates, levels: context.levels)
        guard !items.isEmpty else {
            out.summary.notFound.append(Message("import.notFound.checklist"))
            return
        }
        out.section("checklist")
        for item in items {
            out.line("  - id: \(item.id)")
            if let template = item.template { out.line("    template: \(template)") }
            out.line("    section: \(item.section)")
            out.text("title", item.title, indent: 4)
            out.text("text", item.sentence.text, indent: 4)
            let conditions = conditionLines(item.conditions, context: context)
            if !conditions.isEmpty { out.line("    conditions:"); conditions.forEach { out.line($0) } }
            out.source(item.sentence, indent: 4)
            out.confirm("checklist.\(item.id)", item.sentence.text)
        }
        out.summary.found.append(Message("import.found.checklist", ["count": "\(items.count)"]))
    }

    /// The item's `conditions`, in the keys the applicant profile asks about.
    private static func conditionLines(_ conditions: ConditionMention, context: DraftContext) -> [String] {
        var lines: [String] = []
        let ids = context.levelIDs(ranks: conditions.ranks)
        if !ids.isEmpty { lines.append("      levels: " + YAMLText.list(ids)) }
        let employers = conditions.employer.filter { ChecklistConditions.employerTypes.contains($0) }
        if !employers.isEmpty { lines.append("      employer: " + YAMLText.list(employers)) }
        if let place = conditions.titleObtained { lines.append("      title_obtained: \(place)") }
        if conditions.firstApplication == true { lines.append("      first_application: true") }
        if conditions.fanghuiju == true { lines.append("      fanghuiju: true") }
        if conditions.minorityTraining == true { lines.append("      minority_training: true") }
        if conditions.countyUnit == true { lines.append("      county_unit: true") }
        return lines
    }
}
