import Foundation
import NoticeModel
import SiteGeneration
import TestSupport
import Testing

/// `noticeboard serve` keeps the site up to date one save at a time (`LiveSite.update`, then the
/// search index, sitemap and feed when the editing pauses). Whatever it saved, the folder it serves
/// must hold exactly what a fresh full build of the same content writes: the same files, the same
/// folders (none left over empty), every file the same bytes.
///
/// Each case copies the repository's content, lets serve build it, changes it as an office would and
/// saves through serve's path (`ServedSite`, below), then builds the same content from scratch into
/// another folder and compares the two trees. Every save is also held to a full build's verdict:
/// serve must refuse a save exactly when a full build of the content as saved fails. Only public API
/// is used (`LiveSite`, `SearchIndexJob`, `SiteBuilder`), so the cases hold for whatever serve is
/// rebuilt on. (Modelled on Hugo's hugolib/rebuild_test.go: edit, rebuild, assert on the output.)
///
/// The clock: the only clock-dependent text (a window shown as closed) reads `BuildMoment.now`, fixed
/// once per process, so serve's build and the full build agree without `SOURCE_DATE_EPOCH`.
/// Serialized: each case builds on all cores, and run side by side they took twice as long.
@Suite("serve's incremental site equals a full build", .serialized)
struct LiveSiteRebuildTests {
    // The notices of content/ the cases edit.
    static let meitan = "notices/2024-meitan-aksu/notice.yml"
    static let shuili = "notices/2022-shuili/notice.yml"
    static let taxonomy = "taxonomy.yml"

    @Test("(0) nothing changed: serve's first build equals a full build")
    func nothingChanged() throws {
        let site = try ServedSite()
        site.expectSameAsFullBuild()
    }

    @Test("(1) a fee amount changed in one notice.yml")
    func feeChanged() throws {
        let site = try ServedSite()
        try site.edit(Self.meitan, replacing: "    amount: 700", with: "    amount: 750")
        site.save()
        try site.editingPaused()
        site.expectSameAsFullBuild(showing: ["2024/meitan-aksu/index.html"])
    }

    @Test("(2) a deadline changed in one notice.yml")
    func deadlineChanged() throws {
        let site = try ServedSite()
        try site.edit(Self.shuili, replacing: "    end: 2022-08-31 20:00", with: "    end: 2022-09-05 20:00")
        site.save()
        try site.editingPaused()
        site.expectSameAsFullBuild(showing: ["2022/shuili/index.html", "feed.xml"])
    }

    @Test("(3) a notice folder added (a copy of one, with its own id and title)")
    func noticeAdded() throws {
        let site = try ServedSite()
        try site.addFolder(copying: "2023-guotu-cehui-dizhi", as: "2023-guotu-cehui-dizhi-bushen") { yml in
            try replacingOnce(replacingOnce(yml, "id: 2023-guotu-cehui-dizhi\n", "id: 2023-guotu-cehui-dizhi-bushen\n"),
                              "\ntitle: 自治区工程系列国土空间规划、土地、测绘、地质矿产专业职称评审注意事项\n",
                              "\ntitle: 自治区工程系列国土空间规划、土地、测绘、地质矿产专业职称补充评审注意事项\n")
        }
        site.save()
        try site.editingPaused()
        site.expectSameAsFullBuild(showing: ["2023/guotu-cehui-dizhi-bushen/index.html", "index.html", "sitemap.xml"])
    }

    @Test("(4) a notice folder removed")
    func noticeRemoved() throws {
        let site = try ServedSite()
        try site.removeFolder("2022-shuili")
        site.save()
        try site.editingPaused()
        site.expectSameAsFullBuild(showing: ["2022/shuili/index.html", "index.html", "series/gongcheng/shuili/index.html"])
    }

