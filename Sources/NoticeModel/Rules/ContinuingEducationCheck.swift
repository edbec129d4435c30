/// 继续教育: which years an applicant must prove, which they have, and where each certificate comes
/// from. The browser runs the same rules (themes/default/assets/rules.js); both are held to
/// Tests/Vectors/rules.json.
public struct CourseYears: Sendable, Equatable {
    public var general: [Int]
    public var specialty: [Int]

    public init(general: [Int] = [], specialty: [Int] = []) {
        self.general = general
        self.specialty = specialty
    }
}

/// What the applicant has for one year.
public struct CEYearRecord: Sendable, Equatable {
    public var general = false
    public var specialty = false
    public var hours: Double?
    public var specialtyHours: Double?
    /// The index of one of the notice's `ce_exemptions` that covers this year.
    public var exemption: Int?

    public init(general: Bool = false, specialty: Bool = false, hours: Double? = nil, specialtyHours: Double? = nil, exemption: Int? = nil) {
        self.general = general
        self.specialty = specialty
        self.hours = hours
        self.specialtyHours = specialtyHours
        self.exemption = exemption
    }
}

public struct CEInput: Sendable, Equatable {
    /// Years later than the notice's own application year, when planning ahead.
    public var shift = 0
    /// The applicant belongs to a group the notice sets no hard requirement for.
    public var notRequired = false
    public var years: [Int: CEYearRecord] = [:]

    public init(shift: Int = 0, notRequired: Bool = false, years: [Int: CEYearRecord] = [:]) {
        self.shift = shift
        self.notRequired = notRequired
        self.years = years
    }
}

public struct CEResult: Sendable, Equatable {
    public var notRequired: Bool
    public var required: CourseYears
    public var covered = CourseYears()
    public var missing = CourseYears()
    /// Years covered by an exemption: each needs its approval form.
    public var exempt: [Int] = []
    /// Required years whose certificate is fetched from the platform, and those uploaded by hand.
    public var platform = CourseYears()
    public var upload = CourseYears()
    public var hoursShort: [Int] = []
    public var hoursUnknown: [Int] = []
    public var complete = true
}

extension ContinuingEducationRule {
    public func requiredYears(shift: Int = 0) -> CourseYears {
        func years(_ range: ClosedRange<Int>?) -> [Int] {
            range.map { Array(($0.lowerBound + shift)...($0.upperBound + shift)) } ?? []
        }
        return CourseYears(general: years(generalYears), specialty: years(specialtyYears))
    }

    public func evaluate(_ input: CEInput) -> CEResult {
        let required = requiredYears(shift: input.shift)
        var result = CEResult(notRequired: input.notRequired, required: required)
        if input.notRequired { return result }
        func record(_ year: Int) -> CEYearRecord { input.years[year] ?? CEYearRecord() }
        func isExempt(_ year: Int) -> Bool { record(year).exemption != nil }

        let courses: [(years: [Int], platformFrom: Int?, has: KeyPath<CEYearRecord, Bool>, list: WritableKeyPath<CourseYears, [Int]>)] = [
            (required.general, platformGeneralFrom, \.general, \.general),
            (required.specialty, platformSpecialtyFrom, \.specialty, \.specialty),
        ]
        for course in courses {
            for year in course.years {
                if isExempt(year) {
                    if !result.exempt.contains(year) { result.exempt.append(year) }
                    continue
                }
                if let from = course.platformFrom, year >= from { result.platform[keyPath: course.list].append(year) }
                else { result.upload[keyPath: course.list].append(year) }
                if record(year)[keyPath: course.has] { result.covered[keyPath: course.list].append(year) }
                else { result.missing[keyPath: course.list].append(year) }
            }
        }
        result.exempt.sort()

        if let perYear = hoursPerYear {
            for year in Set(required.general + required.specialty).sorted() where !isExempt(year) {
                let entry = record(year)
                guard let hours = entry.hours, specialtyHoursMin == nil || entry.specialtyHours != nil else {
                    result.hoursUnknown.append(year)
                    continue
                }
                if hours < Double(perYear) || (specialtyHoursMin.map { (entry.specialtyHours ?? 0) < Double($0) } ?? false) {
                    result.hoursShort.append(year)
                }
            }
        }
        result.complete = result.missing.general.isEmpty && result.missing.specialty.isEmpty
            && result.hoursShort.isEmpty && result.hoursUnknown.isEmpty
        return result
    }
}

extension Notice {
    /// The continuing-education rule for a level: the first naming it, else the first for every level.
    public func ceRule(forLevel level: String) -> ContinuingEducationRule? {
        continuingEducation.first { $0.levels.contains { $0.value == level } }
            ?? continuingEducation.first { $0.levels.isEmpty }
    }

    public func fee(forLevel level: String) -> Int? {
        fees.first { $0.level.value == level }?.amount
    }
}
