import TemplateRendering

/// A page's model: what its template reads, as a struct the compiler checks. Each kind of page has
/// one, turned into template values by `TemplateEncoder` (one encoder for every page), and
/// `PageModelContractTests` renders every template with its model's full schema: a name the
/// template reads that the model lacks, or a field no template reads, fails the test.
///
/// `Codable` and not only `Encodable`: the schema of a model is read by decoding a sample of it
/// (`TemplateSchema.of`), which is also how docs/themes.md is written.
public protocol PageModel: Codable, Sendable {}

/// A link with its text: breadcrumbs, series and browse lists.
struct Link: Codable, Sendable, Equatable {
    var name, href: String
}

/// A link with how many things are behind it: a series and its notices, a checklist and its items.
struct CountedLink: Codable, Sendable {
    var name, href, count: String
}

/// A list shown under one heading: a Mustache section repeats for each element of a list, so the
/// list goes one level down (`{{#.contacts}}<h2>…{{#items}}…{{/items}}{{/.contacts}}`) and the
/// heading renders once. Built only for a list that has elements: an empty one is left out.
struct Block<Item: Codable & Sendable>: Codable, Sendable {
    var items: [Item]

    init?(_ items: [Item]) {
        guard !items.isEmpty else { return nil }
        self.items = items
    }
}

/// What the continuing-education calculator needs to know of a notice (the `calculator` partial).
struct CalculatorModel: Codable, Sendable {
    var calcNoticeID, calcNoticeYear, calcMaxYear, calcNoticeTitle, calcNoticeHref: String
    /// The notice's rules as the browser engine reads them (JSON, `{{{calcRules}}}`).
    var calcRules: String
}
