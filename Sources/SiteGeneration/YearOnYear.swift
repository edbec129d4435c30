import CalendarExport
import NoticeComparison
import NoticeModel

/// The parts of a notice page that look beyond the notice itself: what changed since the same
/// office's notice of the year before, and the calendar file of its deadlines.
struct YearOnYear {
    let content: Content
    var routes = Routes()
    let predecessors: NoticeComparison.Predecessors

    init(content: Content, routes: Routes = Routes()) {
        self.content = content
        self.routes = routes
        predecessors = NoticeComparison.Predecessors(content.notices)
    }

    /// The 与上一年度相比 section, or nil when no notice of the year before matches.
    func changes(_ notice: Notice) -> NoticePage.Changes? {
        guard let previous = predecessors.of(notice) else { return nil }
        let changes = NoticeComparison.changes(from: previous, to: notice)
        var areas: [String] = []
        for change in changes where !areas.contains(change.area) { areas.append(change.area) }
        return NoticePage.Changes(
            previousTitle: previous.title,
            previousYear: "\(previous.year)",
            previousHref: routes.link(from: Routes.notice(notice), to: Routes.notice(previous)),
            areas: areas.isEmpty ? nil : areas.map { area in
                .init(area: area, items: changes.filter { $0.area == area }.map { .init(kind: $0.kind.chineseName, text: $0.text) })
            })
    }

    /// How many dates the notice's calendar file holds, when it has one (the page links it).
    func calendarLink(_ notice: Notice) -> Int? {
        let count = NoticeCalendar.entries(for: notice).count
        return count == 0 ? nil : count
    }

    /// The `.ics` file beside the notice page, when the notice has any dated deadline.
    func calendar(_ notice: Notice) -> (path: String, text: String)? {
        guard calendarLink(notice) != nil else { return nil }
        return (Routes.calendar(notice), NoticeCalendar.ics(for: notice))
    }
}
