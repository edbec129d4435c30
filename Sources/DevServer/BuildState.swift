import Foundation
import NoticeModel
import Support

/// What open pages learn through the long poll: a generation number that changes with every
/// rebuild, whether the last rebuild succeeded (if not, its diagnostics, shown over the page while
/// the last good site keeps being served), and whether the asking page was rewritten since the
/// generation it last saw, so only pages that changed reload.
final class BuildState: @unchecked Sendable {
    struct Answer: Equatable {
        var generation: Int
        var ok: Bool
        var problems: [String]
        var reload: Bool
    }

    private let lock = NSLock()
    private var generation = 0
    private var ok = true
    private var problems: [String] = []
    /// What each recent generation rewrote; nil means every page.
    private var history: [(generation: Int, pages: Set<String>?)] = []
    private static let historyLength = 200

    var current: Int { lock.withLock { generation } }

    /// A successful rebuild of these addresses (`/2024/x/`), or of everything.
    func rewrote(_ pages: [String]?) {
        lock.withLock {
            generation += 1
            ok = true
            problems = []
            history.append((generation, pages.map(Set.init)))
            if history.count > Self.historyLength { history.removeFirst(history.count - Self.historyLength) }
        }
    }

    func failed(_ diagnostics: [Diagnostic]) {
        lock.withLock {
            generation += 1
            ok = false
            problems = diagnostics.filter { $0.severity == .error }.map(\.description)
            history.append((generation, []))
        }
    }

    func answer(page: String?, since: Int?) -> Answer {
        lock.withLock {
            var reload = false
            if let since, since != generation, ok {
                let oldest = history.first?.generation ?? 0
                let address = page.map(Self.normalise)
                reload = since < oldest - 1 || history.contains { entry in
                    entry.generation > since && (entry.pages == nil || address.map { entry.pages!.contains($0) } ?? true)
                }
            }
            return Answer(generation: generation, ok: ok, problems: problems, reload: reload)
        }
    }

    /// `/2024/x/index.html` and `/2024/x` are the page `/2024/x/`.
    static func normalise(_ path: String) -> String {
        var address = path.removingPercentEncoding ?? path
        if address.hasSuffix("/index.html") { address = String(address.dropLast("index.html".count)) }
        if !address.hasSuffix("/") && !address.split(separator: "/").last.map({ $0.contains(".") })! { address += "/" }
        return address
    }

    /// Whether a poll can answer now: the generation moved on from `since`, or it is the one the
    /// page was served at but failed and the page has not shown its problems yet (`known` false).
    /// Without the second case a page served while the content was broken (say, reloaded by the
    /// good save just before the bad one) waited for the next change and never showed the error.
    func hasNews(since: Int?, known: Bool) -> Bool {
        guard let since else { return true }
        return lock.withLock { since != generation || (!ok && !known) }
    }

    /// Waits until there is news for the page (`hasNews`) or `timeout` passes; answers with the
    /// script the page loads: `window.__noticeboardState({...});`.
    func script(page: String?, since: Int?, known: Bool, timeout: Duration) async -> String {
        let deadline = ContinuousClock.now + timeout
        while !hasNews(since: since, known: known), ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
        let answer = answer(page: page, since: since)
        let body: [String: Any] = ["generation": answer.generation, "ok": answer.ok, "problems": answer.problems, "reload": answer.reload]
        // Inside a script file `</script` is harmless, but keep `<` escaped like the site's JSON blocks.
        let json = JSONWriter([.escapingLessThan, .escapingSlashes]).encode(body)
        return "window.__noticeboardState && window.__noticeboardState(\(json));\n"
    }
}
