import Foundation
import TestSupport
import Testing
@testable import NoticeModel

/// The mistakes an office clerk makes in notice.yml, each reported once, as advice, at the
/// line and column where the fix goes (issue 17).
@Suite("Clerk mistakes")
struct ClerkMistakeTests {
    /// The one diagnostic a text gives, read as YAML.
    func syntaxDiagnostic(_ text: String) throws -> Diagnostic {
        let reader = YAMLReader(file: "notice.yml")
        #expect(reader.compose(text) == nil)
        #expect(reader.log.all.count == 1, "\(reader.log.all.map { $0.description(in: .zh) })")
        return try #require(reader.log.all.first)
    }

    let levels = """
    id: 2022-shuili
    levels:
      - id: fugao
        rank: 副高级
        name: 高级工程师
      - id: zhongji
        rank: 中级
    """

    @Test("a '-' out of line with the list names the line it must line up with")
    func misalignedDash() throws {
        let diagnostic = try syntaxDiagnostic(levels.replacingOccurrences(of: "  - id: zhongji", with: "   - id: zhongji"))
        #expect(diagnostic.text.key == "loading.yaml.indentDash")
        #expect((diagnostic.line, diagnostic.column) == (6, 4))
        #expect(diagnostic.message(in: .zh) == "缩进不对：第6行的 `-` 应与第3行的 `-` 对齐（第3列）")
    }

    @Test("a key one space out names the key it must line up with")
    func misalignedKey() throws {
        let diagnostic = try syntaxDiagnostic(levels.replacingOccurrences(of: "    name: 高级工程师", with: "   name: 高级工程师"))
        #expect(diagnostic.text.key == "loading.yaml.indentKey")
        #expect((diagnostic.line, diagnostic.column) == (5, 4))
        #expect(diagnostic.message(in: .zh) == "缩进不对：第5行应与第4行的 rank 对齐（第5列）")
    }

    @Test("a tab used to indent")
    func tab() throws {
        let diagnostic = try syntaxDiagnostic(levels.replacingOccurrences(of: "    rank: 中级", with: "  \trank: 中级"))
        #expect(diagnostic.text.key == "loading.yaml.tab")
        #expect((diagnostic.line, diagnostic.column) == (7, 3))
    }

    @Test("no space after the colon is reported on its own line, not the next")
    func noSpaceAfterColon() throws {
        let diagnostic = try syntaxDiagnostic("id: x\nissuer:水利职称办\nyear: 2022\n")
        #expect(diagnostic.text.key == "loading.yaml.noSpaceAfterColon")
        #expect((diagnostic.line, diagnostic.column) == (2, 7))
        #expect(diagnostic.hint(in: .zh) == "冒号后面加一个空格：`issuer: 水利职称办`")
    }

    @Test("a full-width colon, the commonest slip of a Chinese keyboard")
    func fullWidthColon() throws {
        let diagnostic = try syntaxDiagnostic("id: x\nissuer：水利职称办\nyear: 2022\n")
        #expect(diagnostic.text.key == "loading.yaml.fullwidthColon")
        #expect((diagnostic.line, diagnostic.column) == (2, 7))
        #expect(diagnostic.message(in: .zh) == "字段名 issuer 后面用了中文冒号“：”")
    }

    @Test("a full-width space in the indentation, even where YAML reads it without complaint")
    func fullWidthSpace() throws {
        let diagnostic = try syntaxDiagnostic(levels.replacingOccurrences(of: "    rank: 中级", with: "\u{3000}\u{3000}rank: 中级"))
        #expect(diagnostic.text.key == "loading.yaml.fullwidthSpace")
        #expect((diagnostic.line, diagnostic.column) == (7, 1))
    }

    @Test("an unclosed quote is reported where it opens, not at the end of the file")
    func unclosedQuote() throws {
        let diagnostic = try syntaxDiagnostic("id: x\ntitle: \"2022年度通知\nissuer: 水利职称办\nyear: 2022\n")
        #expect(diagnostic.text.key == "loading.yaml.unclosedQuote")
        #expect((diagnostic.line, diagnostic.column) == (2, 8))
    }

