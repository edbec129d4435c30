import Foundation
import TestSupport
import Testing
@testable import OfficeMessages

/// The catalogues are the only place an office's messages are written: these tests fail when a
/// message exists in one language only, when its two texts name different values, or when the
/// sources use a key that no catalogue has.
@Suite struct CatalogueTests {
    @Test func everyMessageExistsInBothLanguages() {
        let chinese = Set(Catalogue.rows(.zh).map(\.key))
        let english = Set(Catalogue.rows(.en).map(\.key))
        #expect(chinese.subtracting(english).sorted() == [], "in Chinese only")
        #expect(english.subtracting(chinese).sorted() == [], "in English only")
    }

    @Test func noKeyIsListedTwice() {
        for language in Language.allCases {
            var seen = Set<String>()
            let twice = Catalogue.rows(language).map(\.key).filter { !seen.insert($0).inserted }
            #expect(twice == [], "\(language): listed twice")
        }
    }

    @Test func bothTextsNameTheSameValues() {
        let english = Catalogue.table(.en)
        for (key, chinese) in Catalogue.rows(.zh) {
            guard let other = english[key] else { continue }
            #expect(Catalogue.placeholders(in: chinese) == Catalogue.placeholders(in: other), "\(key): \(chinese) | \(other)")
        }
    }

    @Test func noTextIsEmptyOrLeftUntranslated() {
        for (key, text) in Catalogue.rows(.zh) {
            #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(key) is empty in Chinese")
        }
        for (key, text) in Catalogue.rows(.en) {
            #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(key) is empty in English")
        }
    }

    /// Keys are written as literals at their call sites (`Message("…")`, `say("…")`), so a key the
    /// catalogues lack is a typo found here rather than by an office.
    @Test func everyKeyTheSourcesUseIsInTheCatalogues() throws {
        let known = Set(Catalogue.rows(.zh).map(\.key)).union(Catalogue.rows(.en).map(\.key))
        let used = try Self.keysUsedInSources()
        let missing = used.filter { !known.contains($0.key) }.map { "\($0.file): \($0.key)" }.sorted()
        #expect(missing == [])
    }

    /// A row no source uses is a message nobody can see: remove it or use it.
    @Test func everyCatalogueKeyIsUsed() throws {
        let sources = try Self.sourceTexts().filter { !$0.path.hasSuffix("Chinese.swift") && !$0.path.hasSuffix("English.swift") }
        let all = sources.map(\.text).joined(separator: "\n")
        let unused = Catalogue.rows(.zh).map(\.key).filter { !all.contains("\"\($0)\"") }
        #expect(unused == [])
    }

    @Test func valuesAreFilledInByName() {
        let text = Catalogue.fill("第{line}行的 `{item}` 应与上一行对齐", with: ["line": "102", "item": "-"])
        #expect(text == "第102行的 `-` 应与上一行对齐")
        #expect(Catalogue.fill("{a} {unknown} {", with: ["a": "x"]) == "x {unknown} {")
        #expect(Catalogue.placeholders(in: "{a}，{b_2}（{}）") == ["a", "b_2"])
    }

    @Test func theLocaleDecidesAndChineseIsTheDefault() {
        #expect(Language.fromEnvironment([:]) == .zh)
        #expect(Language.fromEnvironment(["LANG": "C.UTF-8"]) == .zh)
        #expect(Language.fromEnvironment(["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(Language.fromEnvironment(["LANG": "en_US.UTF-8"]) == .en)
        #expect(Language.fromEnvironment(["LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"]) == .zh)
        #expect(Language.fromEnvironment(["LANG": "zh_CN.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"]) == .en)
        #expect(Language.fromEnvironment(["LC_ALL": "", "LANG": "en_US"]) == .en)
        #expect(Language.named("en") == .en && Language.named("zh-CN") == .zh && Language.named("fr") == nil)
    }

    struct SourceText { var path: String; var text: String }

    static func sourceTexts() throws -> [SourceText] {
        let sources = repositoryRoot.appendingPathComponent("Sources")
        let walker = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        var result: [SourceText] = []
        while let url = walker?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            result.append(SourceText(path: url.path, text: try String(contentsOf: url, encoding: .utf8)))
        }
        return result.sorted { $0.path < $1.path }
    }

    static func keysUsedInSources() throws -> [(file: String, key: String)] {
        let pattern = try NSRegularExpression(pattern: #"(?:Message|say)\(\s*"([a-z][A-Za-z0-9_.]*)""#)
        var found: [(file: String, key: String)] = []
        for source in try sourceTexts() {
            // Comments show keys as examples; only code counts.
            let code = source.text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }.joined(separator: "\n")
            let text = code as NSString
            for match in pattern.matches(in: code, range: NSRange(location: 0, length: text.length)) {
                found.append((file: (source.path as NSString).lastPathComponent, key: text.substring(with: match.range(at: 1))))
            }
        }
        return found
    }
}