    @Test("(5a) a notice moved to another specialty of the taxonomy (notice.yml)")
    func noticeMovedToAnotherSpecialty() throws {
        let site = try ServedSite()
        try site.edit(Self.meitan, replacing: "specialties: [gongcheng/meitan]", with: "specialties: [gongcheng/tudi]")
        site.save()
        try site.editingPaused()
        site.expectSameAsFullBuild(showing: ["series/gongcheng/meitan/index.html", "series/gongcheng/tudi/index.html"])
    }

    @Test("(5b) a specialty's name changed in taxonomy.yml (a site-wide file)")
    func specialtyRenamedInTaxonomy() throws {
        let site = try ServedSite()
        try site.edit(Self.taxonomy, replacing: "{id: meitan, name: 煤炭}", with: "{id: meitan, name: 煤炭开采}")
        site.save()
        try site.editingPaused()
        site.expectSameAsFullBuild(showing: ["series/gongcheng/meitan/index.html", "2024/meitan-aksu/index.html"])
    }

    @Test("(5c) a specialty's id renamed: taxonomy.yml saved, then the notice that uses it")
    func specialtyIDRenamedThenNotice() throws {
        let site = try ServedSite()
        try site.edit(Self.taxonomy, replacing: "{id: meitan, name: 煤炭}", with: "{id: meitan-kaicai, name: 煤炭开采}")
        // The notice still names gongcheng/meitan: an error until it is saved too, as in a full build.
        site.save()
        try site.edit(Self.meitan, replacing: "specialties: [gongcheng/meitan]", with: "specialties: [gongcheng/meitan-kaicai]")
        site.save()
        try site.editingPaused()
        site.expectSameAsFullBuild(showing: ["series/gongcheng/meitan-kaicai/index.html", "2024/meitan-aksu/index.html"])
    }

    @Test("(6a) the notice of the year before changed: its successor's 与上一年度相比 changes")
    func predecessorChanged() throws {
        let site = try ServedSite(prepare: { content in try Self.addPredecessorOfGongchengZixun(to: content) })
        try site.edit("notices/2023-gongcheng-zixun/notice.yml", replacing: "    end: 2023-09-30 20:00", with: "    end: 2023-09-25 20:00")
        let outcome = site.save()
        // serve reloads an open page it rewrote: the successor's page is among them.
        if case let .updated(_, listings) = outcome {
            #expect(listings.contains("/2024/gongcheng-zixun/"), "the successor's page is not said to be rewritten: \(listings)")
        } else {
            Issue.record("the save was not an update: \(outcome)")
        }
        try site.editingPaused()
        site.expectSameAsFullBuild(showing: ["2023/gongcheng-zixun/index.html", "2024/gongcheng-zixun/index.html"])
    }

    @Test("(6b) the notice of the year before added: its successor gains 与上一年度相比")
    func predecessorAdded() throws {
        let site = try ServedSite()
        try site.addFolder(copying: "2024-gongcheng-zixun", as: "2023-gongcheng-zixun") { $0.replacingOccurrences(of: "2024", with: "2023") }
        site.save()
        try site.editingPaused()
        site.expectSameAsFullBuild(showing: ["2023/gongcheng-zixun/index.html", "2024/gongcheng-zixun/index.html"])
    }

    @Test("(6c) the notice of the year before removed: its successor loses 与上一年度相比")
    func predecessorRemoved() throws {
        let site = try ServedSite(prepare: { content in try Self.addPredecessorOfGongchengZixun(to: content) })
        try site.removeFolder("2023-gongcheng-zixun")
        site.save()
        try site.editingPaused()
        site.expectSameAsFullBuild(showing: ["2023/gongcheng-zixun/index.html", "2024/gongcheng-zixun/index.html"])
    }

    @Test("(7) two notices changed in one save")
    func twoNoticesAtOnce() throws {
        let site = try ServedSite()
        try site.edit(Self.meitan, replacing: "    amount: 700", with: "    amount: 750")
        try site.edit(Self.shuili, replacing: "    end: 2022-08-31 20:00", with: "    end: 2022-09-05 20:00")
        site.save()
        try site.editingPaused()
        site.expectSameAsFullBuild(showing: ["2024/meitan-aksu/index.html", "2022/shuili/index.html"])
    }

