import Foundation
import NoticeComparison
import NoticeModel
import Support

/// What is still open in notices about to be published or sent: facts marked `to_confirm` and the
/// warnings `check` would print. `build` and `handout` say it in one line with the command that
/// lists them, since a handout once sent cannot be corrected.
public struct OutstandingWork: Sendable, Equatable {
    /// Facts still to confirm (`Notice.pendingFacts`).
    public var toConfirm: Int
    /// Warnings from loading and the office's lints, the to-confirm ones not counted twice.
    public var warnings: Int

    public var isEmpty: Bool { toConfirm == 0 && warnings == 0 }

    /// Counted over every notice, or only the notice `noticeID`, loading the content. Links are
    /// not checked (that needs a built site): `check` does.
    public static func measure(contentDirectory: URL, displayPath: String? = nil, noticeID: String? = nil) -> OutstandingWork {
        let loaded = ContentLoader.load(from: contentDirectory, displayRoot: displayPath ?? contentDirectory.path)
        return measure(notices: loaded.content?.notices ?? [], diagnostics: loaded.diagnostics, contentDirectory: contentDirectory, noticeID: noticeID)
    }

    /// What `build` says: loading's warnings and the facts to confirm of every notice, and the
    /// office's lints for the notices being prepared (the newest year's, and any with facts still
    /// to confirm). The lints read each notice.yml again, which would weigh on the build (docs/benchmark.md) of
    /// a region's archive for notices published years ago; `check` lints them all.
    public static func measureBuild(notices all: [Notice], diagnostics: [Diagnostic], contentDirectory: URL) -> OutstandingWork {
        let newest = all.map(\.year).max()
        return measure(notices: all, diagnostics: diagnostics, contentDirectory: contentDirectory,
                       linting: { $0.year == newest || !$0.pendingFacts.isEmpty })
    }

    /// Counted over notices already loaded, with the warnings loading them gave; the lints run on
    /// the notices `linting` picks.
    public static func measure(notices all: [Notice], diagnostics: [Diagnostic], contentDirectory: URL, noticeID: String? = nil,
                               linting: @Sendable (Notice) -> Bool = { _ in true }) -> OutstandingWork {
        let notices = noticeID.map { id in all.filter { $0.id == id } } ?? all
        let predecessors = NoticeComparison.Predecessors(all)
        // Loading's warnings by notice folder (`…/notices/<folder>/notice.yml`), counted once.
        var loadingWarnings: [String: Int] = [:]
        for diagnostic in diagnostics where diagnostic.severity == .warning {
            let parts = diagnostic.file.split(separator: "/")
            if let index = parts.lastIndex(of: "notices"), index + 1 < parts.count { loadingWarnings[String(parts[index + 1]), default: 0] += 1 }
        }
        let byFolder = loadingWarnings
        // The lints of each notice on every core: a build of thousands of notices waits for them.
        let counted = Parallel.map(notices.count) { index -> OutstandingWork in
            let notice = notices[index]
            let lints = linting(notice) ? OfficeLints.run(notice, contentDirectory: contentDirectory, predecessor: predecessors.of(notice)) : []
            let loading = byFolder[notice.directory.split(separator: "/").last.map(String.init) ?? notice.directory] ?? 0
            return OutstandingWork(toConfirm: notice.pendingFacts.count,
                                   warnings: lints.filter { $0.severity == .warning && !$0.text.key.hasPrefix("check.toConfirm") }.count + loading)
        }
        return counted.reduce(OutstandingWork(toConfirm: 0, warnings: 0)) {
            OutstandingWork(toConfirm: $0.toConfirm + $1.toConfirm, warnings: $0.warnings + $1.warnings)
        }
    }

    /// The line `build` prints (nil when nothing is open).
    public func buildLine(content: String) -> String? {
        isEmpty ? nil : say("check.outstanding.build", ["facts": String(toConfirm), "warnings": String(warnings), "content": content])
    }

    /// The line `handout` prints for the notice (nil when nothing is open).
    public func handoutLine(content: String) -> String? {
        isEmpty ? nil : say("check.outstanding.handout", ["facts": String(toConfirm), "warnings": String(warnings), "content": content])
    }
}
