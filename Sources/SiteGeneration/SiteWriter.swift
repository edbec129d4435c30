import Foundation
import MarkdownRendering
import NoticeModel
import SearchIndex
import Support
import TemplateRendering

/// Renders every page through the theme and writes it. Notices are rendered on all cores, a batch
/// at a time, and their results (search postings, diagnostics) are taken in notice
/// order, so the same content always gives the same bytes whatever the timing. Nothing keeps a
/// rendered page after writing it: memory grows with the batch, not with the site.
struct SiteWriter: Sendable {
    let content: Content
    let theme: Theme
    let output: OutputFolder
    let routes: Routes
    /// Notices rendered at once between two merges into the search index.
    var batchSize = 64
    /// The models of one notice's pages, shared with handouts.
    let noticePages: NoticePages

    typealias SitemapEntry = (path: String, lastModified: String?)

    /// What writing the site gives back: the HTML pages written and the problems found in notice
    /// texts (anchors that are not headings, remote images).
    struct Written {
        var pages: Int
        var diagnostics: [Diagnostic]
    }

    /// One page, rendered and ready to write.
    struct Page: Sendable {
        var path: String
        var html: [UInt8]
    }

    /// What one notice's pages give back to the site-wide steps.
    struct RenderedNotice: Sendable {
        var pages: [Page]
        var diagnostics: [Diagnostic]
        var search: SearchIndexBuilder.AnalysedNotice
    }

    init(content: Content, theme: Theme, output: OutputFolder, routes: Routes = Routes()) {
        self.content = content
        self.theme = theme
        self.output = output
        self.routes = routes
        noticePages = NoticePages(content: content, routes: routes)
    }

    func writeAll() throws -> Written {
        var pages = 0
        var diagnostics: [Diagnostic] = []
        let listings = noticePages.listings

        for asset in theme.assets { try output.copy(asset.source, to: asset.path) }

        var search = SearchIndexBuilder(taxonomy: SearchTaxonomy(series: content.taxonomy.series.map { series in
            SearchTaxonomy.Series(id: series.id, name: series.name, specialties: series.specialties.map { ($0.path, $0.name) })
        }))

        try write(homePage(listings: listings))
        pages += 1

        // A batch's postings are merged into the index on a queue of their own while the next batch
        // renders: merged in batch order, one batch at a time, so the index is the same whatever the
        // timing, and the cores are not left idle while one thread merges.
        let merging = SearchMerge(search)
        let notices = content.notices
        for batchStart in stride(from: 0, to: notices.count, by: batchSize) {
            let batch = Array(notices[batchStart..<min(notices.count, batchStart + batchSize)])
            let results = try Parallel.map(batch.count) { offset in
                try writeNotice(batch[offset], index: batchStart + offset)
            }
            for result in results {
                diagnostics += result.diagnostics
                pages += result.pages.count
            }
            merging.add(results.map(\.search))
        }
        search = merging.finished()

        // Series, specialty and hub pages: a job each, rendered and written on all cores.
        pages += try writeInParallel(seriesListingJobs(listings: listings, series: { _ in true }, specialty: { _, _ in true }))

        let searchFiles = search.files()
        _ = try Parallel.map(searchFiles.count) { index in try output.write(searchFiles[index].contents, to: searchFiles[index].path) }
        try write(searchPage())
        // A server shows 404.html for a missing address; from a folder it is never opened.
        try write(notFoundPage())
        pages += 2

        try writeFeeds()
        return Written(pages: pages, diagnostics: diagnostics)
    }

    private func write(_ page: Page) throws {
        try output.write(page.html, to: Routes.file(for: page.path))
    }

    /// Renders and writes one notice's pages (the notice, its templates, its checklists) and its
    /// search documents; `index` is its position in `content.notices`.
    func writeNotice(_ notice: Notice, index: Int) throws -> RenderedNotice {
        if let calendar = noticePages.yearOnYear.calendar(notice) { try output.write(calendar.text, to: calendar.path) }
        var result = renderNotice(notice, index: index)
        for page in result.pages { try output.write(page.html, to: Routes.file(for: page.path)) }
        for file in result.search.files { try output.write(file.contents, to: file.path) }
        result.search.files = []
        for index in result.pages.indices { result.pages[index].html = [] }
        return result
    }

    /// The pages of one notice, rendered and not written: its text rendered once and checked,
    /// each template's text rendered once for its page and its search document.
    func renderNotice(_ notice: Notice, index: Int) -> RenderedNotice {
        let markdown = notice.renderText()
        let templates = notice.renderTemplates()

        let pages = noticePages.pages(of: notice, rendered: markdown, templates: templates).map { page in
            render(page.path, template: page.template, title: page.title, model: page.model)
        }

        let documents = SearchDocuments(notice: notice, rendered: markdown, taxonomy: content.taxonomy, renderedTemplates: templates)
        let search = SearchIndexBuilder.analyse(documents.searchNotice, documents: documents.documents(), noticeIndex: index)
        return RenderedNotice(pages: pages, diagnostics: SiteBuilder.anchorDiagnostics(notice, markdown), search: search)
    }

