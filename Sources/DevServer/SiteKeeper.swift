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
    /// The search-index job writing in the background, if any. At most one runs: a new one starts
    /// only once this one has reported its end (`searchIndexFinished` clears it).
    private var searchJob: RunningSearchJob?
    /// Numbers the jobs, so the end of one is never taken for the end of another.
    private(set) var searchJobsStarted = 0
    /// Whether the last rebuild was refused: the next save may then build everything (LiveSite
    /// builds in full after a refused full build), and a full build must not start under a job.
    private var lastRebuildRefused = false
    private var lastChange = ContinuousClock.now
    /// How many search jobs run at once: never more than one (`SiteKeeperTests`).
    nonisolated let searchJobsAtOnce = RunningCount()

    /// A job and the flag that stops it. Each job has a flag of its own: with one flag shared by
    /// every job, starting a job cleared the stop asked of the one before.
    private struct RunningSearchJob {
        let number: Int
        let stop: StopFlag
        let task: Task<Void, Never>
    }

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
                // Asked, not awaited: a notice's pages and the job's files (search/, sitemap, feed)
                // are different files, so the save is rebuilt while the job winds down.
                searchJob?.stop.set(true)
                await rebuild(changed, scanMilliseconds: milliseconds(since: scanStarted))
            } else if searchIndexStale, searchJob == nil, ContinuousClock.now - lastChange >= options.searchIndexDelay,
                      let job = site.searchIndexJob() {
                startSearchIndex(job)
            }
        }
    }

    /// Stops the server's background work for good: the search job is stopped and waited for, so
    /// the process never ends while it is writing.
    func shutDown() async {
        await searchIndexStopped()
    }

    /// Writes the search index, sitemap and feed off the rebuild path: edits keep being rebuilt
    /// while the index is written.
    private func startSearchIndex(_ job: SearchIndexJob) {
        searchIndexStale = false
        searchJobsStarted += 1
        let number = searchJobsStarted
        let stop = StopFlag()
        let started = ContinuousClock.now
        let running = searchJobsAtOnce
        let task = Task.detached {
            running.enter()
            // On a thread of its own at the lowest priority, one core at most: the rebuild of the
            // next save and the browser reloading its page come first (at 10,000 notices a job on
            // both cores slowed a save's reload from 130 to 190 ms).
            let (stopped, problem) = await withCheckedContinuation { (done: CheckedContinuation<(Bool, String?), Never>) in
                Parallel.inBackground {
                    do { try job.run(shouldStop: { stop.value }); done.resume(returning: (false, nil)) } catch is CancellationError {
                        done.resume(returning: (true, nil))
                    } catch { done.resume(returning: (false, "\(error)")) }
                }
            }
            running.leave()
            await self.searchIndexFinished(number, started: started, stopped: stopped, problem: problem)
        }
        searchJob = RunningSearchJob(number: number, stop: stop, task: task)
    }

    /// Stops the running search job, if any, and waits until it has ended: a full build replaces
    /// the whole output folder, search index included, and must not do so while a job is still
    /// writing into it (the job's files would land in the new site, or its clean-up would remove
    /// the new index's files, and the full build marks the index as up to date).
    private func searchIndexStopped() async {
        guard let running = searchJob else { return }
        running.stop.set(true)
        await running.task.value
    }

    /// Whether the search index, sitemap and feed are those of the pages: no job running or due.
    var searchIndexUpToDate: Bool { searchJob == nil && !searchIndexStale }

    private func searchIndexFinished(_ number: Int, started: ContinuousClock.Instant, stopped: Bool, problem: String?) {
        guard searchJob?.number == number else { return }
        searchJob = nil
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
            await searchIndexStopped()
            await rebuildAll(reason: changed.count == 1 ? say("serve.reason.oneChanged") : say("serve.reason.changed", ["count": "\(changed.count)"]))
            return
        }
        // After a refused save LiveSite may build everything (a refused full build is redone whole).
        // It also does for a folder proposing taxonomy entries, which only LiveSite knows to look for.
        if lastRebuildRefused { await searchIndexStopped() }
        let started = ContinuousClock.now
        do {
            let state = self.state
            // The notice's own pages, then the home page, then the listings, each step once the open
            // pages the one before rewrote have loaded again: they would share the processor.
            let first = try site.writeOwnPages(noticeFolders: folders)
            let reloadAfter = milliseconds(since: started)
            state.rewrote(first.rebuiltAll ? nil : first.ownPages)
            var waited = await openPagesReloaded()
            let home = try site.writeHomePage()
            if !home.isEmpty { state.rewrote(home) }
            waited += await openPagesReloaded()
            let update = try site.writeListings() ?? first
            state.rewrote(update.listingPages)
            lastRebuildRefused = false
            searchIndexStale = searchIndexStale || update.searchIndexStale
            printWarnings(update.diagnostics)
            let t = update.timings
            show(say("serve.rebuilt", ["pages": "\(update.pagesWritten)", "notices": update.rewritten.joined(separator: ", "),
                                       "milliseconds": "\(milliseconds(since: started))", "scan": "\(scanMilliseconds)", "read": "\(t.load)",
                                       "noticePages": "\(t.notices)", "reload": "\(reloadAfter)", "waited": "\(waited)", "listings": "\(t.listings)"]))
        } catch {
            await failed(error.diagnostics)
        }
    }

    /// Waits until the open pages told to reload have loaded again, at most 400 ms (a page whose
    /// browser was closed never asks again); returns the milliseconds waited.
    private func openPagesReloaded() async -> Int {
        let started = ContinuousClock.now
        await state.openPagesReloaded(within: .milliseconds(400))
        return milliseconds(since: started)
    }

    private func rebuildAll(reason: String) async {
        let started = ContinuousClock.now
        do {
            let report = try site.rebuildAll()
            searchIndexStale = false
            lastRebuildRefused = false
            state.rewrote(nil)
            printWarnings(report.diagnostics)
            show(say("serve.built", ["pages": "\(report.pagesWritten)", "notices": "\(report.noticeCount)", "reason": reason,
                                     "milliseconds": "\(milliseconds(since: started))"]))
        } catch {
            await failed(error.diagnostics)
        }
    }

    private func failed(_ diagnostics: [Diagnostic]) async {
        lastRebuildRefused = true
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

/// How many of something run at once, and the most that ever did.
final class RunningCount: @unchecked Sendable {
    private let lock = NSLock()
    private var now = 0
    private var highest = 0
    var most: Int { lock.withLock { highest } }
    func enter() { lock.withLock { now += 1; highest = max(highest, now) } }
    func leave() { lock.withLock { now -= 1 } }
}
