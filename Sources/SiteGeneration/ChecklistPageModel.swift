import Foundation
import NoticeModel
import Support

/// One notice's materials checklist: every item of every level, grouped by section, with its
/// conditions (level included) in words for paper and as data for the filter. One page for all
/// levels rather than one per level: the levels share most items, and the copies made a notice's
/// checklists two fifths of its output (issue 19). The reader picks their level in the filter, or
/// arrives with it chosen (`?level=`, from the notice page, a hub or an old level address).
struct ChecklistPageModel {
    let notice: Notice
    let taxonomy: Taxonomy
    let routes: Routes

    func page(at page: String, breadcrumbs: [Link]) -> ChecklistPage {
        let items = notice.checklist.filter { item in notice.levels.contains { item.applies(toLevel: $0.id) } }
        let notRequired = notRequiredGroups()
        let notRequiredWords = notRequired.isEmpty ? nil
            : notRequired.map(\.words).joined(separator: "、") + "（本通知对其继续教育不作硬性要求）"
        var order: [String] = []
        var grouped: [String: [ChecklistPage.Item]] = [:]
        // Links every item of the page shares, made once per page rather than once per item.
        let noticeHref = routes.link(from: page, to: Routes.notice(notice))
        var templateHrefs: [String: String] = [:]
        for template in notice.templates where templateHrefs[template.id] == nil {
            templateHrefs[template.id] = routes.link(from: page, to: Routes.template(notice, template))
        }
        let allLevels = Set(notice.levels.map(\.id))
        for item in items {
            if grouped[item.section] == nil { order.append(item.section) }
            // An item naming every level is for every applicant: it neither says so nor carries the list.
            var conditions = item.conditions
            if Set(conditions.levels.map(\.value)).isSuperset(of: allLevels) { conditions.levels = [] }
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
        let levels = notice.levels.map { level in
            (id: level.id, name: FactFormatting.levelLabel(level, notice: notice, taxonomy: taxonomy),
             count: items.filter { $0.applies(toLevel: level.id) }.count)
        }
        var fields = ProfileQuestions.fields(for: items.map(\.conditions) + notRequired.map(\.conditions), notice: notice)
        // The level comes first: it decides more of the list than any other answer.
        if levels.count > 1 {
            fields.insert(ProfileField(key: "level", label: "申报级别", options: levels.map { .init(value: $0.id, label: $0.name) }), at: 0)
        }
        return ChecklistPage(
            noticeID: notice.id,
            noticeTitle: notice.title,
            noticeHref: noticeHref,
            year: "\(notice.year)",
            levelNames: levels.map(\.name).joined(separator: "、"),
            levelCounts: levels.map { "\($0.name) \($0.count) 项" }.joined(separator: "、"),
            severalLevels: levels.count > 1 ? true : nil,
            sections: order.map { ChecklistPage.Section(section: $0, items: grouped[$0]!) },
            itemCount: "\(items.count)",
            fields: fields,
            ceNotRequired: notRequired.isEmpty ? nil : JSONWriter.page.encode(notRequired.map { group -> [String: Any] in
                var object: [String: Any] = ["who": group.who, "conditions": Self.conditionsObject(group.conditions)]
                if !group.levels.isEmpty { object["levels"] = group.levels }
                return object
            }),
            apply: notice.applicationWindow.map(FactFormatting.when),
            formatRules: notice.rules.filter { $0.topic.map { ByteSearch.contains("格式", in: $0) } == true }.map(\.text).nonEmptyJoined("；"),
            breadcrumbs: breadcrumbs)
    }

    /// A group the notice does not require continuing education of, with the levels whose rule
    /// says so (empty: every level's).
    struct NotRequiredGroup {
        var who: String
        var conditions: ChecklistConditions
        var levels: [String]
        /// The group in words, with its levels when not every level's rule names it.
        var words: String
    }

    /// The groups of every level's continuing-education rule (`ceRule(forLevel:)`, as the
    /// calculator picks it), each once, with the levels it holds for. Only groups with conditions:
    /// checklist.js can tell whether an applicant belongs to those.
    func notRequiredGroups() -> [NotRequiredGroup] {
        var groups: [NotRequiredGroup] = []
        for level in notice.levels {
            for group in notice.ceRule(forLevel: level.id)?.notRequiredFor ?? [] where !group.conditions.isEmpty {
                if let index = groups.firstIndex(where: { $0.who == group.who && $0.conditions == group.conditions }) {
                    groups[index].levels.append(level.id)
                } else {
                    groups.append(NotRequiredGroup(who: group.who, conditions: group.conditions, levels: [level.id], words: group.who))
                }
            }
        }
        return groups.map { group in
            guard group.levels.count < notice.levels.count else { return NotRequiredGroup(who: group.who, conditions: group.conditions, levels: [], words: group.who) }
            let names = group.levels.compactMap { id in notice.level(id).map { FactFormatting.levelLabel($0, notice: notice, taxonomy: taxonomy) } }
            return NotRequiredGroup(who: group.who, conditions: group.conditions, levels: group.levels,
                                    words: "\(group.who)（申报\(names.joined(separator: "、"))）")
        }
    }

    static let continuingEducationSection = "继续教育"

    /// The conditions as the filter script reads them, keys matching the profile fields; nil for an
    /// item for everyone (most items), whose markup then carries no attribute for checklist.js to read.
    static func conditionsJSON(_ conditions: ChecklistConditions) -> String? {
        if conditions.levels.isEmpty && conditions.employer.isEmpty && conditions.titleObtained == nil && conditions.firstApplication == nil
            && conditions.fanghuiju == nil && conditions.minorityTraining == nil && conditions.countyUnit == nil
            && conditions.skilledWorker == nil && conditions.subSpecialties.isEmpty { return nil }
        return JSONWriter.page.encode(conditionsObject(conditions))
    }

    /// The same, as an object for a larger JSON block (the calculator's rules, the page's groups).
    static func conditionsObject(_ conditions: ChecklistConditions) -> [String: Any] {
        var object: [String: Any] = [:]
        if !conditions.levels.isEmpty { object["levels"] = conditions.levels.map(\.value) }
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
