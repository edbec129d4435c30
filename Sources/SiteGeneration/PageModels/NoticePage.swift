import TemplateRendering

/// A notice's page (`notice`): the key facts first (deadlines, fees, continuing education, contacts),
/// then the full text. Optional parts are left out when the notice says nothing of them; the
/// template reads them with a leading dot (`{{#.payment}}`), so a missing one is not looked up
/// in the enclosing values.
struct NoticePage: PageModel {
    var title: String
    var year: String
    var issuer: String
    var scope: String
    var seriesNames: String
    var levelList: String
    var timeline: [TimelineRow]
    var toc: [TocEntry]
    /// The notice's text, rendered.
    var body: RenderedHTML
    var subtitle: String?
    var region: String?
    var yearNote: String?
    var attachmentLabel: String?
    var published: String?
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
    var readings_levels: Block<ReadingItem>?
    var readings_timeline: Block<ReadingItem>?
    var readings_fees: Block<ReadingItem>?
    var readings_payment: Block<ReadingItem>?
    var readings_eligibility: Block<ReadingItem>?
    var readings_defence: Block<ReadingItem>?
    var readings_other: Block<ReadingItem>?
    var readings_continuing_education: Block<ReadingItem>?
    var readings_paper_forms: Block<ReadingItem>?
    var breadcrumbs: [Link]
    var checklists: [CountedLink]
    var calculator: CalculatorModel
    /// What changed since the same office's notice of the year before.
    var changes: Changes?
    /// The deadlines as a calendar file.
    var calendar: CalendarFile?

    struct TimelineRow: Codable, Sendable {
        var label: String
        var when: String
        var levels: String?
        var correction: String?
        var href: String?
        /// Not shown for an undated event, whose note is already its "when".
        var note: String?
        var dated: Bool
        var toConfirm: Bool?
    }

    struct ApplyWindow: Codable, Sendable {
        var when: String
        var note: String?
        var toConfirm: Bool?
        var startISO: String?
        var endISO: String?
        var kindID: String
        /// Said when the window had closed when the site was built.
        var closedAtBuild: String?
    }

    struct TocEntry: Codable, Sendable {
        var text: String
        var anchor: String
        var sub: Bool
    }

    /// Facts not yet checked against the notice, listed up front.
    struct ToConfirm: Codable, Sendable {
        var heading: String
        var imported: String?
        var many: String?
        var count: String
        var items: [Item]

        struct Item: Codable, Sendable {
            var label: String
            var value: String?
            var sentence: String?
        }
    }

    struct Submission: Codable, Sendable {
        var max: String?
        var fixWindow: String?
        var afterReturn: String?
        var href: String?
        var pending: Bool?
    }

    struct Fees: Codable, Sendable {
        var rows: [Row]

        struct Row: Codable, Sendable {
            var level: String
            var amount: String
            var pending: Bool?
        }
    }

    struct Payment: Codable, Sendable {
        var text: String
        var misprint: String?
        var deadline: String?
        var href: String?
        var pending: Bool?
    }

    struct ContinuingEducation: Codable, Sendable {
        var levels: String
        var general: String?
        var specialty: String?
        var hours: String?
        var platform: String?
        var notRequired: String?
        var text: String?
        var href: String?
        var pending: Bool?
    }

    struct Exemption: Codable, Sendable {
        var who: String
        var proof: String?
        var href: String?
        var pending: Bool?
    }

    struct Appraisal: Codable, Sendable {
        var years: String?
        var text: String
        var href: String?
        var pending: Bool?
    }

    struct Defence: Codable, Sendable {
        var requiredFor: String?
        var exempt: String?
        var method: String?
        var duration: String?
        var veto: String?
        var text: String?
        var note: String?
        var href: String?
        var pending: Bool?
    }

    struct Paper: Codable, Sendable {
        var notRequired: String?
        var form: String?
        var copies: String?
        var deadline: String?
        var address: String?
        var text: String?
        var misprint: String?
        var href: String?
        var pending: Bool?
    }

    struct Seniority: Codable, Sendable {
        var date: String
        var href: String?
    }

    /// 两类人才贯通: the steps from a skilled worker's grade to a title.
    struct SkilledTrack: Codable, Sendable {
        var steps: [Step]
        var text: String?
        var href: String?

        struct Step: Codable, Sendable {
            var from: String
            var years: String
            var to: String
        }
    }

    /// A condition of eligibility.
    struct Requirement: Codable, Sendable {
        var text: String
        var levels: String?
        var href: String?
    }

    struct RuleItem: Codable, Sendable {
        var topic: String?
        var text: String
        var levels: String?
        var href: String?
    }

    struct Contact: Codable, Sendable {
        var name: String
        var role: String?
        var person: String?
        var address: String?
        var qq: String?
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
        var number: String
        var kind: String
        var title: String
        var notes: String?
        var page: String
        var href: String?
    }

    /// A place where the data differs from the printed text.
    struct Correction: Codable, Sendable {
        var label: String
        var line: String
    }

    struct ReadingItem: Codable, Sendable {
        var reading: String
        var quote: String?
        var href: String?
    }

    struct Changes: Codable, Sendable {
        var previousTitle: String
        var previousYear: String
        var previousHref: String
        var areas: [Area]?

        struct Area: Codable, Sendable {
            var area: String
            var items: [Change]
        }

        struct Change: Codable, Sendable {
            var kind: String
            var text: String
        }
    }

    struct CalendarFile: Codable, Sendable {
        var href: String
        var count: String
        /// The name it is saved under: a handout carries the file as a data: address, which has none.
        var fileName: String
    }
}
