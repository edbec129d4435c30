import Foundation
import TestSupport
import Testing
@testable import NoticeModel

@Suite("Loading notices")
struct LoadingTests {
    @Test("a valid notice loads with every fact as data")
    func loadsValidNotice() throws {
        let fixture = try ContentFixture(notices: ["2022-shuili": (minimalNotice, minimalText)])
        defer { fixture.remove() }
        let result = fixture.load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let notice = try #require(result.content?.notices.first)
        #expect(notice.id == "2022-shuili")
        #expect(notice.slug == "shuili")
        #expect(notice.levels.map(\.rank) == [.fugao])
        #expect(notice.applicationWindow?.start == BeijingDateTime(year: 2022, month: 8, day: 5, hour: 10, minute: 0))
        #expect(notice.applicationWindow?.end?.chinese == "2022年8月31日 20:00")
        #expect(notice.fees.map(\.amount) == [500])
    }

    @Test("who continuing education is not required of: the notice's words, and conditions the profile can answer")
    func notRequiredGroups() throws {
        let yml = minimalNotice + """

        continuing_education:
          - general_years: [2018, 2022]
            not_required_for:
              - 援疆专业技术人员
              - who: 民营企业专业技术人员初次参加职称评审
                employer: [民营企业]
                first_application: true
            text: 民营企业专业技术人员初次参加职称评审对继续教育不做硬性要求
          - general_years: [2018, 2022]
            not_required_for:
              - who: 民营企业初次
                employer: [民企]
                first: true
            text: …
        """
        let fixture = try ContentFixture(notices: ["2022-shuili": (yml, minimalText)])
        defer { fixture.remove() }
        let result = fixture.load()
        let groups = try #require(result.content?.notices.first?.continuingEducation.first?.notRequiredFor)
        #expect(groups.map(\.who) == ["援疆专业技术人员", "民营企业专业技术人员初次参加职称评审"])
        #expect(groups[0].conditions.isEmpty)
        #expect(groups[1].conditions.employer == ["民营企业"] && groups[1].conditions.firstApplication == true)
        // A misspelt employer type and key are errors at their place, with the choices.
        let wrongType = try #require(result.diagnostics.first { $0.message(in: .en).contains("employer '民企' is not one of") })
        #expect(wrongType.line == yml.components(separatedBy: "\n").firstIndex { $0.contains("[民企]") }.map { $0 + 1 })
        #expect(result.diagnostics.contains { $0.message(in: .en).contains("unknown key 'first'") && $0.hint(in: .en)?.contains("first_application") == true })
    }

    @Test("a reading must quote the notice word for word")
    func readingsQuoteTheText() throws {
        let yml = minimalNotice + """

        readings:
          - about: timeline
            reading: 按北京时间理解
            quote: 8月5日10:00至……8月31日20:00
          - about: timeline
            reading: 按北京时间理解
            quote: 8月6日10:00至8月31日
        """
        let fixture = try ContentFixture(notices: ["2022-shuili": (yml, minimalText)])
        defer { fixture.remove() }
        let result = fixture.load()
        #expect(result.content?.notices.first?.readings.count == 2)
        let errors = result.diagnostics.filter { $0.message(in: .en).contains("quote") }
        #expect(errors.count == 1)
        #expect(errors.first?.message(in: .en).contains("8月6日10:00至8月31日") == true)
        #expect(errors.first?.line == minimalNotice.components(separatedBy: "\n").count + 5)
    }

    @Test("an unknown key is reported at its line and column with a suggestion")
    func unknownKeySuggestsClosest() throws {
        let yml = minimalNotice.replacingOccurrences(of: "issuer: 水利职称办", with: "isuer: 水利职称办")
        let fixture = try ContentFixture(notices: ["2022-shuili": (yml, minimalText)])
        defer { fixture.remove() }
        let diagnostics = fixture.load().diagnostics
        let unknown = try #require(diagnostics.first { $0.message(in: .en).contains("unknown key 'isuer'") })
        #expect(unknown.file == "content/notices/2022-shuili/notice.yml")
        #expect(unknown.line == 4)
        #expect(unknown.column == 1)
        #expect(unknown.hint(in: .en) == "rename 'isuer' to 'issuer' if that is what you meant")
        #expect(unknown.description(in: .en).hasPrefix("content/notices/2022-shuili/notice.yml:4:1: error: unknown key 'isuer'"))
        // The misspelling is the one mistake: no "missing 'issuer'" besides.
        #expect(!diagnostics.contains { $0.message(in: .en).contains("missing 'issuer'") })
    }

