import Foundation
import NoticeModel
import TestSupport
import Testing
@testable import NoticeScaffold

@Suite("noticeboard new")
struct NoticeScaffoldTests {
    @Test("--from copies the folder, shifts every year in the data and marks each shifted date to confirm")
    func copyShiftsYears() throws {
        let content = try copyOfContent()
        defer { try? FileManager.default.removeItem(at: content) }
        let result = try NoticeScaffold.copy(from: "2024-meitan-aksu", year: 2025, contentDirectory: content)
        #expect(result.id == "2025-meitan-aksu")
        #expect(result.written.contains("notices/2025-meitan-aksu/templates/gongshi.md"))
        #expect(result.toConfirm == ["timeline.apply", "timeline.review", "timeline.payment", "timeline.paper", "payment.deadline",
                                     "seniority_cutoff.date", "paper_forms.deadline"])

        let loaded = ContentLoader.load(from: content, displayRoot: "content")
        let errors = loaded.diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(errors.isEmpty, "\(errors)")
        let old = try #require(loaded.content?.notices.first { $0.id == "2024-meitan-aksu" })
        let new = try #require(loaded.content?.notices.first { $0.id == "2025-meitan-aksu" })
        #expect(new.year == 2025 && new.slug == "meitan-aksu")
        #expect(new.title == "关于 2025 年阿克苏地区工程系列煤炭专业职称评审及民营企业专项评审工作的通知")
        #expect(new.applicationWindow?.start?.description == "2025-07-22")
        #expect(new.applicationWindow?.end?.description == "2025-08-30 18:00")
        #expect(new.continuingEducation[0].generalYears == 2022...2025)
        #expect(new.continuingEducation[0].platformGeneralFrom == 2023)
        #expect(new.seniorityCutoff?.date.description == "2025-12-31")
        #expect(new.payment?.deadline?.description == "2025-09-15")
        // Every dated timeline step moved by exactly one year.
        for (before, after) in zip(old.timeline, new.timeline) {
            #expect(after.start.map(\.year) == before.start.map { $0.year + 1 })
            #expect(after.end.map(\.year) == before.end.map { $0.year + 1 })
        }
        // Last year's misprint note no longer applies; the source file is last year's.
        #expect(new.timeline.allSatisfy { $0.correction == nil })
        #expect(new.sourceFile == nil)
        #expect(new.isToConfirm("timeline.apply") && !new.isToConfirm("published"))
        // The text, checklist and templates are the previous notice's until the office replaces them.
        #expect(new.markdown == old.markdown && new.checklist.map(\.text) == old.checklist.map(\.text))
        // Comments and layout survive: the copy differs from the original only in the lines it had to change.
        let before = try String(contentsOf: content.appendingPathComponent("notices/2024-meitan-aksu/notice.yml"), encoding: .utf8)
        let after = try String(contentsOf: content.appendingPathComponent("notices/2025-meitan-aksu/notice.yml"), encoding: .utf8)
        #expect(after.split(separator: "\n").count == before.split(separator: "\n").count + 9)
    }

    @Test("It never overwrites an existing notice")
    func refusesToOverwrite() throws {
        let content = try copyOfContent()
        defer { try? FileManager.default.removeItem(at: content) }
        let original = try Data(contentsOf: content.appendingPathComponent("notices/2024-meitan-aksu/notice.yml"))
        #expect(throws: NoticeScaffold.Failure.self) {
            try NoticeScaffold.copy(from: "2023-guotu-cehui-dizhi", year: 2024, newID: "2024-meitan-aksu", contentDirectory: content)
        }
        do {
            _ = try NoticeScaffold.copy(from: "2023-guotu-cehui-dizhi", year: 2024, newID: "2024-meitan-aksu", contentDirectory: content)
        } catch {
            #expect(error.message(in: .en) == "notices/2024-meitan-aksu/ already exists; nothing was written")
            #expect(error.message(in: .zh) == "notices/2024-meitan-aksu/ 已经存在，没有写入任何文件")
        }
        #expect(try Data(contentsOf: content.appendingPathComponent("notices/2024-meitan-aksu/notice.yml")) == original)
        #expect(throws: NoticeScaffold.Failure.self) { try NoticeScaffold.copy(from: "2022-shuli", year: 2023, contentDirectory: content) }
        do { _ = try NoticeScaffold.copy(from: "2022-shuli", year: 2023, contentDirectory: content) } catch {
            #expect(error.hint(in: .en) == "did you mean '2022-shuili'?")
        }
    }

    @Test("A skeleton loads with no error; check lists only its TODOs and the date to confirm")
    func skeleton() throws {
        let content = try copyOfContent()
        defer { try? FileManager.default.removeItem(at: content) }
        let taxonomy = ContentLoader.load(from: content).content?.taxonomy
        let result = try NoticeScaffold.skeleton(id: "2026-shuili", contentDirectory: content, taxonomy: taxonomy)
        #expect(result.written == ["notices/2026-shuili/notice.yml", "notices/2026-shuili/notice.md"])
        let loaded = ContentLoader.load(from: content, displayRoot: "content")
        #expect(loaded.diagnostics.filter { $0.file.contains("2026-shuili") }.isEmpty, "\(loaded.diagnostics.map(\.description))")
        let notice = try #require(loaded.content?.notices.first { $0.id == "2026-shuili" })
        #expect(notice.year == 2026 && notice.isToConfirm("timeline.apply"))
        #expect(throws: NoticeScaffold.Failure.self) { try NoticeScaffold.skeleton(id: "shuili", contentDirectory: content, taxonomy: taxonomy) }
    }

    @Test("29 February becomes 28 February in a year without it; years in a title move, other numbers stay")
    func shiftingRules() {
        let shift = YearShift(oldID: "2024-a", newID: "2025-a", oldYear: 2024, newYear: 2025)
        #expect(shift.shifted(BeijingDateTime(year: 2024, month: 2, day: 29)).description == "2025-02-28")
        #expect(shift.shiftYearsInText("2024年度第12345号（2023-2024年）") == "2025年度第12345号（2024-2025年）")
    }
}
