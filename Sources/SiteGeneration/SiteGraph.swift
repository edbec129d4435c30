import CalendarExport
import MarkdownRendering
import NoticeComparison
import NoticeModel
import TemplateRendering

/// Every page of the site, declared once: its address, its kind (which says its template and how
/// its model is made) and its inputs, the notices whose data it shows. The full build writes the
/// pages in this order; the sitemap lists them; `serve` rewrites the pages whose inputs changed and
/// removes the pages that are gone (`changedPages`); a handout puts one notice's pages in one file.
///
/// A page's model is made when the page is rendered, not when the graph is made: the graph of a
/// 1,000-notice site is addresses and ids, the models are made and dropped a batch at a time.
struct SiteGraph: Sendable {
    /// One notice, held once by all its pages. A `Notice` is a struct of some 1,400 bytes: held by
    /// value, each of a 10,000-notice site's 79,000 pages carried a copy (about 110 MB of the
    /// build's peak memory, docs/benchmark.md) and each `switch` over a page retained its fields.
    final class NoticeRef: Sendable {
        let notice: Notice
        init(_ notice: Notice) { self.notice = notice }
    }

    enum Kind: Sendable {
        case home
        case notice(NoticeRef)
        case template(NoticeRef, TemplateRef)
        /// A notice's checklist: every level's items, filtered by the reader to theirs.
        case checklist(NoticeRef)
        /// The address one level's checklist had before the levels shared a page: a small page
        /// that opens the shared one with the level chosen (`SiteWriter.redirect`).
        case levelChecklistRedirect(NoticeRef, Level)
        /// Page `page` (from 1) of a year's, series' or specialty's listing.
        case year(Int, page: Int)
        case series(Taxonomy.Series, page: Int)
        case specialty(Taxonomy.Specialty, Taxonomy.Series, page: Int)
        case checklistHub(Taxonomy.Series, Taxonomy.Specialty?)
        case search
        case notFound
    }

    struct Page: Sendable {
        /// The address: `2024/meitan-aksu/`, written to `…/index.html`.
        var path: String
        var kind: Kind
        /// The ids of the notices whose data the page shows (its own, its predecessor's, those it
        /// lists): when one of them changes, or the set does, the page is rewritten. A listing's
        /// page adds, after `#`, the counts it shows of notices it does not list.
        var inputs: [String]

        /// The theme template that renders the page's body.
        var template: String {
            switch kind {
            case .home: "home"
            case .notice: "notice"
            case .template: "template"
            case .checklist: "checklist"
            case .levelChecklistRedirect: "redirect"
            case .year, .series, .specialty: "listing"
            case .checklistHub: "checklist-hub"
            case .search: "search"
            case .notFound: "404"
            }
        }

        /// Whether the sitemap lists it: not the search page, the page for a missing address, nor
        /// an old address that only sends the reader on.
        var isListed: Bool {
            switch kind {
            case .search, .notFound, .levelChecklistRedirect: false
            default: true
            }
        }

        /// The notice whose own page this is (its page, templates, checklist and former checklist
        /// addresses), held by reference: asking whether there is one copies nothing.
        var noticeRef: NoticeRef? {
            switch kind {
            case let .notice(ref), let .template(ref, _), let .checklist(ref), let .levelChecklistRedirect(ref, _): ref
            default: nil
            }
        }

        /// The notice whose own page this is.
        var notice: Notice? { noticeRef?.notice }
    }

    let content: Content
    let routes: Routes
    let listings: ListingModels
    let yearOnYear: YearOnYear
    /// The site calendar as templates' JSON block: the same for every template page.
    let calendarJSON: String
    /// The notices of each year's, series' and specialty's listing, by the listing's address
    /// (`2024/`, `series/gongcheng/`, `series/gongcheng/shuili/`), newest first: found once, since
    /// each page of a long listing shows a slice of them and a pass over every notice per page
    /// made the listings of 10,000 notices quadratic.
    let members: [String: [Notice]]
    /// The site's pages in build order: home; each notice's own pages; each year's listing; each
    /// series' listing and hub, then its specialties'; search; 404. A listing longer than the
    /// site's page size has a page for each page's worth (`page/2/`…); each of those pages takes
    /// every notice of the listing as its inputs, since a change to one moves the others along.
    let pages: [Page]