    @Test("an unclosed quote that swallows the lines up to the next quote is still reported where it opens")
    func unclosedQuoteMidFile() throws {
        let diagnostic = try syntaxDiagnostic("id: x\ntitle: \"2022年度通知\nissuer: 水利职称办\nlevels:\n  - id: fugao\n    source: \"#一\"\n  - id: zhongji\n")
        #expect(diagnostic.text.key == "loading.yaml.unclosedQuote")
        #expect((diagnostic.line, diagnostic.column) == (2, 8))
    }

    @Test("a key indented further than the one before it is an indentation mistake, not a colon in a value")
    func overIndentedKey() throws {
        let diagnostic = try syntaxDiagnostic(levels.replacingOccurrences(of: "    name: 高级工程师", with: "     name: 高级工程师"))
        #expect(diagnostic.text.key == "loading.yaml.indentKey")
        #expect((diagnostic.line, diagnostic.column) == (5, 6))
    }

    @Test("an unclosed bracket is reported at the end of its line")
    func unclosedBracket() throws {
        let diagnostic = try syntaxDiagnostic("id: x\nseries: [gongcheng\nissuer: 水利职称办\n")
        #expect(diagnostic.text.key == "loading.yaml.unclosedBracket")
        #expect((diagnostic.line, diagnostic.column) == (2, 19))
    }

    @Test("': ' inside a value, at the colon, counted in characters on a Chinese line")
    func colonInValue() throws {
        let diagnostic = try syntaxDiagnostic("id: x\ntitle: 水利通知: 第二批\n")
        #expect(diagnostic.text.key == "loading.yaml.colonInValue")
        #expect((diagnostic.line, diagnostic.column) == (2, 12))
    }

    @Test("a key written twice is reported at the second one")
    func duplicateKey() throws {
        let diagnostic = try syntaxDiagnostic("id: x\ntitle: 一\nyear: 2022\ntitle: 二\n")
        #expect(diagnostic.text.key == "loading.yaml.duplicateKey")
        #expect(diagnostic.line == 4)
        #expect(diagnostic.message(in: .zh) == "字段 title 在同一处写了两次（第2行已经写过）")
    }

    // MARK: - No cascades

    @Test("a misspelt section is one error: no 'missing', no to_confirm or fee follow-ons")
    func misspeltSection() throws {
        let yml = minimalNotice.replacingOccurrences(of: "fees:", with: "feees:")
            + "payment:\n  text: 银行转账\n  deadline: 2022-09-01\nto_confirm: [fees.fugao, payment]\n"
        let misspelt = yml.replacingOccurrences(of: "payment:\n", with: "paymnet:\n")
        let fixture = try ContentFixture(notices: ["2022-shuili": (misspelt, minimalText)])
        defer { fixture.remove() }
        let diagnostics = fixture.load().diagnostics
        #expect(diagnostics.map(\.text.key).sorted() == ["loading.unknownKey", "loading.unknownKey"], "\(diagnostics.map { $0.description(in: .zh) })")
        #expect(diagnostics.contains { $0.message(in: .zh) == "未知的字段 paymnet，是不是 payment？（在 notice.yml 里）" })
    }

    @Test("a misspelt level in fees is one error: no fee 'missing' for the level meant, no to_confirm follow-on")
    func misspeltFeeLevel() throws {
        let yml = minimalNotice.replacingOccurrences(of: "{level: fugao, amount: 500}", with: "{level: fugoa, amount: 500}")
            + "to_confirm: [fees.fugao]\n"
        let fixture = try ContentFixture(notices: ["2022-shuili": (yml, minimalText)])
        defer { fixture.remove() }
        let diagnostics = fixture.load().diagnostics
        #expect(diagnostics.map(\.text.key) == ["loading.unknownLevel"], "\(diagnostics.map { $0.description(in: .zh) })")
        #expect(diagnostics.first?.hint(in: .zh)?.contains("fugao") == true)
    }

