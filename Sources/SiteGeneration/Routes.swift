import NoticeModel

/// Where each page lives. Pages are folders with an `index.html` (`2024/meitan-aksu/`), and every
/// link is relative so the site works under any sub-path and from a folder on disk.
public struct Routes: Sendable {
    /// Link to `…/index.html` explicitly: what `file://` needs, since it lists a folder instead.
    public var explicitIndex: Bool

    public init(explicitIndex: Bool = false) {
        self.explicitIndex = explicitIndex
    }

    public static let home = ""
    public static let search = "search/"
    public static func notice(_ notice: Notice) -> String { "\(notice.year)/\(notice.slug)/" }
    public static func series(_ id: String) -> String { "series/\(id)/" }
    public static func specialty(_ specialty: Taxonomy.Specialty) -> String { "series/\(specialty.seriesID)/\(specialty.id)/" }
    /// The notice's deadlines as an iCalendar file, beside its page.
    public static func calendar(_ notice: Notice) -> String { Routes.notice(notice) + "deadlines.ics" }
    /// The materials checklist of one notice for one level.
    public static func checklist(_ notice: Notice, level: Level) -> String { Routes.notice(notice) + "checklist/\(level.id)/" }
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
    public func link(from page: String, to target: String) -> String {
        let fromFolder = page.split(separator: "/", omittingEmptySubsequences: true).dropLast(page.hasSuffix("/") || page.isEmpty ? 0 : 1)
        var targetParts = target.split(separator: "/", omittingEmptySubsequences: true)
        let targetIsFolder = target.isEmpty || target.hasSuffix("/")
        let fileName = targetIsFolder ? nil : targetParts.popLast()
        var common = 0
        while common < fromFolder.count && common < targetParts.count && fromFolder[fromFolder.startIndex + common] == targetParts[common] {
            common += 1
        }
        var path = String(repeating: "../", count: fromFolder.count - common)
        path += targetParts[common...].map { $0 + "/" }.joined()
        if let fileName { path += fileName } else if explicitIndex { path += "index.html" }
        return path.isEmpty ? "./" : path
    }
}
