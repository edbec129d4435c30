import Testing
@testable import FactExtraction

struct SubmissionLimitTests {
    static let vectors: [(sentence: String, expected: Int?)] = [
        ("申报人员经修改后再次上报，所上报次数不得超过3次(含初次上报)，超过次数无法提交申报。", 3),
        ("每份申报材料最多可提交三次。", 3),
        ("卫生系列网上提交次数不超过2次。", 2),
        ("农业系列每人限报3次。", 3),
        ("申报材料提交至评审委员会次数不得超过3次（含初次申报）。", 3),
        ("提交评审委员会审核次数不超过3次，对于第3次提交后仍不符合要求的不予受理。", 3),
        ("经济系列申报材料上报不能超过两次。", 2),
        ("教师职称材料至多提交４次。", 4),
        ("退回修改后重新上报，上报次数不得超过 3 次。", 3),
        ("伊犁州申报材料报送次数最多2次。", 2),
        ("申报材料提交次数不超过五次（含首次提交）。", 5),
        ("系统仅限提交2次。", 2),
        ("主治医师申报材料最多可上报3次，逾期不予受理。", 3),
        ("每人每年限报1次。", 1),
        ("申报人上报次数不得超过3次。", 3),
        ("材料限提交3次。", 3),
        // Not submission limits.
        ("每年参加培训不少于2次。", nil),
        ("导致3次提交后材料仍不符合要求被退回的，本年度不再受理。", nil),
        ("答辩时间不超过5分钟。", nil),
        ("材料最多退回2次。", nil),
        ("主持项目不少于3次。", nil),
        ("近3年考核有不合格等次的，不予申报。", nil),
        ("发表论文不超过3篇。", nil),
        ("材料退回次数最多2次。", nil),
    ]

    @Test(arguments: vectors)
    func submissionLimit(sentence: String, expected: Int?) {
        #expect(FactRules.submissionLimit(in: sentence)?.maxSubmissions == expected, "\(sentence)")
    }

    @Test func wordsKeepTheBracketedRemark() {
        let mention = FactRules.submissionLimit(in: "所上报次数不得超过3次(含初次上报)，超过次数无法提交申报")
        #expect(mention?.words == "上报次数不得超过3次(含初次上报)")
        #expect(FactRules.submissionLimit(in: "每份材料最多可提交三次。")?.words == "最多可提交三次")
    }
}

struct FixWindowTests {
    static let vectors: [(sentence: String, hours: Int?, workingDays: Int?)] = [
        ("申报人未通过审核的，应于退回后2日内根据修改意见完善材料并提交。", 48, nil),
        ("申报人需在退回后的48小时内完成修改后再次提交。", 48, nil),
        ("被退回的申报人须在3个工作日内修改。", nil, 3),
        ("退回的材料应在5日内重新提交。", 120, nil),
        ("卫生系列材料被退回后，请于24小时以内补充完善。", 24, nil),
        ("审核不通过的将予以退回，申报人应在两个工作日内修改后重新提交。", nil, 2),
        ("材料退回后3天内未修改提交的视为放弃。", 72, nil),
        ("教师申报材料被退回的，应在七日内补正。", 168, nil),
        ("对退回的材料，须于72个小时之内重新提交。", 72, nil),
        ("初审反馈意见后，申报人应在1个工作日内完成修改。", nil, 1),
        ("喀什地区农业系列被退回材料须在３日内补充提交。", 72, nil),
        ("经济系列申报材料退回后，申报人应在36小时内修改。", 36, nil),
        ("退回修改的，应在5个自然日内重新提交。", 120, nil),
        ("对申报材料不完善的予以退回，申报人需在退回后的48小时内完成修改后再次提交，逾期未补充的视为放弃。", 48, nil),
        ("材料退回后须在10个工作日内完善并再次提交。", nil, 10),
        // Not fix windows.
        ("公示期为5个工作日内无异议的，予以上报。", nil, nil),
        ("请于5日内完成缴费。", nil, nil),
        ("8月5日内完成修改。", nil, nil),
        ("评审结果将在30个工作日内公布。", nil, nil),
        ("答辩时间控制在5分钟内。", nil, nil),
        ("修改后重新提交。", nil, nil),
    ]

    @Test(arguments: vectors)
    func fixWindow(sentence: String, hours: Int?, workingDays: Int?) {
        let mention = FactRules.fixWindow(in: sentence)
        #expect(mention?.hours == hours, "\(sentence)")
        #expect(mention?.workingDays == workingDays, "\(sentence)")
    }

    @Test func words() {
        #expect(FactRules.fixWindow(in: "应于退回后2日内根据修改意见完善材料")?.words == "退回后2日内")
        #expect(FactRules.fixWindow(in: "被退回的申报人须在3个工作日内修改")?.words == "须在3个工作日内")
    }
}