    @Test("(8a) a content error, then its fix")
    func errorThenFix() throws {
        let site = try ServedSite()
        try site.edit(Self.meitan, replacing: "    end: 2024-08-30 18:00", with: "    end: 2024-08-32 18:00")
        let before = try OutputTree(site.served)
        let broken = site.save()
        #expect(!broken.accepted, "an impossible date was accepted")
        let after = try OutputTree(site.served)
        #expect(before == after, "a refused save changed the served site")
        try site.edit(Self.meitan, replacing: "    end: 2024-08-32 18:00", with: "    end: 2024-08-31 18:00")
        let fixed = site.save()
        #expect(fixed.accepted)
        try site.editingPaused()
        site.expectSameAsFullBuild(showing: ["2024/meitan-aksu/index.html"])
    }

    @Test("(8b) a content error, another notice saved meanwhile, then the fix")
    func errorOtherNoticeThenFix() throws {
        let site = try ServedSite()
        try site.edit(Self.meitan, replacing: "    end: 2024-08-30 18:00", with: "    end: 2024-08-32 18:00")
        site.save()
        // A full build of the content as it is now fails (the first notice is still broken).
        try site.edit(Self.shuili, replacing: "    end: 2022-08-31 20:00", with: "    end: 2022-09-05 20:00")
        site.save()
        try site.edit(Self.meitan, replacing: "    end: 2024-08-32 18:00", with: "    end: 2024-08-31 18:00")
        site.save()
        try site.editingPaused()
        site.expectSameAsFullBuild(showing: ["2024/meitan-aksu/index.html", "2022/shuili/index.html"])
    }

    @Test("(9a) a notice folder renamed with its id, in one save", arguments: ["2024-meitan-akesu", "2024-meitan-aksu-diqu"])
    func folderAndIDRenamed(to name: String) throws {
        let site = try ServedSite()
        try site.renameFolder("2024-meitan-aksu", to: name)
        try site.edit("notices/\(name)/notice.yml", replacing: "id: 2024-meitan-aksu\n", with: "id: \(name)\n")
        site.save()
        try site.editingPaused()
        site.expectSameAsFullBuild(showing: ["2024/meitan-aksu/index.html", "2024/\(name.dropFirst(5))/index.html"])
    }

    @Test("(9b) a notice folder renamed, then its id changed to match in the next save")
    func folderRenamedThenID() throws {
        let site = try ServedSite()
        try site.renameFolder("2024-meitan-aksu", to: "2024-meitan-akesu")
        // The id no longer matches the folder: an error, in a full build too.
        site.save()
        try site.edit("notices/2024-meitan-akesu/notice.yml", replacing: "id: 2024-meitan-aksu\n", with: "id: 2024-meitan-akesu\n")
        site.save()
        try site.editingPaused()
        site.expectSameAsFullBuild(showing: ["2024/meitan-aksu/index.html", "2024/meitan-akesu/index.html"])
    }

    @Test("(10) a new notice folder with its own taxonomy-proposal.yml (as import and new write it)")
    func noticeWithTaxonomyProposal() throws {
        let site = try ServedSite()
        try site.addFolder(copying: "2024-meitan-aksu", as: "2024-shiyou-aksu", adding: [
            "taxonomy-proposal.yml": "series:\n  - id: gongcheng\n    name: 工程系列\n    specialties:\n      - {id: shiyou, name: 石油}\n",
        ]) { yml in
            try replacingOnce(replacingOnce(replacingOnce(yml, "id: 2024-meitan-aksu\n", "id: 2024-shiyou-aksu\n"),
                                            "\ntitle: 关于 2024 年阿克苏地区工程系列煤炭专业", "\ntitle: 关于 2024 年阿克苏地区工程系列石油专业"),
                              "specialties: [gongcheng/meitan]", "specialties: [gongcheng/shiyou]")
        }
        site.save()
        try site.editingPaused()
        site.expectSameAsFullBuild(showing: ["2024/shiyou-aksu/index.html", "series/gongcheng/shiyou/index.html"])
    }

