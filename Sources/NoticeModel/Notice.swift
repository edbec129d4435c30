import Foundation

/// A value together with where it was written, for diagnostics found after loading
/// (an anchor missing from the Markdown, a level nobody declared).
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// A pointer into the notice's own text: `source: "#13继续教育"`.
public typealias SourceAnchor = Located<String>

/// One yearly notice of an evaluation office: everything it states, as data.
///
/// A value, held in one shared box and copied only when changed (copy on write): the build and
/// `serve` put each notice in many arrays (the site's, a year's, a series', a listing's), and a
/// plain struct of some 40 arrays and strings cost 40 reference counts per copy. At 10,000 notices
/// `serve` copied the site's notices three times per save before this (about 40 ms each).
public struct Notice: Sendable, Hashable {
    /// What the notice states, field by field; `Notice` reads and writes them through.
    public struct Fields: Sendable, Hashable {
        public var id: String
        /// The folder the notice was read from, relative to the content folder.
        public var directory: String
        public var year: Int
        public var yearNote: String?
        public var title: String
        public var subtitle: String?
        public var issuer: String
        public var scope: Scope
        public var region: String?
        public var published: BeijingDateTime?
        public var attachmentLabel: String?
        public var sourceFile: String?
        public var rawHTML: Bool
        public var series: [Located<String>]
        public var specialties: [Located<String>]
        public var subSpecialties: [String]
        public var levels: [Level]
        public var eligibility: [Rule]
        public var timeline: [TimelineEvent]
        public var submission: SubmissionRules?
        public var fees: [Fee]
        public var payment: Payment?
        public var continuingEducation: [ContinuingEducationRule]
        public var ceExemptions: [Exemption]
        public var seniorityCutoff: SeniorityCutoff?
        public var skilledWorkerTrack: SkilledWorkerTrack?
        public var appraisal: Appraisal?
        public var defence: Defence?
        public var paperForms: PaperForms?
        public var contacts: [Contact]
        public var regulations: [Regulation]
        public var rules: [Rule]
        public var checklist: [ChecklistItem]
        public var templates: [TemplateRef]
        public var transcriptionNotes: [String]
        /// Where the data rests on a reading of the notice rather than its plain words.
        public var readings: [Reading] = []
        /// Dates carried over from last year's notice (`noticeboard new --from`) that nobody has checked
        /// yet: `published`, `timeline.<id>`, `payment.deadline`, `paper_forms.deadline`,
        /// `seniority_cutoff.date`. The page marks each 待确认 until the office deletes its entry.
        public var toConfirm: [Located<String>] = []
        /// For a `to_confirm` entry written as `{fact: …, sentence: …}` (as `noticeboard import`
        /// writes them): the notice's sentence the value was read from, by key.
        public var toConfirmSentences: [String: String] = [:]
        /// The office document `noticeboard import` drafted this notice from; the page says the notice
        /// was imported until the office deletes the line.
        public var importedFrom: String?
        /// The notice text, Markdown, as read from notice.md.
        public var markdown: String
        public var markdownPath: String
        public var dataPath: String
        /// Top-level keys of notice.yml whose value had an error when read (or that were misspelt:
        /// `paymnet:` marks `payment`). The validator says nothing more about them, so one mistake
        /// gives one message, not a cascade of follow-on ones.
        public var unreadSections: Set<String> = []

    }

    @usableFromInline final class Storage: @unchecked Sendable {
        // Mutated only while uniquely referenced (`makeUnique`), so sharing it between threads is safe.
        @usableFromInline var fields: Fields
        @usableFromInline init(_ fields: Fields) { self.fields = fields }
    }

    @usableFromInline var storage: Storage

    init(_ fields: Fields) { storage = Storage(fields) }

