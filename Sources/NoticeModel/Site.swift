/// Site-wide settings from `content/site.yml`.
public struct SiteConfig: Sendable, Hashable {
    public var title: String
    public var description: String?
    public var language: String
    /// Absolute address of the published site, used only where a full URL is required (feed, sitemap).
    public var baseURL: String?
    public var theme: String?
    /// How many notices a listing page shows before it continues on `page/2/` (`page_size`).
    public var pageSize: Int

    /// Hugo shows 10 a page; a notice entry is a few lines, and 50 keep a page near 30 KB.
    public static let defaultPageSize = 50
    public static let pageSizes = 1...1000

    public init(title: String, description: String? = nil, language: String = "zh-CN", baseURL: String? = nil, theme: String? = nil,
                pageSize: Int = SiteConfig.defaultPageSize) {
        self.title = title
        self.description = description
        self.language = language
        self.baseURL = baseURL
        self.theme = theme
        self.pageSize = pageSize
    }
}

/// Series (系列) and their specialties (专业), from `content/taxonomy.yml`.
public struct Taxonomy: Sendable, Hashable {
    public struct Specialty: Sendable, Hashable {
        public var id: String
        public var name: String
        public var seriesID: String
        public init(id: String, name: String, seriesID: String) {
            self.id = id
            self.name = name
            self.seriesID = seriesID
        }

        /// `series/specialty`, the form notices use to refer to it.
        public var path: String { "\(seriesID)/\(id)" }
    }

    public struct Series: Sendable, Hashable {
        public var id: String
        public var name: String
        public var specialties: [Specialty]

        public init(id: String, name: String, specialties: [Specialty]) {
            self.id = id
            self.name = name
            self.specialties = specialties
        }
    }

    public var series: [Series]

    public init(series: [Series]) {
        self.series = series
    }

    public func series(_ id: String) -> Series? { series.first { $0.id == id } }

    /// The specialty at `series/specialty`. Compared in its two parts, without making each
    /// specialty's path string: listings ask this for every notice they show. (Ids cannot hold a
    /// `/`: they are checked to be slugs.)
    public func specialty(_ path: String) -> Specialty? {
        guard let slash = path.firstIndex(of: "/") else { return nil }
        let seriesID = path[..<slash], id = path[path.index(after: slash)...]
        for series in series {
            for specialty in series.specialties where specialty.seriesID == seriesID && specialty.id == id { return specialty }
        }
        return nil
    }

    public var allSpecialtyPaths: [String] { series.flatMap { $0.specialties.map(\.path) } }
}

/// Everything in a content folder, loaded and checked.
public struct Content: Sendable {
    public var site: SiteConfig
    public var taxonomy: Taxonomy
    /// Newest year first, then by id, so every listing is stable.
    public var notices: [Notice]
    /// Holidays and make-up working days, for counting a 公示's working days.
    public var calendar: WorkingCalendar
    /// How many notice folders the content has, those whose notice could not be read included
    /// (`notices` holds only the readable ones): what `check` and `build` count as notices.
    public var noticeFolderCount: Int

    public init(site: SiteConfig, taxonomy: Taxonomy, notices: [Notice], calendar: WorkingCalendar = WorkingCalendar()) {
        self.site = site
        self.taxonomy = taxonomy
        self.calendar = calendar
        self.notices = notices.sorted { ($1.year, $0.id) < ($0.year, $1.id) }
        self.noticeFolderCount = notices.count
    }
}
