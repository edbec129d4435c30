import Testing
@testable import FactExtraction

struct ConditionRulesTests {
    static let vectors: [(sentence: String, expected: String)] = [
        ("民营企业申报人员需上传社保缴费佐证材料。", "employer 民营企业"),
        ("非公有制经济组织专业技术人员可直接申报。", "employer 民营企业"),
        ("国有企业专业技术人员由主管部门推荐。", "employer 企业"),
        ("事业单位专业技术人员申报职称，须上传普通话等级证书。", "employer 事业单位"),
        ("公务员转任专业技术岗位的，需上传任命文件。", "employer 机关转任"),
        ("从事水利专业相关工作的公务员满10年转任事业单位，可申报高级工程师。", "employer 事业单位,机关转任 · ranks 副高级"),
        ("从机关调入事业单位的人员需提供情况说明。", "employer 机关转任,事业单位"),
        ("中央驻疆单位的专业技术人员需提供委托评审函。", "employer 驻疆单位"),
        ("援疆专业技术人员由派出单位审核。", "employer 援疆"),
        ("企业员工也应出具相关年度考核情况。", "employer 企业"),
        ("在外省取得的职称需先行确认。", "obtained 外省"),
        ("区外取得专业技术资格的人员调入后申报。", "obtained 外省"),
        ("在疆外取得职称的，需上传确认文件。", "obtained 外省"),
        ("从其他省区市调入并取得职称的人员。", "obtained 外省"),
        ("区内取得的职称无需确认。", "obtained 新疆"),
        ("首次申报职称的，提供相应年限考核结果。", "first"),
        ("民营企业专业技术人员初次参加职称评审对继续教育不做硬性要求。", "employer 民营企业 · first"),
        ("第一次申报卫生系列主治医师的人员需参加考试。", "first · ranks 中级"),
        ("非首次申报的人员无需重复上传学历。", "not first"),
        ("“访惠聚”人员需勾选相应选项。", "fanghuiju"),
        ("参加“访惠聚”驻村或参加少数民族特殊培养期间可免去当年的继续教育。", "fanghuiju · minority"),
        ("参加少数民族科技骨干特殊培养的，免继续教育。", "minority"),
        ("除访惠聚人员外，均需上传继续教育证书。", ""),
        ("未参加访惠聚驻村的人员需上传全部证书。", "not fanghuiju"),
        ("县及县以下单位申报人的代表作可由3名同志审核签字认可。", "county"),
        ("在乡镇卫生院工作的医师可适当放宽论文要求。", "county"),
        ("自治区单位和地州单位工作人员不得选择为县级及以下单位。", ""),
        ("申报正高级农艺师需答辩。", "ranks 正高级"),
        ("高级、中级和初级职称网上申报起止时间均为8月5日至8月31日。", "ranks 副高级,中级,初级"),
        // The 工程师 certificate to upload is not a rank the sentence is for.
        ("申报高级工程师，需上传工程师任职资格证书。", "ranks 副高级"),
        ("申报工程师须提供助理工程师证书。", "ranks 中级"),
        ("正高级工程师须参加视频答辩。", "ranks 正高级"),
        ("助理工程师和员级申报人员无需答辩。", "ranks 初级"),
        ("副主任医师须提供病历。", "ranks 副高级"),
        ("中小学一级教师需提供公开课记录。", "ranks 中级"),
        ("中初级工程师由厅系统组织评审。", "ranks 中级,初级"),
        // Nothing to say.
        ("申报人对本人申报材料的真实性负责。", ""),
        ("各企事业单位要高度重视。", ""),
        ("获得高级技师资格的人员可申报。", ""),
        ("由总工程师签字。", ""),
        ("所上报次数不得超过3次(含初次上报)。", ""),
        ("地区市场监督管理局落款的选择地州单位。", ""),
    ]

    @Test(arguments: vectors)
    func conditions(sentence: String, expected: String) {
        #expect(describe(FactRules.conditions(in: sentence)) == expected, "\(sentence)")
    }

    @Test func wordsAreThePhrases() {
        let mention = FactRules.conditions(in: "民营企业专业技术人员初次参加职称评审对继续教育不做硬性要求")
        #expect(mention.words == ["民营企业", "初次参加职称评审"])
        #expect(FactRules.conditions(in: "申报高级工程师").words == ["高级工程师"])
        #expect(FactRules.conditions(in: "各企事业单位要高度重视").isEmpty)
    }
}