    /// Listings two notices a page: the series' five notices take three pages, the years one each.
    static func twoAPage(_ content: URL) throws {
        let site = content.appendingPathComponent("site.yml")
        try (String(contentsOf: site, encoding: .utf8) + "page_size: 2\n").write(to: site, atomically: false, encoding: .utf8)
    }

    @Test("(11a) paged listings: a notice added moves the later notices along every page of its listings")
    func pagedNoticeAdded() throws {
        let site = try ServedSite(prepare: Self.twoAPage)
        #expect(site.initial.files["series/gongcheng/page/3/index.html"] != nil)
        try site.addFolder(copying: "2024-meitan-aksu", as: "2024-meitan-hotan") { yml in
            try replacingOnce(replacingOnce(yml, "id: 2024-meitan-aksu\n", "id: 2024-meitan-hotan\n"),
                              "\ntitle: 关于 2024 年阿克苏地区", "\ntitle: 关于 2024 年和田地区")
        }
        site.save()
        try site.editingPaused()
        site.expectSameAsFullBuild(showing: ["series/gongcheng/page/2/index.html", "2024/page/2/index.html", "index.html"])
    }

    @Test("(11b) paged listings: a notice removed takes away a listing's last page and its folders")
    func pagedNoticeRemoved() throws {
        let site = try ServedSite(prepare: Self.twoAPage)
        try site.removeFolder("2022-shuili")
        site.save()
        try site.editingPaused()
        site.expectSameAsFullBuild(showing: ["series/gongcheng/page/2/index.html"])
        #expect(!FileManager.default.fileExists(atPath: site.served.appendingPathComponent("series/gongcheng/page/3").path))
    }

    @Test("(11c) paged listings: a deadline changed on a listing's second page rewrites that page, not the others")
    func pagedDeadlineChanged() throws {
        let site = try ServedSite(prepare: Self.twoAPage)
        try site.edit(Self.shuili, replacing: "    end: 2022-08-31 20:00", with: "    end: 2022-09-05 20:00")
        let outcome = site.save()
        try site.editingPaused()
        site.expectSameAsFullBuild(showing: ["series/gongcheng/page/2/index.html"])
        if case let .updated(_, listings) = outcome {
            #expect(listings.contains("/series/gongcheng/page/2/") && !listings.contains("/series/gongcheng/page/3/"), "\(listings)")
        }
    }

    /// A 2023 notice of the same office, series and specialty as 2024-gongcheng-zixun (its notice.yml
    /// with every 2024 made 2023), so 2024-gongcheng-zixun's page compares itself with it.
    static func addPredecessorOfGongchengZixun(to content: URL) throws {
        let notices = content.appendingPathComponent("notices")
        let copy = notices.appendingPathComponent("2023-gongcheng-zixun")
        try FileManager.default.copyItem(at: notices.appendingPathComponent("2024-gongcheng-zixun"), to: copy)
        let yml = copy.appendingPathComponent("notice.yml")
        try String(contentsOf: yml, encoding: .utf8).replacingOccurrences(of: "2024", with: "2023").write(to: yml, atomically: false, encoding: .utf8)
    }
}

// MARK: - Serve's path

/// A copy of the content, the site serve keeps for it and the saves serve saw, in a temporary folder.
///
/// `save()` does what `SiteKeeper.rebuild` (Sources/DevServer) does with one batch of changed paths
/// from its watcher: a batch entirely inside `notices/` updates those notice folders
/// (`LiveSite.update`); anything else (site.yml, taxonomy.yml, calendar.yml), or a site without
/// notices, rebuilds everything (`LiveSite.rebuildAll`). A refused save changes nothing.
/// `editingPaused()` writes the search index, sitemap and feed when an update left them stale, as
/// serve does once the editing pauses. SiteKeeper itself is internal to DevServer and driven by its
/// watcher's timing, so its decision is repeated here: keep the two in step.
final class ServedSite {
    /// What serve did with one save.
    enum Outcome {
        case rebuiltAll
        case updated(rewritten: [String], listings: [String])
        case refused([Diagnostic])

