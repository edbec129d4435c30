import NoticeModel

/// Notices listed on the home, series and specialty pages: newest year first, each with its
/// application window so a reader sees at a glance what is open.
struct ListingModels {
    let content: Content
    let routes: Routes
    /// Per series, the notices that cover it whole: every specialty page and hub of the series lists
    /// them, so they are found once and not by a pass over all notices per page.
    private let seriesWide: [String: [Notice]]

    init(content: Content, routes: Routes) {
        self.content = content
        self.routes = routes
        var seriesWide: [String: [Notice]] = [:]
        for series in content.taxonomy.series {
            seriesWide[series.id] = content.notices.filter { Self.covers($0, wholeSeries: series.id) }
        }
        self.seriesWide = seriesWide
    }

    /// Whether a notice covers a series whole: it names the series and none of its specialties.
    static func covers(_ notice: Notice, wholeSeries series: String) -> Bool {
        notice.series.contains { $0.value == series } && !notice.specialties.contains { $0.value.hasPrefix(series + "/") }
    }

    func entry(_ notice: Notice, from page: String) -> NoticeEntry {
        NoticeEntry(
            title: notice.title,
            href: routes.link(from: page, to: Routes.notice(notice)),
            issuer: notice.issuer,
            year: "\(notice.year)",
            levels: notice.levels.map(\.name).uniqued().joined(separator: "、"),
            region: notice.region,
            specialties: notice.specialties.compactMap { content.taxonomy.specialty($0.value)?.name }.nonEmptyJoined("、"),
            apply: notice.applicationWindow.map { window in
                NoticeEntry.ApplyWindow(when: FactFormatting.when(window), startISO: window.start?.isoStart, endISO: window.end?.isoEnd,
                                        kindID: window.kind.rawValue, closedAtBuild: FactFormatting.closedAtBuild(window))
            })
    }

    /// Notices that cover a whole series (they name no specialty of it): they apply to each of its specialties.
    func seriesWideNotices(_ series: String) -> [Notice] {
        seriesWide[series] ?? content.notices.filter { Self.covers($0, wholeSeries: series) }
    }

    /// How many notices a listing page shows (`page_size` in site.yml).
    var pageSize: Int { content.site.pageSize }

    /// How many pages a listing of `count` notices takes: one at least, so an empty listing still has its page.
    func pageCount(_ count: Int) -> Int {
        max(1, (count + pageSize - 1) / pageSize)
    }

    /// The notices on page `number` of a listing.
    func slice<T>(_ all: [T], page number: Int) -> ArraySlice<T> {
        let start = min(all.count, (number - 1) * pageSize)
        return all[start..<min(all.count, start + pageSize)]
    }

    /// The pager of page `number` of the listing at `base`; nil when the listing fits on one page.
    func pager(base: String, page number: Int, count: Int) -> Pager? {
        let pages = pageCount(count)
        guard pages > 1 else { return nil }
        let here = Routes.paged(base, page: number)
        func href(_ page: Int) -> String { routes.link(from: here, to: Routes.paged(base, page: page)) }
        let first = (number - 1) * pageSize + 1, last = min(count, number * pageSize)
        return Pager(summary: "第 \(number) 页，共 \(pages) 页（第 \(first)–\(last) 份，共 \(count) 份）",
                     previous: number > 1 ? href(number - 1) : nil, next: number < pages ? href(number + 1) : nil,
                     pages: (1...pages).map { Pager.Number(number: "\($0)", href: href($0), current: $0 == number) })
    }

    /// The words a later page of a listing adds to its heading and title.
    static func pageSuffix(_ number: Int) -> String {
        number > 1 ? "（第 \(number) 页）" : ""
    }

