import Foundation
import NoticeModel
import SiteGeneration
import Support

/// Owns the live site and runs every rebuild one after another, so a page is never written by
/// two builds at once.
actor SiteKeeper {
    let options: DevServer.Options
    let state: BuildState
    private let site: LiveSite
    private var watcher: FileWatcher
    private var searchIndexStale = false
    private var searchIndexRunning = false
    /// Set when a save arrives while the search index is being written: the job stops, and
    /// starts again from the new state when the editing pauses.
    private let stopSearchIndex = StopFlag()
    private var lastChange = ContinuousClock.now

    init(options: DevServer.Options, state: BuildState) {
        self.options = options
        self.state = state
        site = LiveSite(options: options.site)
        var roots = [options.site.contentDirectory, options.site.themesDirectory.appendingPathComponent("default")]
        if let theme = options.site.themeName { roots.append(options.site.themesDirectory.appendingPathComponent(theme)) }
        watcher = FileWatcher(roots: roots, polling: options.polling)
    }

    func start() async {
        await rebuildAll(reason: say("serve.reason.first"))
        show(watcher.usesInotify ? say("serve.watching.inotify") : say("serve.watching.scan"))
    }

    /// Scans for changes until cancelled.
    func watch() async {
        while !Task.isCancelled {
            // Reading inotify's queue is nearly free; a scan of every file is not.
            try? await Task.sleep(for: watcher.usesInotify ? options.pollInterval : max(options.pollInterval, .milliseconds(250)))
            let scanStarted = ContinuousClock.now
            let changed = watcher.changes()
            if !changed.isEmpty {
                lastChange = .now
                if searchIndexRunning { stopSearchIndex.set(true) }
                await rebuild(changed, scanMilliseconds: milliseconds(since: scanStarted))
            } else if searchIndexStale, !searchIndexRunning, ContinuousClock.now - lastChange >= options.searchIndexDelay,
                      let job = site.searchIndexJob() {
                // Off the rebuild path: edits keep being rebuilt while the index is written.
                searchIndexStale = false
                searchIndexRunning = true
                stopSearchIndex.set(false)
                let started = ContinuousClock.now
                let stop = stopSearchIndex
                Task.detached(priority: .background) {
                    var problem: String?
                    var stopped = false
                    do { try job.run(shouldStop: { stop.value }) } catch is CancellationError { stopped = true } catch { problem = "\(error)" }
                    await self.searchIndexFinished(started: started, stopped: stopped, problem: problem)
                }
            }
        }
    }

    private func searchIndexFinished(started: ContinuousClock.Instant, stopped: Bool, problem: String?) {
        searchIndexRunning = false
        if stopped {
            searchIndexStale = true   // again when the editing pauses
        } else if let problem { warn(say("serve.searchIndex.failed", ["reason": problem])) } else {
            show(say("serve.searchIndex.done", ["milliseconds": "\(milliseconds(since: started))"]))
        }
    }

    private func rebuild(_ changed: Set<String>, scanMilliseconds: Int) async {
        let noticesRoot = options.site.contentDirectory.standardizedFileURL.path + "/notices/"
        let folders = Set(changed.compactMap { path -> String? in
            guard path.hasPrefix(noticesRoot) else { return nil }
            return path.dropFirst(noticesRoot.count).split(separator: "/").first.map(String.init)
        })
        let onlyNotices = changed.allSatisfy { $0.hasPrefix(noticesRoot) }
        guard onlyNotices, site.noticeCount > 0 else {
            await rebuildAll(reason: changed.count == 1 ? say("serve.reason.oneChanged") : say("serve.reason.changed", ["count": "\(changed.count)"]))
            return
        }
        let started = ContinuousClock.now
        do {
            let state = self.state
            var reloadAfter: Int?
            let update = try site.update(noticeFolders: folders) { pages in
                // The notice's own pages reload now, then the home page; the listings when they are written.
                state.rewrote(pages)
                if reloadAfter == nil { reloadAfter = milliseconds(since: started) }
            }
            state.rewrote(update.listingPages)
            searchIndexStale = searchIndexStale || update.searchIndexStale
            printWarnings(update.diagnostics)
            let t = update.timings
            show(say("serve.rebuilt", ["pages": "\(update.pagesWritten)", "notices": update.rewritten.joined(separator: ", "),
                                       "milliseconds": "\(milliseconds(since: started))", "scan": "\(scanMilliseconds)", "read": "\(t.load)",
                                       "noticePages": "\(t.notices)", "reload": "\(reloadAfter ?? 0)", "listings": "\(t.listings)"]))
        } catch {
            await failed(error.diagnostics)
        }
    }

    private func rebuildAll(reason: String) async {
        let started = ContinuousClock.now
        do {
            let report = try site.rebuildAll()
            searchIndexStale = false
            state.rewrote(nil)
            printWarnings(report.diagnostics)
            show(say("serve.built", ["pages": "\(report.pagesWritten)", "notices": "\(report.noticeCount)", "reason": reason,
                                     "milliseconds": "\(milliseconds(since: started))"]))
        } catch {
            await failed(error.diagnostics)
        }
    }

    private func failed(_ diagnostics: [Diagnostic]) async {
        state.failed(diagnostics)
        for diagnostic in diagnostics { warn(diagnostic.description) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        warn(errors == 1 ? say("serve.failed.one") : say("serve.failed", ["errors": "\(errors)"]))
    }

    private func printWarnings(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics where diagnostic.severity == .warning { warn(diagnostic.description) }
    }

    private func show(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    private func warn(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    private nonisolated func milliseconds(since start: ContinuousClock.Instant) -> Int {
        (ContinuousClock.now - start).wholeMilliseconds
    }
}

/// A flag shared with the background search-index job.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = false
    var value: Bool { lock.withLock { stored } }
    func set(_ value: Bool) { lock.withLock { stored = value } }
}