    @Test("a quote left open that swallows the next field is an error where it opens, though YAML reads it")
    func quoteSwallowingTheNextField() throws {
        let yml = minimalNotice.replacingOccurrences(of: "    label: 网上申报\n", with: "    label: 网上申报\n    note: \"原文：8月5日10:00至8月31日20:00\n")
        let fixture = try ContentFixture(notices: ["2022-shuili": (yml, minimalText)])
        defer { fixture.remove() }
        let diagnostics = fixture.load().diagnostics
        #expect(diagnostics.map(\.text.key) == ["loading.yaml.unclosedQuote"], "\(diagnostics.map { $0.description(in: .zh) })")
        #expect(diagnostics.first?.line == 14 && diagnostics.first?.column == 11)
        // A quoted text that runs over lines on purpose, with no field name in it, stays as it is.
        let wrapped = minimalNotice.replacingOccurrences(of: "    label: 网上申报\n", with: "    label: 网上申报\n    note: \"原文：8月5日10:00\n      至8月31日20:00\"\n")
        let fine = try ContentFixture(notices: ["2022-shuili": (wrapped, minimalText)])
        defer { fine.remove() }
        #expect(fine.load().diagnostics.filter { $0.severity == .error }.isEmpty)
    }

    @Test("a misspelt required key is not also reported missing")
    func misspeltRequiredKey() throws {
        let fixture = try ContentFixture(notices: ["2022-shuili": (minimalNotice.replacingOccurrences(of: "issuer:", with: "isuer:"), minimalText)])
        defer { fixture.remove() }
        #expect(fixture.load().diagnostics.map(\.text.key) == ["loading.unknownKey"])
    }

    @Test("an impossible date is one error, named as a person says it")
    func impossibleDate() throws {
        let yml = minimalNotice.replacingOccurrences(of: "start: 2022-08-05 10:00", with: "start: 2022-02-30 10:00")
            .replacingOccurrences(of: "end: 2022-08-31 20:00", with: "end: 2022-01-31 20:00")
            + "to_confirm: [timeline.apply]\n"
        let fixture = try ContentFixture(notices: ["2022-shuili": (yml, minimalText)])
        defer { fixture.remove() }
        let diagnostics = fixture.load().diagnostics.filter { $0.severity == .error }
        #expect(diagnostics.count == 1, "\(diagnostics.map { $0.description(in: .zh) })")
        #expect(diagnostics.first?.message(in: .zh) == "日期不存在：2022年2月30日（start）")
        #expect(diagnostics.first?.hint(in: .zh) == "2022年2月只有28天，请对照通知核对日和月")
    }

    @Test("a date written the office's way gets the line to write instead")
    func officeDate() {
        #expect(DateAdvice.rewritten("2025年3月5日") == "2025-03-05")
        #expect(DateAdvice.rewritten("2025/3/5 9:30") == "2025-03-05 09:30")
        #expect(DateAdvice.rewritten("2025.02.30") == nil)
    }

    // MARK: - All files, all notices

    @Test("a syntax error in one notice hides neither another notice's errors nor the notice from the count")
    func twoNotices() throws {
        let broken = minimalNotice.replacingOccurrences(of: "issuer: 水利职称办", with: "issuer：水利职称办")
        let invalid = minimalNotice.replacingOccurrences(of: "2022-shuili", with: "2022-other")
            .replacingOccurrences(of: "{level: fugao, amount: 500}", with: "{level: fugoa, amount: 500}")
            .replacingOccurrences(of: "end: 2022-08-31 20:00", with: "end: 2022-08-32 20:00")
        let fixture = try ContentFixture(notices: ["2022-shuili": (broken, minimalText), "2022-other": (invalid, minimalText)])
        defer { fixture.remove() }
        let result = fixture.load()
        let keys = result.diagnostics.map { "\($0.file.split(separator: "/").dropLast().last ?? ""): \($0.text.key)" }
        #expect(keys.contains("2022-shuili: loading.yaml.fullwidthColon"))
        #expect(keys.contains("2022-other: loading.unknownLevel"))
        #expect(keys.contains("2022-other: loading.impossibleDate.day"))
        #expect(result.noticeFolderCount == 2)
        #expect(result.content?.notices.count == 1)
        #expect(result.content?.noticeFolderCount == 2)
        #expect(ContentLoader.noticeFolderCount(in: fixture.root) == 2)
    }
}

