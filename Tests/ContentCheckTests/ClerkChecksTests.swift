import Foundation
import NoticeModel
import NoticeScaffold
import TestSupport
import Testing
@testable import ContentCheck

/// The sample content plus 2025-meitan-aksu made by `new --from 2024-meitan-aksu`, its notice.yml
/// edited by `edit` as a clerk would.
func clerkContent(edit: (String) -> String = { $0 }, markdown: (String) -> String = { $0 }) throws -> URL {
    let content = try copyOfContent()
    _ = try NoticeScaffold.copy(from: "2024-meitan-aksu", year: 2025, contentDirectory: content)
    try ContentCheckTests_edit(content.appendingPathComponent("notices/2025-meitan-aksu/notice.yml"), edit)
    try ContentCheckTests_edit(content.appendingPathComponent("notices/2025-meitan-aksu/notice.md"), markdown)
    return content
}

private func ContentCheckTests_edit(_ file: URL, _ transform: (String) -> String) throws {
    try edit(file, transform)
}

/// The new notice's warnings as `file:line:column key`.
func newNoticeWarnings(_ content: URL) -> [Diagnostic] {
    check(content).diagnostics.filter { $0.file.contains("2025-meitan-aksu") && $0.severity == .warning }
}

@Suite("check: what a clerk misses in a new year's notice")
struct ClerkChecksTests {
    @Test("Year mentions: dates in three spellings, 年度, spans; citations in 《》 and 〔〕 skipped")
    func yearMentions() {
        let found = YearMention.scan("2024年3月5日、2024-03-05、2024.3.5、2024年度职称、2021-2024年、2021—2024年度、2021年至2024年；《2024年度评审办法》新人社发〔2024年〕12号；2019年起；12024年")
        #expect(found.map(\.words) == ["2024年3月5日", "2024-03-05", "2024.3.5", "2024年度", "2021-2024年", "2021—2024年度", "2021年至2024年"])
        #expect(found.map(\.form) == [.date, .date, .date, .reviewYear, .range, .range, .range])
        #expect(found[3].followedBy == "职称")
        #expect(found[1].offset == 10)
    }

    @Test("Last year's dates, 年度 and spans left in notice.md and notice.yml are warnings at their exact place")
    func staleYears() throws {
        let content = try clerkContent()
        defer { try? FileManager.default.removeItem(at: content) }
        let stale = newNoticeWarnings(content).filter { $0.text.key.hasPrefix("check.staleYear") }
        let places = Set(stale.map { "\($0.file.split(separator: "/").last!):\($0.line):\($0.column)" })
        // 申报时间 in notice.md: "2024年7月22日—2024年8月30日18:00" on line 19.
        #expect(places.isSuperset(of: ["notice.md:19:1", "notice.md:19:12", "notice.md:23:1", "notice.md:27:1"]))
        #expect(stale.contains { $0.message(in: .en).contains("'2021-2024年' ends in the previous year (2024)") && $0.file.hasSuffix("notice.yml") })
        // The document the defence text cites, 《…2024年度…》, is not stale.
        #expect(!stale.contains { $0.message(in: .en).contains("2024年度") })
        #expect(stale.allSatisfy { $0.message(in: .zh).contains("上一年（2024年）") })
    }

    @Test("A line marked 年份无误 is not reported")
    func meantYears() throws {
        // The clerk keeps the payment text's sentence as it is and says so with a comment.
        let content = try clerkContent(
            edit: { $0.replacingOccurrences(of: "其余年度手动上传。民营企业专业技术人员初次参加职称评审对继续教育不做硬性要求。\n",
                                            with: "其余年度手动上传。民营企业专业技术人员初次参加职称评审对继续教育不做硬性要求。 # 年份无误\n") },
            markdown: { $0.replacingOccurrences(of: "2024年8月1日—9月10日。", with: "2024年8月1日—9月10日。<!-- 年份无误 -->") })
        defer { try? FileManager.default.removeItem(at: content) }
        let warnings = newNoticeWarnings(content)
        #expect(!warnings.contains { $0.file.hasSuffix("notice.md") && $0.line == 23 })
        #expect(warnings.contains { $0.file.hasSuffix("notice.md") && $0.line == 19 })
        let ceText = warnings.filter { $0.file.hasSuffix("notice.yml") && $0.line == 124 }
        #expect(ceText.isEmpty, "\(ceText.map(\.description))")
    }

