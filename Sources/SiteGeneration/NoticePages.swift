import MarkdownRendering
import NoticeModel

/// The pages of one notice — its own page, one per template, one per level's checklist — as the
/// theme template, title and model of each. The site writes each as a file; a handout puts them all
/// in one file. One definition, so both show the same facts.
struct NoticePages {
    struct Page {
        let path: String
        let template: String
        let title: String
        let model: [String: Any]
    }

    let content: Content
    let routes: Routes
    let listings: ListingModels
    /// The site calendar as templates' JSON block: the same for every template page.
    let calendarJSON: String
    /// What changed since last year's notice, and the calendar file.
    let yearOnYear: YearOnYear

    init(content: Content, routes: Routes) {
        self.content = content
        self.routes = routes
        listings = ListingModels(content: content, routes: routes)
        calendarJSON = TemplatePageModel.calendarJSON(content.calendar)
        yearOnYear = YearOnYear(content: content, routes: routes)
    }

    /// - Parameter templates: the notice's templates already rendered (`headingOffset: 1`) by id,
    ///   so a caller that also needs them (search) renders each once; rendered here when missing.
    func pages(of notice: Notice, rendered markdown: RenderedMarkdown, templates: [String: RenderedMarkdown] = [:]) -> [Page] {
        [noticePage(notice, markdown)] + templatePages(notice, rendered: templates) + checklistPages(notice)
    }

    func noticePage(_ notice: Notice, _ markdown: RenderedMarkdown) -> Page {
        let page = Routes.notice(notice)
        var model = NoticePageModel(notice: notice, rendered: markdown, taxonomy: content.taxonomy, routes: routes).context()
        model["breadcrumbs"] = breadcrumbs(for: notice, from: page)
        model["checklists"] = listings.checklistLinks(notice, from: page)
        model.merge(calculatorContext(notice, from: page)) { _, new in new }
        model["changes"] = yearOnYear.changesContext(notice)
        if let calendar = yearOnYear.calendarLink(notice) {
            // The name it is saved under: a handout carries the file as a data: address, which has none.
            model["calendar"] = ["href": routes.link(from: page, to: Routes.calendar(notice)), "count": "\(calendar)",
                                 "fileName": "\(notice.id)-deadlines.ics"]
        }
        return Page(path: page, template: "notice", title: notice.title, model: model)
    }

    func templatePages(_ notice: Notice, rendered: [String: RenderedMarkdown] = [:]) -> [Page] {
        notice.templates.map { template in
            let page = Routes.template(notice, template)
            var model = TemplatePageModel(notice: notice, template: template, taxonomy: content.taxonomy, calendar: content.calendar,
                                          routes: routes, rendered: rendered[template.id], calendarJSON: calendarJSON).context(page: page)
            model["breadcrumbs"] = breadcrumbs(for: notice, from: page)
                + [["name": "\(notice.year)年度通知", "href": routes.link(from: page, to: Routes.notice(notice))]]
            return Page(path: page, template: "template", title: "\(template.number) \(template.title)", model: model)
        }
    }

    func checklistPages(_ notice: Notice) -> [Page] {
        notice.levels.map { level in
            let page = Routes.checklist(notice, level: level)
            var model = ChecklistPageModel(notice: notice, level: level, taxonomy: content.taxonomy, routes: routes).context(page: page)
            model["breadcrumbs"] = breadcrumbs(for: notice, from: page)
                + [["name": "\(notice.year)年度通知", "href": routes.link(from: page, to: Routes.notice(notice))]]
            return Page(path: page, template: "checklist", title: "材料清单：\(level.name) - \(notice.title)", model: model)
        }
    }

    /// What the continuing-education calculator needs to know of a notice.
    func calculatorContext(_ notice: Notice, from page: String) -> [String: Any] {
        [
            "calcNoticeID": notice.id,
            "calcNoticeYear": "\(notice.year)",
            "calcMaxYear": "\(notice.year + 10)",
            "calcNoticeTitle": notice.title,
            "calcNoticeHref": routes.link(from: page, to: Routes.notice(notice)),
            "calcRules": RulesData.json(for: notice, taxonomy: content.taxonomy),
        ]
    }

    func breadcrumbs(for notice: Notice, from page: String) -> [[String: Any]] {
        var crumbs: [[String: Any]] = [["name": "首页", "href": routes.link(from: page, to: Routes.home)]]
        // A notice of one specialty sits under that specialty's series; otherwise under its first series.
        let specialty = notice.specialties.count == 1 ? content.taxonomy.specialty(notice.specialties[0].value) : nil
        if let seriesID = specialty?.seriesID ?? notice.series.first?.value, let series = content.taxonomy.series(seriesID) {
            crumbs.append(["name": series.name, "href": routes.link(from: page, to: Routes.series(series.id))])
            if let specialty {
                crumbs.append(["name": specialty.name, "href": routes.link(from: page, to: Routes.specialty(specialty))])
            }
        }
        return crumbs
    }
}
