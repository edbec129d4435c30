import Foundation
import Testing
import ZIPFoundation
@testable import DocumentReading

// MARK: Helpers

func readDocx(_ bytes: [UInt8], limits: DocumentReader.Limits = .standard) throws(DocumentReadingError) -> ReadDocument {
    try DocumentReader.read(data: bytes, fileExtension: "docx", limits: limits)
}

func paragraphs(_ document: ReadDocument) -> [DocumentParagraph] {
    document.blocks.compactMap { if case .paragraph(let paragraph) = $0 { paragraph } else { nil } }
}

func tables(_ document: ReadDocument) -> [DocumentTable] {
    document.blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }
}

/// The error a read gives; fails the test when it gives a document instead.
func readingError(_ body: () throws(DocumentReadingError) -> ReadDocument, sourceLocation: SourceLocation = #_sourceLocation) -> DocumentReadingError? {
    do {
        let document = try body()
        Issue.record("expected an error, got \(document.blocks.count) blocks", sourceLocation: sourceLocation)
        return nil
    } catch {
        #expect(error.message(in: .zh).unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "not Chinese: \(error.message(in: .zh))", sourceLocation: sourceLocation)
        return error
    }
}

// MARK: Word numbering

@Suite struct WordNumberingTests {
    let numbering = DocxBuilder.numbering(abstracts: [1: DocxBuilder.chineseLevels], nums: [(1, 1, "")])

    @Test func labelsAreTheNumbersWordDisplays() throws {
        let body = [
            DocxBuilder.p("申报范围", num: (1, 0)),
            DocxBuilder.p("工程系列", num: (1, 1)),
            DocxBuilder.p("农业系列", num: (1, 1)),
            DocxBuilder.p("具备大学本科学历", num: (1, 2)),
            DocxBuilder.p("具备硕士学位", num: (1, 2)),
            DocxBuilder.p("取得中级职称后", num: (1, 3)),
            DocxBuilder.p("完成继续教育", num: (1, 4)),
            DocxBuilder.p("申报条件", num: (1, 0)),
            DocxBuilder.p("基本条件", num: (1, 1)),
            DocxBuilder.p("学历要求", num: (1, 2)),
        ].joined()
        let document = try readDocx(try DocxBuilder.docx(body: body, numbering: numbering))
        #expect(paragraphs(document).map(\.label) == ["一、", "（一）", "（二）", "1.", "2.", "(1)", "①", "二、", "（一）", "1."])
        #expect(paragraphs(document)[1].shownText == "（一）工程系列")
        #expect(paragraphs(document)[0].text == "申报范围")
    }