    /// `homeOnly`: the graph of the home page alone, which shows only listing models: what `serve`
    /// writes right after a saved notice's own pages, before the whole site's graph is made.
    init(content: Content, routes: Routes = Routes(), homeOnly: Bool = false) {
        self.content = content
        self.routes = routes
        listings = ListingModels(content: content, routes: routes)
        yearOnYear = YearOnYear(content: homeOnly ? Content(site: content.site, taxonomy: content.taxonomy, notices: []) : content, routes: routes)
        calendarJSON = TemplatePageModel.calendarJSON(content.calendar)
        let allIDs = content.notices.map(\.id)
        var pages = [Page(path: Routes.home, kind: .home, inputs: allIDs)]
        if homeOnly {
            members = [:]
            self.pages = pages
            return
        }
        for notice in content.notices { pages += Self.ownPages(of: notice, predecessor: yearOnYear.predecessors.of(notice)) }
        let listings = listings
        // A listing's page shows the notices of its own slice and the listing's size (its pager and
        // intro say it), and nothing else of the rest: a change to a notice on another page leaves
        // it alone, and a notice added or removed anywhere changes the size, so every page. `extra`
        // is what the first page shows besides (a specialty's series-wide notices, a series'
        // counts per specialty).
        func paged(_ base: String, ids: [String], extra: [String] = [], kind: (Int) -> Kind) -> [Page] {
            let size = listings.pageSize
            return (1...listings.pageCount(ids.count)).map { number in
                let slice = ids[min(ids.count, (number - 1) * size)..<min(ids.count, number * size)]
                return Page(path: Routes.paged(base, page: number), kind: kind(number),
                            inputs: Array(slice) + ["#\(ids.count)"] + (number == 1 ? extra : []))
            }
        }
        var members: [String: [Notice]] = [:]
        for notice in content.notices {
            members[Routes.year(notice.year), default: []].append(notice)
            for series in Set(notice.series.map(\.value)) { members[Routes.series(series), default: []].append(notice) }
            for path in Set(notice.specialties.map(\.value)) {
                if let specialty = content.taxonomy.specialty(path) { members[Routes.specialty(specialty), default: []].append(notice) }
            }
        }
        self.members = members
        for year in Set(content.notices.map(\.year)).sorted(by: >) {
            let ids = (members[Routes.year(year)] ?? []).map(\.id)
            pages += paged(Routes.year(year), ids: ids) { .year(year, page: $0) }
        }
        for series in content.taxonomy.series {
            let shown = (members[Routes.series(series.id)] ?? []).map(\.id)
            let seriesWide = listings.seriesWideNotices(series.id).map(\.id)
            let counts = series.specialties.map { "#\($0.id)=\(members[Routes.specialty($0)]?.count ?? 0)" }
            pages += paged(Routes.series(series.id), ids: shown, extra: counts) { .series(series, page: $0) }
            pages.append(Page(path: Routes.checklistHub(series: series.id), kind: .checklistHub(series, nil), inputs: shown))
            for specialty in series.specialties {
                let own = (members[Routes.specialty(specialty)] ?? []).map(\.id)
                pages += paged(Routes.specialty(specialty), ids: own, extra: seriesWide) { .specialty(specialty, series, page: $0) }
                pages.append(Page(path: Routes.checklistHub(series: series.id, specialty: specialty.id), kind: .checklistHub(series, specialty),
                                  inputs: own + seriesWide))
            }
        }
        pages.append(Page(path: Routes.search, kind: .search, inputs: []))
        pages.append(Page(path: "404.html", kind: .notFound, inputs: []))
        self.pages = pages
    }

    /// A notice's own pages: its page (which compares it with its predecessor), one per template,
    /// its checklist, and each level's former checklist address sending the reader on to it.
    static func ownPages(of notice: Notice, predecessor: Notice?) -> [Page] {
        let ref = NoticeRef(notice)
        return [Page(path: Routes.notice(notice), kind: .notice(ref), inputs: [notice.id] + (predecessor.map { [$0.id] } ?? []))]
            + notice.templates.map { Page(path: Routes.template(notice, $0), kind: .template(ref, $0), inputs: [notice.id]) }
            + (notice.levels.isEmpty ? [] : [Page(path: Routes.checklist(notice), kind: .checklist(ref), inputs: [notice.id])])
            + notice.levels.map { Page(path: Routes.levelChecklistRedirect(notice, level: $0), kind: .levelChecklistRedirect(ref, $0), inputs: [notice.id]) }
    }

    /// The pages of one notice, in graph order.
    func ownPages(of notice: Notice) -> [Page] {
        Self.ownPages(of: notice, predecessor: yearOnYear.predecessors.of(notice))
    }

