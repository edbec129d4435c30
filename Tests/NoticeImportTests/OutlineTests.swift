import DocumentReading
import Foundation
import Testing
@testable import NoticeImport

/// A document as a plain-text reader gives it: one paragraph per non-blank line.
func lines(_ text: String) -> ReadDocument {
    ReadDocument(format: .text, blocks: text.split(separator: "\n").map { line in
        .paragraph(DocumentParagraph(text: line.trimmingCharacters(in: .whitespaces)))
    }.filter { if case let .paragraph(p) = $0 { return !p.text.isEmpty }; return true })
}

@Suite struct OutlineTests {
    let notice = """
    附件2
    2026年度伊犁州卫生系列中级职称
    评审工作申报须知
    （初级可参考）
    各县（市）卫生健康委：
    一、时间安排
    网上申报时间：2026年6月10日9:30至7月10日19:00。
    二、申报材料
    （一）基本信息。上传身份证扫描件、近期免冠照片。
    1.学历证书：上传学信网查询结果。
    2.继续教育：需上传2022-2026年公需课证书，每年不少于90学时（专业科目不少于60学时）。
    3.申报人对所填写内容负责，若发现弄虚作假，取消申报资格，并按有关规定严肃处理，三年内不得申报。
    附件：1.推荐单位公示（模板）
          2.个人承诺书
    伊犁州职称改革工作领导小组办公室
    2026年5月20日
    附件1
    推荐单位公示
    （模板）
    现对×××同志申报××系列××专业×（高、中、初）级专业技术任职资格进行公示。
    公示时间从××××年××月××日起至××××年××月××日止，监督电话：××××
    推荐单位名称（公章）
    年  月  日
    附件2：
    个人承诺书
    本人承诺所填内容真实。
    承诺人：（签字）
    2026年×月×日
    """

    @Test func titleSubtitleAndLabelAreTakenFromTheTop() {
        let outline = NoticeOutline(lines(notice))
        #expect(outline.attachmentLabel == "附件2")
        #expect(outline.title == "2026年度伊犁州卫生系列中级职称评审工作申报须知")
        #expect(outline.subtitle == "（初级可参考）")
    }

    @Test func numberedHeadingsNestInTheOrderOfficialDocumentsUse() {
        let outline = NoticeOutline(lines(notice))
        let headings = outline.body.compactMap { block -> String? in
            if case let .heading(level, text) = block { return "\(level) \(text)" }
            return nil
        }
        #expect(headings == ["2 一、时间安排", "2 二、申报材料", "3 （一）基本信息。", "4 1.学历证书：", "4 2.继续教育："])
        // A long numbered sentence stays a paragraph, number and all.
        #expect(outline.body.contains(.paragraph("3.申报人对所填写内容负责，若发现弄虚作假，取消申报资格，并按有关规定严肃处理，三年内不得申报。")))
        #expect(outline.body.contains(.paragraph("上传身份证扫描件、近期免冠照片。")))
    }

    @Test func theAttachmentListIsMatchedToTheAttachmentsThatFollow() {
        let outline = NoticeOutline(lines(notice))
        #expect(outline.attachmentList.map(\.number) == ["附件1", "附件2"])
        #expect(outline.attachments.map(\.number) == ["附件1", "附件2"])
        #expect(outline.attachments[0].title == "推荐单位公示（模板）")
        #expect(outline.attachments[1].title == "个人承诺书")
        #expect(outline.attachments[1].listedTitle == "个人承诺书")
    }

