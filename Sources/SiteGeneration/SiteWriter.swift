import Foundation
import MarkdownRendering
import NoticeModel
import SearchIndex

/// Renders every page through the theme and writes it, in a fixed order so that the same content
/// always gives the same bytes.
struct SiteWriter {
    let content: Content
    let rendered: [String: RenderedMarkdown]
    let theme: Theme
    let output: OutputFolder
    let routes: Routes

    /// Returns the number of HTML pages written.
    func writeAll() throws -> Int {
        var pageCount = 0
        var sitemap: [(path: String, lastModified: String?)] = []
        let pages = NoticePages(content: content, routes: routes)
        let listings = pages.listings

        for asset in theme.assets { try output.copy(asset.source, to: asset.path) }

        var search = SearchIndexBuilder(taxonomy: SearchTaxonomy(series: content.taxonomy.series.map { series in
            SearchTaxonomy.Series(id: series.id, name: series.name, specialties: series.specialties.map { ($0.path, $0.name) })
        }))

        try writePage(Routes.home, template: "home", title: content.site.title, isHome: true, model: listings.home())
        sitemap.append((Routes.home, nil))
        pageCount += 1

        for notice in content.notices {
            guard let markdown = rendered[notice.id] else { continue }
            let documents = SearchDocuments(notice: notice, rendered: markdown, taxonomy: content.taxonomy)
            for file in search.add(documents.searchNotice, documents: documents.documents()) { try output.write(file.contents, to: file.path) }
            for page in pages.pages(of: notice, rendered: markdown) {
                try writePage(page.path, template: page.template, title: page.title, model: page.model)
                sitemap.append((page.path, page.template == "notice" ? Feeds.entryDate(notice).map { String($0.prefix(10)) } : nil))
                pageCount += 1
            }
        }

        for series in content.taxonomy.series {
            let page = Routes.series(series.id)
            var model = listings.series(series)
            model["breadcrumbs"] = [["name": "首页", "href": routes.link(from: page, to: Routes.home)]]
            try writePage(page, template: "listing", title: series.name, model: model)
            sitemap.append((page, nil))
            pageCount += 1
            try writeHub(series: series, specialty: nil, listings: listings)
            sitemap.append((Routes.checklistHub(series: series.id), nil))
            pageCount += 1
            for specialty in series.specialties {
                let specialtyPage = Routes.specialty(specialty)
                var specialtyModel = listings.specialty(specialty, series: series)
                // The calculator of the specialty's newest notice.
                if let newest = content.notices.first(where: { $0.specialties.contains { $0.value == specialty.path } }) {
                    specialtyModel.merge(pages.calculatorContext(newest, from: specialtyPage)) { _, new in new }
                }
                specialtyModel["breadcrumbs"] = [
                    ["name": "首页", "href": routes.link(from: specialtyPage, to: Routes.home)],
                    ["name": series.name, "href": routes.link(from: specialtyPage, to: Routes.series(series.id))],
                ]
                try writePage(specialtyPage, template: "listing", title: "\(series.name) \(specialty.name)", model: specialtyModel)
                sitemap.append((specialtyPage, nil))
                pageCount += 1
                try writeHub(series: series, specialty: specialty, listings: listings)
                sitemap.append((Routes.checklistHub(series: series.id, specialty: specialty.id), nil))
                pageCount += 1
            }
        }

        for file in search.files() { try output.write(file.contents, to: file.path) }
        try writePage(Routes.search, template: "search", title: "搜索", model: [
            "explicitIndex": routes.explicitIndex ? "true" : "false",
            "browse": [["name": "全部通知（按年度）", "href": routes.link(from: Routes.search, to: Routes.home)]]
                + content.taxonomy.series.map { ["name": $0.name, "href": routes.link(from: Routes.search, to: Routes.series($0.id))] },
        ])
        pageCount += 1

        // The 404 page is served at whatever address was missed, so its links cannot be relative.
        // A folder opened from disk has no server to show it.
        if !routes.explicitIndex {
            let notFoundRoot = content.site.baseURL ?? "/"
            try writePage("404.html", template: "404", title: "页面未找到", model: ["homeHref": notFoundRoot], rootOverride: notFoundRoot)
            pageCount += 1
        }

        try output.write(Feeds.sitemap(pages: sitemap, baseURL: content.site.baseURL), to: "sitemap.xml")
        try output.write(Feeds.atom(site: content.site, notices: content.notices), to: "feed.xml")
        return pageCount
    }

    private func writeHub(series: Taxonomy.Series, specialty: Taxonomy.Specialty?, listings: ListingModels) throws {
        let page = Routes.checklistHub(series: series.id, specialty: specialty?.id)
        var model = listings.checklistHub(series: series, specialty: specialty)
        var crumbs: [[String: Any]] = [["name": "首页", "href": routes.link(from: page, to: Routes.home)],
                                       ["name": series.name, "href": routes.link(from: page, to: Routes.series(series.id))]]
        if let specialty { crumbs.append(["name": specialty.name, "href": routes.link(from: page, to: Routes.specialty(specialty))]) }
        model["breadcrumbs"] = crumbs
        try writePage(page, template: "checklist-hub", title: "材料清单：\(series.name)\(specialty.map { " \($0.name)" } ?? "")", model: model)
    }

    private func writePage(_ page: String, template: String, title: String, isHome: Bool = false, model: [String: Any],
                           rootOverride: String? = nil) throws {
        let root = rootOverride ?? Routes.root(from: page)
        var pageModel = model
        pageModel["root"] = root
        let body = theme.render(pageModel, template: template)
        var layout: [String: Any] = [
            "lang": content.site.language,
            "siteTitle": content.site.title,
            "pageTitle": isHome ? content.site.title : "\(title) - \(content.site.title)",
            "root": root,
            "homeHref": rootOverride ?? routes.link(from: page, to: Routes.home),
            "feedHref": (rootOverride ?? root) + "feed.xml",
            // The page's own file, not its folder: a folder address opened from file:// lists files.
            "searchAction": rootOverride.map { $0 + "search/index.html" } ?? (routes.link(from: page, to: Routes.search) + (routes.explicitIndex ? "" : "index.html")),
            "body": body,
        ]
        layout["description"] = content.site.description
        try output.write(theme.render(layout, template: "layout"), to: Routes.file(for: page))
    }
}
