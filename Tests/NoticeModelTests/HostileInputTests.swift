import Foundation
import TestSupport
import Testing
@testable import NoticeModel

/// What an office's mistakes or an attacker's files may not do: expand, escape the site's folders,
/// or make the build crawl. The whole corpus runs in Tests/quality/test_hostile.py.
@Suite("Hostile input")
struct HostileInputTests {
    @Test("aliases that repeat a long text thousands of times are refused at the first alias")
    func aliasExpansion() throws {
        let yml = minimalNotice + "transcription_notes:\n  - &long \"" + String(repeating: "哈", count: 20_000) + "\"\n"
            + String(repeating: "  - *long\n", count: 200)
        let fixture = try ContentFixture(notices: ["2022-shuili": (yml, minimalText)])
        defer { fixture.remove() }
        let error = try #require(fixture.load().diagnostics.first { $0.message(in: .en).contains("aliases (*name) repeat text") })
        #expect((error.line, error.column) == (21, 5))
        // The same file saved with Windows line ends points at the same place.
        let crlf = try ContentFixture(notices: ["2022-shuili": (yml.replacingOccurrences(of: "\n", with: "\r\n"), minimalText)])
        defer { crlf.remove() }
        let crlfError = try #require(crlf.load().diagnostics.first { $0.message(in: .en).contains("aliases (*name) repeat text") })
        #expect((crlfError.line, crlfError.column) == (21, 5))
    }

    @Test("nested aliases (billion laughs) are refused without expanding them")
    func billionLaughs() throws {
        var yml = minimalNotice + "transcription_notes:\n  - &a0 \"哈哈\"\n"
        for level in 1...9 { yml += "  - &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n" }
        let fixture = try ContentFixture(notices: ["2022-shuili": (yml, minimalText)])
        defer { fixture.remove() }
        let started = Date()
        #expect(fixture.load().diagnostics.contains { $0.message(in: .en).contains("aliases (*name) repeat text") })
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test("lists nested 100,000 deep are an error at the level too deep, not a crash when the tree is freed")
    func deepNesting() throws {
        let yml = minimalNotice + "transcription_notes: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        let fixture = try ContentFixture(notices: ["2022-shuili": (yml, minimalText)])
        defer { fixture.remove() }
        let error = try #require(fixture.load().diagnostics.first { $0.message(in: .en).contains("nesting depth") })
        #expect((error.line, error.column) == (19, 21 + 1_000), "\(error.line):\(error.column)")
    }

    @Test("a few aliases within the file's own size are still read")
    func smallAliasIsFine() throws {
        let yml = minimalNotice + "transcription_notes:\n  - &note 原文如此\n  - *note\n"
        let fixture = try ContentFixture(notices: ["2022-shuili": (yml, minimalText)])
        defer { fixture.remove() }
        let result = fixture.load()
        #expect(!result.hasErrors, "\(result.diagnostics)")
    }

    @Test("a template id with '..' is an error at its line, not a path")
    func templateIDMustBeSlug() throws {
        let yml = minimalNotice + """
        templates:
          - id: ../../../tmp/x
            file: notice.md
            number: 附件1
            kind: 公示
            title: 公示
        """
        let fixture = try ContentFixture(notices: ["2022-shuili": (yml, minimalText)])
        defer { fixture.remove() }
        let error = try #require(fixture.load().diagnostics.first { $0.message(in: .en).contains("template id '../../../tmp/x' must be lower-case ASCII") })
        #expect((error.line, error.column) == (20, 5))
    }

    @Test("a theme name with '..' is an error in site.yml")
    func themeMustBeSlug() throws {
        let fixture = try ContentFixture(notices: ["2022-shuili": (minimalNotice, minimalText)], site: "title: 站\ntheme: ../../etc\n")
        defer { fixture.remove() }
        let error = try #require(fixture.load().diagnostics.first { $0.message(in: .en).contains("theme '../../etc' must be the name of a folder") })
        #expect(error.file == "content/site.yml" && error.line == 2)
    }

    @Test("a content file over 4 MB is refused with its size")
    func oversizedFile() throws {
        let text = minimalText + String(repeating: "申报评审继续教育材料。\n\n", count: 160_000)
        let fixture = try ContentFixture(notices: ["2022-shuili": (minimalNotice, text)])
        defer { fixture.remove() }
        let error = try #require(fixture.load().diagnostics.first { $0.message(in: .en).contains("more than the 4 MB") })
        #expect(error.file == "content/notices/2022-shuili/notice.md" && error.line == 1 && error.column == 1)
        #expect(error.message(in: .en).range(of: #"^the file is \d+\.\d MB, more than the 4 MB a content file may be$"#, options: .regularExpression) != nil)
    }
}
