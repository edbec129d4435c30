/// Every fact of a notice that `to_confirm` may name, with how the page and `check` call it.
///
/// Dates carried over by `noticeboard new --from` and every value `noticeboard import` read from
/// an office's document wait here until a person has compared them with the notice.
public struct ConfirmableFact: Sendable, Hashable {
    /// The key `to_confirm` names: `timeline.apply`, `fees.fugao`, `continuing_education.1`, `checklist.id-card`.
    public var key: String
    /// What the page calls it, in Chinese: `评审费（高级工程师）`.
    public var label: String
    /// The value as the data states it, for the page's list and `check`: `700 元`.
    public var value: String?
}

extension Notice {
    /// The facts of this notice `to_confirm` may name, in the order of the page.
    public var confirmableFacts: [ConfirmableFact] {
        var facts: [ConfirmableFact] = [
            ConfirmableFact(key: "year", label: "评审年度", value: "\(year)"),
            ConfirmableFact(key: "title", label: "标题", value: title),
            ConfirmableFact(key: "issuer", label: "发文单位", value: issuer),
            ConfirmableFact(key: "scope", label: "适用范围", value: scope.rawValue + (region.map { "（\($0)）" } ?? "")),
            ConfirmableFact(key: "series", label: "系列", value: series.map(\.value).joined(separator: "、")),
            ConfirmableFact(key: "levels", label: "级别", value: levels.map(\.name).joined(separator: "、")),
        ]
        if !specialties.isEmpty {
            facts.append(ConfirmableFact(key: "specialties", label: "专业", value: specialties.map(\.value).joined(separator: "、")))
        }
        for date in confirmableDates where date.date != nil {
            facts.append(ConfirmableFact(key: date.key, label: date.label, value: date.date.map { "\($0)" }))
        }
        if let submission {
            let parts = [submission.maxSubmissions.map { "最多提交\($0)次" }, submission.fixWindowHours.map { "退回后\($0)小时内修改" }]
            facts.append(ConfirmableFact(key: "submission", label: "提交与退回", value: parts.compactMap { $0 }.joined(separator: "，")))
        }
        for fee in fees {
            facts.append(ConfirmableFact(key: "fees.\(fee.level.value)", label: "评审费（\(level(fee.level.value)?.name ?? fee.level.value)）",
                                         value: "\(fee.amount) 元"))
        }
        if payment != nil { facts.append(ConfirmableFact(key: "payment", label: "缴费方式", value: nil)) }
        for (index, rule) in continuingEducation.enumerated() {
            let years = [rule.generalYears.map { "公需科目\($0.lowerBound)-\($0.upperBound)年" },
                         rule.specialtyYears.map { "专业科目\($0.lowerBound)-\($0.upperBound)年" },
                         rule.hoursPerYear.map { "每年\($0)学时" }].compactMap { $0 }
            facts.append(ConfirmableFact(key: "continuing_education.\(index + 1)", label: "继续教育（第\(index + 1)条）",
                                         value: years.joined(separator: "，")))
        }
        for (index, exemption) in ceExemptions.enumerated() {
            facts.append(ConfirmableFact(key: "ce_exemptions.\(index + 1)", label: "免继续教育（第\(index + 1)条）", value: exemption.who))
        }
        if let appraisal {
            facts.append(ConfirmableFact(key: "appraisal", label: "年度考核", value: appraisal.years.map { "\($0.lowerBound)-\($0.upperBound)年度" }))
        }
        if defence != nil { facts.append(ConfirmableFact(key: "defence", label: "答辩", value: nil)) }
        if let paperForms {
            facts.append(ConfirmableFact(key: "paper_forms", label: "纸质材料", value: paperForms.copies.map { "一式\($0)份" }))
        }
        for (index, contact) in contacts.enumerated() {
            facts.append(ConfirmableFact(key: "contacts.\(index + 1)", label: "联系方式（\(contact.name)）",
                                         value: contact.phones.joined(separator: "、")))
        }
        for item in checklist {
            facts.append(ConfirmableFact(key: "checklist.\(item.id)", label: "材料：\(item.title)", value: nil))
        }
        for template in templates {
            facts.append(ConfirmableFact(key: "templates.\(template.id)", label: "模板：\(template.number) \(template.title)", value: nil))
        }
        return facts
    }

    /// The facts still marked to confirm, in the order of the page.
    public var pendingFacts: [ConfirmableFact] {
        // Most notices have none: listing every fact to keep none of them was 1 % of a build.
        if toConfirm.isEmpty { return [] }
        let keys = Set(toConfirm.map(\.value))
        return confirmableFacts.filter { keys.contains($0.key) }
    }
}
