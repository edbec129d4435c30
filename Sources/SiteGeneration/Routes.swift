import NoticeModel

/// Where each page lives. Pages are folders with an `index.html` (`2024/meitan-aksu/`), and every
/// link is relative so the site works under any sub-path and from a folder on disk.
public struct Routes: Sendable {
    /// Link to `…/index.html` explicitly. The site always does: `file://` shows a folder listing
    /// for `dir/`, and a server serves `dir/index.html` as well, so one build works both ways.
    /// Only a handout links folders (`dir/`), since it rewrites every link to a view of its own or
    /// to the site's web address.
    public var explicitIndex: Bool

    public init(explicitIndex: Bool = true) {
        self.explicitIndex = explicitIndex
    }

    public static let home = ""
    public static let search = "search/"
    public static func notice(_ notice: Notice) -> String { "\(notice.year)/\(notice.slug)/" }
    public static func series(_ id: String) -> String { "series/\(id)/" }
    public static func specialty(_ specialty: Taxonomy.Specialty) -> String { "series/\(specialty.seriesID)/\(specialty.id)/" }
    /// A year's notices: the folder their pages sit in (`2024/` beside `2024/meitan-aksu/`).
    public static func year(_ year: Int) -> String { "\(year)/" }
    /// Page `number` of a long listing at `base`, as Hugo numbers them: the first page is the
    /// listing's own address, the others `page/2/`, `page/3/`… below it, so a link to a listing
    /// never breaks when it grows a second page. (`page` is kept out of notice slugs and
    /// specialty ids by the loader for this reason.)
    public static func paged(_ base: String, page number: Int) -> String {
        number <= 1 ? base : base + "page/\(number)/"
    }
    /// The folder names a listing's pager and hub take below a year, series or specialty.
    public static let reservedNames: Set<String> = ["page", "checklist"]
    /// The notice's deadlines as an iCalendar file, beside its page.
    public static func calendar(_ notice: Notice) -> String { Routes.notice(notice) + "deadlines.ics" }
    /// The materials checklist of one notice: every level's items on one page, which filters them
    /// to the level chosen (`?level=fugao`, see `levelQuery`).
    public static func checklist(_ notice: Notice) -> String { Routes.notice(notice) + "checklist/" }
    /// Where one level's checklist was before the levels shared a page (`checklist/fugao/`): it is
    /// kept as a page that sends the reader on to the shared one with that level chosen, since
    /// offices have passed these addresses around in chats and printed them in notices.
    public static func levelChecklistRedirect(_ notice: Notice, level: Level) -> String { Routes.checklist(notice) + "\(level.id)/" }
    /// The query that opens a checklist filtered to one level (read by profile.js; a level id is a
    /// slug, so it needs no escaping).
    public static func levelQuery(_ level: Level) -> String { "?level=\(level.id)" }
    /// A fillable, printable template of a notice.
    public static func template(_ notice: Notice, _ template: TemplateRef) -> String { Routes.notice(notice) + "templates/\(template.id)/" }
    /// The page that points at the newest checklists of a series or specialty and lists the older ones.
    public static func checklistHub(series: String, specialty: String? = nil) -> String {
        "series/\(series)/" + (specialty.map { "\($0)/" } ?? "") + "checklist/"
    }

    /// The file a page path is written to.
    public static func file(for page: String) -> String {
        page.isEmpty || page.hasSuffix("/") ? page + "index.html" : page
    }

    /// The prefix that leads from a page back to the site root: `../../` for `2024/meitan-aksu/`.
    public static func root(from page: String) -> String {
        let depth = page.split(separator: "/", omittingEmptySubsequences: true).count - (page.hasSuffix("/") || page.isEmpty ? 0 : 1)
        return depth == 0 ? "./" : String(repeating: "../", count: depth)
    }

    /// The shortest relative link from one page to another: `../../templates/mianxue/` from a
    /// checklist of the same notice, `../../../../` back to the home page.
    ///
    /// Worked on the UTF-8 bytes: every page links to dozens of others, and splitting both paths
    /// into arrays of substrings for each link cost more than rendering the links.
    public func link(from page: String, to target: String) -> String {
        let from = Array(page.utf8), to = Array(target.utf8)
        let slash = UInt8(ascii: "/")
        // The folders: a page or target that does not end in `/` names a file in its folder.
        let fromFolderEnd = (from.lastIndex(of: slash) ?? -1) + 1
        let toFolderEnd = (to.lastIndex(of: slash) ?? -1) + 1
        var fromCursor = 0, toCursor = 0
        // Past the folders both paths share.
        while true {
            var nextFrom = fromCursor, nextTo = toCursor
            guard let a = Self.nextComponent(from, &nextFrom, before: fromFolderEnd),
                  let b = Self.nextComponent(to, &nextTo, before: toFolderEnd), from[a] == to[b] else { break }
            fromCursor = nextFrom
            toCursor = nextTo
        }
        var path: [UInt8] = []
        path.reserveCapacity(to.count + 32)
        while Self.nextComponent(from, &fromCursor, before: fromFolderEnd) != nil { path += "../".utf8 }
        while let component = Self.nextComponent(to, &toCursor, before: toFolderEnd) {
            path += to[component]
            path.append(slash)
        }
        if toFolderEnd < to.count { path += to[toFolderEnd...] } else if explicitIndex { path += "index.html".utf8 }
        return path.isEmpty ? "./" : String(decoding: path, as: UTF8.self)
    }

    /// The next folder name in `bytes[cursor..<end]`, skipping empty ones (`a//b` is `a/b`).
    private static func nextComponent(_ bytes: [UInt8], _ cursor: inout Int, before end: Int) -> Range<Int>? {
        let slash = UInt8(ascii: "/")
        while cursor < end && bytes[cursor] == slash { cursor += 1 }
        guard cursor < end else { return nil }
        let start = cursor
        while cursor < end && bytes[cursor] != slash { cursor += 1 }
        return start..<cursor
    }
}
