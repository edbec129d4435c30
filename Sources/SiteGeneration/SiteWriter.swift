import Foundation
import MarkdownRendering
import NoticeModel
import SearchIndex
import Support
import TemplateRendering

/// Renders the pages of the site graph through the theme and writes them. Notices are rendered on
/// all cores, a batch at a time, and their results (search postings, diagnostics) are taken in
/// notice order, so the same content always gives the same bytes whatever the timing. Nothing
/// keeps a rendered page after writing it: memory grows with the batch, not with the site.
struct SiteWriter: Sendable {
    let content: Content
    let theme: Theme
    let output: OutputFolder
    let graph: SiteGraph
    /// Notices rendered at once between two merges into the search index.
    var batchSize = 64

    /// What writing the site gives back: the HTML pages written and the problems found in notice
    /// texts (anchors that are not headings, remote images).
    struct Written {
        var pages: Int
        var diagnostics: [Diagnostic]
    }

    /// One page, rendered and ready to write.
    struct RenderedPage: Sendable {
        var path: String
        var html: [UInt8]
    }

    /// What one notice's pages give back to the site-wide steps.
    struct RenderedNotice: Sendable {
        var pages: [RenderedPage]
        var diagnostics: [Diagnostic]
        var search: SearchIndexBuilder.AnalysedNotice
    }

    init(content: Content, theme: Theme, output: OutputFolder, routes: Routes = Routes()) {
        self.init(graph: SiteGraph(content: content, routes: routes), theme: theme, output: output)
    }

    init(graph: SiteGraph, theme: Theme, output: OutputFolder) {
        content = graph.content
        self.theme = theme
        self.output = output
        self.graph = graph
    }

    /// Every page and file of the graph, step by step.
    func writeAll(timings: inout StepTimings) throws(StepFailure) -> Written {
        var pages = 0
        var diagnostics: [Diagnostic] = []
        try timings.run(.copyAssets) {
            for asset in theme.assets { try output.copy(asset.source, to: asset.path) }
        }
        let search = try timings.run(.noticePages) { () throws -> SearchIndexBuilder in
            // Made here so that it is freed with the step, before the listings render.
            let byNotice = Dictionary(grouping: graph.pages.indices.filter { graph.pages[$0].noticeRef != nil }) { graph.pages[$0].noticeRef!.notice.id }
            // A batch's postings are merged into the index on a queue of their own while the next
            // batch renders: merged in batch order, one batch at a time, so the index is the same
            // whatever the timing, and the cores are not left idle while one thread merges.
            let merging = SearchMerge(SearchIndexBuilder(taxonomy: searchTaxonomy))
            let notices = content.notices
            for batchStart in stride(from: 0, to: notices.count, by: batchSize) {
                let batch = Array(notices[batchStart..<min(notices.count, batchStart + batchSize)])
                let results = try Parallel.map(batch.count) { offset in
                    let notice = batch[offset]
                    return try writeNotice(notice, pages: (byNotice[notice.id] ?? []).map { graph.pages[$0] }, index: batchStart + offset)
                }
                for result in results {
                    diagnostics += result.diagnostics
                    pages += result.pages.count
                }
                merging.add(results.map(\.search))
            }
            return merging.finished()
        }
        // Positions, not a filtered copy of the pages: each page holds a notice's worth of bytes.
        let listings = graph.pages.indices.filter { graph.pages[$0].noticeRef == nil && !Self.isStandalone(graph.pages[$0]) }
        pages += try timings.run(.listingPages) { try renderAndWrite(count: listings.count) { graph.pages[listings[$0]] } }
        try timings.run(.searchIndex) {
            let files = search.files() + [searchEngine]
            _ = try Parallel.map(files.count) { index in try output.write(files[index].contents, to: files[index].path) }
        }
        pages += try timings.run(.otherPages) { try write(graph.pages.filter(Self.isStandalone)) }
        try timings.run(.feeds) { try writeFeeds() }
        return Written(pages: pages, diagnostics: diagnostics)
    }

    /// The search page and the 404 page: written after the index, as pages of their own.
    static func isStandalone(_ page: SiteGraph.Page) -> Bool {
        switch page.kind {
        case .search, .notFound: true
        default: false
        }
    }

