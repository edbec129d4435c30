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

/// A page at an address that moved (`redirect`): a whole document, not put in the layout, that
/// sends the reader on at once, as Hugo's aliases do. A meta refresh and not a script, so it works
/// with JavaScript off and from a folder; the link stays for a browser that ignores the refresh.
struct RedirectPage: PageModel {
    var lang, title: String
    /// Where the reader is sent: a relative link, with its query.
    var target: String
}