    /// The files beside the pages: each notice's deadlines as a calendar file, when it has dated ones.
    func calendarFile(of notice: Notice) -> (path: String, text: String)? {
        yearOnYear.calendar(notice)
    }

    /// Where that file is, without writing its text.
    func calendarPath(of notice: Notice) -> String? {
        yearOnYear.calendarLink(notice) == nil ? nil : Routes.calendar(notice)
    }

    // MARK: - What changed

    /// What a change of some notices asks of a site built from `old`: the pages to render again
    /// (new, or showing a changed notice, or showing another set of notices) and the files of pages
    /// that are gone.
    ///
    /// Worked on positions: a page holds its notice, a large value, and copying 70,000 pages of a
    /// 10,000-notice site to filter them cost more than the save's own pages.
    func changedPages(since old: SiteGraph, changedNotices changed: Set<String>) -> (rewrite: [Page], removed: [String]) {
        var oldIndex: [String: Int] = [:]
        oldIndex.reserveCapacity(old.pages.count)
        for index in old.pages.indices { oldIndex[old.pages[index].path] = index }
        var current = Set<String>()
        current.reserveCapacity(pages.count)
        var rewrite: [Page] = []
        for index in pages.indices {
            current.insert(pages[index].path)
            let inputs = pages[index].inputs
            let rewritten: Bool
            if let before = oldIndex[pages[index].path] {
                rewritten = inputs.contains(where: changed.contains) || old.pages[before].inputs != inputs
            } else {
                rewritten = true
            }
            if rewritten { rewrite.append(pages[index]) }
        }
        var removed = old.pages.indices.map { old.pages[$0].path }.filter { !current.contains($0) }.map(Routes.file(for:))
        // A calendar file goes with its notice, or when the notice no longer has a dated deadline:
        // only a changed notice's can, so only theirs are looked at (not every notice's, twice).
        let calendars = Set(content.notices.filter { changed.contains($0.id) }.compactMap(calendarPath(of:)))
        removed += old.content.notices.filter { changed.contains($0.id) }.compactMap(old.calendarPath(of:))
            .filter { !calendars.contains($0) }
        return (rewrite, removed)
    }

    // MARK: - Models

    /// The title the layout shows for a page.
    func title(of page: Page) -> String {
        switch page.kind {
        case .home: content.site.title
        case let .notice(ref): ref.notice.title
        case let .template(_, template): "\(template.number) \(template.title)"
        case let .checklist(ref): "材料清单 - \(ref.notice.title)"
        case let .levelChecklistRedirect(ref, level): "材料清单：\(FactFormatting.levelLabel(level, notice: ref.notice, taxonomy: content.taxonomy)) - \(ref.notice.title)"
        case let .year(year, page): "\(year)年度通知" + ListingModels.pageSuffix(page)
        case let .series(series, page): series.name + ListingModels.pageSuffix(page)
        case let .specialty(specialty, series, page): "\(series.name) \(specialty.name)" + ListingModels.pageSuffix(page)
        case let .checklistHub(series, specialty): "材料清单：\(series.name)\(specialty.map { " \($0.name)" } ?? "")"
        case .search: "搜索"
        case .notFound: "页面未找到"
        }
    }

