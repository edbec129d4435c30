import Testing
@testable import FactExtraction

struct ContinuingEducationRulesTests {
    static let vectors: [(sentence: String, year: Int, expected: [String])] = [
        ("继续教育：公需课2020-2024年。", 2024, ["general 2020-2024"]),
        ("申报高级工程师，需连续五年公需课教育证书（2020-2024年），专业课从2021年开始不得间断（2021-2024年）。", 2024,
         ["general 2020-2024", "specialty 2021-2024"]),
        ("（专业科目提供2021、2022年度的培训合格证书，公需科目提供2018-2022年度培训合格证书）", 2022,
         ["specialty 2021-2022", "general 2018-2022"]),
        ("上传2021、2022年度继续教育证书。", 2022, ["any 2021-2022"]),
        ("需提供近3年继续教育证书。", 2025, ["any recent 3"]),
        ("主治医师需提供连续五年公需科目学习证明。", 2026, ["general recent 5"]),
        ("每年不少于90学时（专业科目不少于60学时）。", 2024, ["any hours 90 specialty 60"]),
        ("申报人按规定每年须完成不少于90学时的继续教育学习（专业课不少于60学时），需上传近4年（2021-2024年）继续教育公需课及专业课培训合格证书。",
         2024, ["any 2021-2024 hours 90 specialty 60"]),
        ("农艺师需上传公需科目2021年至2024年的合格证书。", 2024, ["general 2021-2024"]),
        ("教师继续教育专业科目2022年—2025年均需合格。", 2025, ["specialty 2022-2025"]),
        ("专业科目提供2023年年度的培训合格证书，公需科目提供2021年、2022年、2023年年度培训合格证书。", 2023,
         ["specialty 2023-2023", "general 2021-2023"]),
        ("经济系列专业课从2022年开始不得间断。", 2025, ["specialty 2022-2025"]),
        ("乌鲁木齐市卫生系列公需科目每年不少于30学时。", 2026, ["any generalHours 30"]),
        ("继续教育每年度累计不少于72学时，其中专业科目不少于48学时。", 2027, ["any hours 72 specialty 48"]),
        ("专业技术人员每年累计不少于九十学时。", 2025, ["any hours 90"]),
        ("公需科目提供2016-2020年度培训合格证书。", 2021, ["general 2016-2020"]),
        ("专业科目提供2021年度培训合格证书。", 2021, ["specialty 2021-2021"]),
        ("需上传2019年度至2021年度继续教育公需科目证书。", 2021, ["any 2019-2021"]),
        ("公需科目（2019-2023年）每年不少于30学时，专业科目（2021-2023年）每年不少于60学时。", 2023,
         ["any specialty 60 generalHours 30", "general 2019-2023", "specialty 2021-2023"]),
        ("继续教育：需上传2022年度、2023年度、2024年度继续教育证书，其中公需科目每年30学时，专业科目每年60学时。", 2024,
         ["any 2022-2024 specialty 60 generalHours 30"]),
        ("公需课及专业课每年不少于90学时。", 2025, ["any hours 90"]),
        // Not continuing education, or nothing to say.
        ("近3年考核均为合格以上。", 2024, []),
        ("上传近3年《专业技术人员业务考核登记表》（2021-2023年度）。", 2024, []),
        ("需提交2021-2024年业绩成果。", 2024, []),
        ("参加“访惠聚”驻村期间可免去当年的继续教育。", 2024, []),
        ("专业技术人员按要求上传继续教育培训合格证书。", 2024, []),
        ("主持专业课题研究2项（2021-2023年）。", 2024, []),
        ("累计完成90学时。", 2024, []),
        ("公需科目2021、2023年度证书。", 2024, []),
    ]

    @Test(arguments: vectors)
    func continuingEducation(sentence: String, year: Int, expected: [String]) {
        #expect(FactRules.continuingEducation(in: sentence, year: year).map(describe) == expected, "\(sentence)")
    }
}

struct YearRangeRulesTests {
    static let vectors: [(sentence: String, year: Int, expected: [String])] = [
        ("上传近3年《专业技术人员业务考核登记表》（2021-2023年度）。", 2024, ["recent 3", "2021-2023"]),
        ("提供2021、2022、2023年度考核结果。", 2024, ["2021-2023"]),
        ("2021年度至2023年度考核均为合格。", 2024, ["2021-2023"]),
        ("近三年考核有不合格等次的，不予申报。", 2025, ["recent 3"]),
        ("需提供近五年年度考核登记表。", 2026, ["recent 5"]),
        ("最近2个年度考核优秀。", 2027, ["recent 2"]),
        ("2022-2024年度考核结果须为合格以上。", 2025, ["2022-2024"]),
        ("2019年至2021年连续考核合格。", 2022, ["2019-2021"]),
        ("2023年—2025年主持完成项目2项。", 2026, ["2023-2025"]),
        ("2020年以来取得的业绩。", 2024, ["2020-2024"]),
        ("任现职以来（2018～2023年）业绩。", 2024, ["2018-2023"]),
        ("提供2024、2025年度考核登记表。", 2026, ["2024-2025"]),
        ("（2020-2024）年度证书。", 2024, ["2020-2024"]),
        ("近4年（2021-2024年）继续教育证书。", 2024, ["recent 4", "2021-2024"]),
        ("卫生系列近3个年度考核称职。", 2023, ["recent 3"]),
        // Not year ranges.
        ("网上申报时间：2025年6月10日至7月10日。", 2025, []),
        ("材料报送2025.7.1-2025.7.31。", 2025, []),
        ("2024年度评审工作。", 2024, []),
        ("电话0991-3193615。", 2024, []),
        ("从事专业技术工作满5年以上。", 2024, []),
        ("2021、2023年度考核。", 2024, []),
        ("近3年内未受处分。", 2024, ["recent 3"]),
    ]

    @Test(arguments: vectors)
    func yearRanges(sentence: String, year: Int, expected: [String]) {
        #expect(FactRules.yearRanges(in: sentence, year: year).map(describe) == expected, "\(sentence)")
    }
}

struct ContinuingEducationEdgeTests {
    @Test func aYearBoundaryIsNotARequiredRange() {
        let sentence = "2021年之后的专业课合格证书及2022年之后的公需课合格证书需从系统获取，其余年度手动上传。"
        #expect(FactRules.continuingEducation(in: sentence, year: 2024).isEmpty)
        #expect(FactRules.yearRanges(in: sentence, year: 2024).isEmpty)
    }

    @Test func bracketedYearsAreQuotedWhole() {
        let mentions = FactRules.continuingEducation(in: "需连续五年公需课教育证书（2020-2024年），专业课2021-2024年。", year: 2024)
        #expect(mentions.map(\.words) == ["连续五年公需课教育证书（2020-2024年）", "专业课2021-2024年"])
    }
}
