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

/// The home page (`home`): every year's notices, grouped by series.
struct HomePage: PageModel {
    var years: [Year]
    var seriesLinks: [CountedLink]
    var noticeCount: String

    struct Year: Codable, Sendable {
        var year: String
        var series: [SeriesGroup]
    }

    /// The notices of one year for one series, or for several series at once.
    struct SeriesGroup: Codable, Sendable {
        var links: [Link]
        var notices: [NoticeEntry]
    }
}

/// A series' or a specialty's page (`listing`): its notices, newest first.
struct ListingPage: PageModel {
    var breadcrumbs: [Link]
    var heading, intro, hubHref: String
    var notices: [NoticeEntry]
    var hasNotices: Bool
    /// A series' specialties.
    var specialties: Block<CountedLink>?
    /// A specialty's series.
    var parent: Parent?
    /// On a specialty's page, the notices that cover its whole series.
    var seriesWide: Block<NoticeEntry>?
    /// On a specialty's page, the calculator of its newest notice.
    var calculator: CalculatorModel?

    struct Parent: Codable, Sendable {
        var name: String
    }
}

/// The checklists of a series or specialty (`checklist-hub`): the newest notice's first.
struct ChecklistHubPage: PageModel {
    var breadcrumbs: [Link]
    var heading, listingHref: String
    var newest: Newest?
    var older, seriesWide: Block<Older>?

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