    private var searchTaxonomy: SearchTaxonomy {
        SearchTaxonomy(series: content.taxonomy.series.map { series in
            SearchTaxonomy.Series(id: series.id, name: series.name, specialties: series.specialties.map { ($0.path, $0.name) })
        })
    }

    /// Renders and writes one notice's pages (its page, templates and checklists), its calendar
    /// file and its search documents; `index` is its position in `content.notices`.
    func writeNotice(_ notice: Notice, pages: [SiteGraph.Page], index: Int) throws -> RenderedNotice {
        if let calendar = graph.calendarFile(of: notice) { try output.write(calendar.text, to: calendar.path) }
        var result = renderNotice(notice, pages: pages, index: index)
        for page in result.pages { try output.write(page.html, to: Routes.file(for: page.path)) }
        for file in result.search.files { try output.write(file.contents, to: file.path) }
        result.search.files = []
        for index in result.pages.indices { result.pages[index].html = [] }
        return result
    }

    /// The pages of one notice, rendered and not written: its text rendered once and checked,
    /// each template's text rendered once for its page and its search document.
    func renderNotice(_ notice: Notice, pages: [SiteGraph.Page]? = nil, index: Int) -> RenderedNotice {
        let markdown = notice.renderText()
        let templates = notice.renderTemplates()
        let rendered = (pages ?? graph.ownPages(of: notice)).map { render($0, text: markdown, templates: templates) }
        let documents = SearchDocuments(notice: notice, rendered: markdown, taxonomy: content.taxonomy, renderedTemplates: templates)
        let search = SearchIndexBuilder.analyse(documents.searchNotice, documents: documents.documents(), noticeIndex: index)
        return RenderedNotice(pages: rendered, diagnostics: SiteBuilder.anchorDiagnostics(notice, markdown), search: search)
    }

    // MARK: - Some pages (`serve`)

    /// The given pages, rendered on all cores and written as each is done, with the calendar
    /// files of the notices among them; `texts` holds notices' texts already rendered. Returns
    /// how many pages.
    func write(_ pages: [SiteGraph.Page], texts: [String: RenderedMarkdown] = [:]) throws -> Int {
        for page in pages {
            if case let .notice(ref) = page.kind, let calendar = graph.calendarFile(of: ref.notice) {
                try output.write(calendar.text, to: calendar.path)
            }
        }
        return try renderAndWrite(count: pages.count, texts: texts) { pages[$0] }
    }

    /// `count` pages, `page(i)` the i-th, rendered on all cores and written as each is done.
    private func renderAndWrite(count: Int, texts: [String: RenderedMarkdown] = [:],
                                page: @Sendable (Int) -> SiteGraph.Page) throws -> Int {
        try Parallel.map(count) { index in
            let page = page(index)
            let text = page.noticeRef.flatMap { texts[$0.notice.id] }
            let rendered = render(page, text: text)
            try output.write(rendered.html, to: Routes.file(for: rendered.path))
        }.count
    }

    /// The search index alone (`serve` writes it when the editing pauses); stops, throwing
    /// `CancellationError`, when `shouldStop` says so.
    func writeSearchIndex(shouldStop: () -> Bool = { false }) throws {
        var search = SearchIndexBuilder(taxonomy: searchTaxonomy)
        for (index, notice) in content.notices.enumerated() {
            if shouldStop() { throw CancellationError() }
            let documents = SearchDocuments(notice: notice, rendered: notice.renderText(), taxonomy: content.taxonomy,
                                            renderedTemplates: notice.renderTemplates())
            var analysed = SearchIndexBuilder.analyse(documents.searchNotice, documents: documents.documents(), noticeIndex: index)
            for file in analysed.files { try output.write(file.contents, to: file.path) }
            analysed.files = []
            search.add(analysed)
        }
        for file in search.files() + [searchEngine] { try output.write(file.contents, to: file.path) }
    }

    /// The search engine the search page loads, written with the index it reads (so a page never
    /// pairs an engine with an index of another format): the theme's search.js without its
    /// comments and indentation, as a handout carries it. A reader's first search loads it, and
    /// the comments were a third of it; the theme's assets/search.js keeps them for theme authors.
    private var searchEngine: (path: String, contents: String) {
        let script = ThemeContract.handoutScripts.firstIndex(of: "search.js").map { theme.handoutScripts[$0] } ?? ""
        return ("search/engine.js", script + "\n")
    }