    /// Home: the windows still open, then the newest years, newest first, each grouped by series;
    /// years are added while they fit on one page, and the newest year is cut at a page's worth,
    /// so the page stays small however large the archive grows. Every year and series is linked.
    /// A notice that covers several series at once is listed once, in a group named after all of
    /// them, not repeated under each.
    func home() -> HomePage {
        let years = Set(content.notices.map(\.year)).sorted(by: >)
        let byYear = Dictionary(grouping: content.notices, by: \.year)
        var shownYears: [HomePage.Year] = []
        var shown = 0
        for year in years {
            let notices = byYear[year] ?? []
            if !shownYears.isEmpty && shown + notices.count > pageSize { break }
            let listed = Array(notices.prefix(pageSize))
            shown += listed.count
            shownYears.append(HomePage.Year(
                year: "\(year)", href: routes.link(from: Routes.home, to: Routes.year(year)), series: seriesGroups(listed),
                more: listed.count < notices.count ? "\(year)年度共 \(notices.count) 份通知，这里列出前 \(listed.count) 份：查看全部" : nil))
        }
        let open = openNotices()
        let seriesLinks: [CountedLink] = content.taxonomy.series.map { series in
            CountedLink(name: series.name, href: routes.link(from: Routes.home, to: Routes.series(series.id)),
                        count: "\(content.notices.filter { $0.series.contains { $0.value == series.id } }.count)")
        }
        return HomePage(
            open: Block(open.prefix(pageSize).map { entry($0, from: Routes.home) }),
            openMore: open.count > pageSize ? "另有 \(open.count - pageSize) 份通知的申报期也未结束，见下面各年度的列表。" : nil,
            years: shownYears,
            yearLinks: years.map { year in
                CountedLink(name: "\(year)年度", href: routes.link(from: Routes.home, to: Routes.year(year)), count: "\(byYear[year]?.count ?? 0)")
            },
            seriesLinks: seriesLinks, noticeCount: "\(content.notices.count)")
    }

    /// Notices whose online application had not closed when the site was built (open, or not yet
    /// begun), the one closing soonest first. A window with neither date ("另行通知") is not listed:
    /// nothing says it is open.
    func openNotices() -> [Notice] {
        let open = content.notices.compactMap { notice -> (Notice, String)? in
            guard let window = notice.applicationWindow, window.start != nil || window.end != nil,
                  FactFormatting.closedAtBuild(window) == nil else { return nil }
            return (notice, window.end?.isoEnd ?? "~")
        }
        return open.sorted { ($0.1, $0.0.id) < ($1.1, $1.0.id) }.map(\.0)
    }

    /// One year's notices on the home page, one group per series (or set of series).
    private func seriesGroups(_ notices: [Notice]) -> [HomePage.SeriesGroup] {
        let seriesOrder = content.taxonomy.series.map(\.id)
        var keys: [[String]] = []
        for notice in notices {
            let key = notice.series.map(\.value).sorted { (seriesOrder.firstIndex(of: $0) ?? .max) < (seriesOrder.firstIndex(of: $1) ?? .max) }
            if !keys.contains(key) { keys.append(key) }
        }
        keys.sort { ($0.count, seriesOrder.firstIndex(of: $0[0]) ?? .max) < ($1.count, seriesOrder.firstIndex(of: $1[0]) ?? .max) }
        return keys.map { key in
            let members = notices.filter { Set($0.series.map(\.value)) == Set(key) }
            let links: [Link] = key.compactMap { id in
                content.taxonomy.series(id).map { Link(name: $0.name, href: routes.link(from: Routes.home, to: Routes.series(id))) }
            }
            return HomePage.SeriesGroup(links: links, notices: members.map { entry($0, from: Routes.home) })
        }
    }

    /// The notices of one year (`2024/`, `2024/page/2/`…).
    func year(_ year: Int, notices: [Notice], page number: Int, breadcrumbs: [Link]) -> ListingPage {
        let base = Routes.year(year), page = Routes.paged(base, page: number)
        let listed = slice(notices, page: number)
        return ListingPage(breadcrumbs: breadcrumbs, heading: "\(year)年度通知" + Self.pageSuffix(number),
                           intro: "\(year)年度的全部 \(notices.count) 份通知。",
                           hubHref: nil, notices: listed.map { entry($0, from: page) }, hasNotices: !listed.isEmpty,
                           pager: pager(base: base, page: number, count: notices.count))
    }

    /// `members`: every listing's notices by its address, for the specialties' counts.
    func series(_ series: Taxonomy.Series, notices: [Notice], page number: Int, members: [String: [Notice]], breadcrumbs: [Link]) -> ListingPage {
        let base = Routes.series(series.id), page = Routes.paged(base, page: number)
        let listed = slice(notices, page: number)
        let specialties: [CountedLink] = number > 1 ? [] : series.specialties.map { specialty in
            CountedLink(name: specialty.name, href: routes.link(from: page, to: Routes.specialty(specialty)),
                        count: "\(members[Routes.specialty(specialty)]?.count ?? 0)")
        }
        return ListingPage(breadcrumbs: breadcrumbs, heading: series.name + Self.pageSuffix(number),
                           intro: "\(series.name)的全部通知，按年度由新到旧排列。",
                           hubHref: routes.link(from: page, to: Routes.checklistHub(series: series.id)),
                           notices: listed.map { entry($0, from: page) }, hasNotices: !listed.isEmpty,
                           specialties: Block(specialties), pager: pager(base: base, page: number, count: notices.count))
    }

