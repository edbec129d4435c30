import NoticeModel

/// The applicant's situation as questions: the checklist's filter and the calculator ask the same
/// ones, in the same words, and keep one answer per notice (assets/profile.js).
enum ProfileQuestions {
    /// The words an applicant recognises for each employer condition: "机关转任" alone says little
    /// to a civil servant who moved to a 事业单位.
    static let employerLabels = [
        "事业单位": "事业单位", "企业": "企业（国有企业等）", "民营企业": "民营企业",
        "机关转任": "由机关（公务员）调入、转任企事业单位", "驻疆单位": "中央驻疆单位、外省驻疆企业或军队",
        "援疆": "援疆专业技术人员（援派期内）",
    ]

    /// The questions worth asking: only those some item of the page (or a group continuing education
    /// is not required of) depends on. Field keys match assets/profile.js.
    static func fields(for conditions: [ChecklistConditions], notice: Notice) -> [ProfileField] {
        var fields: [ProfileField] = []
        func select(_ key: String, _ label: String, _ options: [String]) {
            fields.append(ProfileField(key: key, label: label, options: options.map { .init(value: $0) }))
        }
        if conditions.contains(where: { !$0.employer.isEmpty }) {
            // Every type is offered once any item depends on one, and several may be ticked: a civil
            // servant who moved to a 事业单位 is both 事业单位 and 机关转任.
            fields.append(ProfileField(key: "employer", label: "单位类型和身份（可多选）", multiple: true,
                                       options: ChecklistConditions.employerTypes.map { type in
                                           .init(value: type, label: employerLabels[type] ?? type) }))
        }
        let yesNo = ["是", "否"]
        // Asked first: a first-time applicant is then not asked about a current title.
        if conditions.contains(where: { $0.firstApplication != nil }) { select("first", "是否初次申报职称", yesNo) }
        if conditions.contains(where: { $0.titleObtained != nil }) { select("title", "现职称取得地", ["新疆", "外省"]) }
        if conditions.contains(where: { $0.fanghuiju != nil }) { select("fanghuiju", "任现职以来是否属于：" + notice.fanghuijuGroup, yesNo) }
        if conditions.contains(where: { $0.minorityTraining != nil }) { select("minority", "是否参加少数民族科技骨干特殊培养", yesNo) }
        if conditions.contains(where: { $0.countyUnit != nil }) { select("county", "是否在县及县以下单位工作", yesNo) }
        if conditions.contains(where: { $0.skilledWorker != nil }) { select("skilled", "是否以高技能人才身份申报（两类人才贯通）", yesNo) }
        if conditions.contains(where: { !$0.subSpecialties.isEmpty }) {
            let subs = notice.subSpecialties.isEmpty ? Array(Set(conditions.flatMap(\.subSpecialties))).sorted() : notice.subSpecialties
            select("sub", "二级专业", subs)
        }
        return fields
    }
}

extension ProfileField {
    /// The question as the calculator's rules carry it (JSON, `RulesData`).
    var jsonObject: [String: Any] {
        var object: [String: Any] = ["key": key, "label": label, "options": options.map { option -> [String: Any] in
            compact(["value": option.value, "label": option.label])
        }]
        if let multiple { object["multiple"] = multiple }
        return object
    }
}