    @inlinable mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
    }

    public static func == (lhs: Notice, rhs: Notice) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) { storage.fields.hash(into: &hasher) }

    @inlinable public var id: String {
        get { storage.fields.id }
        _modify { makeUnique(); yield &storage.fields.id }
    }

    @inlinable public var directory: String {
        get { storage.fields.directory }
        _modify { makeUnique(); yield &storage.fields.directory }
    }

    @inlinable public var year: Int {
        get { storage.fields.year }
        _modify { makeUnique(); yield &storage.fields.year }
    }

    @inlinable public var yearNote: String? {
        get { storage.fields.yearNote }
        _modify { makeUnique(); yield &storage.fields.yearNote }
    }

    @inlinable public var title: String {
        get { storage.fields.title }
        _modify { makeUnique(); yield &storage.fields.title }
    }

    @inlinable public var subtitle: String? {
        get { storage.fields.subtitle }
        _modify { makeUnique(); yield &storage.fields.subtitle }
    }

    @inlinable public var issuer: String {
        get { storage.fields.issuer }
        _modify { makeUnique(); yield &storage.fields.issuer }
    }

    @inlinable public var scope: Scope {
        get { storage.fields.scope }
        _modify { makeUnique(); yield &storage.fields.scope }
    }

    @inlinable public var region: String? {
        get { storage.fields.region }
        _modify { makeUnique(); yield &storage.fields.region }
    }

    @inlinable public var published: BeijingDateTime? {
        get { storage.fields.published }
        _modify { makeUnique(); yield &storage.fields.published }
    }

    @inlinable public var attachmentLabel: String? {
        get { storage.fields.attachmentLabel }
        _modify { makeUnique(); yield &storage.fields.attachmentLabel }
    }

    @inlinable public var sourceFile: String? {
        get { storage.fields.sourceFile }
        _modify { makeUnique(); yield &storage.fields.sourceFile }
    }

    @inlinable public var rawHTML: Bool {
        get { storage.fields.rawHTML }
        _modify { makeUnique(); yield &storage.fields.rawHTML }
    }

    @inlinable public var series: [Located<String>] {
        get { storage.fields.series }
        _modify { makeUnique(); yield &storage.fields.series }
    }

    @inlinable public var specialties: [Located<String>] {
        get { storage.fields.specialties }
        _modify { makeUnique(); yield &storage.fields.specialties }
    }

    @inlinable public var subSpecialties: [String] {
        get { storage.fields.subSpecialties }
        _modify { makeUnique(); yield &storage.fields.subSpecialties }
    }

    @inlinable public var levels: [Level] {
        get { storage.fields.levels }
        _modify { makeUnique(); yield &storage.fields.levels }
    }

    @inlinable public var eligibility: [Rule] {
        get { storage.fields.eligibility }
        _modify { makeUnique(); yield &storage.fields.eligibility }
    }

    @inlinable public var timeline: [TimelineEvent] {
        get { storage.fields.timeline }
        _modify { makeUnique(); yield &storage.fields.timeline }
    }

    @inlinable public var submission: SubmissionRules? {
        get { storage.fields.submission }
        _modify { makeUnique(); yield &storage.fields.submission }
    }

    @inlinable public var fees: [Fee] {
        get { storage.fields.fees }
        _modify { makeUnique(); yield &storage.fields.fees }
    }

    @inlinable public var payment: Payment? {
        get { storage.fields.payment }
        _modify { makeUnique(); yield &storage.fields.payment }
    }

    @inlinable public var continuingEducation: [ContinuingEducationRule] {
        get { storage.fields.continuingEducation }
        _modify { makeUnique(); yield &storage.fields.continuingEducation }
    }

    @inlinable public var ceExemptions: [Exemption] {
        get { storage.fields.ceExemptions }
        _modify { makeUnique(); yield &storage.fields.ceExemptions }
    }

    @inlinable public var seniorityCutoff: SeniorityCutoff? {
        get { storage.fields.seniorityCutoff }
        _modify { makeUnique(); yield &storage.fields.seniorityCutoff }
    }

    @inlinable public var skilledWorkerTrack: SkilledWorkerTrack? {
        get { storage.fields.skilledWorkerTrack }
        _modify { makeUnique(); yield &storage.fields.skilledWorkerTrack }
    }

    @inlinable public var appraisal: Appraisal? {
        get { storage.fields.appraisal }
        _modify { makeUnique(); yield &storage.fields.appraisal }
    }

    @inlinable public var defence: Defence? {
        get { storage.fields.defence }
        _modify { makeUnique(); yield &storage.fields.defence }
    }

    @inlinable public var paperForms: PaperForms? {
        get { storage.fields.paperForms }
        _modify { makeUnique(); yield &storage.fields.paperForms }
    }

    @inlinable public var contacts: [Contact] {
        get { storage.fields.contacts }
        _modify { makeUnique(); yield &storage.fields.contacts }
    }

    @inlinable public var regulations: [Regulation] {
        get { storage.fields.regulations }
        _modify { makeUnique(); yield &storage.fields.regulations }
    }

    @inlinable public var rules: [Rule] {
        get { storage.fields.rules }
        _modify { makeUnique(); yield &storage.fields.rules }
    }

    @inlinable public var checklist: [ChecklistItem] {
        get { storage.fields.checklist }
        _modify { makeUnique(); yield &storage.fields.checklist }
    }

    @inlinable public var templates: [TemplateRef] {
        get { storage.fields.templates }
        _modify { makeUnique(); yield &storage.fields.templates }
    }

    @inlinable public var transcriptionNotes: [String] {
        get { storage.fields.transcriptionNotes }
        _modify { makeUnique(); yield &storage.fields.transcriptionNotes }
    }

    @inlinable public var readings: [Reading] {
        get { storage.fields.readings }
        _modify { makeUnique(); yield &storage.fields.readings }
    }

    @inlinable public var toConfirm: [Located<String>] {
        get { storage.fields.toConfirm }
        _modify { makeUnique(); yield &storage.fields.toConfirm }
    }

    @inlinable public var toConfirmSentences: [String: String] {
        get { storage.fields.toConfirmSentences }
        _modify { makeUnique(); yield &storage.fields.toConfirmSentences }
    }

    @inlinable public var importedFrom: String? {
        get { storage.fields.importedFrom }
        _modify { makeUnique(); yield &storage.fields.importedFrom }
    }

    @inlinable public var markdown: String {
        get { storage.fields.markdown }
        _modify { makeUnique(); yield &storage.fields.markdown }
    }

    @inlinable public var markdownPath: String {
        get { storage.fields.markdownPath }
        _modify { makeUnique(); yield &storage.fields.markdownPath }
    }

    @inlinable public var dataPath: String {
        get { storage.fields.dataPath }
        _modify { makeUnique(); yield &storage.fields.dataPath }
    }

    @inlinable public var unreadSections: Set<String> {
        get { storage.fields.unreadSections }
        _modify { makeUnique(); yield &storage.fields.unreadSections }
    }

    /// The URL slug below the year: `2024-meitan-aksu` → `meitan-aksu`.
    public var slug: String {
        let prefix = "\(year)-"
        return id.hasPrefix(prefix) ? String(id.dropFirst(prefix.count)) : id
    }

    /// The application window, the event applicants care about first.
    public var applicationWindow: TimelineEvent? {
        timeline.first { $0.kind == .apply }
    }

    public func level(_ id: String) -> Level? { levels.first { $0.id == id } }

    /// Whether a date (named as in `to_confirm`) still waits for the office to check it.
    public func isToConfirm(_ key: String) -> Bool { toConfirm.contains { $0.value == key } }

    /// Every date key `to_confirm` may name in this notice, with the date it names.
    public var confirmableDates: [(key: String, label: String, date: BeijingDateTime?)] {
        var keys: [(String, String, BeijingDateTime?)] = [("published", "发布日期", published)]
        keys += timeline.map { ("timeline.\($0.id)", $0.label, $0.end ?? $0.start) }
        if let payment { keys.append(("payment.deadline", "缴费截止", payment.deadline)) }
        if let paperForms { keys.append(("paper_forms.deadline", "纸质材料截止", paperForms.deadline)) }
        if let seniorityCutoff { keys.append(("seniority_cutoff.date", "资历计算截止", seniorityCutoff.date)) }
        return keys
    }

    /// The checklist items an applicant for this level may need.
    /// Who the `fanghuiju` condition stands for in this notice: the notice's own words for the
    /// exemption that names 访惠聚, which often covers more (驻村管寺, 南疆学前双语支教), so that
    /// nobody it covers answers "no" to a question that named 访惠聚 alone.
    public var fanghuijuGroup: String {
        guard let words = ceExemptions.first(where: { $0.profileKey == "fanghuiju" })?.who else { return "参加“访惠聚”驻村" }
        return words.hasSuffix("的") ? String(words.dropLast()) : words
    }

    public func checklist(forLevel level: String) -> [ChecklistItem] {
        checklist.filter { $0.applies(toLevel: level) }
    }
}

