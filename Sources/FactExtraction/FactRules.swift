/// The entry points: one function per kind of fact, each reading one sentence (or paragraph).
/// `year` is the notice's year, used where a date prints none.
///
/// The rules live beside this file, one file per kind of fact (DateRules, FeeRules,
/// ContinuingEducationRules, YearRangeRules, SubmissionRules, PhoneRules, ConditionRules,
/// Numerals, SentenceSplitting). They share one principle: an importer drafts data from what they
/// return and a person confirms it, so a rule that is unsure returns nothing rather than a guess.
public enum FactRules {}
