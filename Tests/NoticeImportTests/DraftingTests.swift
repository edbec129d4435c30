import Foundation
import NoticeModel
import Testing
@testable import NoticeImport

/// Drafts of invented notices, of series, regions and years the samples do not have: what the
/// importer reads, what it leaves out, and that it never makes a value up.
@Suite struct DraftingTests {
    static let taxonomy = Taxonomy(series: [
        Taxonomy.Series(id: "weisheng", name: "卫生系列", specialties: [Taxonomy.Specialty(id: "huli", name: "护理", seriesID: "weisheng")]),
        Taxonomy.Series(id: "gongcheng", name: "工程系列", specialties: []),
    ])

    static let weisheng = """
    关于做好2026年度伊犁州卫生系列护理专业高级职称评审工作的通知
    各县（市）卫生健康委，州直各医疗卫生单位：
    现将有关事项通知如下：
    一、申报时间
    网上申报时间：2026年6月10日9:30至7月10日19:00，逾期不予受理。
    材料审核时间：7月22日—8月30日18:00。
    二、评审费
    按照主任护师每人900元、副主任护师每人700元的标准缴纳评审费，缴费截至9月30日前。
    三、申报要求
    （一）提交次数。审核退回后须在3个工作日内修改，所上报次数不得超过3次(含初次上报)。
    （二）继续教育。申报人需上传2021-2025年公需课证书，每年不少于90学时（专业科目不少于60学时）。
    （三）其他材料。民营企业申报人员需上传近6个月社保缴费凭证；事业单位人员须上传普通话等级证书。
    四、联系方式
    伊犁州卫生健康委人事科：0999-8021234、8025678
    伊犁州卫生健康委员会
    2026年5月20日
    """

    func draft(_ text: String, id: String? = nil) throws -> NoticeDraft {
        try NoticeDrafter(outline: NoticeOutline(lines(text)), taxonomy: Self.taxonomy, fileName: "通知.docx", requestedID: id, removed: []).draft()
    }

    func yaml(_ draft: NoticeDraft) -> String { draft.files.first { $0.path == "notice.yml" }!.text }

    @Test func identityLevelsAndClassificationComeFromTheTitle() throws {
        let draft = try draft(Self.weisheng)
        let text = yaml(draft)
        #expect(draft.id == "2026-huli")
        #expect(text.contains("year: 2026\nyear_note: \"评审年度2026取自标题\""))
        #expect(text.contains("series: [weisheng]\nspecialties: [weisheng/huli]"))
        #expect(text.contains("scope: 地区\nregion: \"伊犁州\""))
        #expect(text.contains("issuer: \"伊犁州卫生健康委员会\""))
        #expect(text.contains("published: 2026-05-20"))
    }

    @Test func everyDateWithItsTimeAndTheInferredYearMarked() throws {
        let text = yaml(try draft(Self.weisheng))
        #expect(text.contains("start: 2026-06-10 09:30\n    end: 2026-07-10 19:00"))
        #expect(text.contains("start: 2026-07-22\n    end: 2026-08-30 18:00"))
        #expect(text.contains("（未印年份的日期按2026年推定）"))
        #expect(text.contains("end: 2026-09-30"))
    }

    @Test func feesPerLevelSubmissionLimitAndContinuingEducation() throws {
        let text = yaml(try draft(Self.weisheng))
        #expect(text.contains("max_submissions: 3"))
        #expect(text.contains("general_years: [2021, 2025]"))
        #expect(text.contains("hours_per_year: 90\n    specialty_hours_min: 60"))
        #expect(text.contains("phones: [0999-8021234, 0999-8025678]"))
        #expect(text.contains("name: \"伊犁州卫生健康委人事科\""))
    }

    @Test func checklistItemsCarryWhoTheyAreFor() throws {
        let text = yaml(try draft(Self.weisheng))
        #expect(text.contains("title: \"上传近6个月社保缴费凭证\""))
        #expect(text.contains("employer: [民营企业]"))
        #expect(text.contains("title: \"上传普通话等级证书\""))
        #expect(text.contains("employer: [事业单位]"))
    }

    @Test func everyValueIsListedToConfirmWithItsSentence() throws {
        let text = yaml(try draft(Self.weisheng))
        #expect(text.contains("  - fact: timeline.apply\n    sentence: \"网上申报时间：2026年6月10日9:30至7月10日19:00，逾期不予受理。\""))
        #expect(text.contains("  - fact: submission\n"))
        #expect(text.contains("  - fact: contacts.1\n"))
    }

    @Test func aNoticeWithoutDatesOrFeesGetsNoneAndSaysSo() throws {
        let draft = try draft("""
        2027年度喀什地区农业系列职称评审工作安排
        一、申报范围
        在本地区从事农业技术推广工作的专业技术人员。
        二、其他
        具体时间另行通知，评审费另行通知。
        """)
        let text = yaml(draft)
        #expect(!text.contains("timeline:"))
        #expect(!text.contains("fees:"))
        #expect(draft.summary.notFound.map { $0.text(in: .zh) }.contains { $0.hasPrefix("日期") })
        #expect(draft.summary.notFound.map { $0.text(in: .zh) }.contains { $0.contains("另行通知") })
        // 农业系列 is not in the site's taxonomy: proposed, not used silently.
        #expect(draft.files.contains { $0.path == "taxonomy-proposal.yml" && $0.text.contains("- id: nongye\n    name: \"农业系列\"") })
    }

    @Test func aDateOutsideTheNoticeYearIsReportedAsALikelyTypo() throws {
        let draft = try draft("""
        2025年度工程系列职称评审通知
        一、时间安排
        网上申报时间：2025年7月1日至7月31日。
        材料报送时间：2024年8月15日至8月25日。
        """)
        #expect(draft.summary.notes.map { $0.text(in: .zh) }.contains { $0.contains("2024") && $0.contains("笔误") })
    }

    @Test func noYearAnywhereNeedsAnID() throws {
        #expect(throws: ImportFailure.self) { try draft("职称评审注意事项\n一、要求\n按要求上传身份证扫描件。") }
        #expect(try draft("职称评审注意事项\n一、要求\n按要求上传身份证扫描件。", id: "2025-test").year == 2025)
    }
}

@Suite struct ClassificationTests {
    @Test func aSpecialtyTheTaxonomyLacksIsProposedUnderItsSeries() throws {
        let draft = try NoticeDrafter(outline: NoticeOutline(lines("2026年度卫生系列药学专业中级职称评审通知\n一、时间\n申报时间：2026年7月1日至7月31日。")),
                                      taxonomy: DraftingTests.taxonomy, fileName: "x.txt", requestedID: nil, removed: []).draft()
        let yaml = draft.files.first { $0.path == "notice.yml" }!.text
        #expect(yaml.contains("series: [weisheng]\nspecialties: [weisheng/yaoxue]"))
        let proposal = try #require(draft.files.first { $0.path == "taxonomy-proposal.yml" }?.text)
        #expect(proposal.contains("  - id: weisheng\n    name: \"卫生系列\"\n    specialties:\n      - {id: yaoxue, name: \"药学\"}"))
        #expect(draft.summary.notes.map { $0.text(in: .zh) }.contains { $0.contains("药学专业") })
    }
}
