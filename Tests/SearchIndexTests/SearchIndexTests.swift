import Foundation
import TestSupport
import Testing
@testable import SearchIndex

let vectorsURL = repositoryRoot.appendingPathComponent("Tests/Vectors/tokenize.json")

@Suite("Search tokenizer")
struct TokenizerTests {
    static func vectors() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: vectorsURL)) as! [String: Any]
    }

    @Test("the shared vectors: runs and terms, as search.js reads them too")
    func sharedVectors() throws {
        for item in try Self.vectors()["tokenize"] as! [[String: Any]] {
            let text = item["text"] as! String
            let expectedRuns = (item["runs"] as! [[String: Any]]).map { run -> SearchTokenizer.Run in
                if let latin = run["latin"] as? String { return .latin(latin) }
                return .han((run["han"] as! [String]).map { Character($0) })
            }
            #expect(SearchTokenizer.runs(text) == expectedRuns, "\(text)")
            #expect(SearchTokenizer.terms(text) == item["terms"] as! [String: Int], "\(text)")
        }
    }

    @Test("the fast path (no normalisation for CJK, ASCII and full-width text) finds the terms the normalising path finds")
    func fastPathMatchesNormalisation() throws {
        let notices = repositoryRoot.appendingPathComponent("content/notices")
        var texts = ["ＡＢＣ１２３，全角ＱＱ群", "继续教育\u{3000}2021-2024年　（副高）", "〇一二 〶 〸 ① ﬁ Ⅻ café Straße", "‘引号’…—·× ÷ ｢半角｣",
                     "a\u{0301}b 豈 𠀀𠀁", ""]
        for folder in try FileManager.default.contentsOfDirectory(atPath: notices.path) {
            texts.append(try String(contentsOf: notices.appendingPathComponent("\(folder)/notice.md"), encoding: .utf8))
        }
        for text in texts {
            var fast: [String] = [], normalised: [String] = []
            SearchTokenizer.forEachTerm(text) { fast.append($0.text) }
            SearchTokenizer.forEachTerm(text, normalising: true) { normalised.append($0.text) }
            #expect(fast == normalised, "\(text.prefix(40))")
        }
    }

    @Test("the stored passage is the first Characters, as String.prefix cuts them, on the fast path and off it")
    func storedPrefix() throws {
        let notices = repositoryRoot.appendingPathComponent("content/notices")
        var texts = ["", "继续教育", "a\r\nb\r\nc", "café\u{301}x", "全角ＡＢＣ　（副高）…—", "e\u{301}\u{302}", "👍🏽👨‍👩‍👧 🇨🇳🇯🇵", "한국어 〪〫", "1\u{FE0F}\u{20E3}#"]
        for folder in try FileManager.default.contentsOfDirectory(atPath: notices.path) {
            texts.append(try String(contentsOf: notices.appendingPathComponent("\(folder)/notice.md"), encoding: .utf8))
        }
        for text in texts {
            for count in [0, 1, 2, 3, 5, 800, text.unicodeScalars.count - 1, text.unicodeScalars.count] where count >= 0 {
                #expect(SearchIndexBuilder.prefix(text, characters: count) == String(text.prefix(count)), "\(text.prefix(20)) \(count)")
                // The same cut with a combining mark or CR LF right after it takes the slow path.
                let cut = String(text.unicodeScalars.prefix(count))
                for tail in ["\u{301}", "\r\n", "\u{200D}"] {
                    #expect(SearchIndexBuilder.prefix(cut + tail, characters: count) == String((cut + tail).prefix(count)))
                }
            }
        }
    }

    @Test("suggestion terms are the Han names in a label, without asides, of two to eight characters")
    func vocabularyPieces() {
        #expect(SearchIndexBuilder.vocabularyPieces("专业技术水平答辩（腾讯会议）") == ["专业技术水平答辩"])
        #expect(SearchIndexBuilder.vocabularyPieces("科研/实践能力") == ["科研", "实践能力"])
        #expect(SearchIndexBuilder.vocabularyPieces("地质矿产专业初级、中级申报人员：加入QQ群779259695完成缴费")
                == ["地质矿产专业初级", "中级申报人员", "加入", "完成缴费"])
        #expect(SearchIndexBuilder.vocabularyPieces("继").isEmpty)
        #expect(SearchIndexBuilder.vocabularyPieces("提交专业技术职务任职资格评审表").isEmpty)
    }

    @Test("shard hashing is 32-bit FNV-1a over UTF-8, the same numbers as in the browser")
    func hashing() throws {
        for item in try Self.vectors()["fnv1a"] as! [[String: Any]] {
            #expect(SearchIndexBuilder.fnv1a(item["text"] as! String) == (item["hash"] as! NSNumber).uint32Value)
        }
    }

    @Test("pinyin comes without tones, one syllable a character")
    func pinyin() {
        let pinyin = Pinyin()
        #expect("继续教育".map { pinyin.syllable($0) } == ["ji", "xu", "jiao", "yu"])
        #expect(pinyin.syllable("水") == "shui")
        #expect(pinyin.syllable("a") == nil)
        #expect(pinyin.knownSyllables.contains("jiao"))
    }
}