    /// The sitemap and the feed: the sitemap lists the graph's pages but search and 404, in graph
    /// order (in several files past the protocol's limits); a notice's page carries its date.
    ///
    /// The entries are made from the graph's pages in place: a filtered copy of the pages (each
    /// holding its notice) was 100 MB at 10,000 notices, made at the end of the build when the
    /// content and the graph are all still held, and so the build's peak memory (docs/benchmark.md).
    func writeFeeds() throws {
        var entries: [(path: String, lastModified: String?)] = []
        for index in graph.pages.indices where graph.pages[index].isListed {
            if case let .notice(ref) = graph.pages[index].kind {
                entries.append((graph.pages[index].path, Feeds.entryDate(ref.notice).map { String($0.prefix(10)) }))
            } else {
                entries.append((graph.pages[index].path, nil))
            }
        }
        for file in Feeds.sitemapFiles(pages: entries, baseURL: content.site.baseURL) { try output.write(file.contents, to: file.path) }
        try output.write(Feeds.atom(site: content.site, notices: content.notices), to: "feed.xml")
    }

    // MARK: - Layout

    /// A page's body rendered with its template and model, then placed in the layout (a page
    /// that only sends the reader on is a whole document of its own).
    func render(_ page: SiteGraph.Page, text: RenderedMarkdown? = nil, templates: [String: RenderedMarkdown] = [:]) -> RenderedPage {
        let model = graph.model(of: page, text: text, templates: templates)
        if model is RedirectPage { return RenderedPage(path: page.path, html: theme.renderBytes(model, template: page.template, root: nil)) }
        let isNotFound = Self.isNotFound(page)
        // The 404 page is served at whatever address was missed, so its links cannot be relative.
        let rootOverride = isNotFound ? graph.notFoundRoot : nil
        let root = rootOverride ?? Routes.root(from: page.path)
        // Handed to the layout as bytes: a page body is tens of kilobytes, and making a String of
        // it only to write it out again checked every byte.
        let body = theme.renderBytes(model, template: page.template, root: root)
        let title = graph.title(of: page)
        let isHome = page.path == Routes.home
        let layout = LayoutPage(
            lang: content.site.language,
            siteTitle: content.site.title,
            pageTitle: isHome ? content.site.title : "\(title) - \(content.site.title)",
            description: content.site.description,
            root: root,
            homeHref: rootOverride ?? graph.routes.link(from: page.path, to: Routes.home),
            feedHref: (rootOverride ?? root) + "feed.xml",
            searchAction: rootOverride.map { $0 + "search/index.html" }
                ?? (graph.routes.link(from: page.path, to: Routes.search) + (graph.routes.explicitIndex ? "" : "index.html")),
            body: RenderedHTML(bytes: body))
        return RenderedPage(path: page.path, html: theme.renderBytes(layout, template: "layout", root: nil))
    }

    private static func isNotFound(_ page: SiteGraph.Page) -> Bool {
        if case .notFound = page.kind { return true }
        return false
    }
}

/// Merges analysed notices into the search index on a serial queue, in the order they were handed
/// over. The builder is touched only on that queue until `finished()` waits for it and hands it back.
///
/// At most one batch waits while another is merged: when merging falls behind rendering (a loaded
/// machine, a large site), `add` waits instead of queueing every batch's postings. (That was
/// thought to put a 10,000-notice build over 1 GiB; measured, it did not: docs/benchmark.md.)
private final class SearchMerge: @unchecked Sendable {
    private var builder: SearchIndexBuilder
    private let queue = DispatchQueue(label: "noticeboard.search-merge")
    private let room = DispatchSemaphore(value: 2)

    init(_ builder: SearchIndexBuilder) {
        self.builder = builder
    }

    func add(_ analysed: [SearchIndexBuilder.AnalysedNotice]) {
        room.wait()
        queue.async {
            for notice in analysed { self.builder.add(notice) }
            self.room.signal()
        }
    }

    func finished() -> SearchIndexBuilder {
        queue.sync { builder }
    }
}