public enum Scope: String, Sendable, Hashable, CaseIterable {
    case autonomousRegion = "自治区"
    case prefecture = "地区"
}

public enum Rank: String, Sendable, Hashable, CaseIterable, Comparable {
    case zhenggao = "正高级"
    case fugao = "副高级"
    case zhongji = "中级"
    case chuji = "初级"

    var order: Int { Rank.allCases.firstIndex(of: self)! }
    public static func < (lhs: Rank, rhs: Rank) -> Bool { lhs.order < rhs.order }
}

public struct Level: Sendable, Hashable {
    public var id: String
    public var rank: Rank
    public var name: String
    public var series: Located<String>?
    public var note: String?
    public var location: SourceLocation
}

/// A requirement in the notice's own words, optionally limited to some levels.
public struct Rule: Sendable, Hashable {
    public var topic: String?
    public var text: String
    public var levels: [Located<String>]
    public var source: SourceAnchor?
}

public struct TimelineEvent: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case apply, review, feedback, payment, paper, defence, publicity, result, other

        /// What the step is called on the page.
        public var chineseName: String {
            switch self {
            case .apply: "网上申报"
            case .review: "审核"
            case .feedback: "审核反馈"
            case .payment: "缴费"
            case .paper: "纸质材料"
            case .defence: "答辩"
            case .publicity: "公示"
            case .result: "结果"
            case .other: "其他"
            }
        }

        /// What a step that is over is called: a deadline has passed (已截止), a period has ended
        /// (已结束). assets/status.js says the same once the page's script runs.
        public var closedWords: String {
            switch self {
            case .apply, .feedback, .payment, .paper: "已截止"
            case .review, .defence, .publicity, .result, .other: "已结束"
            }
        }
    }

    public var id: String
    public var kind: Kind
    public var label: String
    public var start: BeijingDateTime?
    public var end: BeijingDateTime?
    public var levels: [Located<String>]
    public var note: String?
    public var asPrinted: String?
    public var correction: String?
    public var source: SourceAnchor?
    public var location: SourceLocation
}