        var accepted: Bool {
            if case .refused = self { return false }
            return true
        }
    }

    let root: URL
    let content: URL
    let served: URL
    let themes = repositoryRoot.appendingPathComponent("themes")
    let site: LiveSite
    /// The site serve built first, before any change.
    let initial: OutputTree
    /// Paths changed since the last save, as serve's watcher reports them (absolute, standardized).
    private var pending: Set<String> = []
    private var searchIndexStale = false
    /// What serve did, save by save, for the failure report.
    private(set) var history: [String] = []

    /// - Parameter prepare: changes the copied content before serve's first build.
    init(prepare: (URL) throws -> Void = { _ in }) throws {
        root = temporaryFolder("rebuild")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        content = root.appendingPathComponent("content")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("content"), to: content)
        try prepare(content)
        served = root.appendingPathComponent("served")
        site = LiveSite(options: SiteBuilder.Options(contentDirectory: content, outputDirectory: served, themesDirectory: themes,
                                                     contentDisplayPath: "content"))
        _ = try site.rebuildAll()
        initial = try OutputTree(served)
    }

    deinit {
        if ProcessInfo.processInfo.environment["KEEP_REBUILD_OUTPUT"] == nil { try? FileManager.default.removeItem(at: root) }
    }

    // MARK: Editing the content

    /// Replaces the one occurrence of `old` in a content file (a path below the content folder).
    func edit(_ path: String, replacing old: String, with new: String) throws {
        let url = content.appendingPathComponent(path)
        let text = try replacingOnce(try String(contentsOf: url, encoding: .utf8), old, new)
        try text.write(to: url, atomically: false, encoding: .utf8)
        pending.insert(url.standardizedFileURL.path)
    }

    /// A copy of a notice folder under a new name, its notice.yml passed through `rewrite`, with
    /// `files` (name → text) added.
    func addFolder(copying source: String, as name: String, adding files: [String: String] = [:],
                   rewrite: (String) throws -> String) throws {
        let notices = content.appendingPathComponent("notices")
        let folder = notices.appendingPathComponent(name)
        try FileManager.default.copyItem(at: notices.appendingPathComponent(source), to: folder)
        let yml = folder.appendingPathComponent("notice.yml")
        try rewrite(try String(contentsOf: yml, encoding: .utf8)).write(to: yml, atomically: false, encoding: .utf8)
        for (file, text) in files { try text.write(to: folder.appendingPathComponent(file), atomically: false, encoding: .utf8) }
        touchTree(folder)
    }

    func removeFolder(_ name: String) throws {
        let folder = content.appendingPathComponent("notices").appendingPathComponent(name)
        touchTree(folder)
        try FileManager.default.removeItem(at: folder)
    }

    func renameFolder(_ name: String, to newName: String) throws {
        let notices = content.appendingPathComponent("notices")
        touchTree(notices.appendingPathComponent(name))
        try FileManager.default.moveItem(at: notices.appendingPathComponent(name), to: notices.appendingPathComponent(newName))
        touchTree(notices.appendingPathComponent(newName))
    }

    /// A folder and every file in it, as the watcher reports a folder made, moved or deleted.
    private func touchTree(_ folder: URL) {
        pending.insert(folder.standardizedFileURL.path)
        for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)! {
            pending.insert(url.standardizedFileURL.path)
        }
    }

    // MARK: Serve

    /// One batch of changes, as serve's watcher hands it over. Serve must accept it exactly when a
    /// full build of the content as it is now succeeds: a refused save leaves the last good site,
    /// and an accepted one clears the error shown over the open pages.
    @discardableResult
    func save(sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Outcome {
        let changed = pending
        pending = []
        let contentRoot = content.standardizedFileURL.path + "/"
        let names = changed.map { String($0.dropFirst(contentRoot.count)) }.sorted()
        let noticesRoot = contentRoot + "notices/"
        let folders = Set(changed.compactMap { path -> String? in
            guard path.hasPrefix(noticesRoot) else { return nil }
            return path.dropFirst(noticesRoot.count).split(separator: "/").first.map(String.init)
        })
        let onlyNotices = changed.allSatisfy { $0.hasPrefix(noticesRoot) }
        let outcome: Outcome
        if !onlyNotices || site.noticeCount == 0 {
            do {
                _ = try site.rebuildAll()
                searchIndexStale = false
                outcome = .rebuiltAll
            } catch {
                outcome = .refused(error.diagnostics)
            }
        } else {
            do {
                let update = try site.update(noticeFolders: folders)
                searchIndexStale = searchIndexStale || update.searchIndexStale
                outcome = .updated(rewritten: update.rewritten, listings: update.listingPages)
            } catch {
                outcome = .refused(error.diagnostics)
            }
        }
        let what: String = switch outcome {
        case .rebuiltAll: "rebuilt everything"
        case let .updated(rewritten, listings): "updated \(folders.sorted()): rewrote \(rewritten), listings \(listings)"
        case let .refused(diagnostics):
            "refused: " + diagnostics.filter { $0.severity == .error }.prefix(3)
                .map { "\($0.file):\($0.line): \($0.message(in: .en))" }.joined(separator: "; ")
        }
        history.append("save of \(names.count > 4 ? "\(names.prefix(4)) and \(names.count - 4) more" : "\(names)") → \(what)")

        let check = SiteBuilder(options: .init(contentDirectory: content, outputDirectory: root.appendingPathComponent("full"),
                                               themesDirectory: themes, contentDisplayPath: "content")).check()
        let errors = check.diagnostics.filter { $0.severity == .error }
        if outcome.accepted != errors.isEmpty {
            let full = errors.isEmpty ? "succeeds" : "fails:\n" + errors.prefix(3).map { $0.description(in: .en) }.joined(separator: "\n")
            Issue.record(Comment(rawValue: "serve \(outcome.accepted ? "accepted" : "refused") a save where a full build of the same content \(full)\n"
                                 + history.map { "  serve: \($0)\n" }.joined()), sourceLocation: sourceLocation)
        }
        return outcome
    }

    /// What serve does once the editing pauses: the search index, sitemap and feed, when stale.
    func editingPaused() throws {
        guard searchIndexStale, let job = site.searchIndexJob() else { return }
        searchIndexStale = false
        try job.run()
        history.append("editing paused → search index, sitemap and feed rewritten")
    }

    // MARK: The comparison

    /// Builds the content as it is now from scratch and expects serve's folder to be the same tree.
    /// - Parameter changed: pages the edits must change (or add, or remove) in a full build, so a case
    ///   whose edit did not take cannot pass by comparing two unchanged sites.
    func expectSameAsFullBuild(showing changed: [String] = [], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let full = root.appendingPathComponent("full")
        try? FileManager.default.removeItem(at: full)
        do {
            _ = try SiteBuilder(options: .init(contentDirectory: content, outputDirectory: full, themesDirectory: themes,
                                               contentDisplayPath: "content")).build()
        } catch {
            let errors = error.diagnostics.filter { $0.severity == .error }.map { $0.description(in: .en) }
            Issue.record("a full build of the edited content fails:\n\(errors.joined(separator: "\n"))", sourceLocation: sourceLocation)
            return
        }
        let expected: OutputTree, actual: OutputTree
        do {
            expected = try OutputTree(full)
            actual = try OutputTree(served)
        } catch {
            Issue.record(error, sourceLocation: sourceLocation)
            return
        }
        for path in changed where initial.files[path] == expected.files[path] {
            Issue.record("the edit does not show in \(path) of a full build: this case tests nothing", sourceLocation: sourceLocation)
        }
        if let report = actual.differences(from: expected) {
            Issue.record(Comment(rawValue: "serve's site differs from a full build of the same content\n"
                                 + history.map { "  serve: \($0)\n" }.joined() + report),
                         sourceLocation: sourceLocation)
        }
    }
}

