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
    /// The browser tabs with a long poll waiting now, by the id reload.js keeps per tab: the page
    /// each shows and how many of its polls are waiting. A tab that moves to another page moves
    /// here with its first poll, so the page it left (whose poll the server still holds) no
    /// longer counts as open. A poll without an id counts as a tab of its own page.
    private var tabs: [String: (page: String, polls: Int)] = [:]
    /// The newest generation each page has polled from: a page served at generation g polls with
    /// `since=g` once it has loaded.
    private var polledFrom: [String: Int] = [:]
    /// Open pages a rebuild told to reload, with the generation that rewrote them; each has
    /// reloaded once it polls from that generation on (`openPagesReloaded`).
    private var reloading: [String: Int] = [:]
    /// Long polls parked until the generation changes (`nextGeneration`), by number: a rebuild
    /// answers them at once, where polling the state every few milliseconds answered late.
    private var parked: [Int: CheckedContinuation<Void, Never>] = [:]
    private var parkedCount = 0

    var current: Int { lock.withLock { generation } }
    /// Changes with every full build (a theme file changed, or the site's settings): the version
    /// pages ask for the theme's assets with (`AssetVersions`).
    private var assetsGeneration = 0
    var assetsVersion: Int { lock.withLock { assetsGeneration } }

    /// A successful rebuild of these addresses (`/2024/x/`), or of everything.
    func rewrote(_ pages: [String]?) {
        lock.withLock {
            generation += 1
            ok = true
            problems = []
            history.append((generation, pages.map(Set.init)))
            if pages == nil { assetsGeneration = generation }
            if history.count > Self.historyLength { history.removeFirst(history.count - Self.historyLength) }
            let open = Set(tabs.values.map(\.page))
            for page in pages ?? [] where open.contains(page) { reloading[page] = generation }
        }
        wakeParked()
    }

    /// Whether a long poll of the page at this address is waiting now.
    func isOpen(_ address: String) -> Bool { lock.withLock { tabs.values.contains { $0.page == Self.normalise(address) } } }

    /// Waits until every open page told to reload since the last call has loaded again (it polls
    /// anew when its load event has fired), or `limit` has passed. `serve` writes the listings
    /// after this: on a two-core machine a page that reloads while 10,000 notices' listings are
    /// made beside it took twice as long to load.
    func openPagesReloaded(within limit: Duration) async {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline, !lock.withLock({ reloading.allSatisfy { (polledFrom[$0.key] ?? -1) >= $0.value } }) {
            try? await Task.sleep(for: .milliseconds(2))
        }
        lock.withLock { reloading = [:] }
    }

    func failed(_ diagnostics: [Diagnostic]) {
        lock.withLock {
            generation += 1
            ok = false
            problems = diagnostics.filter { $0.severity == .error }.map(\.description)
            history.append((generation, []))
        }
        wakeParked()
    }

    private func wakeParked() {
        let woken = lock.withLock {
            defer { parked = [:] }
            return parked.values
        }
        for continuation in woken { continuation.resume() }
    }

    /// Returns once the generation is no longer `seen`, or at `deadline`.
    private func nextGeneration(after seen: Int?, until deadline: ContinuousClock.Instant) async {
        let number = lock.withLock {
            parkedCount += 1
            return parkedCount
        }
        let timer = Task {
            try? await Task.sleep(until: deadline)
            lock.withLock { parked.removeValue(forKey: number) }?.resume()
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            // A rebuild between the caller's check and here, or the deadline passed: no need to park.
            let parkedNow = lock.withLock {
                guard seen == generation, ContinuousClock.now < deadline else { return false }
                parked[number] = continuation
                return true
            }
            if !parkedNow { continuation.resume() }
        }
        timer.cancel()
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
    func script(page: String?, since: Int?, known: Bool, tab: String? = nil, timeout: Duration) async -> String {
        let address = page.map(Self.normalise)
        let key = address.map { address in tab.flatMap { $0.isEmpty ? nil : "tab " + $0 } ?? "page " + address }
        if let address, let key {
            lock.withLock {
                tabs[key] = (address, (tabs[key]?.polls ?? 0) + 1)
                if let since { polledFrom[address] = max(polledFrom[address] ?? since, since) }
            }
        }
        defer {
            if let key {
                lock.withLock {
                    tabs[key]?.polls -= 1
                    if tabs[key]?.polls == 0 { tabs[key] = nil }
                }
            }
        }
        let deadline = ContinuousClock.now + timeout
        while !hasNews(since: since, known: known), ContinuousClock.now < deadline {
            await nextGeneration(after: since, until: deadline)
        }
        let answer = answer(page: page, since: since)
        let body: [String: Any] = ["generation": answer.generation, "ok": answer.ok, "problems": answer.problems, "reload": answer.reload]
        // Inside a script file `</script` is harmless, but keep `<` escaped like the site's JSON blocks.
        let json = JSONWriter([.escapingLessThan, .escapingSlashes]).encode(body)
        return "window.__noticeboardState && window.__noticeboardState(\(json));\n"
    }
}
