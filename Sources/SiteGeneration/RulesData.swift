import Foundation
import NoticeModel
import Support

/// A notice's rules as the browser engine (assets/rules.js) reads them, embedded in the page as a
/// JSON data block: no fetch, so it works from file://.
enum RulesData {
    static func json(for notice: Notice, taxonomy: Taxonomy) -> String {
        var object: [String: Any] = [
            "notice": notice.id,
            "year": notice.year,
            "levels": notice.levels.map { ["id": $0.id, "name": FactFormatting.levelLabel($0, notice: notice, taxonomy: taxonomy)] },
            "ce": notice.continuingEducation.map(rule),
            "exemptions": notice.ceExemptions.map { compact(["who": $0.who, "proof": $0.proof, "profileKey": $0.profileKey]) },
            // The checklist's questions for the groups continuing education is not required of.
            "questions": ProfileQuestions.fields(for: notice.continuingEducation.flatMap { $0.notRequiredFor.map(\.conditions) }, notice: notice)
                .map(\.jsonObject),
            "fees": Dictionary(uniqueKeysWithValues: notice.fees.map { ($0.level.value, $0.amount) }),
            "deadlines": notice.timeline.compactMap { event -> [String: Any]? in
                guard let end = event.end else { return nil }
                return compact(["label": event.label, "kind": event.kind.rawValue, "start": event.start?.isoStart, "end": end.isoEnd,
                                "when": FactFormatting.when(event)])
            },
        ]
        if let cutoff = notice.seniorityCutoff { object["cutoff"] = cutoff.date.isoDate }
        if let track = notice.skilledWorkerTrack {
            object["skilled"] = track.steps.map { ["from": $0.from, "years": $0.years, "toRank": $0.toRank.rawValue] }
        }
        return JSONWriter.page.encode(object)
    }

    static func rule(_ rule: ContinuingEducationRule) -> [String: Any] {
        var object: [String: Any] = ["levels": rule.levels.map(\.value), "notRequiredFor": rule.notRequiredFor.map { group in
            // Conditions when the words map onto the profile: the calculator then asks the same questions as the checklist.
            group.conditions.isEmpty ? ["who": group.who] as [String: Any]
                : ["who": group.who, "conditions": ChecklistPageModel.conditionsObject(group.conditions)]
        }]
        if let range = rule.generalYears { object["general"] = [range.lowerBound, range.upperBound] }
        if let range = rule.specialtyYears { object["specialty"] = [range.lowerBound, range.upperBound] }
        object["hoursPerYear"] = rule.hoursPerYear
        object["specialtyHoursMin"] = rule.specialtyHoursMin
        object["platformGeneralFrom"] = rule.platformGeneralFrom
        object["platformSpecialtyFrom"] = rule.platformSpecialtyFrom
        return object.compactMapValues { $0 }
    }
}