    @Test func countingPastTenAndOtherFormats() {
        #expect([1, 10, 11, 19, 20, 21, 99, 100, 101, 110].map { NumberFormat.format($0, as: "chineseCounting") }
            == ["一", "十", "十一", "十九", "二十", "二十一", "九十九", "一百", "一百零一", "一百一十"])
        #expect(NumberFormat.format(3, as: "ideographTraditional") == "丙")
        #expect(NumberFormat.format(4, as: "upperRoman") == "IV")
        #expect(NumberFormat.format(9, as: "lowerRoman") == "ix")
        #expect(NumberFormat.format(28, as: "upperLetter") == "BB")
        #expect(NumberFormat.format(2, as: "lowerLetter") == "b")
        #expect(NumberFormat.format(12, as: "decimalFullWidth") == "１２")
        #expect(NumberFormat.format(3, as: "decimalEnclosedCircle") == "③")
        #expect(NumberFormat.format(2, as: "japaneseCounting") == "二")
        #expect(NumberFormat.format(5, as: "none") == "")
    }

    @Test func startOverrideRestartsAList() throws {
        // numId 2 shares abstract 1 but restarts level 1 at 1 (Word's "restart numbering"), and numId 3
        // starts level 0 at 5.
        let numbering = DocxBuilder.numbering(abstracts: [1: DocxBuilder.chineseLevels], nums: [
            (1, 1, ""),
            (2, 1, #"<w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride>"#),
            (3, 1, #"<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>"#),
        ])
        let body = [
            DocxBuilder.p("甲", num: (1, 0)), DocxBuilder.p("乙", num: (1, 1)), DocxBuilder.p("丙", num: (1, 1)),
            DocxBuilder.p("丁", num: (1, 0)), DocxBuilder.p("戊", num: (2, 1)), DocxBuilder.p("己", num: (2, 1)),
            DocxBuilder.p("庚", num: (3, 0)), DocxBuilder.p("辛", num: (3, 0)),
        ].joined()
        let document = try readDocx(try DocxBuilder.docx(body: body, numbering: numbering))
        #expect(paragraphs(document).map(\.label) == ["一、", "（一）", "（二）", "二、", "（一）", "（二）", "五、", "六、"])
    }

    @Test func multiLevelTextAndStartValues() throws {
        let levels = DocxBuilder.level(0, "decimal", "%1.", start: 3) + DocxBuilder.level(1, "decimal", "%1.%2")
            + DocxBuilder.level(2, "lowerLetter", "(%3)", restart: 0)
        let numbering = DocxBuilder.numbering(abstracts: [7: levels], nums: [(4, 7, "")])
        let body = [
            DocxBuilder.p("a", num: (4, 0)), DocxBuilder.p("b", num: (4, 1)), DocxBuilder.p("c", num: (4, 2)),
            DocxBuilder.p("d", num: (4, 1)), DocxBuilder.p("e", num: (4, 2)), DocxBuilder.p("f", num: (4, 0)),
            DocxBuilder.p("g", num: (4, 1)),
        ].joined()
        let document = try readDocx(try DocxBuilder.docx(body: body, numbering: numbering))
        // Level 2 never restarts (lvlRestart 0): (a) (b); level 1 restarts under a new level 0.
        #expect(paragraphs(document).map(\.label) == ["3.", "3.1", "(a)", "3.2", "(b)", "4.", "4.1"])
    }

    @Test func numberingFromTheParagraphStyleAndHeadings() throws {
        let styles = """
        <w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
        <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/>\
        <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
        <w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="1"/>\
        <w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="标题 3"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>
        """
        let body = [
            DocxBuilder.p("关于开展2024年度职称评审工作的通知", style: "Title"),
            DocxBuilder.p("申报范围", style: "1"),
            DocxBuilder.p("工程系列", style: "2"),
            DocxBuilder.p("申报条件", style: "1"),
            #"<w:p><w:pPr><w:outlineLvl w:val="3"/></w:pPr><w:r><w:t>大纲四级</w:t></w:r></w:p>"#,
            DocxBuilder.p("正文", style: "a"),
        ].joined()
        let document = try readDocx(try DocxBuilder.docx(body: body, numbering: numbering, styles: styles))
        let found = paragraphs(document)
        #expect(found.map(\.label) == ["", "一、", "（一）", "二、", "", ""])
        #expect(found.map(\.headingLevel) == [3, 1, 2, 1, 4, nil])
        #expect(found.map(\.bold) == [false, true, true, true, false, false])
        #expect(found[0].centered)
        #expect(!found[1].centered)
    }

    @Test func numIdZeroAndUnknownListsGiveNoLabel() throws {
        let body = DocxBuilder.p("无编号", num: (0, 0)) + DocxBuilder.p("未知列表", num: (99, 0))
        let document = try readDocx(try DocxBuilder.docx(body: body, numbering: numbering))
        #expect(paragraphs(document).map(\.label) == ["", ""])
        // Without numbering.xml at all, the paragraphs are still read.
        #expect(paragraphs(try readDocx(try DocxBuilder.docx(body: DocxBuilder.p("一段", num: (1, 0))))).map(\.shownText) == ["一段"])
    }
}

// MARK: Body content

@Suite struct DocxBodyTests {
    @Test func tablesWithSpansAndVerticalMerges() throws {
        let numbering = DocxBuilder.numbering(abstracts: [1: DocxBuilder.chineseLevels], nums: [(1, 1, "")])
        let body = """
        <w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>
        <w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>系列</w:t></w:r></w:p></w:tc>\
        <w:tc><w:p><w:r><w:t>费用</w:t></w:r></w:p></w:tc></w:tr>
        <w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>工程</w:t></w:r></w:p></w:tc>\
        <w:tc>\(DocxBuilder.p("初级", num: (1, 2)))\(DocxBuilder.p("中级", num: (1, 2)))</w:tc>\
        <w:tc><w:p><w:r><w:t>200元</w:t></w:r></w:p><w:p/></w:tc></w:tr>
        <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>\
        <w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>内</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>表</w:t></w:r></w:p></w:tc></w:tr>\
        <w:tr><w:tc><w:p><w:r><w:t>第二行</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc>\
        <w:tc><w:sdt><w:sdtContent><w:p><w:r><w:t>控件</w:t></w:r></w:p></w:sdtContent></w:sdt></w:tc></w:tr>
        </w:tbl>
        """
        let document = try readDocx(try DocxBuilder.docx(body: DocxBuilder.p("前言") + body + DocxBuilder.p("后记"), numbering: numbering))
        #expect(document.blocks.count == 3)
        let table = try #require(tables(document).first)
        #expect(table.rows == [
            [DocumentCell(text: "系列", columnSpan: 2), DocumentCell(text: "费用")],
            [DocumentCell(text: "工程"), DocumentCell(text: "1.初级\n2.中级"), DocumentCell(text: "200元")],
            [DocumentCell(text: "", mergedAbove: true), DocumentCell(text: "内 表\n第二行"), DocumentCell(text: "控件")],
        ])
        #expect(!document.removed.map { $0.text(in: .zh) }.contains { $0.hasPrefix("空段落") })  // a cell's empty paragraph is no body paragraph
    }

    @Test func leftoversAreDroppedAndCounted() throws {
        let body = """
        <w:p><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:r><w:t>正文</w:t></w:r><w:bookmarkEnd w:id="0"/>\
        <w:r><w:tab/><w:t>第二句</w:t></w:r></w:p>
        <w:p/>
        <w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p>
        <w:p><w:r><w:t>第 </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>\
        <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>\
        <w:r><w:t> 页</w:t></w:r></w:p>
        <w:p><w:r><w:t>截止</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>DATE \\@ "yyyy"</w:instrText></w:r>\
        <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2024</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>\
        <w:r><w:t>年</w:t></w:r><w:del w:id="1"><w:r><w:delText>旧文字</w:delText></w:r></w:del>\
        <w:ins w:id="2"><w:r><w:t>新文字</w:t></w:r></w:ins><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r></w:p>
        <w:p><w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>9</w:t></w:r></w:fldSimple></w:p>
        <w:p><w:r><w:t>页内</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>\
        <w:p><w:r><w:t>- </w:t></w:r><w:fldSimple w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t> -</w:t></w:r></w:p>\
        </w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>- 1 -</w:t></w:r></w:p>\
        </w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
        <w:p><w:r><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>文本框里的话</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></w:r></w:p>
        <w:bookmarkStart w:id="5" w:name="_Toc1"/><w:bookmarkEnd w:id="5"/>
        """
        let bytes = try DocxBuilder.docx(body: body, extra: [
            ("word/footer1.xml", DocxBuilder.wrap("ftr", DocxBuilder.p("第 1 页"))),
            ("word/header1.xml", DocxBuilder.wrap("hdr", DocxBuilder.p("某某人社厅"))),
        ])
        let document = try readDocx(bytes)
        #expect(paragraphs(document).map(\.shownText) == ["正文 第二句", "截止2024年新文字", "页内", "文本框里的话"])
        #expect(document.removed.map { $0.text(in: .zh) }.contains("页眉页脚"))
        #expect(document.removed.map { $0.text(in: .zh) }.contains("书签 2 处"))
        #expect(document.removed.map { $0.text(in: .zh) }.contains("空段落 2 个"))  // not the page-number or text-box paragraphs
        #expect(document.removed.map { $0.text(in: .zh) }.contains("只有页码的文本框 1 个"))
        #expect(document.removed.map { $0.text(in: .zh) }.contains("隐藏文字 1 处"))
        #expect(document.removed.map { $0.text(in: .zh) }.contains { $0.hasPrefix("页码域") })
        #expect(!document.blocks.description.contains("某某人社厅"))
        #expect(document.format == .docx && document.encoding == nil)
    }

    @Test func boldMeansEveryVisibleRun() throws {
        let body = """
        <w:p><w:r><w:rPr><w:b/></w:rPr><w:t>全部</w:t></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r><w:r><w:rPr><w:b w:val="1"/></w:rPr><w:t>加粗</w:t></w:r></w:p>
        <w:p><w:r><w:rPr><w:b/></w:rPr><w:t>部分</w:t></w:r><w:r><w:t>加粗</w:t></w:r></w:p>
        <w:p><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>不加粗</w:t></w:r></w:p>
        """
        let document = try readDocx(try DocxBuilder.docx(body: body))
        #expect(paragraphs(document).map(\.bold) == [true, false, false])
    }

    @Test func alternateContentAndRubyReadOnce() throws {
        let body = """
        <w:p><mc:AlternateContent><mc:Choice Requires="w14"><w:r><w:t>新式</w:t></w:r></mc:Choice>        <mc:Fallback><w:r><w:t>旧式</w:t></w:r></mc:Fallback></mc:AlternateContent><w:r><w:t>复选框</w:t></w:r></w:p>
        <w:p><w:r><w:ruby><w:rt><w:r><w:t>zhí</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>职</w:t></w:r></w:rubyBase></w:ruby></w:r><w:r><w:t>称</w:t></w:r></w:p>
        """
        #expect(paragraphs(try readDocx(try DocxBuilder.docx(body: body))).map(\.text) == ["新式复选框", "职称"])
    }

    @Test func mainDocumentFoundThroughRelationships() throws {
        let rels = #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>"#
        let bytes = try DocxBuilder.archive([("_rels/.rels", Array(rels.utf8)),
                                             ("word/document2.xml", Array(DocxBuilder.document(DocxBuilder.p("另一个名字")).utf8))])
        #expect(paragraphs(try readDocx(bytes)).map(\.text) == ["另一个名字"])
    }

    @Test func uncompressedEntriesAreReadToo() throws {
        let bytes = try DocxBuilder.archive([("word/document.xml", Array(DocxBuilder.document(DocxBuilder.p("未压缩")).utf8))], compress: false)
        #expect(paragraphs(try readDocx(bytes)).map(\.text) == ["未压缩"])
    }
}

