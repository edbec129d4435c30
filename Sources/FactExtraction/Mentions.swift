/// The facts a sentence of a notice states, read by rules written for the language of these
/// notices in general (any series, region, year), not for particular samples. Each mention keeps
/// the words it was read from, so an importer can quote them and a person can confirm them.

/// A calendar date with an optional time, as a notice prints it; `yearInferred` when the
/// sentence printed no year and it was taken from the context (the notice's year, or the other
/// end of a range).
public struct NoticeDate: Sendable, Hashable {
    public var year: Int
    public var month: Int
    public var day: Int
    /// Hour and minute when the notice gives a time (`20:00`, `18时`, `下午6点`).
    public var hour: Int?
    public var minute: Int?
    public var yearInferred: Bool

    public init(year: Int, month: Int, day: Int, hour: Int? = nil, minute: Int? = nil, yearInferred: Bool = false) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.yearInferred = yearInferred
    }

    /// `2025-06-10` or `2025-06-10 09:30`, the notice.yml form.
    public var yamlValue: String {
        let date = "\(year)-\(pad(month))-\(pad(day))"
        guard let hour else { return date }
        return date + " \(pad(hour)):\(pad(minute ?? 0))"
    }

    private func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

public struct DateMention: Sendable, Hashable {
    public enum Form: Sendable, Hashable {
        /// `6月10日9:30至7月10日19:00`, `2025.7.1-2025.7.31`: start and end.
        case range
        /// `截至10月10日20:00`, `9月30日前`, `11月2日20:00前`: an end only.
        case until
        /// `8月25日`: one day (or moment) on its own.
        case single
    }

    public var form: Form
    public var start: NoticeDate?
    public var end: NoticeDate?
    /// The words the mention was read from, exactly as printed.
    public var words: String
    /// A range's end printed before its start (a misprinted year, usually): `end` is then nil and
    /// the printed end is here, for the importer to report.
    public var endBeforeStart: NoticeDate?

    public init(form: Form, start: NoticeDate?, end: NoticeDate?, words: String) {
        self.form = form
        self.start = start
        self.end = end
        self.words = words
    }
}

public struct FeeMention: Sendable, Hashable {
    /// Yuan per person; nil when the notice says the fee will be announced later (`另行通知`).
    public var amount: Int?
    /// The level the amount is for, in the notice's words (`高级工程师`, `正高级`, `中级`), when it
    /// names one.
    public var levelWords: String?
    public var announcedLater: Bool
    public var words: String

    public init(amount: Int?, levelWords: String?, announcedLater: Bool = false, words: String) {
        self.amount = amount
        self.levelWords = levelWords
        self.announcedLater = announcedLater
        self.words = words
    }
}

public struct ContinuingEducationMention: Sendable, Hashable {
    public enum Course: String, Sendable, Hashable {
        /// 公需课 / 公需科目
        case general
        /// 专业课 / 专业科目
        case specialty
        /// Continuing education without a course type.
        case any
    }

    public var course: Course
    /// An explicit year range (`2021-2024年`, `2021、2022年度`, `2021年至2024年`), first to last.
    public var years: ClosedRange<Int>?
    /// `近3年`, `连续五年`: how many years back from the notice year, when no years are printed.
    public var recentYears: Int?
    /// `每年不少于90学时`: hours each year.
    public var hoursPerYear: Int?
    /// `（专业科目不少于60学时）`: of which specialty hours.
    public var specialtyHoursPerYear: Int?
    /// `公需科目不少于30学时`: of which general hours, when the notice names them.
    public var generalHoursPerYear: Int? = nil
    public var words: String

    public init(course: Course, years: ClosedRange<Int>? = nil, recentYears: Int? = nil, hoursPerYear: Int? = nil,
                specialtyHoursPerYear: Int? = nil, words: String) {
        self.course = course
        self.years = years
        self.recentYears = recentYears
        self.hoursPerYear = hoursPerYear
        self.specialtyHoursPerYear = specialtyHoursPerYear
        self.words = words
    }
}

/// A year range that is not a date: `2021-2023年度`, `2021、2022年度`, `近3年`.
public struct YearRangeMention: Sendable, Hashable {
    public var years: ClosedRange<Int>?
    public var recentYears: Int?
    public var words: String

    public init(years: ClosedRange<Int>?, recentYears: Int? = nil, words: String) {
        self.years = years
        self.recentYears = recentYears
        self.words = words
    }
}

/// `不得超过3次(含初次上报)`, `最多可提交三次`.
public struct SubmissionLimitMention: Sendable, Hashable {
    public var maxSubmissions: Int
    public var words: String

    public init(maxSubmissions: Int, words: String) {
        self.maxSubmissions = maxSubmissions
        self.words = words
    }
}

/// The time allowed to fix a returned file: `退回后2日内` (48 hours), `48小时内`, `3个工作日内`.
public struct FixWindowMention: Sendable, Hashable {
    /// Calendar hours (days × 24 when given in days); nil when given in working days.
    public var hours: Int?
    public var workingDays: Int?
    public var words: String

    public init(hours: Int?, workingDays: Int? = nil, words: String) {
        self.hours = hours
        self.workingDays = workingDays
        self.words = words
    }
}

public struct PhoneMention: Sendable, Hashable {
    /// Normalised: `0991-3193615` for a landline with area code, `13912345678` for a mobile,
    /// the digits as printed otherwise (`3193615`).
    public var number: String
    public var words: String

    public init(number: String, words: String) {
        self.number = number
        self.words = words
    }
}

/// Who a sentence limits a requirement to, mapped onto the applicant profile's questions
/// (the keys of a checklist item's `conditions`).
public struct ConditionMention: Sendable, Hashable {
    /// Employer types from `ChecklistConditions.employerTypes`: 事业单位, 企业, 民营企业, 机关转任, 驻疆单位, 援疆.
    public var employer: [String] = []
    /// "新疆" or "外省" (`外省取得`, `区外取得`, `在疆外取得`).
    public var titleObtained: String?
    /// `首次申报`, `初次申报`, `第一次申报`.
    public var firstApplication: Bool?
    public var fanghuiju: Bool?
    public var minorityTraining: Bool?
    /// `县及县以下`, `县级及以下`, `乡镇`.
    public var countyUnit: Bool?
    /// Ranks a sentence names (`申报高级`, `正高级`, `中级`, `初级`, `助理`, `员级`), as 正高级/副高级/中级/初级.
    public var ranks: [String] = []
    public var words: [String] = []

    public init() {}

    public var isEmpty: Bool {
        employer.isEmpty && titleObtained == nil && firstApplication == nil && fanghuiju == nil && minorityTraining == nil
            && countyUnit == nil && ranks.isEmpty
    }
}
