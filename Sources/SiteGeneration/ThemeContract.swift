import TemplateRendering

/// What a theme must provide and what each of its templates receives: the one list the build,
/// the theme loader, the contract test and docs/themes.md read.
public enum ThemeContract {
    /// A template every theme has (the default theme's, unless a theme replaces it), with the model
    /// it is rendered with.
    public struct Template: Sendable {
        public var name: String
        var model: any PageModel.Type
        /// What the template renders, for docs/themes.md.
        public var purpose: String
        /// Whether it also gets `root`, the prefix back to the site's root (`../../`), and, inside
        /// a handout, `inHandout`: every page body does; the layout has its own root, a handout is
        /// one file.
        public var getsRoot: Bool

        /// The names the template can read, as the page model's schema (with `root` and
        /// `inHandout` when it gets them).
        public func schema() throws -> TemplateSchema {
            var schema = try model.schema()
            if getsRoot, case let .object(fields) = schema {
                schema = .object(fields + pageBodyFields)
            }
            return schema
        }

        /// The Swift type of the model, as docs/themes.md names it.
        public var modelName: String { String(describing: model) }
    }

    /// What every page body gets besides its model: `root`, and `inHandout` (true inside a handout,
    /// which carries the scripts inline once: a page wraps its `<script src>` tags in
    /// `{{^inHandout}}…{{/inHandout}}`).
    public static let pageBodyFields = [TemplateSchema.Field(name: "root", schema: .text),
                                        TemplateSchema.Field(name: "inHandout", schema: .flag, optional: true)]

    public static let templates: [Template] = [
        Template(name: "layout", model: LayoutPage.self, purpose: "The frame of every page of the site: head, header with search, footer. `body` is the page's own template, rendered.", getsRoot: false),
        Template(name: "home", model: HomePage.self, purpose: "The home page: every year's notices, grouped by series.", getsRoot: true),
        Template(name: "notice", model: NoticePage.self, purpose: "A notice's page: key facts first, then the full text.", getsRoot: true),
        Template(name: "listing", model: ListingPage.self, purpose: "A series' or a specialty's notices, newest first (a specialty's page also has the calculator of its newest notice).", getsRoot: true),
        Template(name: "checklist", model: ChecklistPage.self, purpose: "One notice's materials checklist, every level's items, with the filter by level and situation.", getsRoot: true),
        Template(name: "redirect", model: RedirectPage.self, purpose: "A whole page (no layout) at an address that moved, sending the reader on: each level's former checklist address (`checklist/fugao/`) opens the notice's checklist with that level chosen.", getsRoot: false),
        Template(name: "checklist-hub", model: ChecklistHubPage.self, purpose: "A series' or specialty's checklists: the newest notice's first, older years below.", getsRoot: true),
        Template(name: "template", model: TemplatePage.self, purpose: "A fillable, printable template (公示, 推荐意见, 承诺书, forms) with its form.", getsRoot: true),
        Template(name: "search", model: SearchPage.self, purpose: "The search page; search.js writes the results.", getsRoot: true),
        Template(name: "404", model: NotFoundPage.self, purpose: "The page a server shows for a missing address (its links start at the site's address).", getsRoot: true),
        Template(name: "handout", model: HandoutPage.self, purpose: "A notice as one offline file: every page of the notice as a view, styles and scripts inline.", getsRoot: false),
    ]

    /// Templates included by others (`{{> name}}`), with the values they read from the including page.
    public static let partials: [(name: String, purpose: String)] = [
        ("notice-entry", "One notice in a list (home, listing): reads a `NoticeEntry` (`title`, `href`, `issuer`, `year`, `levels`, `region`, `specialties`, `apply`)."),
        ("calculator", "The continuing-education calculator: included inside `{{#calculator}}`, reads `CalculatorModel`'s `calc…` fields."),
    ]

    /// The site's scripts a handout carries inline, in the order a page would load them, then
    /// `handout/handout.js`; and its styles: `assets/site.css`, then `handout/handout.css`.
    public static let handoutScripts = ["status.js", "rules.js", "profile.js", "checklist.js", "calculator.js", "templates.js", "search.js"]
}

extension PageModel {
    static func schema() throws -> TemplateSchema { try TemplateSchema.of(Self.self) }
}

extension ThemeContract {
    /// The reference part of docs/themes.md: each template, the model it gets and every variable,
    /// written from the models themselves (`PageModelContractTests` keeps the file equal to it).
    public static func reference() throws -> String {
        var text = """
        <!-- Written by ThemeContract.reference() from the page models; do not edit by hand.
             PageModelContractTests fails when this differs; NOTICEBOARD_UPDATE_DOCS=1 swift test --filter PageModelContractTests rewrites it. -->

        ## Templates and the variables each receives

        Every theme has these templates (a theme that leaves one out gets the default theme's). A
        variable marked *optional* is left out when the page has nothing to show for it: read it
        with a leading dot (`{{#.payment}}…{{/.payment}}`), so Mustache does not look for the same
        name in the enclosing values. *flag* is true or false (a section shows or hides); *html* is
        already rendered and goes in with a triple mustache (`{{{body}}}`); *list of* repeats a
        section for each element.

        """
        for template in templates {
            text += "\n### `\(template.name)` (`\(template.modelName)`)\n\n\(template.purpose)\n\n"
            text += lines(of: try template.schema(), depth: 0).joined(separator: "\n") + "\n"
        }
        text += "\n## Partials\n\n"
        for partial in partials { text += "- `\(partial.name)`: \(partial.purpose)\n" }
        text += "\n## Handout parts\n\nA handout carries inline, in this order: "
            + handoutScripts.map { "`assets/\($0)`" }.joined(separator: ", ")
            + ", then `handout/handout.js`; and the styles `assets/site.css`, then `handout/handout.css`. A theme that lacks one of them cannot make handouts.\n"
        return text
    }

    private static func lines(of schema: TemplateSchema, depth: Int) -> [String] {
        guard case let .object(fields) = schema else { return [] }
        let indent = String(repeating: "  ", count: depth)
        return fields.flatMap { field -> [String] in
            let optional = field.optional ? ", optional" : ""
            switch field.schema {
            case .text: return ["\(indent)- `\(field.name)`: text\(optional)"]
            case .html: return ["\(indent)- `\(field.name)`: html\(optional)"]
            case .flag: return ["\(indent)- `\(field.name)`: flag\(optional)"]
            case let .list(element):
                if case .object = element {
                    return ["\(indent)- `\(field.name)`: list\(optional), each with:"] + lines(of: element, depth: depth + 1)
                }
                return ["\(indent)- `\(field.name)`: list of text\(optional)"]
            case .object:
                return ["\(indent)- `\(field.name)`: object\(optional), with:"] + lines(of: field.schema, depth: depth + 1)
            }
        }
    }
}
