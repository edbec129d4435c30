import Foundation
import NoticeModel
import Testing
@testable import NoticeImport

@Suite struct DraftProbe {
    @Test func probe() throws {
        guard let which = ProcessInfo.processInfo.environment["PROBE"] else { return }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let seed = try String(contentsOf: root.appendingPathComponent("Tests/import/seeds/\(which)"), encoding: .utf8)
        let taxonomy = ContentLoader.load(from: root.appendingPathComponent("content")).content!.taxonomy
        let outline = NoticeOutline(lines(seed))
        let draft = try NoticeDrafter(outline: outline, taxonomy: taxonomy, fileName: which, requestedID: nil, removed: []).draft()
        let out = URL(fileURLWithPath: "/tmp/probe/\(which)")
        try? FileManager.default.removeItem(at: out)
        try FileManager.default.createDirectory(at: out.appendingPathComponent("templates"), withIntermediateDirectories: true)
        for file in draft.files { try file.text.write(to: out.appendingPathComponent(file.path), atomically: true, encoding: .utf8) }
        try "\(draft.summary)".write(to: out.appendingPathComponent("summary.txt"), atomically: true, encoding: .utf8)
    }
}