// MARK: Text and Markdown

@Suite struct TextTests {
    @Test func gb18030IsDecoded() throws {
        // "通知" in GB18030, then a line break, then "职称" (D6 B0 B3 C6).
        let bytes: [UInt8] = [0xCD, 0xA8, 0xD6, 0xAA, 0x0D, 0x0A, 0xD6, 0xB0, 0xB3, 0xC6]
        let document = try DocumentReader.read(data: bytes, fileExtension: "txt")
        #expect(document.encoding == "GB18030")
        #expect(document.format == .text)
        #expect(paragraphs(document).map(\.text) == ["通知", "职称"])
    }

    @Test func utf8WithAndWithoutBOM() throws {
        let text = "关于职称评审的通知\r\n\r\n　　一、申报范围\u{00A0}\r\n"
        for bytes in [Array(text.utf8), [0xEF, 0xBB, 0xBF] + Array(text.utf8)] {
            let document = try DocumentReader.read(data: bytes, fileExtension: "TXT")
            #expect(document.encoding == "UTF-8")
            #expect(paragraphs(document).map(\.text) == ["关于职称评审的通知", "一、申报范围"])
            #expect(paragraphs(document).allSatisfy { $0.label.isEmpty })
            #expect(document.removed.map { $0.text(in: .zh) }.isEmpty)
        }
    }

