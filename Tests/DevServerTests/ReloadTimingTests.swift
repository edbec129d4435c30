import Foundation
import Testing
@testable import DevServer

/// How `serve` hands a save to the open pages: a waiting long poll is answered the moment a
/// rebuild lands, the listings wait until the open pages have loaded again, and the theme's
/// assets are asked for under a version a browser may keep until the next full build.
@Suite("serve's reload timing")
struct ReloadTimingTests {
    @Test("a waiting long poll is answered as soon as a rebuild lands, not at its next check")
    func parkedPollAnswersAtOnce() async throws {
        let state = BuildState()
        state.rewrote(nil)
        let poll = try await openPage(state, "/2024/x/")
        try await Task.sleep(for: .milliseconds(50))   // parked
        let rebuilt = ContinuousClock.now
        state.rewrote(["/2024/x/"])
        let answer = await poll.value
        #expect(answer.contains("\"reload\":true"))
        // Answered by the rebuild, not by the poll's 20 s running out (bounds wide enough for a busy machine).
        #expect(ContinuousClock.now - rebuilt < .seconds(5))
    }

    @Test("the listings wait for an open page told to reload until it polls from the new build")
    func waitsForTheReloadedPage() async throws {
        let state = BuildState()
        state.rewrote(nil)
        let open = try await openPage(state, "/2024/x/index.html")
        state.rewrote(["/2024/x/"])
        _ = await open.value
        let clock = ContinuousClock()
        // The reloaded page polls again 150 ms later, from the generation it was served at.
        let reloaded = Task {
            try await Task.sleep(for: .milliseconds(150))
            _ = await state.script(page: "/2024/x/", since: state.current, known: true, timeout: .milliseconds(10))
        }
        let waited = await clock.measure { await state.openPagesReloaded(within: .seconds(20)) }
        try await reloaded.value
        #expect(waited >= .milliseconds(140) && waited < .seconds(10), "waited \(waited)")
    }

    @Test("no open page, nothing to wait for; a page that never loads again is waited for at most the limit")
    func waitsAtMostTheLimit() async throws {
        let state = BuildState()
        state.rewrote(nil)
        let clock = ContinuousClock()
        state.rewrote(["/2024/x/"])
        #expect(await clock.measure { await state.openPagesReloaded(within: .seconds(20)) } < .seconds(10))

        let open = try await openPage(state, "/2024/y/")
        state.rewrote(["/2024/y/"])
        _ = await open.value
        let waited = await clock.measure { await state.openPagesReloaded(within: .milliseconds(200)) }
        #expect(waited >= .milliseconds(190) && waited < .seconds(10), "waited \(waited)")
    }

    @Test("a tab that moved to another page no longer counts its old page as open, though its old poll is still held")
    func tabMovedOn() async throws {
        let state = BuildState()
        state.rewrote(nil)
        let old = try await openPage(state, "/2024/x/", tab: "7")
        let new = try await openPage(state, "/", tab: "7")
        #expect(!state.isOpen("/2024/x/"))
        state.rewrote(["/2024/x/"])
        let clock = ContinuousClock()
        #expect(await clock.measure { await state.openPagesReloaded(within: .seconds(20)) } < .seconds(10))
        _ = await (old.value, new.value)
    }

    @Test("pages ask for the theme's assets under the version of the last full build, and nothing else changes")
    func assetVersions() {
        let page = """
        <link rel="stylesheet" href="assets/site.css"><script defer src="../../assets/status.js"></script>
        <a href="../assets/guide.pdf?x=1">guide</a> <a href="https://example.org/assets/a.css">x</a>
        <script src="../../search/engine.js"></script><p>assets/ in the text</p><a href="myassets/x.css">y</a>
        """
        let versioned = AssetVersions.versioned(page, version: 7)
        #expect(versioned == """
        <link rel="stylesheet" href="assets/site.css?v=7"><script defer src="../../assets/status.js?v=7"></script>
        <a href="../assets/guide.pdf?x=1">guide</a> <a href="https://example.org/assets/a.css">x</a>
        <script src="../../search/engine.js"></script><p>assets/ in the text</p><a href="myassets/x.css">y</a>
        """)
        let state = BuildState()
        state.rewrote(nil)
        let first = state.assetsVersion
        state.rewrote(["/2024/x/"])
        #expect(state.assetsVersion == first, "a notice's save keeps the assets")
        state.rewrote(nil)
        #expect(state.assetsVersion > first, "a full build (a theme edit) changes them")
    }

    /// A page open in a browser: its long poll from the current generation, returned once it has
    /// reached the state (a task may start late on a busy machine).
    private func openPage(_ state: BuildState, _ page: String, tab: String? = nil) async throws -> Task<String, Never> {
        let served = state.current
        let poll = Task { await state.script(page: page, since: served, known: true, tab: tab, timeout: .seconds(20)) }
        while !state.isOpen(page) { try await Task.sleep(for: .milliseconds(2)) }
        return poll
    }
}