    @Test("every problem in every file is reported in one run")
    func reportsAllProblemsAtOnce() throws {
        let wrongType = minimalNotice.replacingOccurrences(of: "year: 2022", with: "year: 二〇二二")
        let impossible = minimalNotice.replacingOccurrences(of: "end: 2022-08-31 20:00", with: "end: 2022-02-30 20:00")
            .replacingOccurrences(of: "2022-shuili", with: "2022-shuili-b")
        let fixture = try ContentFixture(notices: ["2022-shuili": (wrongType, minimalText), "2022-shuili-b": (impossible, minimalText)])
        defer { fixture.remove() }
        let diagnostics = fixture.load().diagnostics
        let typeError = try #require(diagnostics.first { $0.message(in: .en).contains("'year' must be a whole number") })
        #expect((typeError.line, typeError.column) == (2, 7))
        let dateError = try #require(diagnostics.first { $0.message(in: .en).contains("impossible date") })
        #expect(dateError.file.hasSuffix("2022-shuili-b/notice.yml"))
        #expect((dateError.line, dateError.column) == (15, 10))
        #expect(dateError.message(in: .en).contains("month 2 of 2022 has no day 30"))
    }

    @Test("an event that ends before it starts is an error")
    func endBeforeStart() throws {
        let yml = minimalNotice.replacingOccurrences(of: "start: 2022-08-05 10:00", with: "start: 2022-09-05 10:00")
        let fixture = try ContentFixture(notices: ["2022-shuili": (yml, minimalText)])
        defer { fixture.remove() }
        let error = try #require(fixture.load().diagnostics.first { $0.message(in: .en).contains("ends (2022-08-31 20:00) before it starts") })
        #expect(error.severity == .error)
        #expect(error.line == 15)
    }

    @Test("a date outside the notice year is a warning unless the data records a correction")
    func dateOutsideYear() throws {
        let misprint = minimalNotice.replacingOccurrences(of: "start: 2022-08-05 10:00", with: "start: 2021-08-05 10:00")
        let fixture = try ContentFixture(notices: ["2022-shuili": (misprint, minimalText)])
        defer { fixture.remove() }
        let warning = try #require(fixture.load().diagnostics.first { $0.message(in: .en).contains("outside the notice year 2022") })
        #expect(warning.severity == .warning)

        let corrected = misprint + "" // a correction silences it
        let withCorrection = corrected.replacingOccurrences(of: "    source: \"#一时间安排\"", with: """
            source: "#一时间安排"
            as_printed: 2021年8月5日
            correction: 通知印作2021年，应为2022年
        """)
        let second = try ContentFixture(notices: ["2022-shuili": (withCorrection, minimalText)])
        defer { second.remove() }
        #expect(!second.load().diagnostics.contains { $0.message(in: .en).contains("outside the notice year") })
    }

    @Test("references to unknown levels and series name the known ones")
    func unknownReferences() throws {
        let yml = minimalNotice.replacingOccurrences(of: "{level: fugao, amount: 500}", with: "{level: fugoa, amount: 500}")
            .replacingOccurrences(of: "series: [gongcheng]", with: "series: [gongchen]")
        let fixture = try ContentFixture(notices: ["2022-shuili": (yml, minimalText)])
        defer { fixture.remove() }
        let diagnostics = fixture.load().diagnostics
        #expect(diagnostics.contains { $0.message(in: .en) == "unknown level 'fugoa'" && $0.hint(in: .en) == "did you mean 'fugao'?" })
        #expect(diagnostics.contains { $0.message(in: .en) == "unknown series 'gongchen'" && $0.hint(in: .en) == "did you mean 'gongcheng'?" })
    }

