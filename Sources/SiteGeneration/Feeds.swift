import NoticeModel
import Support

/// `sitemap.xml` and the Atom feed. Both need absolute addresses; without `base_url` they use
/// addresses relative to the site root and the build says so.
enum Feeds {
    static func sitemap(pages: [(path: String, lastModified: String?)], baseURL: String?) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages {
            xml += "  <url><loc>\(xmlEscape((baseURL ?? "") + page.path))</loc>"
            if let lastModified = page.lastModified { xml += "<lastmod>\(lastModified)</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    static func atom(site: SiteConfig, notices: [Notice]) -> String {
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
        for notice in notices {
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

    /// The date a notice counts as published: its printed date, else when applications open.
    static func entryDate(_ notice: Notice) -> String? {
        let date = notice.published ?? notice.timeline.compactMap { $0.start ?? $0.end }.min()
        return date.map { "\($0.isoDate)T00:00:00+08:00" }
    }

    static func xmlEscape(_ text: String) -> String { escapeMarkup(text) }
}