@Suite("Diagnostic printer")
struct DiagnosticPrinterTests {
    @Test("the caret stands under the column, Chinese characters counting two")
    func caretUnderChineseText() {
        let line = "    name: 高级工程师：x"
        let diagnostic = Diagnostic(.error, file: "notice.yml", line: 102, column: 16, Message("loading.yaml.fullwidthColon", ["key": "name"]),
                                    hint: Message("loading.yaml.fullwidthColon.hint", ["key": "name"]))
        #expect(diagnostic.rendered(withSource: line, in: .zh) == """
        notice.yml:102:16: 错误：字段名 name 后面用了中文冒号“：”
          102 |     name: 高级工程师：x
              |                     ^
          提示：改成英文冒号加一个空格：`name: …`（切换到英文输入法再输入冒号）
        """)
    }

    @Test("tabs show as spaces to the next stop of four, and the caret follows")
    func tabs() {
        let lines = SourceSnippet.lines(number: 7, text: "\t- 全角", column: 4)
        #expect(lines == ["  7 |     - 全角", "    |       ^"])
    }

    @Test("files are read once; a missing or binary file prints without a line")
    func filesReadOnce() {
        var reads: [String] = []
        let files = ["a.yml": Data("id: x\nyear: 二〇二二\n".utf8), "b.bin": Data([0, 1, 2])]
        let printer = DiagnosticPrinter(language: .en) { path in reads.append(path); return files[path] }
        let first = Diagnostic(.error, file: "a.yml", line: 2, column: 7, Message("loading.notInteger", ["key": "year", "found": "`二〇二二`"]))
        let second = Diagnostic(.warning, file: "a.yml", line: 1, column: 5, Message("loading.empty", ["key": "id"]))
        #expect(printer.render(first) == "a.yml:2:7: error: 'year' must be a whole number, found `二〇二二`\n  2 | year: 二〇二二\n    |       ^")
        #expect(printer.render(second).hasSuffix("  1 | id: x\n    |     ^"))
        #expect(printer.render(Diagnostic(.error, file: "b.bin", line: 1, column: 1, Message("loading.notUTF8"))) == "b.bin:1:1: error: the file is not valid UTF-8")
        #expect(printer.render(Diagnostic(.error, file: "gone.yml", line: 1, column: 1, Message("loading.fileMissing"))) == "gone.yml:1:1: error: file is missing or unreadable")
        #expect(reads == ["a.yml", "b.bin", "gone.yml"])
    }

    @Test("a file saved on Windows (CR LF) shows its line like any other")
    func windowsLineEnds() {
        let printer = DiagnosticPrinter(language: .en) { _ in Data("id: x\r\nyear: 二〇二二\r\n".utf8) }
        let diagnostic = Diagnostic(.error, file: "a.yml", line: 2, column: 7, Message("loading.notInteger", ["key": "year", "found": "`二〇二二`"]))
        #expect(printer.render(diagnostic) == "a.yml:2:7: error: 'year' must be a whole number, found `二〇二二`\n  2 | year: 二〇二二\n    |       ^")
    }

    @Test("a long line is shown around the caret")
    func longLine() {
        let text = String(repeating: "很", count: 200) + "X"
        let lines = SourceSnippet.lines(number: 1, text: Substring(text), column: 201)
        #expect(lines[0].hasPrefix("  1 | …很"))
        #expect(lines[0].hasSuffix("很X"))
        let shown = lines[0].filter { $0 == "很" }.count
        #expect(lines[1] == "    | " + String(repeating: " ", count: 1 + 2 * shown) + "^")
    }
}
