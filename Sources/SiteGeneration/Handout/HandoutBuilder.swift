import Foundation
import MarkdownRendering
import NoticeModel
import SearchIndex
import TemplateRendering
import Support

/// One self-contained HTML file per notice, for an office to send by WeChat, e-mail or USB stick:
/// key facts and full text, every level's checklist, the calculator, every template and search
/// over the notice, with the theme's CSS and scripts inline. Opening it makes no request at all.
///
/// Each page of the notice becomes a view of the file. The notice text is shown first and reads
/// without JavaScript; the other views wait in `<template>` elements until `handout.js` shows them,
/// one at a time, so the page scripts find the same element ids as on the site.
public struct HandoutBuilder {
    public struct Handout: Sendable {
        public let noticeID: String
        /// `NOTICE-ID.html`.
        public let fileName: String
        public let html: String
    }

    let options: SiteBuilder.Options
    /// When the handouts say they were generated. Pass the build time, or `SOURCE_DATE_EPOCH`
    /// for files that are byte-identical from one run to the next.
    let generatedAt: Date

    public init(options: SiteBuilder.Options, generatedAt: Date) {
        self.options = options
        self.generatedAt = generatedAt
    }

    /// Handouts of the given notices (every notice when `ids` is nil), in content order.
    public func handouts(ids: [String]?) throws(SiteBuilder.Failure) -> [Handout] {
        let builder = SiteBuilder(options: options)
        let checked = builder.check()
        var diagnostics = checked.diagnostics
        let theme: Theme
        do {
            theme = try Theme.load(themesDirectory: options.themesDirectory, name: options.themeName ?? checked.content?.site.theme)
        } catch {
            throw SiteBuilder.Failure(diagnostics: diagnostics + error.diagnostics)
        }
        guard let content = checked.content, !diagnostics.contains(where: { $0.severity == .error }) else {
            throw SiteBuilder.Failure(diagnostics: diagnostics)
        }
        let known = content.notices.map(\.id)
        for id in ids ?? [] where !known.contains(id) {
            diagnostics.append(Diagnostic(.error, file: options.contentDisplayPath + "/notices/\(id)", line: 1, column: 1,
                                          Message("handout.unknownNotice", ["id": id]),
                                          hint: closestMatch(to: id, in: known).map { Message("handout.unknownNotice.didYouMean", ["id": $0]) }
                                              ?? Message("handout.unknownNotice.known", ["ids": known.joined(separator: ", ")])))
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw SiteBuilder.Failure(diagnostics: diagnostics) }
        let chosen = content.notices.filter { ids?.contains($0.id) ?? true }
        // One site graph for all the handouts (making it indexes every notice), linking folders:
        // every link is rewritten to a view of the handout or to the site's web address.
        let graph = SiteGraph(content: content, routes: Routes(explicitIndex: false))
        return chosen.compactMap { notice in
            checked.rendered[notice.id].map { handout(notice, rendered: $0, graph: graph, theme: theme) }
        }
    }

    /// One view of a handout: a page of the site graph, with its title and model.
    struct View {
        var id: String
        var path: String
        var template: String
        var title: String
        var model: any PageModel
    }

