import Foundation
import NoticeModel
import Testing
@testable import NoticeComparison

@Suite("diff: old values still written")
struct OldValuesLeftTests {
    @Test("A fee raised and a deadline moved in the data, their old values still in the words, are reported where they stand")
    func oldValuesLeft() throws {
        let (folder, notices) = try contentWithSuccessor { text in
            text.replacingOccurrences(of: "  - level: fugao\n    amount: 700", with: "  - level: fugao\n    amount: 800")
                .replacingOccurrences(of: "end: 2025-08-30 18:00", with: "end: 2025-09-05 18:00")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let new = try #require(notices.first { $0.id == "2025-meitan-aksu" })
        let old = try #require(notices.first { $0.id == "2024-meitan-aksu" })
        let data = try String(contentsOf: folder.appendingPathComponent("notices/2025-meitan-aksu/notice.yml"), encoding: .utf8)
        let left = NoticeComparison.oldValuesLeft(from: old, to: new, dataText: data)
        let fees = left.filter { $0.text.key == "check.diff.oldFee" }
        #expect(Set(fees.map { $0.file }) == ["content/notices/2025-meitan-aksu/notice.md", "content/notices/2025-meitan-aksu/notice.yml"])
        #expect(fees.allSatisfy { $0.message(in: .en) == "the fee for 高级工程师 changed from 700 to 800 yuan, but this still says 700" })
        // The amount's own column: `按照高级工程师每人700元` in payment.text.
        let line = try #require(fees.first { $0.file.hasSuffix("notice.yml") })
        let text = data.split(separator: "\n", omittingEmptySubsequences: false)[line.line - 1]
        #expect(Array(text.unicodeScalars)[(line.column - 1)..<(line.column + 2)].map(String.init).joined() == "700")
        let dates = left.filter { $0.text.key == "check.diff.oldDate" }
        #expect(dates.contains { $0.file.hasSuffix("notice.yml") && $0.message(in: .en).contains("'截止8月30日18:00'") })
        #expect(dates.contains { $0.file.hasSuffix("notice.md") && $0.line == 19 })
    }

    @Test("Nothing changed, nothing left: a copy with its years shifted reports no old values")
    func nothingLeft() throws {
        let (folder, notices) = try contentWithSuccessor { $0 }
        defer { try? FileManager.default.removeItem(at: folder) }
        let new = try #require(notices.first { $0.id == "2025-meitan-aksu" })
        let old = try #require(notices.first { $0.id == "2024-meitan-aksu" })
        #expect(NoticeComparison.oldValuesLeft(from: old, to: new, dataText: "") == [])
    }
}