    @Test func utf16WithBOM() throws {
        let document = try DocumentReader.read(data: [0xFF, 0xFE] + Array("通知\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, fileExtension: "txt")
        #expect(document.encoding == "UTF-16")
        #expect(paragraphs(document).map(\.text) == ["通知"])
    }

    @Test func leftoversInText() throws {
        let text = """
        正文第一段[bookmark: _GoBack]
        [bookmark: _Toc123]
        1
        - 2 -
        — 3 —
        第 4 页
        第4页 共10页
        4/10
        ５
        2024年6月30日前
        2024
        100000
        二、申报条件
        """
        let document = try DocumentReader.read(data: Array(text.utf8), fileExtension: "txt")
        #expect(paragraphs(document).map(\.text) == ["正文第一段", "2024年6月30日前", "2024", "100000", "二、申报条件"])
        #expect(document.removed.map { $0.text(in: .zh) } == ["书签 2 处", "单独成行的页码 7 行"])
    }

    @Test func markdownHeadingsTablesAndBold() throws {
        let text = """
        # 关于开展职称评审工作的通知 #

        **重要提示**

        ## 一、申报范围
        - 工程系列
        #不是标题

        | 系列 | 费用 |
        |:---|---:|
        | 工程 | 200元 |
        | 农业 \\| 林业 | 150元 |
        之后的段落
        """
        let document = try DocumentReader.read(data: Array(text.utf8), fileExtension: "md")
        #expect(document.format == .markdown)
        let found = paragraphs(document)
        // A list bullet is Markdown, not the notice's text.
        #expect(found.map(\.text) == ["关于开展职称评审工作的通知", "重要提示", "一、申报范围", "工程系列", "#不是标题", "之后的段落"])
        #expect(found.map(\.headingLevel) == [1, nil, 2, nil, nil, nil])
        #expect(found.map(\.bold) == [false, true, false, false, false, false])
        #expect(tables(document).first?.rows.map { $0.map(\.text) } == [["系列", "费用"], ["工程", "200元"], ["农业 | 林业", "150元"]])
    }

    @Test func bytesThatAreNeitherUTF8NorGB18030() throws {
        // 0xFF never starts a GB18030 sequence; 0x81 0x30 0x81 is an incomplete four-byte one.
        for bytes: [UInt8] in [[0xCD, 0xA8, 0xFF, 0xFE, 0x41], [0x41, 0x81, 0x30, 0x81]] {
            let error = readingError { () throws(DocumentReadingError) in try DocumentReader.read(data: bytes, fileExtension: "txt") }
            #expect(error?.message(in: .zh).contains("既不是 UTF-8 也不是 GB18030") == true)
            #expect(error?.hint(in: .zh)?.contains("UTF-8") == true)
        }
    }
}

// MARK: Hostile and unreadable input

@Suite struct HostileInputTests {
    @Test func zipBombOf40MiBIsStopped() throws {
        // 40 MiB of zeros compresses to about 40 KB; the standard limit is 32 MiB per entry.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nb-reader-bomb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("通知.docx")
        let archive = try Archive(url: file, accessMode: .create)
        let size = 40 << 20
        let zeros = Data(count: 1 << 20)
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(size), compressionMethod: .deflate,
                             bufferSize: 1 << 20) { _, chunk in zeros.prefix(chunk) }
        let onDisk = try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int ?? 0
        #expect(onDisk < 200_000)
        let error = readingError { () throws(DocumentReadingError) in try DocumentReader.read(file) }
        #expect(error?.message(in: .zh).contains("32 MB") == true)
    }

    @Test func aLyingDeclaredSizeIsStoppedWhileInflating() throws {
        var bytes = try DocxBuilder.archive([("word/document.xml", [UInt8](repeating: 0x20, count: 3 << 20))])
        // Declare 100 bytes in the central directory: the inflate must stop at the limit all the same.
        let directory = try #require(lastIndex(of: [0x50, 0x4B, 0x01, 0x02], in: bytes))
        bytes.replaceSubrange(directory + 24..<directory + 28, with: [100, 0, 0, 0])
        let limits = DocumentReader.Limits(fileBytes: 1 << 20, entryBytes: 1 << 20, totalBytes: 2 << 20)
        let error = readingError { () throws(DocumentReadingError) in try readDocx(bytes, limits: limits) }
        #expect(error?.message(in: .zh).contains("1 MB") == true)
    }

    @Test func aTruncatedDeflateStreamIsAnErrorNotAHang() throws {
        var bytes = try DocxBuilder.docx(body: String(repeating: DocxBuilder.p("一段比较长的文字，用来占据压缩数据"), count: 200))
        let directory = try #require(lastIndex(of: [0x50, 0x4B, 0x01, 0x02], in: bytes))
        bytes.replaceSubrange(directory + 20..<directory + 24, with: [20, 0, 0, 0])  // compressed size: 20 bytes
        let error = readingError { () throws(DocumentReadingError) in try readDocx(bytes) }
        #expect(error?.message(in: .zh).contains("损坏") == true)
    }

    @Test func entryNamesThatClimbOutAreRefused() throws {
        let document = Array(DocxBuilder.document(DocxBuilder.p("正文")).utf8)
        for name in ["../../etc/passwd", "/etc/passwd", "word/../../x.xml", "C:/Windows/x", "word\\..\\x"] {
            let bytes = try DocxBuilder.archive([("word/document.xml", document), (name, Array("x".utf8))])
            let error = readingError { () throws(DocumentReadingError) in try readDocx(bytes) }
            #expect(error?.message(in: .zh).contains("不安全") == true, "\(name)")
        }
    }

    @Test func doctypeAndEntitiesAreRefused() throws {
        let laughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
        <w:document \(DocxBuilder.namespaces)><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>
        """
        let external = """
        <?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document \(DocxBuilder.namespaces)><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>
        """
        for xml in [laughs, external] {
            let bytes = try DocxBuilder.archive([("word/document.xml", Array(xml.utf8))])
            let error = readingError { () throws(DocumentReadingError) in try readDocx(bytes) }
            #expect(error?.message(in: .zh).contains("DOCTYPE") == true)
        }
        // In styles.xml too, and hidden behind a UTF-16 encoding declaration.
        let styles = try DocxBuilder.docx(body: DocxBuilder.p("正文"), extra: [("word/styles.xml", "<!DOCTYPE x><w:styles/>")])
        #expect(readingError { () throws(DocumentReadingError) in try readDocx(styles) } != nil)
        let utf16 = #"<?xml version="1.0" encoding="UTF-16"?><w:document/>"#
        let declaredUTF16 = try DocxBuilder.archive([("word/document.xml", Array(utf16.utf8))])
        #expect(readingError { () throws(DocumentReadingError) in try readDocx(declaredUTF16) } != nil)
    }

    @Test func emptyAndOversizedFiles() throws {
        for ext in ["docx", "txt", "md"] {
            let error = readingError { () throws(DocumentReadingError) in try DocumentReader.read(data: [], fileExtension: ext) }
            #expect(error?.message(in: .zh).contains("文件是空的") == true)
        }
        // A 50 MB file (sparse: nothing is written) is refused by its size, before it is read.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("nb-reader-big-\(UUID().uuidString).txt")
        #expect(FileManager.default.createFile(atPath: file.path, contents: nil))
        defer { try? FileManager.default.removeItem(at: file) }
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: 50 << 20)
        try handle.close()
        let error = readingError { () throws(DocumentReadingError) in try DocumentReader.read(file) }
        #expect(error?.message(in: .zh).contains("50 MB") == true)
        #expect(error?.message(in: .zh).contains("20 MB") == true)
    }

    @Test func damagedAndIncompleteDocx() throws {
        let good = try DocxBuilder.docx(body: DocxBuilder.p("正文"))
        // Cut short (a broken download), no document part, malformed XML, not a zip at all.
        let cut = Array(good.prefix(good.count / 2))
        let noBody = try DocxBuilder.archive([("word/styles.xml", Array(DocxBuilder.wrap("styles", "").utf8))])
        let malformed = try DocxBuilder.archive([("word/document.xml", Array("<w:document><w:body><w:p></w:body>".utf8))])
        let text = Array("这其实是一个文本文件".utf8)
        var messages: [String] = []
        for bytes in [cut, noBody, malformed, text] {
            if let error = readingError({ () throws(DocumentReadingError) in try readDocx(bytes) }) { messages.append(error.message(in: .zh)) }
        }
        #expect(messages.count == 4)
        #expect(messages[1].contains("word/document.xml"))
        #expect(messages[2].contains("格式错误"))
        #expect(messages[3].contains("不是 Word 文档"))
    }

    @Test func otherFormatsAreNamedWithHowToSaveAsDocx() throws {
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 100)
        let pdf = Array("%PDF-1.7\n%âãÏÓ\n1 0 obj".utf8)
        let cases: [([UInt8], String, String)] = [
            (ole, "docx", "旧版 Word"), (pdf, "docx", "PDF"), (ole, "doc", "旧版 Word"), (pdf, "pdf", "PDF"),
            (Array("x".utf8), "wps", "WPS"), (Array("x".utf8), "odt", "OpenDocument"), (Array("{\\rtf1 x}".utf8), "rtf", "RTF"),
            (Array("x".utf8), "pages", ".pages"),
        ]
        for (bytes, ext, kind) in cases {
            let error = readingError { () throws(DocumentReadingError) in try DocumentReader.read(data: bytes, fileExtension: ext, fileName: "通知.\(ext)") }
            #expect(error?.message(in: .zh).contains(kind) == true, "\(ext): \(error?.message(in: .zh) ?? "")")
            #expect(error?.hint(in: .zh)?.contains("Word 文档 (*.docx)") == true)
            #expect(error?.hint(in: .zh)?.contains("另存为") == true)
        }
        let renamed = readingError { () throws(DocumentReadingError) in try DocumentReader.read(data: ole, fileExtension: "docx") }
        #expect(renamed?.message(in: .zh).contains("扩展名是 .docx，但它其实是旧版 Word") == true)
        let workbook = try DocxBuilder.archive([("xl/workbook.xml", Array("<workbook/>".utf8))])
        let spreadsheet = readingError { () throws(DocumentReadingError) in try readDocx(workbook) }
        #expect(spreadsheet?.message(in: .zh).contains("Excel") == true)
    }

    /// The same error reads in English, its reason too (the reason is filled in the language shown).
    @Test func errorsReadInEitherLanguage() {
        let missing = URL(fileURLWithPath: "/nonexistent/通知.docx")
        let error = readingError { () throws(DocumentReadingError) in try DocumentReader.read(missing) }
        #expect(error?.message(in: .zh) == "无法打开文件“/nonexistent/通知.docx”：文件不存在")
        #expect(error?.message(in: .en) == "Cannot open the file '/nonexistent/通知.docx': the file does not exist")
        #expect(error?.hint(in: .en)?.contains("exists") == true)
    }

    @Test func sofficeCommandOnlyWhenInstalled() {
        let error = UnsupportedFormat.error(kind: Message("read.kind.pdf"), fileName: "通知 2024.pdf")
        #expect(error.hint(in: .zh)?.contains("soffice --headless --convert-to docx '通知 2024.pdf'") == UnsupportedFormat.sofficeIsInstalled())
    }

    @Test func xmlThatIsNotUTF8IsRefused() throws {
        // An element name with GB18030 bytes in it (FoundationXML would trap on it).
        let xml = Array(#"<?xml version="1.0" encoding="UTF-8"?><w:document><w:body><w:ab"#.utf8) + [0xF3, 0xC8, 0xCB, 0xD4]
            + Array("/></w:body></w:document>".utf8)
        let bytes = try DocxBuilder.archive([("word/document.xml", xml)])
        let error = readingError { () throws(DocumentReadingError) in try readDocx(bytes) }
        #expect(error?.message(in: .zh).contains("UTF-8") == true)
    }

    @Test func pathologicalFieldsAndCountersStayCheap() throws {
        // Counters at the edge of Int, and 20 000 fields that never end, each with a run after it.
        let numbering = DocxBuilder.numbering(abstracts: [1: DocxBuilder.level(0, "decimal", "%1.", start: Int.max)], nums: [
            (1, 1, #"<w:lvlOverride w:ilvl="0"><w:startOverride w:val="-9223372036854775808"/></w:lvlOverride>"#),
            (2, 1, #"<w:lvlOverride w:ilvl="0"><w:startOverride w:val="9223372036854775807"/></w:lvlOverride>"#),
        ])
        let fields = String(repeating: #"<w:r><w:fldChar w:fldCharType="begin"/><w:instrText>PAGE</w:instrText><w:t>x</w:t></w:r>"#, count: 20_000)
        let body = DocxBuilder.p("甲", num: (1, 0)) + DocxBuilder.p("乙", num: (2, 0)) + DocxBuilder.p("丙", num: (2, 0)) + "<w:p>\(fields)</w:p>"
        let bytes = try DocxBuilder.docx(body: body, numbering: numbering)
        let started = ContinuousClock.now
        let document = try readDocx(bytes)
        #expect(paragraphs(document).map(\.shownText) == ["0.甲", "32767.乙", "32768.丙"])
        #expect(ContinuousClock.now - started < .seconds(20))
    }

    @Test func processingInstructionsAreRefused() throws {
        // FoundationXML crashes on a processing instruction without data; Word writes none.
        for xml in ["<?xml version=\"1.0\"?><?x?><w:document/>", "<?xmlh?><w:document/>", "<w:document><?pi data?></w:document>"] {
            let bytes = try DocxBuilder.archive([("word/document.xml", Array(xml.utf8))])
            let error = readingError { () throws(DocumentReadingError) in try readDocx(bytes) }
            #expect(error?.message(in: .zh).contains("处理指令") == true)
        }
    }

    @Test func deepNestingIsRefused() throws {
        let deep = String(repeating: "<w:sdt><w:sdtContent>", count: 300) + String(repeating: "</w:sdtContent></w:sdt>", count: 300)
        let bytes = try DocxBuilder.docx(body: deep)
        let error = readingError { () throws(DocumentReadingError) in try readDocx(bytes) }
        #expect(error?.message(in: .zh).contains("过于复杂") == true)
    }
}

func lastIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
    guard bytes.count >= needle.count else { return nil }
    for start in stride(from: bytes.count - needle.count, through: 0, by: -1) where Array(bytes[start..<start + needle.count]) == needle {
        return start
    }
    return nil
}

@Suite struct PageBreakTests {
    @Test func aSentenceBrokenByAPageNumberIsOneParagraphAgain() throws {
        let text = "（四）基层\r\n- 2 -\r\n农技人员。在县乡两级工作满10年。\r\n（五）企业申报人须上传营业执照。\r\n- 3 -\r\n（六）其他。\r\n"
        let document = try DocumentReader.read(data: Array(text.utf8), fileExtension: "txt")
        let texts = document.blocks.compactMap { block -> String? in
            if case let .paragraph(paragraph) = block { return paragraph.text }
            return nil
        }
        #expect(texts == ["（四）基层农技人员。在县乡两级工作满10年。", "（五）企业申报人须上传营业执照。", "（六）其他。"])
        #expect(document.removed.map { $0.text(in: .zh) }.contains("单独成行的页码 2 行"))
    }
}
