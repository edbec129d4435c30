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
        // A character with a mark on it is no Han character of a name: it ends the piece, as
        // everything else does, though the label is read by scalar when nothing joins.
        #expect(SearchIndexBuilder.vocabularyPieces("科研\u{301}实践能力（副高）") == ["实践能力"])
        #expect(SearchIndexBuilder.vocabularyPieces("实践能力 实践能力") == ["实践能力"])
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

    /// A term's postings as the shards write them, `[df, …]` after `"term":[`, read back into
    /// (id, title) pairs: `−n` moves n notices on, v ≥ 0 is (place − previous place) × 16 + flags.
    func postings(_ shards: String, _ term: String) -> (df: Int, ids: [(id: Int, title: Bool)]) {
        let start = shards.range(of: "\"\(term)\":[")!.upperBound
        let numbers = shards[start...].prefix { $0 != "]" }.split(separator: ",").map { Int($0)! }
        var notice = 0, place = 0, ids: [(Int, Bool)] = []
        for value in numbers.dropFirst() {
            if value < 0 { notice -= value; place = 0; continue }
            place += value / 16
            ids.append((notice * SearchIndexBuilder.idStride + place, value & 8 != 0))
        }
        return (numbers[0], ids)
    }

    /// The shards' JSON, unpacked and joined.
    func shardText(_ files: [String: String]) -> String {
        files.filter { $0.key.hasPrefix("search/t/") }.sorted { $0.key < $1.key }.map { SearchIndexBuilder.unpackFile($0.value) ?? "" }.joined()
    }

    @Test("terms, pinyin and initials reach the shards; documents their notice's fragment, after the notice")
    func contents() {
        let files = build([("2022年度水利通知", 2022, [SearchDocument(title: "继续教育", url: "2022/x/#a", kind: "通知", text: "专业科目提供2021、2022年度证书，QQ群779259695")])])
        #expect(files.keys.filter { $0.hasPrefix("search/t/") }.allSatisfy { files[$0]!.hasPrefix("NBSearch.shard(") })
        let shards = shardText(files)
        #expect(shards.contains("\"继续\":[1,9]"))          // df 1: document 0, in its title (8), once (1)
        #expect(shards.contains("\"p:jixu\":[\"继续\"]"))
        #expect(shards.contains("\"p:jiaoyu\":[\"教育\"]"))
        #expect(shards.contains("\"i:jx\":[\"继续\"]"))
        #expect(shards.contains("\"u:续\":[\"继续\",\"续教\"]"))
        #expect(shards.contains("\"p:jiao\":[\"教\"]"))
        #expect(shards.contains("\"779259695\":[1,"))
        #expect(files["search/d/0-0.js"]?.hasPrefix("NBSearch.docs(\"0-0\",\"") == true)
        #expect(files["search/d/0-0.js"].flatMap(SearchIndexBuilder.unpackFile)
                == "[[\"2022年度水利通知\",\"2022/x/\",\"2022\"],[\"继续教育\",\"#a\",\"通知\",\"专业科目提供2021、2022年度证书，QQ群779259695\"]]")
        #expect(!files.keys.contains { $0.hasPrefix("search/n/") })
        #expect(files["search/meta.js"]?.hasPrefix("window.NBSearch=window.NBSearch||{};NBSearch.meta={") == true)
        #expect(files["search/meta.js"]?.contains("\"documents\":1") == true)
        #expect(files["search/f.js"]?.contains("[[\"2022\"],[\"gongcheng\"],[\"gongcheng/shuili\"]]") == true)
    }

    @Test("v.js carries the suggestion vocabulary with its pinyin, the most used terms first; meta.js its words")
    func vocabulary() {
        var builder = SearchIndexBuilder(taxonomy: SearchTaxonomy(series: [.init(id: "gongcheng", name: "工程系列", specialties: [("gongcheng/shuili", "水利")])]))
        for (year, terms) in [(2024, ["高级工程师", "缴费截止时间", "地质矿产"]), (2023, ["高级工程师（副高）", "公示"])] {
            _ = builder.add(SearchNotice(title: "通知", url: "\(year)/x/", year: year, series: ["gongcheng"], specialties: [], terms: terms),
                            documents: [SearchDocument(title: "t", url: "u", kind: "通知", text: "水利")])
        }
        let files = builder.files()
        let meta = files.first { $0.path == "search/v.js" }!.contents
        #expect(meta.hasPrefix("NBSearch.vocabulary=[[\"高级工程师\",\"gaojigongchengshi\"],"))
        // meta.js, loaded by every search, has only the words a phrase is cut into.
        let words = files.first { $0.path == "search/meta.js" }!.contents
        #expect(words.contains("\"words\":[\"公示\",\"地质矿产\",\"工程系列\",\"水利\"]"))
        #expect(!words.contains("gaojigongchengshi") && !words.contains("高级工程师"))
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
        let found = postings(shardText(files), "申报")
        #expect(found.df == 600)
        #expect(found.ids.count == SearchIndexBuilder.postingsCap)
        // The document with 申报 in its title is kept although it is the last and oldest: the
        // hundredth of its notice, the 36th of its second fragment (64 to a fragment).
        #expect(found.ids.contains { $0 == (1 * SearchIndexBuilder.idStride + SearchIndexBuilder.fragmentCapacity + 35, true) })
    }

    @Test("a site with tens of thousands of distinct terms finds each of them, in every document that has it")
    func manyTerms() {
        // 20,000 distinct characters make some 20,000 bigrams: the builder's table of terms grows
        // several times while it is filled, and a term first seen early must still be found.
        let characters = (0..<20_000).map { Character(Unicode.Scalar(0x4E00 + UInt32($0))!) }
        let text = String(characters)
        let documents = (0..<3).map { SearchDocument(title: "第\($0)节", url: "2024/x/#\($0)", kind: "通知", text: $0 == 2 ? "abc123 " + text : text) }
        let shards = shardText(build([("通知", 2024, documents)]))
        for index in [0, 1, 9_999, 19_998] {
            let bigram = String(characters[index]) + String(characters[index + 1])
            #expect(postings(shards, bigram).df == 3, "\(bigram)")
        }
        #expect(postings(shards, "abc123").df == 1)
    }

    @Test("fragments close at their target size or at 64 documents, and their documents' ids name them")
    func fragments() {
        let short = (0..<100).map { SearchDocument(title: "第\($0)项", url: "2024/x/#\($0)", kind: "材料", text: "提交证书") }
        let long = (0..<12).map { SearchDocument(title: "第\($0)节", url: "2024/x/#s\($0)", kind: "通知", text: String(repeating: "继续教育学时", count: 200)) }
        let files = build([("通知", 2024, short + long)])
        let fragments = files.keys.filter { $0.hasPrefix("search/d/") }.sorted { $0.count != $1.count ? $0.count < $1.count : $0 < $1 }
        let rows = fragments.map { path -> [[String]] in
            let text = SearchIndexBuilder.unpackFile(files[path]!)!
            #expect(text.utf8.count < SearchIndexBuilder.targetFragmentBytes + 3_000, "\(path)")
            return (try! JSONSerialization.jsonObject(with: Data(text.utf8)) as! [[String]])
        }
        #expect(rows.allSatisfy { $0[0] == ["通知", "2024/x/", "2024"] && $0.count - 1 <= SearchIndexBuilder.fragmentCapacity })
        #expect(rows[0].count - 1 == 64 && rows[1].count - 1 == 36 + 2)
        #expect(rows.flatMap { $0.dropFirst().map { $0[0] } } == (short + long).map(\.title))
        // 继续 is in the long documents only: the first is the 37th of fragment 1, then three to a fragment.
        let ids = postings(shardText(files), "继续").ids.map(\.id)
        #expect(ids.first == SearchIndexBuilder.fragmentCapacity + 36)
        #expect(ids.allSatisfy { $0 % SearchIndexBuilder.fragmentCapacity < 39 })
    }

    @Test("a fragment stores titles and addresses after its notice's")
    func shortTitlesAndAddresses() {
        let notice = SearchNotice(title: "2024年度通知", url: "2024/x/", year: 2024, series: [], specialties: [])
        #expect(SearchIndexBuilder.shortTitle("2024年度通知", notice: notice) == "")
        #expect(SearchIndexBuilder.shortTitle("2024年度通知 › 15.继续教育", notice: notice) == "› 15.继续教育")
        #expect(SearchIndexBuilder.shortTitle("材料：学历证书", notice: notice) == "材料：学历证书")
        #expect(SearchIndexBuilder.shortURL("2024/x/#15继续教育", notice: notice) == "#15继续教育")
        #expect(SearchIndexBuilder.shortURL("2024/x/checklist/fugao/#item-3", notice: notice) == "checklist/fugao/#item-3")
        #expect(SearchIndexBuilder.shortURL("series/gongcheng/", notice: notice) == "/series/gongcheng/")
        // A mark right after the notice's title joins its last character: not a section of the notice.
        #expect(SearchIndexBuilder.shortTitle("2024年度通知 ›\u{301} 继续教育", notice: notice) == "2024年度通知 ›\u{301} 继续教育")
        #expect(SearchIndexBuilder.shortTitle("2024年度通知 › \u{301}继续教育", notice: notice) == "2024年度通知 › \u{301}继续教育")
    }

    @Test("packing is raw deflate of UTF-8 or UTF-16 in base 85, a plain script string, and comes back")
    func packing() {
        // A long text of characters that hardly repeat: several blocks, some kept as they are.
        var state: UInt32 = 12_345
        let scattered = String(String.UnicodeScalarView((0..<60_000).map { _ in
            state = state &* 1_103_515_245 &+ 12_345
            return Unicode.Scalar(0x4E00 + (state >> 8) % 0x5000)!
        }))
        for text in ["继续教育", "{\"a\":1}", String(repeating: "{\"评审\":[3,-1,17,33]}", count: 500), "𠀀𠀁 ＱＱ群", scattered] {
            for wide in [false, true] {
                let packed = SearchIndexBuilder.pack(text, wide: wide)
                #expect(!packed.contains("\"") && !packed.contains("\\") && !packed.contains("<"))
                #expect(SearchIndexBuilder.unpack(packed, wide: wide) == text)
            }
        }
        #expect(SearchIndexBuilder.pack(String(repeating: "继续教育", count: 1000), wide: true).utf8.count < 200)
        #expect(SearchIndexBuilder.digits.count == 85)
        for count in 0..<10 {
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 * 97 + 255) }
            let text = SearchIndexBuilder.base85(bytes)
            #expect(text.utf8.count == count / 4 * 5 + (count % 4 == 0 ? 0 : count % 4 + 1))
            #expect(SearchIndexBuilder.fromBase85(text) == bytes)
        }
        // The bytes of libdeflate's level 6 (Debian's 1.14): the packed index stays the same bytes
        // from build to build and release to release.
        #expect(SearchIndexBuilder.pack(#"{"继续":[2,-1,17,33],"ab":[1,5]}"#, wide: false) == "a-jXePqvAqKZ/~zVPJ?WN^cVCV6hErX[78MaR46PAWqrE")
        #expect(SearchIndexBuilder.pack(##"[["2024年度通知","2024/x/","2024"],["› 15.继续教育","#15继续教育","通知","继续教育学时"]]"##, wide: true)
                == "Un?l`Bp~2o7WY[L7WcImF@I[LrO*q@S2E.K=(xT2;y5pX-sw;-,]xy)RlgYRS59Mxh}8QSNlrbv0JgUyh;vuC*md}(K(tpAXx1|RHUx5")
        #expect(SearchIndexBuilder.base85([255, 255, 255, 255]).utf8.count == 5)
        #expect(SearchIndexBuilder.fromBase85(SearchIndexBuilder.base85([255, 255, 255, 255])) == [255, 255, 255, 255])
    }

    @Test("each document's terms carry their count (at most 7) and whether the title has them, however many terms it has")
    func termCounts() {
        // Three thousand distinct bigrams, far more than the counting table starts with.
        let many = String(String.UnicodeScalarView((0..<3_000).map { Unicode.Scalar(0x4E00 + $0 * 5)! }))
        let documents = [
            SearchDocument(title: "继续教育", url: "a", kind: "通知", text: many + "，继续" + String(repeating: "，继续教育", count: 8) + " qq qq"),
            SearchDocument(title: "评审费", url: "b", kind: "要点", text: "评审费700元"),
        ]
        let notice = SearchNotice(title: "通知", url: "2024/x/", year: 2024, series: [], specialties: [])
        let analysed = SearchIndexBuilder.analyse(notice, documents: documents, noticeIndex: 0)
        #expect(analysed.documentTerms.map(\.local) == [0, 1])
        for (document, (_, terms)) in zip(documents, analysed.documentTerms) {
            let title = SearchTokenizer.termCounts(document.title), text = SearchTokenizer.termCounts(document.text)
            var expected: [Term: UInt32] = [:]
            for (term, count) in title.merging(text, uniquingKeysWith: +) {
                expected[term] = (title[term] == nil ? 0 : 8) | UInt32(min(count, 7))
            }
            #expect(Dictionary(uniqueKeysWithValues: terms) == expected)
        }
        // 继续: in the title, and ten times in all.
        let flags = Dictionary(uniqueKeysWithValues: analysed.documentTerms[0].terms)
        let jixu: UInt32 = 8 | 7, qq: UInt32 = 2
        #expect(flags[.han(0x7EE7 << 32 | 0x7EED)] == jixu)
        #expect(flags[.word("qq")] == qq)
    }

    @Test("the same documents give the same files")
    func deterministic() {
        let documents = [SearchDocument(title: "评审费", url: "a", kind: "要点", text: "高级工程师每人700元、工程师每人400元")]
        #expect(build([("一", 2024, documents)]) == build([("一", 2024, documents)]))
    }
}
