import Foundation
import NoticeModel
import Support

/// One notice's materials checklist for one level: every item that level may need, grouped by
/// section, with its conditions in words for paper and as data for the profile filter.
struct ChecklistPageModel {
    let notice: Notice
    let level: Level
    let taxonomy: Taxonomy
    let routes: Routes

    func page(at page: String, breadcrumbs: [Link]) -> ChecklistPage {
        let items = notice.checklist(forLevel: level.id)
        // Those the notice does not require continuing education of need none of its materials.
        let notRequired = notice.ceRule(forLevel: level.id)?.notRequiredFor.filter { !$0.conditions.isEmpty } ?? []
        let notRequiredWords = notRequired.isEmpty ? nil
            : notRequired.map(\.who).joined(separator: "、") + "（本通知对其继续教育不作硬性要求）"
        var order: [String] = []
        var grouped: [String: [ChecklistPage.Item]] = [:]
        // Links every item of the page shares, made once per page rather than once per item.
        let noticeHref = routes.link(from: page, to: Routes.notice(notice))
        var templateHrefs: [String: String] = [:]
        for template in notice.templates where templateHrefs[template.id] == nil {
            templateHrefs[template.id] = routes.link(from: page, to: Routes.template(notice, template))
        }
        for item in items {
            if grouped[item.section] == nil { order.append(item.section) }
            // The level is fixed by the page, so it is not repeated among the conditions.
            var conditions = item.conditions
            conditions.levels = []
            let who = FactFormatting.conditions(conditions, notice: notice)
            let isCE = item.section == Self.continuingEducationSection
            grouped[item.section, default: []].append(ChecklistPage.Item(
                id: item.id,
                title: item.title,
                text: item.text,
                format: item.format,
                who: who.isEmpty ? nil : who.joined(separator: "；"),
                conditions: Self.conditionsJSON(conditions),
                ce: isCE ? "true" : nil,
                misprint: FactFormatting.misprintNote(item.text, in: notice),
                notFor: isCE ? notRequiredWords : nil,
                href: item.source.map { noticeHref + "#" + $0.value },
                templateHref: item.template.flatMap { templateHrefs[$0.value] },
                pending: notice.isToConfirm("checklist.\(item.id)") ? "true" : nil))
        }
        return ChecklistPage(
            noticeID: notice.id,
            noticeTitle: notice.title,
            noticeHref: noticeHref,
            levelID: level.id,
            levelName: FactFormatting.levelLabel(level, notice: notice, taxonomy: taxonomy),
            year: "\(notice.year)",
            sections: order.map { ChecklistPage.Section(section: $0, items: grouped[$0]!) },
            itemCount: "\(items.count)",
            fields: ProfileQuestions.fields(for: items.map(\.conditions) + notRequired.map(\.conditions), notice: notice),
            ceNotRequired: notRequired.isEmpty ? nil
                : JSONWriter.page.encode(notRequired.map { ["who": $0.who, "conditions": Self.conditionsObject($0.conditions)] as [String: Any] }),
            otherLevels: notice.levels.filter { $0.id != level.id }.map {
                Link(name: FactFormatting.levelLabel($0, notice: notice, taxonomy: taxonomy),
                     href: routes.link(from: page, to: Routes.checklist(notice, level: $0)))
            },
            apply: notice.applicationWindow.map(FactFormatting.when),
            formatRules: notice.rules.filter { $0.topic.map { ByteSearch.contains("格式", in: $0) } == true }.map(\.text).nonEmptyJoined("；"),
            breadcrumbs: breadcrumbs)
    }

    static let continuingEducationSection = "继续教育"

    /// The conditions as the filter script reads them, keys matching the profile fields; nil for an
    /// item for everyone (most items), whose markup then carries no attribute for checklist.js to read.
    static func conditionsJSON(_ conditions: ChecklistConditions) -> String? {
        if conditions.employer.isEmpty && conditions.titleObtained == nil && conditions.firstApplication == nil
            && conditions.fanghuiju == nil && conditions.minorityTraining == nil && conditions.countyUnit == nil
            && conditions.skilledWorker == nil && conditions.subSpecialties.isEmpty { return nil }
        return JSONWriter.page.encode(conditionsObject(conditions))
    }

    /// The same, as an object for a larger JSON block (the calculator's rules, the page's groups).
    static func conditionsObject(_ conditions: ChecklistConditions) -> [String: Any] {
        var object: [String: Any] = [:]
        if !conditions.employer.isEmpty { object["employer"] = conditions.employer }
        if let title = conditions.titleObtained { object["title"] = title }
        if let value = conditions.firstApplication { object["first"] = value }
        if let value = conditions.fanghuiju { object["fanghuiju"] = value }
        if let value = conditions.minorityTraining { object["minority"] = value }
        if let value = conditions.countyUnit { object["county"] = value }
        if let value = conditions.skilledWorker { object["skilled"] = value }
        if !conditions.subSpecialties.isEmpty { object["sub"] = conditions.subSpecialties }
        return object
    }
}