    func specialty(_ specialty: Taxonomy.Specialty, series: Taxonomy.Series, notices own: [Notice], page number: Int,
                   breadcrumbs: [Link], calculator: CalculatorModel?) -> ListingPage {
        let base = Routes.specialty(specialty), page = Routes.paged(base, page: number)
        let listed = slice(own, page: number)
        let seriesWide = number > 1 ? [] : seriesWideNotices(series.id)
        return ListingPage(
            breadcrumbs: breadcrumbs,
            heading: "\(series.name) · \(specialty.name)" + Self.pageSuffix(number),
            intro: "\(specialty.name)专业的全部通知，按年度由新到旧排列；最新一年的在最前。",
            hubHref: routes.link(from: page, to: Routes.checklistHub(series: series.id, specialty: specialty.id)),
            notices: listed.map { entry($0, from: page) },
            hasNotices: !listed.isEmpty,
            parent: ListingPage.Parent(name: series.name),
            seriesWide: Block(seriesWide.prefix(pageSize).map { entry($0, from: page) }),
            seriesWideMore: seriesWide.count > pageSize
                ? Link(name: "另有 \(seriesWide.count - pageSize) 份，见\(series.name)的全部通知", href: routes.link(from: page, to: Routes.series(series.id)))
                : nil,
            calculator: number > 1 ? nil : calculator,
            pager: pager(base: base, page: number, count: own.count))
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

extension ListingModels {
    /// A notice's checklist, one link per level, each opening it filtered to that level, as listed
    /// on hubs and notice pages. On a series' hub, a notice covering several series shows only the
    /// levels of that series.
    func checklistLinks(_ notice: Notice, from page: String, series: String? = nil) -> [CountedLink] {
        let checklist = routes.link(from: page, to: Routes.checklist(notice))
        return notice.levels.filter { level in series == nil || level.series == nil || level.series?.value == series }.map { level in
            // Counted where shown (a notice's page, a hub's few dozen entries), not for every notice
            // whenever the graph is made: `serve` makes it on every save.
            let count = notice.checklist(forLevel: level.id).count
            return CountedLink(name: FactFormatting.levelLabel(level, notice: notice, taxonomy: content.taxonomy),
                               href: checklist + Routes.levelQuery(level), count: "\(count)")
        }
    }

    /// A series' or specialty's checklists: the newest notice first and prominent, older years below,
    /// so a bookmarked hub always leads to this year's list.
    ///
    /// `own`: the notices of the series or specialty, newest first (`SiteGraph.members`).
    func checklistHub(series: Taxonomy.Series, specialty: Taxonomy.Specialty?, own: [Notice], breadcrumbs: [Link]) -> ChecklistHubPage {
        let page = Routes.checklistHub(series: series.id, specialty: specialty?.id)
        func older(_ notice: Notice) -> ChecklistHubPage.Older {
            ChecklistHubPage.Older(title: notice.title, href: routes.link(from: page, to: Routes.notice(notice)),
                                   checklists: checklistLinks(notice, from: page, series: series.id))
        }
        let newest = own.first.map { notice in
            ChecklistHubPage.Newest(title: notice.title, href: routes.link(from: page, to: Routes.notice(notice)), year: "\(notice.year)",
                                    apply: entry(notice, from: page).apply, checklists: checklistLinks(notice, from: page, series: series.id))
        }
        return ChecklistHubPage(
            breadcrumbs: breadcrumbs,
            heading: "\(series.name)\(specialty.map { " · \($0.name)" } ?? "")：材料清单",
            listingHref: routes.link(from: page, to: specialty.map(Routes.specialty) ?? Routes.series(series.id)),
            newest: newest,
            older: Block(own.dropFirst().prefix(pageSize).map(older)),
            seriesWide: specialty == nil ? nil : Block(seriesWideNotices(series.id).prefix(pageSize).map(older)),
            olderMore: own.count - 1 > pageSize
                ? "另有 \(own.count - 1 - pageSize) 份更早的通知：它们的材料清单在各自的通知页面上，见“查看全部通知”。" : nil)
    }
}
