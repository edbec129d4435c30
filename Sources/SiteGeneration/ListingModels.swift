import NoticeModel

/// Notices listed on the home, series and specialty pages: newest year first, each with its
/// application window so a reader sees at a glance what is open.
struct ListingModels {
    let content: Content
    let routes: Routes
    /// Per series, the notices that cover it whole: every specialty page and hub of the series lists
    /// them, so they are found once and not by a pass over all notices per page.
    private let seriesWide: [String: [Notice]]
    /// Per notice id and level id, how many checklist items that level has: every hub showing the
    /// notice and its own page say so.
    private let checklistCounts: [String: [String: Int]]

    init(content: Content, routes: Routes) {
        self.content = content
        self.routes = routes
        var checklistCounts: [String: [String: Int]] = [:]
        for notice in content.notices where checklistCounts[notice.id] == nil {
            var counts: [String: Int] = [:]
            for level in notice.levels where counts[level.id] == nil { counts[level.id] = notice.checklist(forLevel: level.id).count }
            checklistCounts[notice.id] = counts
        }
        self.checklistCounts = checklistCounts
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

    /// Home: years, newest first; within a year, one group per series. A notice that covers several
    /// series at once is listed once, in a group named after all of them, not repeated under each.
    func home() -> HomePage {
        let years = Set(content.notices.map(\.year)).sorted(by: >)
        let seriesOrder = content.taxonomy.series.map(\.id)
        let groups: [HomePage.Year] = years.map { year in
            let notices = content.notices.filter { $0.year == year }
            var keys: [[String]] = []
            for notice in notices {
                let key = notice.series.map(\.value).sorted { (seriesOrder.firstIndex(of: $0) ?? .max) < (seriesOrder.firstIndex(of: $1) ?? .max) }
                if !keys.contains(key) { keys.append(key) }
            }
            keys.sort { ($0.count, seriesOrder.firstIndex(of: $0[0]) ?? .max) < ($1.count, seriesOrder.firstIndex(of: $1[0]) ?? .max) }
            let series: [HomePage.SeriesGroup] = keys.map { key in
                let members = notices.filter { Set($0.series.map(\.value)) == Set(key) }
                let links: [Link] = key.compactMap { id in
                    content.taxonomy.series(id).map { Link(name: $0.name, href: routes.link(from: Routes.home, to: Routes.series(id))) }
                }
                return HomePage.SeriesGroup(links: links, notices: members.map { entry($0, from: Routes.home) })
            }
            return HomePage.Year(year: "\(year)", series: series)
        }
        let seriesLinks: [CountedLink] = content.taxonomy.series.map { series in
            CountedLink(name: series.name, href: routes.link(from: Routes.home, to: Routes.series(series.id)),
                        count: "\(content.notices.filter { $0.series.contains { $0.value == series.id } }.count)")
        }
        return HomePage(years: groups, seriesLinks: seriesLinks, noticeCount: "\(content.notices.count)")
    }

    func series(_ series: Taxonomy.Series, breadcrumbs: [Link]) -> ListingPage {
        let page = Routes.series(series.id)
        let notices = content.notices.filter { $0.series.contains { $0.value == series.id } }
        let specialties: [CountedLink] = series.specialties.map { specialty in
            CountedLink(name: specialty.name, href: routes.link(from: page, to: Routes.specialty(specialty)),
                        count: "\(content.notices.filter { $0.specialties.contains { $0.value == specialty.path } }.count)")
        }
        return ListingPage(breadcrumbs: breadcrumbs, heading: series.name, intro: "\(series.name)的全部通知，按年度由新到旧排列。",
                           hubHref: routes.link(from: page, to: Routes.checklistHub(series: series.id)),
                           notices: notices.map { entry($0, from: page) }, hasNotices: !notices.isEmpty,
                           specialties: Block(specialties))
    }

    func specialty(_ specialty: Taxonomy.Specialty, series: Taxonomy.Series, breadcrumbs: [Link], calculator: CalculatorModel?) -> ListingPage {
        let page = Routes.specialty(specialty)
        let own = content.notices.filter { $0.specialties.contains { $0.value == specialty.path } }
        return ListingPage(
            breadcrumbs: breadcrumbs,
            heading: "\(series.name) · \(specialty.name)",
            intro: "\(specialty.name)专业的全部通知，按年度由新到旧排列；最新一年的在最前。",
            hubHref: routes.link(from: page, to: Routes.checklistHub(series: series.id, specialty: specialty.id)),
            notices: own.map { entry($0, from: page) },
            hasNotices: !own.isEmpty,
            parent: ListingPage.Parent(name: series.name),
            seriesWide: Block(seriesWideNotices(series.id).map { entry($0, from: page) }),
            calculator: calculator)
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
    /// The checklists of one notice, one link per level, as listed on hubs and notice pages. On a
    /// series' hub, a notice covering several series shows only the levels of that series.
    func checklistLinks(_ notice: Notice, from page: String, series: String? = nil) -> [CountedLink] {
        notice.levels.filter { level in series == nil || level.series == nil || level.series?.value == series }.map { level in
            let count = checklistCounts[notice.id]?[level.id] ?? notice.checklist(forLevel: level.id).count
            return CountedLink(name: FactFormatting.levelLabel(level, notice: notice, taxonomy: content.taxonomy),
                               href: routes.link(from: page, to: Routes.checklist(notice, level: level)), count: "\(count)")
        }
    }

    /// A series' or specialty's checklists: the newest notice first and prominent, older years below,
    /// so a bookmarked hub always leads to this year's list.
    func checklistHub(series: Taxonomy.Series, specialty: Taxonomy.Specialty?, breadcrumbs: [Link]) -> ChecklistHubPage {
        let page = Routes.checklistHub(series: series.id, specialty: specialty?.id)
        let own = content.notices.filter { notice in
            if let specialty { return notice.specialties.contains { $0.value == specialty.path } }
            return notice.series.contains { $0.value == series.id }
        }
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
            older: Block(own.dropFirst().map(older)),
            seriesWide: specialty == nil ? nil : Block(seriesWideNotices(series.id).map(older)))
    }
}
