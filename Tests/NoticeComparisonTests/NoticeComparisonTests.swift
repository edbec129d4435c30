import Foundation
import NoticeModel
import NoticeScaffold
import TestSupport
import Testing
@testable import NoticeComparison

/// The sample content plus a 2025 notice made from 2024-meitan-aksu by `new --from`, then edited
/// as an office would for a new year.
func contentWithSuccessor(edit: (String) -> String) throws -> (URL, [Notice]) {
    let folder = try copyOfContent("diff")
    _ = try NoticeScaffold.copy(from: "2024-meitan-aksu", year: 2025, contentDirectory: folder)
    try TestSupport.edit(folder.appendingPathComponent("notices/2025-meitan-aksu/notice.yml"), edit)
    let loaded = ContentLoader.load(from: folder, displayRoot: "content")
    let errors = loaded.diagnostics.filter { $0.severity == .error }.map(\.description)
    #expect(errors.isEmpty, "\(errors)")
    return (folder, loaded.content?.notices ?? [])
}

@Suite("What changed since last year")
struct NoticeComparisonTests {
    @Test("None of the five sample notices has a predecessor: they are different specialties")
    func samplesHaveNoPredecessor() throws {
        let notices = try #require(ContentLoader.load(from: repositoryRoot.appendingPathComponent("content")).content?.notices)
        #expect(notices.allSatisfy { NoticeComparison.predecessor(of: $0, in: notices) == nil })
    }

    @Test("A copy with only its years shifted has no changes")
    func shiftedCopyIsUnchanged() throws {
        let (folder, notices) = try contentWithSuccessor { $0 }
        defer { try? FileManager.default.removeItem(at: folder) }
        let new = try #require(notices.first { $0.id == "2025-meitan-aksu" })
        let old = try #require(NoticeComparison.predecessor(of: new, in: notices))
        #expect(old.id == "2024-meitan-aksu")
        #expect(NoticeComparison.changes(from: old, to: new) == [])
    }

    @Test("Dates, fees, continuing-education years, checklist items and rules that changed are listed, from the data")
    func changesAreListed() throws {
        let (folder, notices) = try contentWithSuccessor { text in
            text.replacingOccurrences(of: "end: 2025-08-30 18:00", with: "end: 2025-09-05 18:00")
                .replacingOccurrences(of: "amount: 700", with: "amount: 800")
                .replacingOccurrences(of: "general_years: [2022, 2025]", with: "general_years: [2021, 2025]")
                .replacingOccurrences(of: "checklist:\n", with: """
                checklist:
                  - id: mandarin-certificate
                    section: 普通话
                    title: 普通话水平测试等级证书
                    text: 申报人须上传普通话水平测试等级证书
                    format: .jpg
                    source: "#一申报范围"

                """)
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let new = try #require(notices.first { $0.id == "2025-meitan-aksu" })
        let old = try #require(notices.first { $0.id == "2024-meitan-aksu" })
        let changes = NoticeComparison.changes(from: old, to: new)
        let lines = changes.map { "\($0.area)|\($0.kind.rawValue)|\($0.text)" }
        #expect(lines.contains { $0.hasPrefix("时间安排|changed|") && $0.contains("去年 2024年7月22日 至 2024年8月30日 18:00，今年 2025年7月22日 至 2025年9月5日 18:00") })
        #expect(lines.contains { $0.hasPrefix("评审费|changed|") && $0.contains("去年700元，今年800元") })
        #expect(lines.contains { $0.hasPrefix("继续教育|changed|公需科目") && $0.contains("去年要求2021–2024年（共4年），今年要求2021–2025年（共5年）") })
        #expect(lines.contains("材料清单|added|普通话：普通话水平测试等级证书（.jpg）"))
        #expect(changes.count == 4, "\(lines)")
        let report = NoticeComparison.report(from: old, to: new)
        #expect(report.hasPrefix("2024-meitan-aksu → 2025-meitan-aksu：4 处变化"))
        #expect(report.contains("材料清单\n  [新增] 普通话：普通话水平测试等级证书（.jpg）"))
    }

    @Test("A rule whose text changed (.jpg only), a changed format and a removed checklist item")
    func rulesAndRemovals() throws {
        let (folder, notices) = try contentWithSuccessor { text in
            text.replacingOccurrences(of: "    text: 须认真准确填写各栏目，并上传正向、清晰的相应佐证材料原件扫描件，因漏传、错传、未传导致的后果，由申报人承担。",
                                      with: "    text: 扫描件格式必须为图片（*.jpg），以内容信息命名。")
                .replacingOccurrences(of: "    text: 专业技术人员按要求准确填报个人信息，并上传身份证扫描件（正面和反面）\n    format: 扫描件",
                                      with: "    text: 专业技术人员按要求准确填报个人信息，并上传身份证扫描件（正面和反面）\n    format: .jpg")
                .replacingOccurrences(of: "  - id: photo\n", with: "  - id: photo-2025\n")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let old = try #require(notices.first { $0.id == "2024-meitan-aksu" })
        let new = try #require(notices.first { $0.id == "2025-meitan-aksu" })
        let lines = NoticeComparison.changes(from: old, to: new).map { "\($0.area)|\($0.kind.rawValue)|\($0.text)" }
        #expect(lines.contains { $0.hasPrefix("其他要求|changed|扫描件：") && $0.contains("今年“扫描件格式必须为图片（*.jpg），以内容信息命名。”") })
        #expect(lines.contains("材料清单|changed|上传身份证扫描件（正反面）的格式：去年扫描件，今年.jpg"))
        #expect(lines.contains { $0.hasPrefix("材料清单|removed|基本信息：") })
        #expect(lines.contains { $0.hasPrefix("材料清单|added|基本信息：") })
        #expect(lines.count == 4, "\(lines)")
    }
}
