import TemplateRendering

/// One notice's materials checklist for one level (`checklist`): every item that level may need,
/// grouped by section, with who it is for in words and as data for the profile filter.
struct ChecklistPage: PageModel {
    var noticeID: String
    var noticeTitle: String
    var noticeHref: String
    var levelID: String
    var levelName: String
    var year: String
    var sections: [Section]
    var itemCount: String
    /// The questions the filter asks: only those some item depends on.
    var fields: [ProfileField]
    /// The groups continuing education is not required of, as JSON for checklist.js.
    var ceNotRequired: String
    var otherLevels: [Link]
    var apply: String?
    /// The notice's rules about formats, in one line.
    var formatRules: String?
    var breadcrumbs: [Link]

    struct Section: Codable, Sendable {
        var section: String
        var sectionID: String
        var items: [Item]
    }

    struct Item: Codable, Sendable {
        var id: String
        var title: String
        var text: String?
        var format: String?
        /// Who the item is for, in words.
        var who: String?
        /// The same as JSON, for the filter (`{}` for everyone).
        var conditions: String
        var ce: String?
        var misprint: String?
        var notFor: String?
        var href: String?
        var templateHref: String?
        var pending: String?
    }
}

/// One question of the applicant's profile: the checklist's filter and the calculator ask it.
struct ProfileField: Codable, Sendable {
    var key: String
    var label: String
    var multiple: Bool?
    var options: [Option]

    struct Option: Codable, Sendable {
        var value: String
        var label: String?
        var index: String?
    }
}

/// A fillable, printable template (`template`): the document as official paper with a form beside it.
struct TemplatePage: PageModel {
    var noticeID: String
    var templateID: String
    var noticeTitle: String
    var noticeHref: String
    var number: String
    var title: String
    var kind: String
    var documentBody: RenderedHTML
    var fields: [Field]
    /// The site's working calendar as JSON, for counting working days.
    var calendarJSON: String
    var otherTemplates: [NumberedLink]
    var signature: RenderedHTML?
    var closingParagraph: RenderedHTML?
    var notes: Block<String>?
    var sourceHref: String?
    var hasWorkingDays: Bool
    /// templates.js dates a 公示结果 after the 公示 it reports on; the form says so.
    var dateFollowsPublicity: Bool
    var breadcrumbs: [Link]

    struct NumberedLink: Codable, Sendable {
        var number: String
        var title: String
        var href: String
    }

    /// One input of the form beside the document.
    struct Field: Codable, Sendable {
        var key: String
        var label: String
        var id: String
        var isTextarea: Bool?
        var isChoice: Bool?
        var isInput: Bool?
        var choices: [Choice]?
        var inputType: String?
        var inputMode: String?
        var pattern: String?
        var value: String?
        var suggestionsID: String?
        var suggestions: [Suggestion]?

        init(key: String, label: String, id: String) {
            self.key = key
            self.label = label
            self.id = id
        }

        struct Choice: Codable, Sendable { var value: String }
        struct Suggestion: Codable, Sendable { var suggestion: String }
    }
}

/// A notice as one offline file (`handout`): its views, styles and scripts inline.
struct HandoutPage: PageModel {
    var lang: String
    var pageTitle: String
    /// The Content-Security-Policy naming the hashes of the inline styles and scripts.
    var policy: String
    var noticeTitle: String
    var year: String
    var generated: String
    var checklists: [Link]
    var hasChecklists: Bool
    var templates: [Link]
    var hasTemplates: Bool
    /// The notice's own page, shown first and readable without JavaScript.
    var noticeBody: RenderedHTML
    /// The other pages, in `<template>` elements until handout.js shows them.
    var views: [View]
    /// Site address → view id, for handout.js.
    var viewMap: String
    var styles: [String]
    var scripts: [String]
    /// The notice's page on the site, when the site has an address.
    var webHref: String?

    struct View: Codable, Sendable {
        var id: String
        var title: String
        var body: RenderedHTML
    }
}