    @Test("A fee and a deadline changed in the data but not in the words disagree, naming both places")
    func disagreements() throws {
        let content = try clerkContent(edit: {
            $0.replacingOccurrences(of: "  - level: fugao\n    amount: 700", with: "  - level: fugao\n    amount: 800")
                .replacingOccurrences(of: "    end: 2025-08-30 18:00", with: "    end: 2025-09-05 18:00")
        })
        defer { try? FileManager.default.removeItem(at: content) }
        let warnings = newNoticeWarnings(content)
        let fees = warnings.filter { $0.text.key == "check.feeDisagrees" }
        #expect(Set(fees.map { $0.file.split(separator: "/").last! }) == ["notice.md", "notice.yml"])
        #expect(fees.allSatisfy { $0.message(in: .en).contains("says 700 yuan for 高级工程师, but fees says 800") })
        #expect(fees.allSatisfy { $0.message(in: .zh).contains("notice.yml:") })
        let deadlines = warnings.filter { $0.text.key == "check.deadlineDisagrees" }
        #expect(deadlines.contains { $0.file.hasSuffix("notice.yml") && $0.message(in: .en).contains("'截止8月30日18:00'") })
        #expect(deadlines.contains { $0.file.hasSuffix("notice.md") && $0.line == 19 })
        // The fee levels 中级/初级 kept their amounts: no warning about them.
        #expect(!fees.contains { $0.message(in: .en).contains("工程师, but") && !$0.message(in: .en).contains("高级工程师") })
    }

    @Test("Continuing-education years in the data and in the rule's text must agree")
    func continuingEducationYears() throws {
        // A range that is not last year's (so not the stale-year warning, which settles the same
        // place when it is) and not this year's either.
        let content = try clerkContent(edit: { $0.replacingOccurrences(of: "2021-2024年", with: "2020-2023年") })
        defer { try? FileManager.default.removeItem(at: content) }
        let warnings = newNoticeWarnings(content)
        let ce = warnings.filter { $0.text.key == "check.ceYearsDisagree" }
        #expect(!ce.isEmpty && ce.allSatisfy { $0.message(in: .en).contains("says 2020–2023, but general_years is 2022–2025") || $0.message(in: .en).contains("specialty_years is 2022–2025") })
        // Left as last year's, the range is one warning, not two at the same place.
        let stale = try clerkContent()
        defer { try? FileManager.default.removeItem(at: stale) }
        let places = newNoticeWarnings(stale).map { "\($0.file):\($0.line):\($0.column)" }
        #expect(places.count == Set(places).count, "\(places)")
    }

    @Test("The sample notices have no warnings of the new kinds: no false alarms")
    func noFalseAlarmsOnSamples() {
        let report = check(repositoryRoot.appendingPathComponent("content"))
        let keys = ["check.staleYear.date", "check.staleYear.reviewYear", "check.staleYear.range", "check.feeDisagrees",
                    "check.deadlineDisagrees", "check.ceYearsDisagree"]
        #expect(!report.diagnostics.contains { keys.contains($0.text.key) })
    }

    @Test("Outstanding work counts the notice's facts to confirm and its warnings")
    func outstanding() throws {
        let content = try clerkContent()
        defer { try? FileManager.default.removeItem(at: content) }
        let one = OutstandingWork.measure(contentDirectory: content, noticeID: "2025-meitan-aksu")
        #expect(one.toConfirm == 7 && one.warnings > 5)
        let all = OutstandingWork.measure(contentDirectory: content)
        #expect(all.toConfirm == 7 && all.warnings == one.warnings + 2)
        #expect(OutstandingWork(toConfirm: 0, warnings: 0).buildLine(content: "content") == nil)
        let line = try #require(one.handoutLine(content: "content"))
        #expect(line.contains("noticeboard check --content content"))
    }
}