    // MARK: - One notice at a time (`serve`)

    /// One notice's own pages and calendar file, without its search documents (the index is
    /// rewritten as a whole, later); `text` is its text when the caller rendered it already.
    /// Returns the number of HTML pages.
    func writeNoticePages(_ notice: Notice, text: RenderedMarkdown? = nil) throws -> Int {
        let markdown = text ?? notice.renderText()
        let templates = notice.renderTemplates()
        if let calendar = noticePages.yearOnYear.calendar(notice) { try output.write(calendar.text, to: calendar.path) }
        let pages = noticePages.pages(of: notice, rendered: markdown, templates: templates)
        for page in pages {
            let rendered = render(page.path, template: page.template, title: page.title, model: page.model)
            try output.write(rendered.html, to: Routes.file(for: page.path))
        }
        return pages.count
    }

    /// Series, specialty and hub pages of the series and specialties chosen, a job each, in
    /// taxonomy order: the full build takes them all, `serve` those a changed notice appears on.
    private func seriesListingJobs(listings: ListingModels, series includeSeries: (Taxonomy.Series) -> Bool,
                                   specialty includeSpecialty: (Taxonomy.Specialty, Taxonomy.Series) -> Bool) -> [@Sendable () -> Page] {
        var jobs: [@Sendable () -> Page] = []
        for series in content.taxonomy.series where includeSeries(series) {
            jobs.append { seriesPage(series, listings: listings) }
            jobs.append { hubPage(series: series, specialty: nil, listings: listings) }
            for specialty in series.specialties where includeSpecialty(specialty, series) {
                jobs.append { specialtyPage(specialty, series: series, listings: listings) }
                jobs.append { hubPage(series: series, specialty: specialty, listings: listings) }
            }
        }
        return jobs
    }

    /// The listings that can show one of these notices: the home page, their series and
    /// specialties (every specialty of a series a notice covers whole), and the hubs of those.
    /// Returns the number of HTML pages.
    func writeListingPages(showing changed: [Notice]) throws -> Int {
        let listings = noticePages.listings
        let seriesShown = Set(changed.flatMap { $0.series.map(\.value) })
        let specialtiesShown = Set(changed.flatMap { $0.specialties.map(\.value) })
        let seriesWide = Set(changed.flatMap { notice in
            notice.series.map(\.value).filter { ListingModels.covers(notice, wholeSeries: $0) }
        })
        return try writeInParallel([{ homePage(listings: listings) }]
            + seriesListingJobs(listings: listings, series: { seriesShown.contains($0.id) },
                                specialty: { specialtiesShown.contains($0.path) || seriesWide.contains($1.id) }))
    }

    /// Renders the pages on all cores and writes each as it is done. Returns how many.
    private func writeInParallel(_ jobs: [@Sendable () -> Page]) throws -> Int {
        try Parallel.map(jobs.count) { index in try write(jobs[index]()) }.count
    }

    /// The search index alone (`serve` writes it when the editing pauses); stops, throwing
    /// `CancellationError`, when `shouldStop` says so.
    func writeSearchIndex(shouldStop: () -> Bool = { false }) throws {
        var search = SearchIndexBuilder(taxonomy: SearchTaxonomy(series: content.taxonomy.series.map { series in
            SearchTaxonomy.Series(id: series.id, name: series.name, specialties: series.specialties.map { ($0.path, $0.name) })
        }))
        for (index, notice) in content.notices.enumerated() {
            if shouldStop() { throw CancellationError() }
            let documents = SearchDocuments(notice: notice, rendered: notice.renderText(), taxonomy: content.taxonomy,
                                            renderedTemplates: notice.renderTemplates())
            var analysed = SearchIndexBuilder.analyse(documents.searchNotice, documents: documents.documents(), noticeIndex: index)
            for file in analysed.files { try output.write(file.contents, to: file.path) }
            analysed.files = []
            search.add(analysed)
        }
        for file in search.files() { try output.write(file.contents, to: file.path) }
    }