    private func handout(_ notice: Notice, rendered: RenderedMarkdown, graph: SiteGraph, theme: Theme) -> Handout {
        let content = graph.content
        // A level's former checklist address only sends the reader on: a handout has no such address.
        var views: [View] = graph.ownPages(of: notice).filter { $0.template != "redirect" }.map { page in
            View(id: Self.viewID(page.path, notice: notice), path: page.path, template: page.template, title: graph.title(of: page),
                 model: graph.model(of: page, text: rendered))
        }
        views.append(View(id: "search", path: Routes.search, template: "search", title: "搜索本通知",
                          model: SearchPage(explicitIndex: "false", browse: [])))

        let baseURL = content.site.baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        var links = HandoutLinks(views: Dictionary(uniqueKeysWithValues: views.map { ($0.path, $0.id) }),
                                 noticeView: "notice", baseURL: baseURL)
        // The deadlines calendar travels inside the file, so 加入手机日历 works offline too.
        if let calendar = graph.calendarFile(of: notice) {
            links.files[calendar.path] = "data:text/calendar;charset=utf-8;base64," + Data(calendar.text.utf8).base64EncodedString()
        }
        func body(_ view: View) -> RenderedHTML {
            let html = String(decoding: theme.renderBytes(view.model, template: view.template, root: Routes.root(from: view.path), inHandout: true), as: UTF8.self)
            return RenderedHTML(links.rewrite(html, page: view.path))
        }

        // The page scripts, this notice's search index (search.js defines what it calls), then handout.js.
        var scripts = theme.handoutScripts.map { $0.trimmingCharacters(in: .newlines) }
        scripts.insert(searchData(notice, rendered: rendered, content: content), at: scripts.count - 1)
        let styles = [theme.handoutStyles.trimmingCharacters(in: .newlines)]
        let policy = "default-src 'none'; img-src data:; style-src \(styles.map(SHA256.cspSource).joined(separator: " ")); "
            + "script-src \(scripts.map(SHA256.cspSource).joined(separator: " ")); form-action 'none'; base-uri 'none'"
        let viewMap = JSONWriter.page.encode(Dictionary(uniqueKeysWithValues: views.map { ($0.path, $0.id) }))

        let checklists = views.filter { $0.template == "checklist" }.map { _ in
            Link(name: notice.levels.map { FactFormatting.levelLabel($0, notice: notice, taxonomy: content.taxonomy) }.joined(separator: "、"), href: "#/checklist")
        }
        let templates = views.filter { $0.template == "template" }.map { Link(name: $0.title, href: "#/\($0.id)") }
        let model = HandoutPage(
            lang: content.site.language,
            pageTitle: "\(notice.title)（离线版）",
            policy: policy,
            noticeTitle: notice.title,
            year: "\(notice.year)",
            generated: Self.beijingTime(generatedAt),
            checklists: checklists,
            hasChecklists: !checklists.isEmpty,
            templates: templates,
            hasTemplates: !templates.isEmpty,
            noticeBody: body(views[0]),
            views: views.dropFirst().map { HandoutPage.View(id: $0.id, title: $0.title, body: body($0)) },
            viewMap: viewMap,
            styles: styles,
            scripts: scripts,
            webHref: baseURL.map { $0 + Routes.notice(notice) })
        return Handout(noticeID: notice.id, fileName: "\(notice.id).html",
                       html: String(decoding: theme.renderBytes(model, template: "handout", root: nil), as: UTF8.self))
    }

    /// `notice`, `checklist`, `template-ID`: short, stable, and safe in a fragment.
    static func viewID(_ path: String, notice: Notice) -> String {
        let own = Routes.notice(notice)
        guard path != own else { return "notice" }
        return path.dropFirst(own.count).split(separator: "/").joined(separator: "-")
            .replacingOccurrences(of: "templates-", with: "template-")
    }

    /// The search index of this notice alone, as one script: the site's index files, concatenated.
    /// Its taxonomy is the notice's own series and specialties: a handout has no filters, and its
    /// suggestions should name what this notice covers, not the rest of the site.
    private func searchData(_ notice: Notice, rendered: RenderedMarkdown, content: Content) -> String {
        let ownSeries = Set(notice.series.map(\.value)), ownSpecialties = Set(notice.specialties.map(\.value))
        let taxonomy = SearchTaxonomy(series: content.taxonomy.series.filter { ownSeries.contains($0.id) }.map { series in
            SearchTaxonomy.Series(id: series.id, name: series.name,
                                  specialties: series.specialties.filter { ownSpecialties.contains($0.path) }.map { ($0.path, $0.name) })
        })
        var index = SearchIndexBuilder(taxonomy: taxonomy)
        let documents = SearchDocuments(notice: notice, rendered: rendered, taxonomy: content.taxonomy)
        let documentFiles = index.add(documents.searchNotice, documents: documents.documents())
        let files = index.files() + documentFiles
        return "NBSearch.inline=true;\n"
            + files.filter { $0.path != "search/f.js" }.map { $0.contents.trimmingCharacters(in: .newlines) }.joined(separator: "\n")
    }

    static func beijingTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d年%d月%d日 %02d:%02d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!)
    }
}
