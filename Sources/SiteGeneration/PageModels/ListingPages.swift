import TemplateRendering

/// One notice in a list (the `notice-entry` partial): title, year, office and its application window.
struct NoticeEntry: Codable, Sendable {
    var title, href, issuer, year, levels: String
    var region, specialties: String?
    var apply: ApplyWindow?

    struct ApplyWindow: Codable, Sendable {
        var when: String
        var startISO, endISO: String?
        var kindID: String
        /// Said when the window had closed when the site was built; status.js updates it.
        var closedAtBuild: String?
    }
}

/// The home page (`home`): what is open now, the newest year's notices, and the way to every
/// year and series. It stays short however large the archive grows: older years and long years
/// continue on their own paged listings.
struct HomePage: PageModel {
    /// Notices whose application window had not closed when the site was built, closing soonest first.
    var open: Block<NoticeEntry>?
    /// Said when more windows are open than the home page lists.
    var openMore: String?
    /// The newest years, each in full while they fit on one page; the newest is always shown.
    var years: [Year]
    /// Every year, newest first, with its count: each leads to that year's paged listing.
    var yearLinks: [CountedLink]
    var seriesLinks: [CountedLink]
    var noticeCount: String

    struct Year: Codable, Sendable {
        var year: String
        /// The year's own listing.
        var href: String
        var series: [SeriesGroup]
        /// When the year has more notices than the home page shows: how many, and that the
        /// year's listing has them all.
        var more: String?
    }

    /// The notices of one year for one series, or for several series at once.
    struct SeriesGroup: Codable, Sendable {
        var links: [Link]
        var notices: [NoticeEntry]
    }
}

/// A year's, a series' or a specialty's notices (`listing`), newest first, one page of them: a
/// long listing continues on `page/2/`, `page/3/`… with a pager.
struct ListingPage: PageModel {
    var breadcrumbs: [Link]
    var heading, intro: String
    /// The checklist hub of the series or specialty (a year has none).
    var hubHref: String?
    var notices: [NoticeEntry]
    var hasNotices: Bool
    /// A series' specialties (on its first page).
    var specialties: Block<CountedLink>?
    /// A specialty's series.
    var parent: Parent?
    /// On a specialty's first page, the notices that cover its whole series.
    var seriesWide: Block<NoticeEntry>?
    /// Said when the series has more of those than the specialty's page lists.
    var seriesWideMore: Link?
    /// On a specialty's first page, the calculator of its newest notice.
    var calculator: CalculatorModel?
    /// When the listing has more than one page.
    var pager: Pager?

    struct Parent: Codable, Sendable {
        var name: String
    }
}

/// The links between the pages of one listing: every page by number, so each is one click from
/// any other, with the previous and next page and where this one is.
struct Pager: Codable, Sendable {
    /// 第 2 页，共 17 页（第 51–100 份，共 833 份）
    var summary: String
    var previous, next: String?
    var pages: [Number]

    struct Number: Codable, Sendable {
        var number, href: String
        var current: Bool
    }
}

/// The checklists of a series or specialty (`checklist-hub`): the newest notice's first.
struct ChecklistHubPage: PageModel {
    var breadcrumbs: [Link]
    var heading, listingHref: String
    var newest: Newest?
    var older, seriesWide: Block<Older>?
    /// Said when there are more older notices than the hub lists: their checklists are on their
    /// own pages, reached from the listing.
    var olderMore: String?

    /// The newest notice: its year, window and checklists.
    struct Newest: Codable, Sendable {
        var title, href, year: String
        var apply: NoticeEntry.ApplyWindow?
        var checklists: [CountedLink]
    }

    /// An older notice, or one of the whole series: its checklists.
    struct Older: Codable, Sendable {
        var title, href: String
        var checklists: [CountedLink]
    }
}

/// The search page (`search`); its results are written by search.js.
struct SearchPage: PageModel {
    /// "true" when links name `index.html` (the site), "false" in a handout.
    var explicitIndex: String
    var browse: [Link]
}

/// The page a server shows for a missing address (`404`).
struct NotFoundPage: PageModel {
    var homeHref: String
}
