import TemplateRendering

/// A notice's page (`notice`): the key facts first (deadlines, fees, continuing education, contacts),
/// then the full text. Optional parts are left out when the notice says nothing of them; the
/// template reads them with a leading dot (`{{#.payment}}`), so a missing one is not looked up
/// in the enclosing values.
struct NoticePage: PageModel {
    var title, year, issuer, scope, seriesNames, levelList: String
    var timeline: [TimelineRow]
    var toc: [TocEntry]
    /// The notice's text, rendered.
    var body: RenderedHTML
    var subtitle, region, yearNote, attachmentLabel, published: String?
    var toConfirm: ToConfirm?
    var specialtyNames: String?
    /// The application window, big, with its status (status.js updates it).
    var apply: ApplyWindow?
    var submission: Submission?
    var fees: Fees?
    var payment: Payment?
    var ce: [ContinuingEducation]?
    var ceExemptions: Block<Exemption>?
    var appraisal: Appraisal?
    var defence: Defence?
    var paper: Paper?
    var seniority: Seniority?
    var skilled: SkilledTrack?
    var eligibility: Block<Requirement>?
    var rules: Block<RuleItem>?
    var contacts: Block<Contact>?
    var regulations: Block<Regulation>?
    var templates: Block<TemplateItem>?
    var transcriptionNotes: Block<String>?
    var corrections: Block<Correction>?
    /// Each reading stands beside the fact it concerns; one about nothing shown as a fact stands
    /// in a box at the top (`readings_other`).
    var readings_levels, readings_timeline, readings_fees, readings_payment, readings_eligibility, readings_defence,
        readings_other, readings_continuing_education, readings_paper_forms: Block<ReadingItem>?
    var breadcrumbs: [Link]
    var checklists: [CountedLink]
    var calculator: CalculatorModel
    /// What changed since the same office's notice of the year before.
    var changes: Changes?
    /// The deadlines as a calendar file.
    var calendar: CalendarFile?

    struct TimelineRow: Codable, Sendable {
        var label, when: String
        var levels, correction, href: String?
        /// Not shown for an undated event, whose note is already its "when".
        var note: String?
        var dated: Bool
        var toConfirm: Bool?
    }

    struct ApplyWindow: Codable, Sendable {
        var when: String
        var note: String?
        var toConfirm: Bool?
        var startISO, endISO: String?
        var kindID: String
        /// Said when the window had closed when the site was built.
        var closedAtBuild: String?
    }

    struct TocEntry: Codable, Sendable {
        var text, anchor: String
        var sub: Bool
    }

    /// Facts not yet checked against the notice, listed up front.
    struct ToConfirm: Codable, Sendable {
        var heading: String
        var imported, many: String?
        var count: String
        var items: [Item]

        struct Item: Codable, Sendable {
            var label: String
            var value, sentence: String?
        }
    }

    struct Submission: Codable, Sendable {
        var max, fixWindow, afterReturn, href: String?
        var pending: Bool?
    }

    struct Fees: Codable, Sendable {
        var rows: [Row]

        struct Row: Codable, Sendable {
            var level, amount: String
            var pending: Bool?
        }
    }

    struct Payment: Codable, Sendable {
        var text: String
        var misprint, deadline, href: String?
        var pending: Bool?
    }

    struct ContinuingEducation: Codable, Sendable {
        var levels: String
        var general, specialty, hours, platform, notRequired, text, href: String?
        var pending: Bool?
    }

    struct Exemption: Codable, Sendable {
        var who: String
        var proof, href: String?
        var pending: Bool?
    }

    struct Appraisal: Codable, Sendable {
        var years: String?
        var text: String
        var href: String?
        var pending: Bool?
    }

    struct Defence: Codable, Sendable {
        var requiredFor, exempt, method, duration, veto, text, note, href: String?
        var pending: Bool?
    }

    struct Paper: Codable, Sendable {
        var notRequired, form, copies, deadline, address, text, misprint, href: String?
        var pending: Bool?
    }

    struct Seniority: Codable, Sendable {
        var date: String
        var href: String?
    }

    /// 两类人才贯通: the steps from a skilled worker's grade to a title.
    struct SkilledTrack: Codable, Sendable {
        var steps: [Step]
        var text, href: String?

        struct Step: Codable, Sendable {
            var from, years, to: String
        }
    }

    /// A condition of eligibility.
    struct Requirement: Codable, Sendable {
        var text: String
        var levels, href: String?
    }

    struct RuleItem: Codable, Sendable {
        var topic: String?
        var text: String
        var levels, href: String?
    }

    struct Contact: Codable, Sendable {
        var name: String
        var role, person, address, qq: String?
        var phones: [Phone]?
        var pending: Bool?

        struct Phone: Codable, Sendable {
            var number: String
            /// The digits, for a `tel:` link.
            var tel: String
        }
    }

    struct Regulation: Codable, Sendable {
        var title: String
        var number: String?
    }

    struct TemplateItem: Codable, Sendable {
        var number, kind, title: String
        var notes: String?
        var page: String
        var href: String?
    }

    /// A place where the data differs from the printed text.
    struct Correction: Codable, Sendable {
        var label, line: String
    }

    struct ReadingItem: Codable, Sendable {
        var reading: String
        var quote, href: String?
    }

    struct Changes: Codable, Sendable {
        var previousTitle, previousYear, previousHref: String
        var areas: [Area]?

        struct Area: Codable, Sendable {
            var area: String
            var items: [Change]
        }

        struct Change: Codable, Sendable {
            var kind, text: String
        }
    }

    struct CalendarFile: Codable, Sendable {
        var href, count: String
        /// The name it is saved under: a handout carries the file as a data: address, which has none.
        var fileName: String
    }
}