struct NumeralTests {
    static let vectors: [(words: String, expected: Int?)] = [
        ("三", 3), ("十二", 12), ("3", 3), ("２", 2), ("两", 2), ("十", 10), ("二十", 20), ("九十", 90),
        ("一百零五", 105), ("七百", 700), ("壹仟贰佰", 1200), ("二〇二四", 2024), ("１２００", 1200), ("48", 48),
        ("五", 5), ("六十", 60), ("一千", 1000),
        ("", nil), ("三五", nil), ("abc", nil), ("3次", nil), ("十百", nil),
    ]

    @Test(arguments: vectors)
    func number(words: String, expected: Int?) {
        #expect(FactRules.number(words) == expected, "\(words)")
    }
}

struct TitleYearTests {
    static let vectors: [(title: String, expected: Int?)] = [
        ("关于2024年阿克苏地区工程系列煤炭专业职称评审工作的通知", 2024),
        ("2025年度卫生系列高级职称评审工作注意事项", 2025),
        ("2022年度自治区工程水利专业职称评审申报注意事项", 2022),
        ("关于 2026 年伊犁州农业系列职称评审的通知", 2026),
        ("喀什地区2019年中小学教师职称评审工作安排", 2019),
        ("关于做好二〇二七年经济系列职称评审工作的通知", 2027),
        ("工程系列工程咨询专业高级工程师职称申报流程及注意事项", nil),
        ("关于转发新人社函〔2024〕13号文件的通知", nil),
        ("近3年考核要求说明", nil),
        ("第12345号通知", nil),
    ]

    @Test(arguments: vectors)
    func yearInTitle(title: String, expected: Int?) {
        #expect(FactRules.yearInTitle(title) == expected, "\(title)")
    }
}

struct SentenceTests {
    static let vectors: [(paragraph: String, expected: [String])] = [
        ("申报人对材料负责。按要求上传；逾期不予受理！", ["申报人对材料负责。", "按要求上传；", "逾期不予受理！"]),
        ("（专业科目提供2021年度证书；公需科目提供2016-2020年度证书）。下一句。",
         ["（专业科目提供2021年度证书；公需科目提供2016-2020年度证书）。", "下一句。"]),
        ("手写“本人承诺以上内容真实。如有虚假，后果自负。”字样，上传扫描件。",
         ["手写“本人承诺以上内容真实。如有虚假，后果自负。”字样，上传扫描件。"]),
        ("第一行\n第二行。第三句", ["第一行", "第二行。", "第三句"]),
        ("  前后有空格。  ", ["前后有空格。"]),
        ("是否需要？需要。", ["是否需要？", "需要。"]),
        ("括号没关（第一行\n第二行。第三句。", ["括号没关（第一行", "第二行。", "第三句。"]),
        ("", []),
        ("《关于印发〈办法〉的通知。》的要求。", ["《关于印发〈办法〉的通知。》的要求。"]),
    ]

    @Test(arguments: vectors)
    func sentences(paragraph: String, expected: [String]) {
        #expect(FactRules.sentences(paragraph) == expected)
    }
}

/// Vectors found reading the seed notices: exceptions without 外, document titles, level runs.
struct ConditionEdgeTests {
    static let vectors: [(sentence: String, expected: String)] = [
        ("除参与本年度“访惠聚”人员，其余申报高级任职资格申报人员均需参与答辩。", "ranks 副高级"),
        ("除援疆专业技术人员外，均需现场确认。", ""),
        ("免除继续教育的“访惠聚”人员需上传审批表。", "fanghuiju"),
        ("请参考《关于开展2024年度职称评审及民营企业专项评审工作的通知》。", ""),
        ("做好2026年农业系列高中初级专业技术职务任职资格评审工作。", "ranks 副高级,中级,初级"),
        ("申报正、副高级职称评审的专业技术人员参加答辩。", "ranks 正高级,副高级"),
        ("可分别申报评审相应专业助理级、中级、副高级职称。", "ranks 初级,中级,副高级"),
        ("（中级、初级可参考）", "ranks 中级,初级"),
        ("取得高级工、技师职业资格后可申报。", ""),
        ("毕业于高级中学的人员。", ""),
        ("所有申报人员均需参加答辩，“访惠聚”驻村人员除外。", ""),
        ("在疆外取得的中级职称，需经过确认后方可申报高级。", "obtained 外省 · ranks 中级,副高级"),
        ("县级及以下医疗卫生机构的专业技术人员，论文不作硬性要求。", "county"),
        ("基层一线工作的中小学教师申报高级教师可放宽条件。", "county · ranks 副高级"),
        ("企业高级管理人员不得参评。", "employer 企业"),
    ]

    @Test(arguments: vectors)
    func conditions(sentence: String, expected: String) {
        #expect(describe(FactRules.conditions(in: sentence)) == expected, "\(sentence)")
    }
}