    @Test func everyCharacterOfTheBodyReachesNoticeMarkdown() {
        let outline = NoticeOutline(lines(notice))
        let markdown = outline.markdown()
        let bodyLines = notice.split(separator: "\n").dropFirst(4).map { $0.trimmingCharacters(in: .whitespaces) }
        let plain = markdown.replacingOccurrences(of: "\\", with: "").replacingOccurrences(of: "#", with: "")
            .filter { !$0.isWhitespace }
        for line in bodyLines { #expect(plain.contains(line.filter { !$0.isWhitespace }), "\(line)") }
    }

    @Test func templatesGetPlaceholdersAndASignatureBlock() {
        let outline = NoticeOutline(lines(notice))
        var used = Set<String>()
        let gongshi = TemplateDrafting.draft(outline.attachments[0], usedIDs: &used)
        #expect(gongshi.id == "gongshi" && gongshi.kind == .gongshi)
        #expect(gongshi.markdown.hasPrefix("# 推荐单位公示\n"))
        #expect(gongshi.markdown.contains("现对{{name}}同志申报{{series}}{{specialty}}专业{{level}}专业技术任职资格进行公示。"))
        #expect(gongshi.markdown.contains("公示时间从{{start_date}}起至{{end_date}}止，监督电话：{{phone}}"))
        #expect(gongshi.markdown.contains("***\n\n{{unit}}（公章）\n\n{{date}}"))
        let pledge = TemplateDrafting.draft(outline.attachments[1], usedIDs: &used)
        #expect(pledge.id == "chengnuo" && pledge.kind == .pledge)
        #expect(pledge.markdown.contains("***\n\n承诺人：（签字）\n\n{{date}}"))
    }

    @Test func markdownSyntaxInTheOfficesTextIsEscaped() {
        #expect(MarkdownText.escaped("1. 第一项") == "1\\. 第一项")
        #expect(MarkdownText.escaped("- 附件1") == "\\- 附件1")
        #expect(MarkdownText.escaped("<script>*x*</script>") == "\\<script\\>\\*x\\*\\</script\\>")
        #expect(MarkdownText.escaped("{{name}}") == "\\{\\{name\\}\\}")
    }
}

@Suite struct WordOutlineTests {
    @Test func wordsNumberingLabelsBoldLinesAndHeadingStylesMakeTheHeadings() {
        let document = ReadDocument(format: .docx, blocks: [
            .paragraph(DocumentParagraph(text: "2025年度职称评审通知", bold: true, centered: true)),
            .paragraph(DocumentParagraph(label: "一、", text: "时间安排")),
            .paragraph(DocumentParagraph(text: "网上申报时间：2025年7月1日至7月31日。")),
            .paragraph(DocumentParagraph(label: "（一）", text: "网上申报。按要求填写。")),
            .paragraph(DocumentParagraph(text: "联系方式", bold: true)),
            .paragraph(DocumentParagraph(text: "评审工作安排", headingLevel: 1)),
        ])
        let outline = NoticeOutline(document)
        #expect(outline.title == "2025年度职称评审通知")
        #expect(outline.body.first == .heading(level: 2, text: "一、时间安排"))
        #expect(outline.body.contains(.heading(level: 3, text: "（一）网上申报。")))
        #expect(outline.body.contains(.heading(level: 2, text: "联系方式")))
        #expect(outline.body.contains(.heading(level: 2, text: "评审工作安排")))
    }
}

@Suite struct BlankTests {
    @Test(arguments: [
        ("姓名：×××，性别：×，民族：××，身份证号：××××××", "姓名：{{name}}，性别：{{gender}}，民族：{{ethnicity}}，身份证号：{{id_number}}"),
        ("本人×××，申报卫生系列××专业×（高、中、初）级职称", "本人{{name}}，申报卫生系列{{specialty}}专业{{level}}职称"),
        ("公示期共×个工作日，公示××天", "公示期共{{days}}个工作日，公示{{days}}天"),
        ("主要业绩成果：××××", "主要业绩成果：{{achievements}}"),
        ("XXX同志申报xx系列xx专业x级职称", "{{name}}同志申报{{series}}{{specialty}}专业{{level}}职称"),
        ("年  月  日", "{{date}}"),
        ("2025年×月×日", "{{date}}"),
        ("本人承诺所填内容真实。", "本人承诺所填内容真实。"),
        ("按Excel格式填写", "按Excel格式填写"),
    ])
    func blanksBecomePlaceholders(line: String, expected: String) {
        var count = 0
        #expect(Blanks.fill(line, count: &count) == expected)
    }
}

@Suite struct FormLabelTests {
    @Test func aFormsLabelNamesItsField() {
        #expect(Blanks.field(labelled: "拟申报资格")?.key == "proposed_title")
        #expect(Blanks.field(labelled: "何时何学校 何专业毕业")?.key == "graduation")
        #expect(Blanks.field(labelled: "民 族")?.key == "ethnicity")
        #expect(Blanks.field(labelled: "备注") == nil)
    }
}

@Suite struct SingleAttachmentTests {
    @Test func anAttachmentWithoutANumberIsStillATemplate() {
        let outline = NoticeOutline(lines("""
        2026年度中小学教师系列职称评审通知
        一、材料
        学校推荐公示材料见附件。
        附件：学校推荐公示
        附件
        学校推荐公示
        现对×××同志申报中小学教师系列××专业进行公示。
        """))
        #expect(outline.attachmentList.map(\.title) == ["学校推荐公示"])
        #expect(outline.attachments.map(\.number) == ["附件"])
        var used = Set<String>()
        let template = TemplateDrafting.draft(outline.attachments[0], usedIDs: &used)
        #expect(template.id == "gongshi" && template.markdown.contains("{{name}}同志"))
    }
}
