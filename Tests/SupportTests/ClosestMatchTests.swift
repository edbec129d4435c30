import Support
import Testing

/// "Did you mean …" hints: offered for a slip, not for a different word.
@Suite("Closest match")
struct ClosestMatchTests {
    @Test("a misspelt key or id gets the known one nearest to it")
    func slips() {
        #expect(closestMatch(to: "isuer", in: ["id", "issuer", "title"]) == "issuer")
        #expect(closestMatch(to: "workday", in: ["holidays", "workdays"]) == "workdays")
        #expect(closestMatch(to: "2024-meitan-aksü", in: ["2022-shuili", "2024-meitan-aksu"]) == "2024-meitan-aksu")
        #expect(closestMatch(to: "{{phnoe}}", in: ["{{phone}}", "{{name}}"]) == "{{phone}}")
    }

    @Test("a word far from every candidate gets no hint; ties go to the alphabetically first")
    func noWildGuesses() {
        #expect(closestMatch(to: "deadline", in: ["fees", "levels"]) == nil)
        #expect(closestMatch(to: "x", in: []) == nil)
        #expect(closestMatch(to: "ab", in: ["ac", "aa"]) == "aa")
        #expect(closestMatch(to: "副高", in: ["正高", "中级"]) == "正高")
    }
}