/// `text` with the one occurrence of `old` replaced; throws when there is none or more than one.
func replacingOnce(_ text: String, _ old: String, _ new: String) throws -> String {
    let parts = text.components(separatedBy: old)
    guard parts.count == 2 else { throw EditNotApplied(old: old, occurrences: parts.count - 1) }
    return parts.joined(separator: new)
}

struct EditNotApplied: Error, CustomStringConvertible {
    var old: String
    var occurrences: Int
    var description: String { "“\(old)” occurs \(occurrences) times, not once: the edit is not applied" }
}

// MARK: - Comparing two output folders

/// Every file (with its bytes) and every folder below an output folder, by path relative to it.
struct OutputTree: Equatable {
    var files: [String: Data] = [:]
    /// Folders as `2024/meitan-aksu/`.
    var folders: Set<String> = []

    init(_ folder: URL) throws {
        let base = folder.standardizedFileURL.path + "/"
        for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isDirectoryKey])! {
            let path = String(url.standardizedFileURL.path.dropFirst(base.count))
            if try url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory == true {
                folders.insert(path + "/")
            } else {
                files[path] = try Data(contentsOf: url)
            }
        }
    }

    /// What differs from `expected`, said in a few lines with a short diff of the first differing
    /// file; nil when the two are the same.
    func differences(from expected: OutputTree) -> String? {
        let extra = Set(files.keys).subtracting(expected.files.keys).sorted()
        let missing = Set(expected.files.keys).subtracting(files.keys).sorted()
        let differing = Set(files.keys).intersection(expected.files.keys).filter { files[$0] != expected.files[$0] }.sorted()
        let extraFolders = folders.subtracting(expected.folders).sorted()
        let missingFolders = expected.folders.subtracting(folders).sorted()
        guard !(extra.isEmpty && missing.isEmpty && differing.isEmpty && extraFolders.isEmpty && missingFolders.isEmpty) else { return nil }

        func list(_ title: String, _ paths: [String], _ note: (String) -> String = { _ in "" }) -> String {
            guard !paths.isEmpty else { return "" }
            let shown = paths.prefix(12).map { "    \($0)\(note($0))\n" }.joined()
            return "  \(title) (\(paths.count)):\n" + shown + (paths.count > 12 ? "    …\n" : "")
        }
        var report = list("files that differ", differing) { "  (\(files[$0]!.count) bytes, full build \(expected.files[$0]!.count))" }
        report += list("files only in serve's site", extra)
        report += list("files only in the full build", missing)
        report += list("folders only in serve's site", extraFolders) { folder in
            files.keys.contains { $0.hasPrefix(folder) } ? "" : "  (empty)"
        }
        report += list("folders only in the full build", missingFolders)
        if let first = differing.first ?? extra.first ?? missing.first {
            report += "  first difference, serve (-) against the full build (+):\n"
            report += unifiedDiff(files[first] ?? Data(), expected.files[first] ?? Data(), name: first)
                .split(separator: "\n", omittingEmptySubsequences: false).map { "    \($0)" }.joined(separator: "\n")
        }
        return report
    }
}

