import TemplateRendering

/// The frame around every page of the site (`layout`): head, header with search, footer.
struct LayoutPage: PageModel {
    var lang, siteTitle, pageTitle: String
    var description: String?
    var root, homeHref, feedHref: String
    /// The search page's own file, not its folder: a folder address opened from file:// lists files.
    var searchAction: String
    /// The page's body, rendered by its own template.
    var body: RenderedHTML
}