    /// The page's model. `text` is the notice's text when the caller rendered it already (to
    /// check its anchors, or for search); `templates` the notice's templates, likewise.
    func model(of page: Page, text: RenderedMarkdown? = nil, templates: [String: RenderedMarkdown] = [:]) -> any PageModel {
        let path = page.path
        switch page.kind {
        case .home:
            return listings.home()
        case let .notice(ref):
            let notice = ref.notice
            let calendar = yearOnYear.calendarLink(notice).map { count in
                NoticePage.CalendarFile(href: routes.link(from: path, to: Routes.calendar(notice)), count: "\(count)",
                                        fileName: "\(notice.id)-deadlines.ics")
            }
            return NoticePageModel(notice: notice, rendered: text ?? notice.renderText(), taxonomy: content.taxonomy, routes: routes)
                .page(breadcrumbs: breadcrumbs(for: notice, from: path),
                      checklists: listings.checklistLinks(notice, from: path),
                      calculator: calculator(notice, from: path),
                      changes: yearOnYear.changes(notice), calendar: calendar)
        case let .template(ref, template):
            let notice = ref.notice
            return TemplatePageModel(notice: notice, template: template, taxonomy: content.taxonomy, calendar: content.calendar,
                                     routes: routes, rendered: templates[template.id], calendarJSON: calendarJSON)
                .page(at: path, breadcrumbs: breadcrumbs(for: notice, from: path) + [noticeCrumb(notice, from: path)])
        case let .checklist(ref):
            let notice = ref.notice
            return ChecklistPageModel(notice: notice, taxonomy: content.taxonomy, routes: routes)
                .page(at: path, breadcrumbs: breadcrumbs(for: notice, from: path) + [noticeCrumb(notice, from: path)])
        case let .levelChecklistRedirect(ref, level):
            return RedirectPage(lang: content.site.language, title: title(of: page),
                                target: routes.link(from: path, to: Routes.checklist(ref.notice)) + Routes.levelQuery(level))
        case let .year(year, page):
            return listings.year(year, notices: members[Routes.year(year)] ?? [], page: page,
                                 breadcrumbs: [homeCrumb(from: path)] + (page > 1 ? [Link(name: "\(year)年度", href: routes.link(from: path, to: Routes.year(year)))] : []))
        case let .series(series, page):
            return listings.series(series, notices: members[Routes.series(series.id)] ?? [], page: page, members: members,
                                   breadcrumbs: [homeCrumb(from: path)] + (page > 1 ? [Link(name: series.name, href: routes.link(from: path, to: Routes.series(series.id)))] : []))
        case let .specialty(specialty, series, page):
            let own = members[Routes.specialty(specialty)] ?? []
            var crumbs = [homeCrumb(from: path), Link(name: series.name, href: routes.link(from: path, to: Routes.series(series.id)))]
            if page > 1 { crumbs.append(Link(name: specialty.name, href: routes.link(from: path, to: Routes.specialty(specialty)))) }
            // The calculator of the specialty's newest notice.
            return listings.specialty(specialty, series: series, notices: own, page: page, breadcrumbs: crumbs,
                                      calculator: page > 1 ? nil : own.first.map { calculator($0, from: path) })
        case let .checklistHub(series, specialty):
            var crumbs = [homeCrumb(from: path), Link(name: series.name, href: routes.link(from: path, to: Routes.series(series.id)))]
            if let specialty { crumbs.append(Link(name: specialty.name, href: routes.link(from: path, to: Routes.specialty(specialty)))) }
            let own = members[specialty.map(Routes.specialty) ?? Routes.series(series.id)] ?? []
            return listings.checklistHub(series: series, specialty: specialty, own: own, breadcrumbs: crumbs)
        case .search:
            return SearchPage(explicitIndex: routes.explicitIndex ? "true" : "false",
                              browse: [Link(name: "全部通知（按年度）", href: routes.link(from: path, to: Routes.home))]
                                  + content.taxonomy.series.map { Link(name: $0.name, href: routes.link(from: path, to: Routes.series($0.id))) })
        case .notFound:
            // The 404 page is served at whatever address was missed, so its links cannot be relative.
            return NotFoundPage(homeHref: notFoundRoot)
        }
    }

    /// Where the 404 page's links start: the site's address, or the server's root.
    var notFoundRoot: String { content.site.baseURL ?? "/" }

    /// What the continuing-education calculator needs to know of a notice.
    func calculator(_ notice: Notice, from page: String) -> CalculatorModel {
        CalculatorModel(calcNoticeID: notice.id, calcNoticeYear: "\(notice.year)", calcMaxYear: "\(notice.year + 10)",
                        calcNoticeTitle: notice.title, calcNoticeHref: routes.link(from: page, to: Routes.notice(notice)),
                        calcRules: RulesData.json(for: notice, taxonomy: content.taxonomy))
    }

    private func homeCrumb(from page: String) -> Link {
        Link(name: "首页", href: routes.link(from: page, to: Routes.home))
    }

    private func noticeCrumb(_ notice: Notice, from page: String) -> Link {
        Link(name: "\(notice.year)年度通知", href: routes.link(from: page, to: Routes.notice(notice)))
    }

    func breadcrumbs(for notice: Notice, from page: String) -> [Link] {
        var crumbs = [homeCrumb(from: page)]
        // A notice of one specialty sits under that specialty's series; otherwise under its first series.
        let specialty = notice.specialties.count == 1 ? content.taxonomy.specialty(notice.specialties[0].value) : nil
        if let seriesID = specialty?.seriesID ?? notice.series.first?.value, let series = content.taxonomy.series(seriesID) {
            crumbs.append(Link(name: series.name, href: routes.link(from: page, to: Routes.series(series.id))))
            if let specialty {
                crumbs.append(Link(name: specialty.name, href: routes.link(from: page, to: Routes.specialty(specialty))))
            }
        }
        return crumbs
    }
}
