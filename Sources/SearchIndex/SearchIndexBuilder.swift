import Foundation

/// A notice as search results show it and filters select it.
public struct SearchNotice: Sendable {
    public var title: String
    public var url: String
    public var year: Int
    public var series: [String]
    public var specialties: [String]

    public init(title: String, url: String, year: Int, series: [String], specialties: [String]) {
        self.title = title
        self.url = url
        self.year = year
        self.series = series
        self.specialties = specialties
    }
}

/// One thing a search can find: a section of a notice, a checklist item, a template, a calculator.
public struct SearchDocument: Sendable {
    public var title: String
    /// Site-relative address with its anchor, e.g. `2024/meitan-aksu/#15继续教育`.
    public var url: String
    /// What it is, shown beside the result: 通知, 要点, 材料, 模板, 计算器.
    public var kind: String
    public var text: String

    public init(title: String, url: String, kind: String, text: String) {
        self.title = title
        self.url = url
        self.kind = kind
        self.text = text
    }
}

/// The series and specialties offered as filters.
public struct SearchTaxonomy: Sendable {
    public struct Series: Sendable {
        public var id: String
        public var name: String
        public var specialties: [(id: String, name: String)]

        public init(id: String, name: String, specialties: [(id: String, name: String)]) {
            self.id = id
            self.name = name
            self.specialties = specialties
        }
    }

    public var series: [Series]

    public init(series: [Series]) {
        self.series = series
    }
}

/// Builds the static search index: classic `.js` files that register data on `window.NBSearch`,
/// loaded by script tags (no fetch, so it works from file://), split into shards that a query
/// loads only as its terms need them.
///
/// Layout (see README, "Search"): `search/meta.js` (meta: shard count, pinyin syllables, filters),
/// `search/t/N.js` (term shards), `search/d/NOTICE-CHUNK.js` (documents, 16 per file),
/// `search/n/K.js` (notice titles, 64 per file), `search/f.js` (filter data, loaded on first use).
public struct SearchIndexBuilder {
    /// Document ids are `notice × stride + position`, so a document names its notice without a table.
    public static let idStride = 1024
    public static let documentsPerChunk = 16
    public static let noticesPerChunk = 64
    /// Postings kept per term: the best documents by title hit, frequency and recency. A term in
    /// more documents than this (申报, 材料) still narrows a query through its rarer companions.
    public static let postingsCap = 400
    /// Alternatives kept per pinyin or initials key, the most frequent in the corpus first.
    public static let alternativesCap = 40
    static let targetShardBytes = 16_000

    struct Posting {
        var document: Int
        var title: Bool
        var frequency: Int
    }

    private let taxonomy: SearchTaxonomy
    private let pinyin: Pinyin
    private var notices: [SearchNotice] = []
    private var documents: [[SearchDocument]] = []
    private var postings: [String: [Posting]] = [:]
    /// Han strings (1–4 characters) reachable from a pinyin or initials key, with corpus counts.
    private var alternatives: [String: [String: Int]] = [:]

    public init(taxonomy: SearchTaxonomy, pinyin: Pinyin = Pinyin()) {
        self.taxonomy = taxonomy
        self.pinyin = pinyin
    }

    /// Adds a notice and its documents. Call newest notice first: ids then rank recency for free.
    public mutating func add(_ notice: SearchNotice, documents: [SearchDocument]) {
        let noticeIndex = notices.count
        notices.append(notice)
        let kept = Array(documents.prefix(Self.idStride))
        self.documents.append(kept)
        for (position, document) in kept.enumerated() {
            let id = noticeIndex * Self.idStride + position
            let titleTerms = SearchTokenizer.terms(document.title)
            var counts = SearchTokenizer.terms(document.text)
            for (term, count) in titleTerms { counts[term, default: 0] += count }
            for (term, count) in counts {
                postings[term, default: []].append(Posting(document: id, title: titleTerms[term] != nil, frequency: count))
            }
            collectPinyin(document.title + "\n" + document.text)
        }
    }

    private mutating func collectPinyin(_ text: String) {
        for case let .han(characters) in SearchTokenizer.runs(text) {
            let readings = characters.map { pinyin.readings($0) }
            for start in characters.indices {
                for length in 1...4 where start + length <= characters.count {
                    let options = readings[start..<start + length]
                    guard options.allSatisfy({ !$0.isEmpty }) else { continue }
                    let gram = String(characters[start..<start + length])
                    // Every combination of readings (two at most per character, so four for a bigram).
                    var spellings = [[String]()]
                    for choices in options { spellings = spellings.flatMap { prefix in choices.map { prefix + [$0] } } }
                    if length <= 2 {
                        for parts in spellings { alternatives["p:" + parts.joined(), default: [:]][gram, default: 0] += 1 }
                    }
                    if length >= 2 {
                        for initials in Set(spellings.map { String($0.map { $0.first! }) }) {
                            alternatives["i:" + initials, default: [:]][gram, default: 0] += 1
                        }
                    }
                }
            }
        }
    }