@Suite("Search index")
struct IndexBuilderTests {
    func build(_ notices: [(String, Int, [SearchDocument])]) -> [String: String] {
        var builder = SearchIndexBuilder(taxonomy: SearchTaxonomy(series: [.init(id: "gongcheng", name: "工程系列", specialties: [("gongcheng/shuili", "水利")])]))
        var files: [(path: String, contents: String)] = []
        for (title, year, documents) in notices {
            files += builder.add(SearchNotice(title: title, url: "\(year)/x/", year: year, series: ["gongcheng"], specialties: ["gongcheng/shuili"]),
                                 documents: documents)
        }
        return Dictionary(uniqueKeysWithValues: (files + builder.files()).map { ($0.path, $0.contents) })
    }

    @Test("terms, pinyin and initials reach the shards; documents and notices their chunks")
    func contents() {
        let files = build([("2022年度水利通知", 2022, [SearchDocument(title: "继续教育", url: "2022/x/#a", kind: "通知", text: "专业科目提供2021、2022年度证书，QQ群779259695")])])
        let shards = files.filter { $0.key.hasPrefix("search/t/") }.map(\.value).joined()
        #expect(shards.contains("\"继续\":[1,9]"))          // df 1: document 0, in its title (8), once (1)
        #expect(shards.contains("\"p:jixu\":[\"继续\"]"))
        #expect(shards.contains("\"p:jiaoyu\":[\"教育\"]"))
        #expect(shards.contains("\"i:jx\":[\"继续\"]"))
        #expect(shards.contains("\"u:续\":[\"继续\",\"续教\"]"))
        #expect(shards.contains("\"p:jiao\":[\"教\"]"))
        #expect(shards.contains("\"779259695\":[1,"))
        #expect(files["search/d/0-0.js"]?.contains("QQ群779259695") == true)
        #expect(files["search/n/0.js"]?.contains("2022年度水利通知") == true)
        #expect(files["search/meta.js"]?.hasPrefix("window.NBSearch=window.NBSearch||{};NBSearch.meta={") == true)
        #expect(files["search/meta.js"]?.contains("\"documents\":1") == true)
        #expect(files["search/f.js"]?.contains("[[\"2022\"],[\"gongcheng\"],[\"gongcheng/shuili\"]]") == true)
    }

    @Test("meta.js carries the suggestion vocabulary with its pinyin, the most used terms first")
    func vocabulary() {
        var builder = SearchIndexBuilder(taxonomy: SearchTaxonomy(series: [.init(id: "gongcheng", name: "工程系列", specialties: [("gongcheng/shuili", "水利")])]))
        for (year, terms) in [(2024, ["高级工程师", "缴费截止时间", "地质矿产"]), (2023, ["高级工程师（副高）", "公示"])] {
            _ = builder.add(SearchNotice(title: "通知", url: "\(year)/x/", year: year, series: ["gongcheng"], specialties: [], terms: terms),
                            documents: [SearchDocument(title: "t", url: "u", kind: "通知", text: "水利")])
        }
        let meta = builder.files().first { $0.path == "search/meta.js" }!.contents
        #expect(meta.contains("\"vocabulary\":[[\"高级工程师\",\"gaojigongchengshi\"],"))
        #expect(meta.contains("[\"水利\",\"shuili\"]"))
        #expect(meta.contains("[\"缴费截止时间\",\"jiaofeijiezhishijian\"]"))
        // A character with a common second reading: both spellings, ICU's first.
        #expect(meta.contains("[\"地质矿产\",\"dezhikuangchan dizhikuangchan\"]"))
        #expect(!meta.contains("副高"))
    }

    @Test("a term in very many documents keeps the best postings and says how many there were")
    func postingsCap() {
        let documents = (0..<600).map { SearchDocument(title: $0 == 599 ? "申报" : "第\($0)项", url: "u", kind: "通知", text: "申报") }
        let files = build([("通知", 2024, Array(documents.prefix(500))), ("通知二", 2023, Array(documents.suffix(100)))])
        let shards = files.filter { $0.key.hasPrefix("search/t/") }.map(\.value).joined()
        let start = shards.range(of: "\"申报\":[")!.upperBound
        let numbers = shards[start...].prefix { $0 != "]" }.split(separator: ",").map { Int($0)! }
        #expect(numbers[0] == 600)
        #expect(numbers.count - 1 == SearchIndexBuilder.postingsCap)
        // The document with 申报 in its title is kept although it is the last and oldest.
        var id = 0
        let ids = numbers.dropFirst().map { value -> (Int, Bool) in id += value / 16; return (id, value & 8 != 0) }
        #expect(ids.contains { $0 == (1 * SearchIndexBuilder.idStride + 99, true) })
    }

    @Test("the same documents give the same files")
    func deterministic() {
        let documents = [SearchDocument(title: "评审费", url: "a", kind: "要点", text: "高级工程师每人700元、工程师每人400元")]
        #expect(build([("一", 2024, documents)]) == build([("一", 2024, documents)]))
    }
}