/// A short unified diff of two files, by lines: hunks with three lines of context, at most
/// `maxLines` lines; a long changed line is shown around its first differing character.
func unifiedDiff(_ old: Data, _ new: Data, name: String, maxLines: Int = 40) -> String {
    guard let oldText = String(data: old, encoding: .utf8), let newText = String(data: new, encoding: .utf8) else {
        return "binary \(name): \(old.count) bytes against \(new.count)"
    }
    let a = oldText.isEmpty ? [] : oldText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let b = newText.isEmpty ? [] : newText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)

    // The edit script: common head and tail, then the longest common subsequence of what is between
    // (or, when that is too large to work out, all of the old middle out and the new in).
    enum Op { case same(Int, Int), removed(Int), added(Int) }
    var head = 0
    while head < a.count, head < b.count, a[head] == b[head] { head += 1 }
    var tail = 0
    while tail < a.count - head, tail < b.count - head, a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
    let oldMiddle = head..<(a.count - tail), newMiddle = head..<(b.count - tail)
    var ops: [Op] = (0..<head).map { .same($0, $0) }
    if oldMiddle.count * newMiddle.count <= 4_000_000 {
        let n = oldMiddle.count, m = newMiddle.count
        var lcs = [[Int32]](repeating: [Int32](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i][j] = a[head + i] == b[head + j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, a[head + i] == b[head + j] { ops.append(.same(head + i, head + j)); i += 1; j += 1 }
            else if i < n, j == m || lcs[i + 1][j] >= lcs[i][j + 1] { ops.append(.removed(head + i)); i += 1 }
            else { ops.append(.added(head + j)); j += 1 }
        }
    } else {
        ops += oldMiddle.map { Op.removed($0) } + newMiddle.map { Op.added($0) }
    }
    ops += (0..<tail).map { .same(a.count - tail + $0, b.count - tail + $0) }

    // Hunks: changes less than seven lines apart share one.
    let changes = ops.indices.filter { if case .same = ops[$0] { return false } else { return true } }
    var hunks: [ClosedRange<Int>] = []
    for index in changes {
        let range = max(0, index - 3)...min(ops.count - 1, index + 3)
        if let last = hunks.last, range.lowerBound <= last.upperBound + 1 {
            hunks[hunks.count - 1] = last.lowerBound...range.upperBound
        } else {
            hunks.append(range)
        }
    }

    // Where each op stands in the old and the new file, for the hunk headers.
    var positions: [(old: Int, new: Int)] = []
    var position = (old: 0, new: 0)
    for op in ops {
        positions.append(position)
        switch op {
        case .same: position.old += 1; position.new += 1
        case .removed: position.old += 1
        case .added: position.new += 1
        }
    }

    var lines = ["--- serve/\(name)", "+++ full/\(name)"]
    for hunk in hunks {
        let start = positions[hunk.lowerBound]
        let end = hunk.upperBound + 1 < positions.count ? positions[hunk.upperBound + 1] : position
        lines.append("@@ -\(start.old + 1),\(end.old - start.old) +\(start.new + 1),\(end.new - start.new) @@")
        var index = hunk.lowerBound
        while index <= hunk.upperBound {
            if case let .same(i, _) = ops[index] {
                lines.append(" " + shortened(a[i], around: 0))
                index += 1
                continue
            }
            // A run of removed lines then added ones: each pair shown around where they part.
            var removed: [Int] = [], added: [Int] = []
            while index <= hunk.upperBound, case let .removed(i) = ops[index] { removed.append(i); index += 1 }
            while index <= hunk.upperBound, case let .added(j) = ops[index] { added.append(j); index += 1 }
            for (k, i) in removed.enumerated() {
                lines.append("-" + shortened(a[i], around: k < added.count ? firstDifference(a[i], b[added[k]]) : 0))
            }
            for (k, j) in added.enumerated() {
                lines.append("+" + shortened(b[j], around: k < removed.count ? firstDifference(a[removed[k]], b[j]) : 0))
            }
        }
        if lines.count >= maxLines { break }
    }
    if lines.count > maxLines { lines = Array(lines.prefix(maxLines)) + ["… (diff cut at \(maxLines) lines)"] }
    return lines.joined(separator: "\n")
}

/// Where two lines part, in characters.
private func firstDifference(_ a: String, _ b: String) -> Int {
    zip(a, b).prefix { $0 == $1 }.count
}

/// A line of at most 160 characters: from a little before `offset` when it is long.
private func shortened(_ line: String, around offset: Int) -> String {
    let characters = Array(line)
    guard characters.count > 160 else { return line }
    let start = max(0, min(offset - 60, characters.count - 160))
    let end = min(characters.count, start + 160)
    return (start > 0 ? "…" : "") + String(characters[start..<end]) + (end < characters.count ? "…" : "")
}
