import Foundation
import TestSupport
import Testing
@testable import NoticeModel

/// Tests/Vectors/rules.json run against the Swift engine; node --test runs the same file against the
/// browser code, so the two engines cannot drift apart.
@Suite("Rule vectors")
struct RuleVectorTests {
    /// Read afresh where used: the file is small, and a shared dictionary of `Any` is not Sendable.
    static var vectors: [String: Any] {
        let data = try! Data(contentsOf: repositoryRoot.appendingPathComponent("Tests/Vectors/rules.json"))
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    static func cases(_ kind: String) -> [[String: Any]] { vectors[kind] as! [[String: Any]] }

    static func rule(_ json: [String: Any]) -> ContinuingEducationRule {
        func range(_ key: String) -> ClosedRange<Int>? {
            (json[key] as? [Int]).map { $0[0]...$0[1] }
        }
        return ContinuingEducationRule(generalYears: range("general"), specialtyYears: range("specialty"),
                                       hoursPerYear: json["hoursPerYear"] as? Int, specialtyHoursMin: json["specialtyHoursMin"] as? Int,
                                       platformGeneralFrom: json["platformGeneralFrom"] as? Int,
                                       platformSpecialtyFrom: json["platformSpecialtyFrom"] as? Int,
                                       notRequiredFor: (json["notRequiredFor"] as? [[String: Any]] ?? []).map(notRequiredGroup))
    }

    /// `{"who": …, "conditions": {"employer": […], "first": true}}`, the keys the profile uses.
    static func notRequiredGroup(_ json: [String: Any]) -> CENotRequired {
        var conditions = ChecklistConditions()
        let given = json["conditions"] as? [String: Any] ?? [:]
        conditions.employer = given["employer"] as? [String] ?? []
        conditions.firstApplication = given["first"] as? Bool
        return CENotRequired(who: json["who"] as! String, conditions: conditions)
    }

    static func input(_ json: [String: Any]) -> CEInput {
        var input = CEInput(shift: json["shift"] as? Int ?? 0, notRequired: json["notRequired"] as? Bool ?? false)
        for (year, value) in json["years"] as? [String: Any] ?? [:] {
            let entry = value as! [String: Any]
            input.years[Int(year)!] = CEYearRecord(general: entry["general"] as? Bool ?? false, specialty: entry["specialty"] as? Bool ?? false,
                                                   hours: (entry["hours"] as? NSNumber)?.doubleValue,
                                                   specialtyHours: (entry["specialtyHours"] as? NSNumber)?.doubleValue,
                                                   exemption: entry["exemption"] as? Int)
        }
        return input
    }

    static func years(_ json: Any?) -> CourseYears {
        let object = json as! [String: [Int]]
        return CourseYears(general: object["general"]!, specialty: object["specialty"]!)
    }

    static func expected(_ json: [String: Any]) -> CEResult {
        var result = CEResult(notRequired: json["notRequired"] as! Bool, required: years(json["required"]))
        result.covered = years(json["covered"])
        result.missing = years(json["missing"])
        result.exempt = json["exempt"] as! [Int]
        result.platform = years(json["platform"])
        result.upload = years(json["upload"])
        result.hoursShort = json["hoursShort"] as! [Int]
        result.hoursUnknown = json["hoursUnknown"] as! [Int]
        result.complete = json["complete"] as! Bool
        return result
    }

    @Test("the vectors' rules and fees are the notices' own")
    func vectorsMatchContent() throws {
        let content = try #require(ContentLoader.load(from: repositoryRoot.appendingPathComponent("content")).content)
        let rules = Self.vectors["rules"] as! [String: [String: Any]]
        #expect(Set(rules.keys) == Set(content.notices.map(\.id)))
        for notice in content.notices {
            let fromContent = try #require(notice.continuingEducation.first)
            let fromVectors = Self.rule(try #require(rules[notice.id]))
            #expect(fromContent.generalYears == fromVectors.generalYears, "\(notice.id)")
            #expect(fromContent.specialtyYears == fromVectors.specialtyYears, "\(notice.id)")
            #expect(fromContent.hoursPerYear == fromVectors.hoursPerYear, "\(notice.id)")
            #expect(fromContent.specialtyHoursMin == fromVectors.specialtyHoursMin, "\(notice.id)")
            #expect(fromContent.platformGeneralFrom == fromVectors.platformGeneralFrom, "\(notice.id)")
            #expect(fromContent.platformSpecialtyFrom == fromVectors.platformSpecialtyFrom, "\(notice.id)")
            #expect(fromContent.notRequiredFor == fromVectors.notRequiredFor, "\(notice.id)")
        }
        let fees = Self.vectors["fees"] as! [String: [String: Int]]
        for (id, levels) in fees {
            let notice = try #require(content.notices.first { $0.id == id })
            for (level, amount) in levels { #expect(notice.fee(forLevel: level) == amount) }
        }
        let meitan = try #require(content.notices.first { $0.id == "2024-meitan-aksu" })
        let steps = (Self.vectors["skilledSteps"] as! [[String: Any]]).map {
            SkilledWorkerTrack.Step(from: $0["from"] as! String, years: $0["years"] as! Int, toRank: Rank(rawValue: $0["toRank"] as! String)!)
        }
        #expect(meitan.skilledWorkerTrack?.steps == steps)
    }

    @Test("continuing education", arguments: cases("ce").indices)
    func continuingEducation(index: Int) {
        let c = Self.cases("ce")[index]
        let rules = Self.vectors["rules"] as! [String: [String: Any]]
        let result = Self.rule(rules[c["rule"] as! String]!).evaluate(Self.input(c["input"] as! [String: Any]))
        #expect(result == Self.expected(c["expected"] as! [String: Any]), "\(c["name"]!)")
    }

    @Test("years of service", arguments: cases("service").indices)
    func service(index: Int) {
        let c = Self.cases("service")[index]
        let expected = c["expected"] as! [String: Any]
        do {
            let length = try ServiceLength.between(c["from"] as! String, c["to"] as! String)
            #expect(expected["error"] == nil, "\(c["name"]!)")
            #expect(length == ServiceLength(years: expected["years"] as? Int ?? -1, months: expected["months"] as? Int ?? -1), "\(c["name"]!)")
        } catch {
            #expect(error.code == expected["error"] as? String, "\(c["name"]!)")
        }
    }

    @Test("skilled-worker track", arguments: cases("skilled").indices)
    func skilled(index: Int) {
        let c = Self.cases("skilled")[index]
        let expected = c["expected"] as! [String: Any]
        let steps = (Self.vectors["skilledSteps"] as! [[String: Any]]).map {
            SkilledWorkerTrack.Step(from: $0["from"] as! String, years: $0["years"] as! Int, toRank: Rank(rawValue: $0["toRank"] as! String)!)
        }
        do {
            let outcome = try SkilledWorkerTrack(steps: steps).evaluate(qualification: c["qualification"] as! String,
                                                                        obtained: c["obtained"] as! String, asOf: c["asOf"] as! String)
            let served = expected["served"] as? [String: Int]
            #expect(outcome.eligible == expected["eligible"] as? Bool, "\(c["name"]!)")
            #expect(outcome.toRank.rawValue == expected["toRank"] as? String)
            #expect(outcome.yearsNeeded == expected["yearsNeeded"] as? Int)
            #expect(outcome.served == ServiceLength(years: served?["years"] ?? -1, months: served?["months"] ?? -1))
            #expect(outcome.eligibleFrom.description == expected["eligibleFrom"] as? String)
        } catch {
            #expect(error.code == expected["error"] as? String, "\(c["name"]!)")
        }
    }

    @Test("deadlines in Beijing time", arguments: cases("deadline").indices)
    func deadline(index: Int) throws {
        let c = Self.cases("deadline")[index]
        let expected = c["expected"] as! [String: String]
        let status = WindowStatus.at(try #require(Instant(iso: c["now"] as! String)),
                                     start: (c["start"] as? String).flatMap(Instant.init(iso:)),
                                     end: (c["end"] as? String).flatMap(Instant.init(iso:)))
        #expect(status.state.rawValue == expected["state"], "\(c["name"]!)")
        #expect(status.text == expected["text"], "\(c["name"]!)")
    }

    @Test("fees", arguments: cases("fee").indices)
    func fee(index: Int) throws {
        let c = Self.cases("fee")[index]
        let content = try #require(ContentLoader.load(from: repositoryRoot.appendingPathComponent("content")).content)
        let notice = try #require(content.notices.first { $0.id == c["notice"] as? String })
        #expect(notice.fee(forLevel: c["level"] as! String) == c["expected"] as? Int, "\(c["name"]!)")
    }

    @Test("there are at least 40 vectors")
    func enough() {
        #expect(["ce", "service", "skilled", "deadline", "fee"].map { Self.cases($0).count }.reduce(0, +) >= 40)
    }
}