public struct SubmissionRules: Sendable, Hashable {
    public var maxSubmissions: Int?
    public var fixWindowHours: Int?
    public var afterReturn: String?
    public var source: SourceAnchor?
}

public struct Fee: Sendable, Hashable {
    public var level: Located<String>
    public var amount: Int
}

public struct Payment: Sendable, Hashable {
    public var text: String
    public var deadline: BeijingDateTime?
    public var source: SourceAnchor?
}

/// 继续教育: which years of general (公需) and specialty (专业) courses the applicant must prove.
public struct ContinuingEducationRule: Sendable, Hashable {
    public var levels: [Located<String>]
    public var generalYears: ClosedRange<Int>?
    public var specialtyYears: ClosedRange<Int>?
    public var hoursPerYear: Int?
    public var specialtyHoursMin: Int?
    public var platformGeneralFrom: Int?
    public var platformSpecialtyFrom: Int?
    /// Who the notice does not require continuing education of (民营企业专业技术人员初次参加职称评审).
    public var notRequiredFor: [CENotRequired]
    public var text: String
    public var source: SourceAnchor?
    public var location: SourceLocation

    public init(levels: [Located<String>] = [], generalYears: ClosedRange<Int>?, specialtyYears: ClosedRange<Int>?, hoursPerYear: Int? = nil,
                specialtyHoursMin: Int? = nil, platformGeneralFrom: Int? = nil, platformSpecialtyFrom: Int? = nil,
                notRequiredFor: [CENotRequired] = [], text: String = "", source: SourceAnchor? = nil,
                location: SourceLocation = SourceLocation(file: "", line: 0, column: 0)) {
        self.levels = levels
        self.generalYears = generalYears
        self.specialtyYears = specialtyYears
        self.hoursPerYear = hoursPerYear
        self.specialtyHoursMin = specialtyHoursMin
        self.platformGeneralFrom = platformGeneralFrom
        self.platformSpecialtyFrom = platformSpecialtyFrom
        self.notRequiredFor = notRequiredFor
        self.text = text
        self.source = source
        self.location = location
    }
}

