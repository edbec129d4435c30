import TemplateRendering

/// One notice's materials checklist (`checklist`): every item any of its levels may need, grouped
/// by section, with who it is for (levels included) in words and as data for the filter.
struct ChecklistPage: PageModel {
    var noticeID, noticeTitle, noticeHref, year: String
    /// The notice's levels in one line (`初级、中级、副高级`), and with how many items each needs.
    var levelNames, levelCounts: String
    /// Set when the notice has more than one level: the page then says which items are whose.
    var severalLevels: Bool?
    var sections: [Section]
    var itemCount: String
    /// The questions the filter asks: only those some item depends on.
    var fields: [ProfileField]
    /// The groups continuing education is not required of, as JSON for checklist.js (nil: none).
    var ceNotRequired: String?
    var apply: String?
    /// The notice's rules about formats, in one line.
    var formatRules: String?
    var breadcrumbs: [Link]

    struct Section: Codable, Sendable {
        var section: String
        var items: [Item]
    }

    struct Item: Codable, Sendable {
        var id, title: String
        var text, format: String?
        /// Who the item is for, in words.
        var who: String?
        /// The same as JSON, for the filter; nil for an item for everyone, which carries no attribute.
        var conditions: String?
        var ce, misprint, notFor, href, templateHref, pending: String?
    }
}

/// One question of the applicant's profile: the checklist's filter and the calculator ask it.
struct ProfileField: Codable, Sendable {
    var key, label: String
    var multiple: Bool?
    var options: [Option]

    struct Option: Codable, Sendable {
        var value: String
        var label: String?
    }
}

/// A fillable, printable template (`template`): the document as official paper with a form beside it.
struct TemplatePage: PageModel {
    var noticeID, templateID, noticeTitle, noticeHref, number, title, kind: String
    var documentBody: RenderedHTML
    var fields: [Field]
    /// The site's working calendar as JSON, for counting working days; nil on a page that counts none.
    var calendarJSON: String?
    var otherTemplates: [NumberedLink]
    var signature, closingParagraph: RenderedHTML?
    var notes: Block<String>?
    var sourceHref: String?
    var hasWorkingDays: Bool
    /// templates.js dates a 公示结果 after the 公示 it reports on; the form says so.
    var dateFollowsPublicity: Bool
    var breadcrumbs: [Link]

    struct NumberedLink: Codable, Sendable {
        var number, title, href: String
    }

    /// One input of the form beside the document.
    struct Field: Codable, Sendable {
        var key, label, id: String
        var isTextarea, isChoice, isInput: Bool?
        var choices: [Choice]?
        var inputType, inputMode, pattern, value, suggestionsID: String?
        /// The id of the paragraph templates.js writes this field's message in; only a field it
        /// checks (an identity number, a number, the 公示 dates) has one.
        var messageID: String?
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
    var lang, pageTitle: String
    /// The Content-Security-Policy naming the hashes of the inline styles and scripts.
    var policy: String
    var noticeTitle, year, generated: String
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
    var styles, scripts: [String]
    /// The notice's page on the site, when the site has an address.
    var webHref: String?

    struct View: Codable, Sendable {
        var id, title: String
        var body: RenderedHTML
    }
}