    /// The index files, path (relative to the site root) → contents, in a stable order.
    public func files() -> [(path: String, contents: String)] {
        var entries: [String: String] = [:]
        for (term, list) in postings { entries[term] = encodePostings(list) }
        for (key, grams) in alternatives {
            let best = grams.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(Self.alternativesCap).map(\.key)
            entries[key] = Self.json(best)
        }
        let totalBytes = entries.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count + 4 }
        let shardCount = max(1, Int((Double(totalBytes) / Double(Self.targetShardBytes)).rounded()))
        var shards = [[(String, String)]](repeating: [], count: shardCount)
        for (term, value) in entries { shards[Int(Self.fnv1a(term) % UInt32(shardCount))].append((term, value)) }

        var files: [(String, String)] = []
        files.append(("search/meta.js", meta(shardCount: shardCount)))
        for (index, shard) in shards.enumerated() {
            let body = shard.sorted { $0.0 < $1.0 }.map { "\(Self.json($0.0)):\($0.1)" }.joined(separator: ",")
            files.append(("search/t/\(index).js", "NBSearch.shard(\(index),{\(body)});\n"))
        }
        for (noticeIndex, list) in documents.enumerated() {
            for chunk in stride(from: 0, to: list.count, by: Self.documentsPerChunk) {
                let rows = list[chunk..<min(list.count, chunk + Self.documentsPerChunk)].map { document in
                    Self.json([document.title, document.url, document.kind, String(document.text.prefix(2000))])
                }
                let name = "\(noticeIndex)-\(chunk / Self.documentsPerChunk)"
                files.append(("search/d/\(name).js", "NBSearch.docs(\"\(name)\",[\(rows.joined(separator: ","))]);\n"))
            }
        }
        for chunk in stride(from: 0, to: notices.count, by: Self.noticesPerChunk) {
            let rows = notices[chunk..<min(notices.count, chunk + Self.noticesPerChunk)].map { Self.json([$0.title, $0.url, "\($0.year)"]) }
            files.append(("search/n/\(chunk / Self.noticesPerChunk).js", "NBSearch.notices(\(chunk / Self.noticesPerChunk),[\(rows.joined(separator: ","))]);\n"))
        }
        files.append(("search/f.js", filters()))
        return files
    }

    /// `[df, …]` then each kept posting as `(id − previous id) × 16 + title × 8 + min(frequency, 7)`.
    private func encodePostings(_ list: [Posting]) -> String {
        let kept = list.count <= Self.postingsCap ? list : Array(list.sorted {
            let a = ($0.title ? 8 : 0) + min($0.frequency, 7), b = ($1.title ? 8 : 0) + min($1.frequency, 7)
            return a != b ? a > b : $0.document < $1.document
        }.prefix(Self.postingsCap))
        var previous = 0
        var numbers = [list.count]
        for posting in kept.sorted(by: { $0.document < $1.document }) {
            numbers.append((posting.document - previous) * 16 + (posting.title ? 8 : 0) + min(posting.frequency, 7))
            previous = posting.document
        }
        return "[" + numbers.map(String.init).joined(separator: ",") + "]"
    }

    private func meta(shardCount: Int) -> String {
        let years = Array(Set(notices.map(\.year))).sorted(by: >)
        let series: [[String: Any]] = taxonomy.series.map { series in
            ["id": series.id, "name": series.name, "specialties": series.specialties.map { ["id": $0.id, "name": $0.name] }]
        }
        let object: [String: Any] = [
            "version": 1, "shards": shardCount, "stride": Self.idStride, "chunk": Self.documentsPerChunk,
            "noticeChunk": Self.noticesPerChunk, "notices": notices.count, "years": years, "series": series,
            "syllables": pinyin.knownSyllables,
        ]
        return "window.NBSearch=window.NBSearch||{};NBSearch.meta=\(Self.json(object));\n"
    }

    /// Per notice: its year, its series and its specialties (`series/specialty`), for the filters.
    private func filters() -> String {
        let rows = notices.map { Self.json([["\($0.year)"], $0.series, $0.specialties]) }
        return "NBSearch.filterData([\(rows.joined(separator: ","))]);\n"
    }

    static func json(_ value: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes])) ?? Data("null".utf8)
        // U+2028 and U+2029 end a line in older JavaScript engines; keep them escaped.
        return String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "\u{2028}", with: "\\u2028").replacingOccurrences(of: "\u{2029}", with: "\\u2029")
    }

    /// 32-bit FNV-1a of the UTF-8 bytes: the browser computes the same to find a term's shard.
    public static func fnv1a(_ text: String) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return hash
    }
}