/// A group the notice does not require continuing education of: its words, and where they map onto
/// the applicant's profile, the conditions that say who belongs (the checklist, the calculator and
/// the page all read these, so they answer alike).
public struct CENotRequired: Sendable, Hashable {
    /// The notice's words for the group.
    public var who: String
    /// Empty when the words do not map onto the profile: the applicant then says so in the calculator.
    public var conditions: ChecklistConditions

    public init(who: String, conditions: ChecklistConditions = ChecklistConditions()) {
        self.who = who
        self.conditions = conditions
    }
}

public struct Exemption: Sendable, Hashable {
    public var who: String
    public var proof: String?
    public var source: SourceAnchor?

    /// The applicant-profile question this exemption answers, read from its words: 访惠聚 (with the
    /// work a notice groups with it) is `fanghuiju`, minority training is `minority`. The checklist's
    /// question, the calculator's exempt years and the profile they share all go by it.
    public var profileKey: String? {
        if who.contains("访惠聚") { return "fanghuiju" }
        if who.contains("少数民族") { return "minority" }
        return nil
    }
}

public struct SeniorityCutoff: Sendable, Hashable {
    public var date: BeijingDateTime
    public var source: SourceAnchor?
}

public struct SkilledWorkerTrack: Sendable, Hashable {
    public struct Step: Sendable, Hashable {
        public var from: String
        public var years: Int
        public var toRank: Rank

        public init(from: String, years: Int, toRank: Rank) {
            self.from = from
            self.years = years
            self.toRank = toRank
        }
    }

    public init(steps: [Step], text: String = "", source: SourceAnchor? = nil) {
        self.steps = steps
        self.text = text
        self.source = source
    }

    public var steps: [Step]
    public var text: String
    public var source: SourceAnchor?
}

public struct Appraisal: Sendable, Hashable {
    public var years: ClosedRange<Int>?
    public var text: String
    public var source: SourceAnchor?
}

public struct Defence: Sendable, Hashable {
    public var requiredFor: String?
    public var exempt: String?
    public var method: String?
    public var duration: String?
    public var veto: Bool
    public var text: String?
    /// Where the notice contradicts itself about the defence, say so here.
    public var note: String?
    public var source: SourceAnchor?
}

public struct PaperForms: Sendable, Hashable {
    public var required: Bool
    public var form: String?
    public var copies: Int?
    public var deadline: BeijingDateTime?
    public var address: String?
    public var text: String?
    public var source: SourceAnchor?
}

public struct Contact: Sendable, Hashable {
    public var name: String
    public var role: String?
    public var person: String?
    public var phones: [String]
    public var address: String?
    public var qqGroup: String?
}

public struct Regulation: Sendable, Hashable {
    public var title: String
    public var number: String?
}

/// Who a checklist item applies to. Every set key narrows it; an empty one applies to everyone.
public struct ChecklistConditions: Sendable, Hashable {
    public var levels: [Located<String>] = []
    public var employer: [String] = []
    public var titleObtained: String?
    public var firstApplication: Bool?
    public var fanghuiju: Bool?
    public var minorityTraining: Bool?
    public var countyUnit: Bool?
    public var skilledWorker: Bool?
    public var subSpecialties: [String] = []

    public init() {}

    public var isEmpty: Bool { self == ChecklistConditions() }

    /// Who the item applies to, in words (the checklist page and the year-on-year changes say the same).
    public func sentences(in notice: Notice) -> [String] {
        var parts: [String] = []
        if !levels.isEmpty { parts.append("申报" + levels.map { notice.level($0.value)?.name ?? $0.value }.joined(separator: "、")) }
        if !employer.isEmpty { parts.append(employer.joined(separator: "、") + "人员") }
        if let place = titleObtained { parts.append(place == "外省" ? "现职称在其他省区市取得" : "现职称在新疆取得") }
        if firstApplication == true { parts.append("初次申报") }
        if fanghuiju == true { parts.append(notice.fanghuijuGroup) }
        if minorityTraining == true { parts.append("参加少数民族科技骨干特殊培养") }
        if countyUnit == true { parts.append("县及县以下单位") }
        if skilledWorker == true { parts.append("高技能人才（两类人才贯通）") }
        if !subSpecialties.isEmpty { parts.append("二级专业为" + subSpecialties.joined(separator: "或")) }
        return parts
    }

