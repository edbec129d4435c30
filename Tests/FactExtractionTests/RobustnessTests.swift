import Testing
@testable import FactExtraction

/// Random sentences made of the characters the rules look at (digits of both widths, 年月日,
/// separators, brackets, level and fee words): no rule may trap, and every mention's words must
/// be a part of the sentence. A fixed seed keeps the run repeatable.
struct RobustnessTests {
    static let pieces = [
        "0", "1", "2", "3", "9", "２", "０", "2024", "2025年", "年", "月", "日", "号", "时", "分", "点", ":", "：", ".", "-",
        "—", "~", "至", "到", "一", "前", "截至", "（", "）", "(", ")", "《", "》", "“", "”", "，", "、", "；", "。", " ",
        "元", "每人", "/人", "评审费", "另行通知", "高级", "中级", "初级", "工程师", "助理", "正高", "副高", "中初级",
        "公需课", "专业课", "学时", "继续教育", "近", "连续", "三", "十", "次", "不得超过", "最多", "提交", "退回", "内",
        "小时", "个工作日", "电话", "QQ群", "0991", "139", "除", "外", "非", "访惠聚", "民营企业", "县及县以下", "下午",
    ]

    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test func randomSentencesNeverTrapAndQuoteThemselves() {
        var generator = Generator(state: 20_250_601)
        for _ in 0..<3000 {
            var sentence = ""
            for _ in 0..<(1 + generator.next(24)) { sentence += Self.pieces[generator.next(Self.pieces.count)] }
            let facts = FactRules.facts(in: sentence, year: 2025)
            var quoted = facts.dates.map(\.words) + facts.fees.map(\.words) + facts.continuingEducation.map(\.words)
            quoted += facts.yearRanges.map(\.words) + facts.phones.map(\.words) + facts.qqGroups.map(\.words)
            quoted += facts.conditions.words + [facts.submissionLimit?.words, facts.fixWindow?.words].compactMap { $0 }
            for words in quoted {
                #expect(!words.isEmpty && sentence.contains(words), "«\(words)» in «\(sentence)»")
            }
            for mention in facts.dates {
                for date in [mention.start, mention.end].compactMap({ $0 }) {
                    #expect((1...12).contains(date.month) && (1...31).contains(date.day), "\(sentence)")
                    #expect((0...23).contains(date.hour ?? 0) && (0...59).contains(date.minute ?? 0), "\(sentence)")
                }
            }
            _ = FactRules.sentences(sentence)
            _ = FactRules.yearInTitle(sentence)
            _ = FactRules.datesOutsideYear(in: sentence, year: 2025)
            _ = FactRules.number(sentence)
        }
    }
}
