/// Full years and months between two calendar dates, as offices count years of service
/// ("评审资历计算时间截至…"): 2020-02-29 to 2024-02-28 is 3 years 11 months.
public struct ServiceLength: Sendable, Equatable {
    public var years: Int
    public var months: Int

    public enum Problem: Error, Equatable, Sendable {
        /// Not a real date (2023-02-29) or not YYYY-MM-DD.
        case invalidDate
        /// The start is after the date counted to: a future title date.
        case afterCutoff

        /// The code the browser engine uses for the same problem.
        public var code: String { self == .invalidDate ? "invalid-date" : "after-cutoff" }
    }

    public static func between(_ fromText: String, _ toText: String) throws(Problem) -> ServiceLength {
        guard let from = try? BeijingDateTime.parse(fromText), let to = try? BeijingDateTime.parse(toText),
              !from.hasTime, !to.hasTime else { throw .invalidDate }
        if to < from { throw .afterCutoff }
        var years = to.year - from.year
        var months = to.month - from.month
        if to.day < from.day { months -= 1 }
        if months < 0 { years -= 1; months += 12 }
        return ServiceLength(years: years, months: months)
    }
}

extension BeijingDateTime {
    /// The same calendar day some years later; 29 February becomes 28 February in a common year.
    public func addingYears(_ count: Int) -> BeijingDateTime {
        let year = self.year + count
        return BeijingDateTime(year: year, month: month, day: min(day, BeijingDateTime.daysIn(month: month, year: year)))
    }
}

extension SkilledWorkerTrack {
    public struct Outcome: Sendable, Equatable {
        public var eligible: Bool
        public var toRank: Rank
        public var yearsNeeded: Int
        public var served: ServiceLength
        public var eligibleFrom: BeijingDateTime
    }

    public enum Problem: Error, Equatable, Sendable {
        case unknownQualification
        case service(ServiceLength.Problem)

        public var code: String {
            switch self {
            case .unknownQualification: "unknown-qualification"
            case let .service(problem): problem.code
            }
        }
    }

    /// 两类人才贯通: with this qualification since `obtained`, counted to `asOf`, does its rank open?
    public func evaluate(qualification: String, obtained: String, asOf: String) throws(Problem) -> Outcome {
        guard let step = steps.last(where: { $0.from == qualification }) else { throw .unknownQualification }
        let served: ServiceLength
        do { served = try ServiceLength.between(obtained, asOf) } catch { throw .service(error) }
        let start = try! BeijingDateTime.parse(obtained)
        return Outcome(eligible: served.years >= step.years, toRank: step.toRank, yearsNeeded: step.years, served: served,
                       eligibleFrom: start.addingYears(step.years))
    }
}