    public static let employerTypes = ["事业单位", "企业", "民营企业", "机关转任", "驻疆单位", "援疆"]
    public static let titlePlaces = ["新疆", "外省"]
}

public struct ChecklistItem: Sendable, Hashable {
    public var id: String
    public var section: String
    public var title: String
    public var text: String
    public var format: String?
    public var conditions: ChecklistConditions
    public var source: SourceAnchor?
    /// The notice's template that produces this material, if one does.
    public var template: Located<String>?
    public var location: SourceLocation

    /// Whether the item concerns applicants for this level: it names no level, or names this one.
    public func applies(toLevel level: String) -> Bool {
        conditions.levels.isEmpty || conditions.levels.contains { $0.value == level }
    }

    public static let sections = [
        "基本信息", "学历学位", "考试成绩", "专业技术资格", "职业资格", "工作简历", "科研/实践能力", "实践能力",
        "业绩成果", "获奖", "知识产权", "著作", "论文", "继续教育", "考核", "工作总结", "普通话", "承诺书",
        "其他附件", "遮盖处理", "纸质材料",
    ]
}

/// A place where the data rests on a reading of the notice ("2021年之后" taken as including 2021):
/// the page says it is a reading and quotes the sentence, so an applicant can judge for themselves.
public struct Reading: Sendable, Hashable {
    /// Which fact it concerns; the page shows the reading beside that fact too.
    public enum Topic: String, Sendable, Hashable, CaseIterable {
        case levels, timeline, fees, payment, eligibility, defence, other
        case continuingEducation = "continuing_education"
        case paperForms = "paper_forms"

        /// The fact's heading on the page.
        public var chineseName: String {
            switch self {
            case .levels: "级别"
            case .timeline: "时间安排"
            case .fees: "评审费"
            case .payment: "缴费"
            case .eligibility: "申报条件"
            case .defence: "答辩"
            case .continuingEducation: "继续教育"
            case .paperForms: "纸质材料"
            case .other: "其他"
            }
        }
    }

    public var topic: Topic
    /// How the site reads the sentence.
    public var reading: String
    /// The notice's sentence, word for word.
    public var quote: String
    public var source: SourceAnchor?
    public var location: SourceLocation

    public init(topic: Topic, reading: String, quote: String, source: SourceAnchor? = nil,
                location: SourceLocation = SourceLocation(file: "", line: 0, column: 0)) {
        self.topic = topic
        self.reading = reading
        self.quote = quote
        self.source = source
        self.location = location
    }

    /// The parts of the quote, which may leave words out with "……", as they must stand in the text.
    public var quotedParts: [String] {
        quote.components(separatedBy: "……").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

public struct TemplateRef: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case gongshi = "公示"
        case gongshiResult = "公示结果"
        case recommendation = "推荐意见"
        case pledge = "承诺书"
        case form = "申请表"
    }

    public var id: String
    public var number: String
    public var kind: Kind
    public var title: String
    public var notes: [String]
    public var source: SourceAnchor?
    /// The template's own file, relative to the notice folder (`templates/<id>.md` by default)…
    public var file: String?
    /// …or a template shared by several notices, in `content/templates/<name>.md`.
    public var shared: String?
    /// The Markdown of the document, with `{{key}}` placeholders, once loaded.
    public var body: String = ""
    /// The path it was read from, as diagnostics print it.
    public var bodyPath: String = ""
    /// The placeholder keys in order of first use: the form asks for them in this order.
    public var fields: [String] = []
    public var location: SourceLocation = SourceLocation(file: "", line: 0, column: 0)
}

extension Notice {
    /// Every `source:` pointer in the data, to check each against the headings of the text.
    public var allSourceAnchors: [SourceAnchor] {
        var anchors: [SourceAnchor?] = []
        anchors += eligibility.map(\.source) + rules.map(\.source) + timeline.map(\.source)
        anchors += [submission?.source, payment?.source, seniorityCutoff?.source, skilledWorkerTrack?.source,
                    appraisal?.source, defence?.source, paperForms?.source]
        anchors += continuingEducation.map(\.source) + ceExemptions.map(\.source)
        anchors += checklist.map(\.source) + templates.map(\.source) + readings.map(\.source)
        return anchors.compactMap { $0 }
    }
}
