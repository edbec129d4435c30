import NoticeModel
import Support

/// `sitemap.xml` and the Atom feed. Both need absolute addresses; without `base_url` they use
/// addresses relative to the site root and the build says so.
enum Feeds {
    typealias SitemapEntry = (path: String, lastModified: String?)

    /// The sitemap protocol's limits for one file (sitemaps.org): 50,000 addresses and 50 MB.
    /// A site of 10,000 notices has some 70,000 pages.
    static let sitemapAddressLimit = 50_000
    static let sitemapByteLimit = 50 * 1024 * 1024

    /// How many notices the feed carries, newest first (as Hugo's `rssLimit`): a feed reader needs
    /// the recent ones, and every notice of a large archive made a feed of megabytes.
    static let feedLimit = 50

    /// The sitemap's files: `sitemap.xml` alone while the site fits in one file; past the limits,
    /// `sitemap-1.xml`, `sitemap-2.xml`, … each within them, and `sitemap.xml` a sitemap index naming
    /// them (as Hugo does). The limits are parameters so tests can cross them with a small site.
    static func sitemapFiles(pages: [SitemapEntry], baseURL: String?, addressLimit: Int = sitemapAddressLimit,
                             byteLimit: Int = sitemapByteLimit) -> [(path: String, contents: String)] {
        let whole = sitemap(pages: pages, baseURL: baseURL)
        if pages.count <= addressLimit, whole.utf8.count <= byteLimit { return [("sitemap.xml", whole)] }
        let parts = sitemapParts(pages, baseURL: baseURL, addressLimit: addressLimit, byteLimit: byteLimit)
        let files = parts.enumerated().map { ("sitemap-\($0.offset + 1).xml", sitemap(pages: $0.element, baseURL: baseURL)) }
        var index = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (file, part) in zip(files, parts) {
            index += "  <sitemap><loc>\(xmlEscape((baseURL ?? "") + file.0))</loc>"
            // The newest date among the file's pages: a crawler reads again only the files that changed.
            if let newest = part.compactMap(\.lastModified).max() { index += "<lastmod>\(newest)</lastmod>" }
            index += "</sitemap>\n"
        }
        return [("sitemap.xml", index + "</sitemapindex>\n")] + files
    }

    /// The pages in graph order, cut into runs that each make a sitemap file within the limits.
    private static func sitemapParts(_ pages: [SitemapEntry], baseURL: String?, addressLimit: Int, byteLimit: Int) -> [[SitemapEntry]] {
        let frame = sitemap(pages: [], baseURL: baseURL).utf8.count
        var parts: [[SitemapEntry]] = []
        var current: [SitemapEntry] = []
        var bytes = frame
        for page in pages {
            let size = sitemapLine(page, baseURL: baseURL).utf8.count
            if !current.isEmpty, current.count == addressLimit || bytes + size > byteLimit {
                parts.append(current)
                current = []
                bytes = frame
            }
            current.append(page)
            bytes += size
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }

    static func sitemap(pages: [SitemapEntry], baseURL: String?) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages { xml += sitemapLine(page, baseURL: baseURL) }
        return xml + "</urlset>\n"
    }

    private static func sitemapLine(_ page: SitemapEntry, baseURL: String?) -> String {
        var line = "  <url><loc>\(xmlEscape((baseURL ?? "") + page.path))</loc>"
        if let lastModified = page.lastModified { line += "<lastmod>\(lastModified)</lastmod>" }
        return line + "</url>\n"
    }

    /// The Atom feed of the newest `limit` notices, newest first.
    static func atom(site: SiteConfig, notices: [Notice], limit: Int = feedLimit) -> String {
        // No build time in the feed: the same content must give the same bytes.
        let updated = notices.compactMap(entryDate).max() ?? "2000-01-01T00:00:00+08:00"
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(xmlEscape(site.language))"\(site.baseURL.map { " xml:base=\"\(xmlEscape($0))\"" } ?? "")>
          <title>\(xmlEscape(site.title))</title>
          <id>tag:noticeboard,2024:\(xmlEscape(site.baseURL ?? site.title))</id>
          <updated>\(updated)</updated>
          <link rel="alternate" href="./"/>

        """
        if let description = site.description { xml += "  <subtitle>\(xmlEscape(description))</subtitle>\n" }
        for notice in newest(notices, limit: limit) {
            let summary = [notice.issuer, notice.applicationWindow.map { "网上申报：" + FactFormatting.when($0) }]
                .compactMap { $0 }.joined(separator: "；")
            xml += """
              <entry>
                <title>\(xmlEscape(notice.title))</title>
                <id>tag:noticeboard,2024:notice/\(xmlEscape(notice.id))</id>
                <link rel="alternate" href="\(xmlEscape(Routes.notice(notice)))"/>
                <updated>\(entryDate(notice) ?? updated)</updated>
                <author><name>\(xmlEscape(notice.issuer))</name></author>
                <summary>\(xmlEscape(summary))</summary>
              </entry>

            """
        }
        return xml + "</feed>\n"
    }

    /// The `limit` newest notices by `entryDate`, newest first; those without a date last. Equal
    /// dates go by id, so the feed does not depend on the order the notices were read in.
    static func newest(_ notices: [Notice], limit: Int) -> [Notice] {
        let dated = notices.map { (notice: $0, date: entryDate($0) ?? "") }
        return dated.sorted { $0.date != $1.date ? $0.date > $1.date : $0.notice.id < $1.notice.id }.prefix(limit).map(\.notice)
    }

    /// The date a notice counts as published: its printed date, else when applications open.
    static func entryDate(_ notice: Notice) -> String? {
        let date = notice.published ?? notice.timeline.compactMap { $0.start ?? $0.end }.min()
        return date.map { "\($0.isoDate)T00:00:00+08:00" }
    }

    static func xmlEscape(_ text: String) -> String { escapeMarkup(text) }
}
