/// The entry points: one function per kind of fact, each reading one sentence (or paragraph).
/// `year` is the notice's year, used where a date prints none.
///
/// The rules live beside this file, one file per kind of fact (DateRules, FeeRules,
/// ContinuingEducationRules, YearRangeRules, SubmissionRules, PhoneRules, ConditionRules,
/// Numerals, SentenceSplitting). They share one principle: an importer drafts data from what they
/// return and a person confirms it, so a rule that is unsure returns nothing rather than a guess.
public enum FactRules {}

/// Every fact one sentence states, read with one scan of the sentence (the importer's usual call:
/// cheaper than calling each rule, which scans the sentence again each time).
public struct SentenceFacts: Sendable, Hashable {
    public var dates: [DateMention] = []
    public var fees: [FeeMention] = []
    public var continuingEducation: [ContinuingEducationMention] = []
    public var yearRanges: [YearRangeMention] = []
    public var submissionLimit: SubmissionLimitMention?
    public var fixWindow: FixWindowMention?
    public var phones: [PhoneMention] = []
    public var qqGroups: [QQGroupMention] = []
    public var conditions = ConditionMention()

    public init() {}

    /// True when the sentence states nothing any rule reads.
    public var isEmpty: Bool {
        dates.isEmpty && fees.isEmpty && continuingEducation.isEmpty && yearRanges.isEmpty && submissionLimit == nil
            && fixWindow == nil && phones.isEmpty && qqGroups.isEmpty && conditions.isEmpty
    }
}

extension FactRules {
    /// All rules over one sentence; `year` is the notice's year.
    public static func facts(in sentence: String, year: Int) -> SentenceFacts {
        let text = ScannedText(sentence)
        var facts = SentenceFacts()
        facts.dates = dates(in: text, year: year)
        facts.fees = fees(in: text)
        facts.continuingEducation = continuingEducation(in: text, year: year)
        facts.yearRanges = yearRanges(in: text, year: year)
        facts.submissionLimit = submissionLimit(in: text)
        facts.fixWindow = fixWindow(in: text)
        facts.phones = phones(in: text)
        facts.qqGroups = qqGroups(in: text)
        facts.conditions = conditions(in: text)
        return facts
    }
}
