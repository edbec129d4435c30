import Foundation
import MarkdownRendering
import NoticeModel

/// One notice's materials checklist for one level: every item that level may need, grouped by
/// section, with its conditions in words for paper and as data for the profile filter.
struct ChecklistPageModel {
    let notice: Notice
    let level: Level
    let taxonomy: Taxonomy
    let routes: Routes

    func context(page: String) -> [String: Any] {
        let items = notice.checklist(forLevel: level.id)
        var order: [String] = []
        var grouped: [String: [[String: Any]]] = [:]
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
            grouped[item.section, default: []].append(compact([
                "id": item.id,
                "title": item.title,
                "text": item.text,
                "format": item.format,
                "who": who.isEmpty ? nil : who.joined(separator: "；"),
                "conditions": Self.conditionsJSON(conditions),
                "href": item.source.map { noticeHref + "#" + $0.value },
                "templateHref": item.template.flatMap { templateHrefs[$0.value] },
            ]))
        }
        let sections: [[String: Any]] = order.enumerated().map { index, name in
            ["section": name, "sectionID": "section-\(index + 1)", "items": grouped[name]!, "count": "\(grouped[name]!.count)"]
        }
        var context: [String: Any] = [
            "noticeID": notice.id,
            "noticeTitle": notice.title,
            "noticeHref": noticeHref,
            "levelID": level.id,
            "levelName": FactFormatting.levelLabel(level, notice: notice, taxonomy: taxonomy),
            "year": "\(notice.year)",
            "sections": sections,
            "itemCount": "\(items.count)",
            "fields": profileFields(for: items),
            "otherLevels": notice.levels.filter { $0.id != level.id }.map {
                ["name": FactFormatting.levelLabel($0, notice: notice, taxonomy: taxonomy),
                 "href": routes.link(from: page, to: Routes.checklist(notice, level: $0))]
            },
        ]
        if let window = notice.applicationWindow { context["apply"] = FactFormatting.when(window) }
        context["formatRules"] = notice.rules.filter { $0.topic.map { ByteSearch.contains("格式", in: $0) } == true }.map(\.text).nonEmptyJoined("；")
        return context
    }

    /// The profile questions worth asking: only those some item of this page depends on.
    private func profileFields(for items: [ChecklistItem]) -> [[String: Any]] {
        let conditions = items.map(\.conditions)
        var fields: [[String: Any]] = []
        func select(_ key: String, _ label: String, _ options: [String]) {
            fields.append(["key": key, "label": label, "options": options.map { ["value": $0] }])
        }
        let employers = ChecklistConditions.employerTypes.filter { type in conditions.contains { $0.employer.contains(type) } }
        if !employers.isEmpty {
            // Every type is offered once any item depends on it: a 事业单位 applicant must be able to say so.
            select("employer", "单位类型", ChecklistConditions.employerTypes)
        }
        if conditions.contains(where: { $0.titleObtained != nil }) { select("title", "现职称取得地", ["新疆", "外省"]) }
        let yesNo = ["是", "否"]
        if conditions.contains(where: { $0.firstApplication != nil }) { select("first", "是否初次申报职称", yesNo) }
        if conditions.contains(where: { $0.fanghuiju != nil }) { select("fanghuiju", "任现职以来是否参加“访惠聚”驻村", yesNo) }
        if conditions.contains(where: { $0.minorityTraining != nil }) { select("minority", "是否参加少数民族科技骨干特殊培养", yesNo) }
        if conditions.contains(where: { $0.countyUnit != nil }) { select("county", "是否在县及县以下单位工作", yesNo) }
        if conditions.contains(where: { $0.skilledWorker != nil }) { select("skilled", "是否以高技能人才身份申报（两类人才贯通）", yesNo) }
        if conditions.contains(where: { !$0.subSpecialties.isEmpty }) {
            let subs = notice.subSpecialties.isEmpty ? Array(Set(conditions.flatMap(\.subSpecialties))).sorted() : notice.subSpecialties
            select("sub", "二级专业", subs)
        }
        return fields
    }

    /// The conditions as the filter script reads them, keys matching the profile fields.
    static func conditionsJSON(_ conditions: ChecklistConditions) -> String {
        // Most items apply to everyone.
        if conditions.employer.isEmpty && conditions.titleObtained == nil && conditions.firstApplication == nil
            && conditions.fanghuiju == nil && conditions.minorityTraining == nil && conditions.countyUnit == nil
            && conditions.skilledWorker == nil && conditions.subSpecialties.isEmpty { return "{}" }
        var object: [String: Any] = [:]
        if !conditions.employer.isEmpty { object["employer"] = conditions.employer }
        if let title = conditions.titleObtained { object["title"] = title }
        if let value = conditions.firstApplication { object["first"] = value }
        if let value = conditions.fanghuiju { object["fanghuiju"] = value }
        if let value = conditions.minorityTraining { object["minority"] = value }
        if let value = conditions.countyUnit { object["county"] = value }
        if let value = conditions.skilledWorker { object["skilled"] = value }
        if !conditions.subSpecialties.isEmpty { object["sub"] = conditions.subSpecialties }
        return PageJSON.encode(object)
    }
}