    @Test("YAML syntax errors and duplicate keys carry positions")
    func syntaxErrors() throws {
        let broken = minimalNotice.replacingOccurrences(of: "title: 2022年度水利专业职称评审通知", with: "title: [unclosed")
        let duplicated = minimalNotice + "year: 2023\n"
        let fixture = try ContentFixture(notices: ["2022-shuili": (broken, minimalText), "2022-dup": (duplicated, minimalText)])
        defer { fixture.remove() }
        let diagnostics = fixture.load().diagnostics
        let syntax = try #require(diagnostics.first { $0.file.hasSuffix("2022-shuili/notice.yml") })
        #expect(syntax.message(in: .en).hasPrefix("the [ opened on line 3 is never closed"))
        #expect(syntax.line >= 3)
        #expect(diagnostics.contains { $0.file.hasSuffix("2022-dup/notice.yml") && $0.message(in: .en).contains("duplicate key") })
    }

    @Test("a file that is not UTF-8 is reported at the first bad byte")
    func invalidUTF8() throws {
        let fixture = try ContentFixture(notices: ["2022-shuili": (minimalNotice, minimalText)])
        defer { fixture.remove() }
        var bytes = Array(minimalNotice.utf8)
        bytes.insert(contentsOf: [0xB2, 0xE2], at: Array(minimalNotice.utf8).firstIndex(of: UInt8(ascii: "\n"))! + 1)
        try Data(bytes).write(to: fixture.root.appendingPathComponent("notices/2022-shuili/notice.yml"))
        let diagnostic = try #require(fixture.load().diagnostics.first)
        #expect(diagnostic.message(in: .en) == "the file is not valid UTF-8")
        #expect((diagnostic.line, diagnostic.column) == (2, 1))
    }

    @Test("the folder name must match the id, and ids must be unique")
    func idChecks() throws {
        let fixture = try ContentFixture(notices: ["2022-other": (minimalNotice, minimalText), "2022-shuili": (minimalNotice, minimalText)])
        defer { fixture.remove() }
        let diagnostics = fixture.load().diagnostics
        #expect(diagnostics.contains { $0.message(in: .en).contains("differs from its folder name '2022-other'") })
        #expect(diagnostics.contains { $0.message(in: .en).contains("duplicate notice id '2022-shuili'") })
    }
}

@Suite("Beijing dates")
struct BeijingDateTimeTests {
    @Test("parses dates and times and rejects impossible ones")
    func parsing() throws {
        #expect(try BeijingDateTime.parse("2024-02-29").day == 29)
        #expect(throws: BeijingDateTime.ParseError.impossibleDay(year: 2023, month: 2, day: 29, daysInMonth: 28)) { try BeijingDateTime.parse("2023-02-29") }
        #expect(throws: BeijingDateTime.ParseError.badFormat) { try BeijingDateTime.parse("2024/08/30") }
        #expect(throws: BeijingDateTime.ParseError.impossibleTime("25:00")) { try BeijingDateTime.parse("2024-08-30 25:00") }
    }

    @Test("instants carry the +08:00 offset; a whole day closes at its last second")
    func instants() throws {
        let day = try BeijingDateTime.parse("2024-09-15")
        #expect(day.isoStart == "2024-09-15T00:00:00+08:00")
        #expect(day.isoEnd == "2024-09-15T23:59:59+08:00")
        let time = try BeijingDateTime.parse("2024-08-30 18:00")
        #expect(time.isoEnd == "2024-08-30T18:00:00+08:00")
        #expect(time.chinese == "2024年8月30日 18:00")
    }
}

@Suite("Inline content fixtures")
struct InlineContentTests {
    @Test("a content folder written from a txtar archive holds the files as written and loads")
    func archive() throws {
        let content = try ContentFixture("""
        A comment: the site of one notice.
        \(minimalSite)
        -- notices/2022-shuili/notice.yml --
        \(minimalNotice)
        -- notices/2022-shuili/notice.md --
        \(minimalText)
        """)
        defer { content.remove() }
        #expect(try String(contentsOf: content.url("site.yml"), encoding: .utf8) == "title: 测试站点\n")
        #expect(try String(contentsOf: content.url("notices/2022-shuili/notice.md"), encoding: .utf8) == minimalText)
        let result = ContentLoader.load(from: content.root, displayRoot: "content")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.content?.notices.map(\.id) == ["2022-shuili"])
    }
}