    /// The sitemap and the feed, for every page and notice of the site (the sitemap lists every
    /// page but search and 404, in the order the build writes them; a notice's page carries its date).
    func writeFeeds() throws {
        var entries: [SitemapEntry] = [(Routes.home, nil)]
        for notice in content.notices {
            entries.append((Routes.notice(notice), Feeds.entryDate(notice).map { String($0.prefix(10)) }))
            entries += notice.templates.map { (Routes.template(notice, $0), nil) }
            entries += notice.levels.map { (Routes.checklist(notice, level: $0), nil) }
        }
        for series in content.taxonomy.series {
            entries += [(Routes.series(series.id), nil), (Routes.checklistHub(series: series.id), nil)]
            for specialty in series.specialties {
                entries += [(Routes.specialty(specialty), nil), (Routes.checklistHub(series: series.id, specialty: specialty.id), nil)]
            }
        }
        try output.write(Feeds.sitemap(pages: entries, baseURL: content.site.baseURL), to: "sitemap.xml")
        try output.write(Feeds.atom(site: content.site, notices: content.notices), to: "feed.xml")
    }

    // MARK: - Pages, one function per kind (a notice's own pages: NoticePages)

    func homePage(listings: ListingModels) -> Page {
        render(Routes.home, template: "home", title: content.site.title, isHome: true, model: listings.home())
    }

    func seriesPage(_ series: Taxonomy.Series, listings: ListingModels) -> Page {
        let page = Routes.series(series.id)
        var model = listings.series(series)
        model["breadcrumbs"] = [["name": "首页", "href": routes.link(from: page, to: Routes.home)]]
        return render(page, template: "listing", title: series.name, model: model)
    }

    func specialtyPage(_ specialty: Taxonomy.Specialty, series: Taxonomy.Series, listings: ListingModels) -> Page {
        let page = Routes.specialty(specialty)
        var model = listings.specialty(specialty, series: series)
        // The calculator of the specialty's newest notice.
        if let newest = content.notices.first(where: { $0.specialties.contains { $0.value == specialty.path } }) {
            model.merge(noticePages.calculatorContext(newest, from: page)) { _, new in new }
        }
        model["breadcrumbs"] = [
            ["name": "首页", "href": routes.link(from: page, to: Routes.home)],
            ["name": series.name, "href": routes.link(from: page, to: Routes.series(series.id))],
        ]
        return render(page, template: "listing", title: "\(series.name) \(specialty.name)", model: model)
    }

    func hubPage(series: Taxonomy.Series, specialty: Taxonomy.Specialty?, listings: ListingModels) -> Page {
        let page = Routes.checklistHub(series: series.id, specialty: specialty?.id)
        var model = listings.checklistHub(series: series, specialty: specialty)
        var crumbs: [[String: Any]] = [["name": "首页", "href": routes.link(from: page, to: Routes.home)],
                                       ["name": series.name, "href": routes.link(from: page, to: Routes.series(series.id))]]
        if let specialty { crumbs.append(["name": specialty.name, "href": routes.link(from: page, to: Routes.specialty(specialty))]) }
        model["breadcrumbs"] = crumbs
        return render(page, template: "checklist-hub", title: "材料清单：\(series.name)\(specialty.map { " \($0.name)" } ?? "")", model: model)
    }

    func searchPage() -> Page {
        render(Routes.search, template: "search", title: "搜索", model: [
            "explicitIndex": routes.explicitIndex ? "true" : "false",
            "browse": [["name": "全部通知（按年度）", "href": routes.link(from: Routes.search, to: Routes.home)]]
                + content.taxonomy.series.map { ["name": $0.name, "href": routes.link(from: Routes.search, to: Routes.series($0.id))] },
        ])
    }

    func notFoundPage() -> Page {
        // The 404 page is served at whatever address was missed, so its links cannot be relative.
        let notFoundRoot = content.site.baseURL ?? "/"
        return render("404.html", template: "404", title: "页面未找到", model: ["homeHref": notFoundRoot], rootOverride: notFoundRoot)
    }

    // MARK: - Layout

    /// A page's body rendered with its template, then placed in the layout.
    private func render(_ page: String, template: String, title: String, isHome: Bool = false, model: [String: Any],
                        rootOverride: String? = nil) -> Page {
        let root = rootOverride ?? Routes.root(from: page)
        var pageModel = model
        pageModel["root"] = root
        // Handed to the layout as bytes: a page body is tens of kilobytes, and making a String of
        // it only to write it out again checked every byte.
        let body = TemplateValue.utf8(theme.renderBytes(pageModel, template: template))
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
        return Page(path: page, html: theme.renderBytes(layout, template: "layout"))
    }
}

/// Merges analysed notices into the search index on a serial queue, in the order they were handed
/// over. The builder is touched only on that queue until `finished()` waits for it and hands it back.
private final class SearchMerge: @unchecked Sendable {
    private var builder: SearchIndexBuilder
    private let queue = DispatchQueue(label: "noticeboard.search-merge")

    init(_ builder: SearchIndexBuilder) {
        self.builder = builder
    }

    func add(_ analysed: [SearchIndexBuilder.AnalysedNotice]) {
        queue.async { for notice in analysed { self.builder.add(notice) } }
    }

    func finished() -> SearchIndexBuilder {
        queue.sync { builder }
    }
}
