/// The entry points: one function per kind of fact, each reading one sentence (or paragraph).
/// `year` is the notice's year, used where a date prints none.
public enum FactRules {
    public static func dates(in sentence: String, year: Int) -> [DateMention] { [] }
    public static func fees(in sentence: String) -> [FeeMention] { [] }
    public static func continuingEducation(in sentence: String, year: Int) -> [ContinuingEducationMention] { [] }
    public static func yearRanges(in sentence: String, year: Int) -> [YearRangeMention] { [] }
    public static func submissionLimit(in sentence: String) -> SubmissionLimitMention? { nil }
    public static func fixWindow(in sentence: String) -> FixWindowMention? { nil }
    public static func phones(in sentence: String) -> [PhoneMention] { [] }
    public static func conditions(in sentence: String) -> ConditionMention { ConditionMention() }
    /// Chinese or Arabic numerals to an integer: "三" → 3, "十二" → 12, "3" → 3, "２" → 2.
    public static func number(_ words: String) -> Int? { nil }
    /// The year a notice is for, from its title (`2025年度…`, `关于2024年…`), nil if it prints none.
    public static func yearInTitle(_ title: String) -> Int? { nil }
    /// The notice's text cut into sentences at 。；！？ and line ends, keeping brackets together.
    public static func sentences(_ paragraph: String) -> [String] { [paragraph] }
}
