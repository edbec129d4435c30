import Foundation
import Support

/// A notice as search results show it and filters select it.
public struct SearchNotice: Sendable {
    public var title: String
    public var url: String
    public var year: Int
    public var series: [String]
    public var specialties: [String]
    /// Names a reader may search for (its levels, timeline labels, checklist sections, template
    /// kinds): a search that finds nothing suggests the closest of these, across all notices.
    public var terms: [String]

    public init(title: String, url: String, year: Int, series: [String], specialties: [String], terms: [String] = []) {
        self.title = title
        self.url = url
        self.year = year
        self.series = series
        self.specialties = specialties
        self.terms = terms
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
/// Layout (see docs/search.md): `search/meta.js` (shard count, pinyin syllables, filters,
/// document count, the suggestion vocabulary with its pinyin),
/// `search/t/N.js` (term shards), `search/d/NOTICE-CHUNK.js` (documents, 16 per file, written as
/// each notice is added), `search/n/K.js` (notice titles, 16 per file), `search/f.js` (filter
/// data, loaded on first use).
///
/// Shard keys: a Han bigram or a lone Han character, or a Latin word → postings `[df, …]`;
/// `u:字` → the bigrams containing that character; `p:pinyin` → the characters (one syllable) or
/// bigrams (two syllables) read that way; `i:ab` → the bigrams with those initials. Longer pinyin
/// and initials are matched in the browser by chaining bigrams that overlap.
public struct SearchIndexBuilder {
    /// Document ids are `notice × idStride + position`, so a document names its notice without a table.
    public static let idStride = 1024
    /// Documents per file. A result page loads the file of each result shown, so fewer documents
    /// per file load fewer bytes, and more make fewer files to write (each file is an inode, which on
    /// this disk costs more than its bytes); sixteen weighs the two (docs/benchmark.md).
    public static let documentsPerChunk = 16
    public static let noticesPerChunk = 16
    /// Postings kept per term: the best documents by title hit, frequency and recency. A term in
    /// more documents than this (申报, 材料) still narrows a query through its rarer companions.
    public static let postingsCap = 400
    /// Alternatives kept per `u:`, `p:` or `i:` key, the most widespread in the corpus first.
    public static let alternativesCap = 40
    static let targetShardBytes = 8_000
    /// Suggestion terms written into meta.js, the most used first: meta.js is loaded by every search.
    public static let vocabularyCap = 200
    /// Characters of a document's text kept for showing the passage that matched.
    public static let storedTextLength = 800

    /// A term's postings: how many documents have it, and the best of them packed as
    /// `id << 4 | title << 3 | min(frequency, 7)`, in id order.
    struct TermPostings {
        var documentCount = 0
        var kept: [UInt32] = []

        static func impact(_ packed: UInt32) -> UInt32 { packed & 15 }

        mutating func add(_ packed: UInt32) {
            documentCount += 1
            kept.append(packed)
            // Pruned in batches: keep the most telling postings, the newer (smaller id) on a tie.
            if kept.count >= SearchIndexBuilder.postingsCap * 2 { prune() }
        }

        mutating func prune() {
            guard kept.count > SearchIndexBuilder.postingsCap else { return }
            kept = Array(kept.sorted { Self.impact($0) != Self.impact($1) ? Self.impact($0) > Self.impact($1) : $0 < $1 }
                .prefix(SearchIndexBuilder.postingsCap)).sorted()
        }
    }

    private let taxonomy: SearchTaxonomy
    private let pinyin: Pinyin
    private var notices: [SearchNotice] = []
    private var postings: [Term: TermPostings] = [:]
    /// Documents added, for the browser's weighting of rare terms over common ones.
    private var documentCount = 0

    public init(taxonomy: SearchTaxonomy, pinyin: Pinyin = Pinyin()) {
        self.taxonomy = taxonomy
        self.pinyin = pinyin
        Pinyin.prepareInBackground()
    }

    /// A notice's documents analysed for the index: each document's terms with its packed
    /// title flag and frequency, and the document files to write. Made on any thread
    /// (`analyse`), added to the builder in notice order (`add(_:)`).
    public struct AnalysedNotice: Sendable {
        public var notice: SearchNotice
        /// Per document, in order: (term, title << 3 | min(frequency, 7)).
        var documentTerms: [[(Term, UInt32)]]
        public var files: [(path: String, contents: String)]
    }

    /// Tokenises a notice's documents and writes its document files; `noticeIndex` is the
    /// position the notice will have (the count of notices added before it).
    public static func analyse(_ notice: SearchNotice, documents: [SearchDocument], noticeIndex: Int) -> AnalysedNotice {
        let kept = Array(documents.prefix(Self.idStride))
        var documentTerms: [[(Term, UInt32)]] = []
        documentTerms.reserveCapacity(kept.count)
        // One table for title and text, emptied but not shrunk between documents: a term's
        // occurrences in both, with `titleFlag` set when the title has it (title terms are counted
        // first, starting from the flag). Two tables merged cost a second hashing of every term.
        let titleFlag: UInt32 = 1 << 31
        var counts: [Term: UInt32] = [:]
        for document in kept {
            counts.removeAll(keepingCapacity: true)
            SearchTokenizer.forEachTerm(document.title) { counts[$0, default: titleFlag] += 1 }
            SearchTokenizer.forEachTerm(document.text) { counts[$0, default: 0] += 1 }
            documentTerms.append(counts.map { term, value in
                (term, (value & titleFlag != 0 ? 8 : 0) | min(value & ~titleFlag, 7))
            })
        }
        var files: [(String, String)] = []
        for chunk in stride(from: 0, to: kept.count, by: Self.documentsPerChunk) {
            var rows = ""
            for document in kept[chunk..<min(kept.count, chunk + Self.documentsPerChunk)] {
                if !rows.isEmpty { rows += "," }
                Self.json.appendArray([document.title, document.url, document.kind, Self.prefix(document.text, characters: Self.storedTextLength)], to: &rows)
            }
            let name = "\(noticeIndex)-\(chunk / Self.documentsPerChunk)"
            files.append(("search/d/\(name).js", "NBSearch.docs(\"\(name)\",[\(rows)]);\n"))
        }
        return AnalysedNotice(notice: notice, documentTerms: documentTerms, files: files)
    }

    /// Adds an analysed notice's postings. Add the newest notice first: smaller ids then mean newer
    /// notices, which ranking uses. Its files are the caller's to write.
    public mutating func add(_ analysed: AnalysedNotice) {
        let noticeIndex = notices.count
        notices.append(analysed.notice)
        documentCount += analysed.documentTerms.count
        for (position, terms) in analysed.documentTerms.enumerated() {
            let id = UInt32(noticeIndex * Self.idStride + position)
            for (term, packed) in terms {
                postings[term, default: TermPostings()].add(id << 4 | packed)
            }
        }
    }

    /// Adds a notice and its documents, and returns their document files to write now: the builder
    /// keeps only postings, so memory does not grow with the text.
    public mutating func add(_ notice: SearchNotice, documents: [SearchDocument]) -> [(path: String, contents: String)] {
        let analysed = Self.analyse(notice, documents: documents, noticeIndex: notices.count)
        add(analysed)
        return analysed.files
    }

    /// The remaining index files, path (relative to the site root) → contents, in a stable order.
    public func files() -> [(path: String, contents: String)] {
        // Keys are distinct (terms are Han or [a-z0-9], the others have a `x:` prefix) and each
        // shard is sorted below, so a list does what a dictionary did without hashing every key.
        var entries: [(key: String, value: String)] = []
        entries.reserveCapacity(postings.count * 2)
        for (term, list) in postings {
            var list = list
            list.prune()
            entries.append((term.text, encode(list)))
        }
        for (key, values) in alternatives() { entries.append((key, Self.json.encode(values))) }

        let totalBytes = entries.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count + 4 }
        let shardCount = max(1, Int((Double(totalBytes) / Double(Self.targetShardBytes)).rounded()))
        var shards = [[(String, String)]](repeating: [], count: shardCount)
        for (term, value) in entries { shards[Int(Self.fnv1a(term) % UInt32(shardCount))].append((term, value)) }

        var files: [(String, String)] = [("search/meta.js", meta(shardCount: shardCount))]
        for (index, shard) in shards.enumerated() {
            var body = ""
            for (term, value) in shard.sorted(by: { $0.0 < $1.0 }) {
                if !body.isEmpty { body += "," }
                Self.json.appendString(term, to: &body)
                body += ":"
                body += value
            }
            files.append(("search/t/\(index).js", "NBSearch.shard(\(index),{\(body)});\n"))
        }
        for chunk in stride(from: 0, to: notices.count, by: Self.noticesPerChunk) {
            let rows = notices[chunk..<min(notices.count, chunk + Self.noticesPerChunk)].map { Self.json.encode([$0.title, $0.url, "\($0.year)"] as [String]) }
            files.append(("search/n/\(chunk / Self.noticesPerChunk).js", "NBSearch.notices(\(chunk / Self.noticesPerChunk),[\(rows.joined(separator: ","))]);\n"))
        }
        files.append(("search/f.js", filters()))
        return files
    }

    /// `u:`, `p:` and `i:` keys from the distinct Han terms: work that grows with the vocabulary,
    /// not with the amount of text.
    private func alternatives() -> [String: [String]] {
        var grouped: [String: [(String, Int)]] = [:]
        // Readings by scalar, asked of `pinyin` once each: its cache is keyed by Character and
        // locked, and every character comes up in many bigrams.
        var readingsByScalar: [UInt32: [String]] = [:]
        func readings(_ scalar: Unicode.Scalar) -> [String] {
            if let known = readingsByScalar[scalar.value] { return known }
            let found = pinyin.readings(Character(scalar))
            readingsByScalar[scalar.value] = found
            return found
        }
        for (key, list) in postings {
            // A Han term's characters are its packed scalars (each Han scalar is a Character of its own).
            guard case let .han(packed) = key, let first = Unicode.Scalar(UInt32(packed >> 32)), SearchTokenizer.isHan(first) else { continue }
            let term = key.text
            let weight = list.documentCount
            guard let second = Unicode.Scalar(UInt32(packed & 0xFFFF_FFFF)), second.value != 0 else {
                for reading in readings(first) { grouped["p:" + reading, default: []].append((term, weight)) }
                continue
            }
            let characters = [Character(first), Character(second)]
            for character in Set(characters) { grouped["u:" + String(character), default: []].append((term, weight)) }
            let first2 = readings(first), second2 = readings(second)
            var initials = Set<String>()
            for a in first2 {
                for b in second2 {
                    grouped["p:" + a + b, default: []].append((term, weight))
                    initials.insert(String([a.first!, b.first!]))
                }
            }
            for key in initials { grouped["i:" + key, default: []].append((term, weight)) }
            // A character heard alone by pinyin: reachable from its syllable too.
            for (character, readings) in [(characters[0], first2), (characters[1], second2)] {
                for reading in readings { grouped["p:" + reading, default: []].append((String(character), weight)) }
            }
        }
        var result: [String: [String]] = [:]
        for (key, list) in grouped {
            var best: [String: Int] = [:]
            for (value, weight) in list { best[value] = max(best[value] ?? 0, weight) }
            result[key] = best.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .prefix(Self.alternativesCap).map(\.key)
        }
        return result
    }

    /// `[df, …]` then each kept posting as `(id − previous id) × 16 + title × 8 + min(frequency, 7)`.
    private func encode(_ list: TermPostings) -> String {
        // Digits into bytes: interpolating each number made a String per posting.
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        bytes.reserveCapacity(8 + list.kept.count * 6)
        JSONWriter.appendDecimal(UInt64(list.documentCount), to: &bytes)
        var previous: UInt32 = 0
        for packed in list.kept {
            let id = packed >> 4
            bytes.append(UInt8(ascii: ","))
            JSONWriter.appendDecimal(UInt64((id - previous) * 16 + (packed & 15)), to: &bytes)
            previous = id
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `String(text.prefix(count))` (the first `count` Characters), without breaking the whole
    /// prefix into grapheme clusters when it need not: when the first `count + 1` scalars are all
    /// ones that are a Character each whatever stands beside them, the first `count` Characters
    /// are the first `count` scalars. The (`count + 1`)th is checked because it could extend the
    /// one before it.
    static func prefix(_ text: String, characters count: Int) -> String {
        var scalars = 0
        var end = text.unicodeScalars.startIndex
        for scalar in text.unicodeScalars {
            guard isOwnCharacter(scalar) else { return String(text.prefix(count)) }
            if scalars == count { return String(text.unicodeScalars[..<end]) }
            scalars += 1
            end = text.unicodeScalars.index(after: end)
        }
        return text
    }

    /// Scalars that are a grapheme cluster of their own next to any other such scalar (Unicode
    /// grapheme break property Other or Control, none of them Extend, ZWJ, Prepend, SpacingMark,
    /// Regional Indicator, Hangul or an Indic conjunct part): ASCII but CR (CR LF is one
    /// Character), CJK ideographs, CJK symbols and punctuation up to U+3029 (U+302A–U+302F are
    /// combining marks), common general punctuation, full-width forms, and · × ÷ and no-break space.
    static func isOwnCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0D: return false
        case 0...0x7F, 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x3000...0x3029, 0x2010...0x2027, 0x2030...0x203B, 0xFF01...0xFF5E,
             0xA0, 0xB7, 0xD7, 0xF7: return true
        default: return false
        }
    }

    private func meta(shardCount: Int) -> String {
        let years = Array(Set(notices.map(\.year))).sorted(by: >)
        let series: [[String: Any]] = taxonomy.series.map { series in
            ["id": series.id, "name": series.name, "specialties": series.specialties.map { ["id": $0.id, "name": $0.name] }]
        }
        let object: [String: Any] = [
            "version": 2, "shards": shardCount, "stride": Self.idStride, "chunk": Self.documentsPerChunk,
            "noticeChunk": Self.noticesPerChunk, "notices": notices.count, "years": years, "series": series,
            "syllables": pinyin.knownSyllables, "documents": documentCount,
            "vocabulary": vocabulary().map { [$0, reading($0)] },
        ]
        return "window.NBSearch=window.NBSearch||{};NBSearch.meta=\(Self.json.encode(object));\n"
    }

    /// The suggestion terms: the series and specialty names, then every notice's `terms`, cut into
    /// pieces of Han text (`vocabularyPieces`), the ones in the most notices first.
    func vocabulary() -> [String] {
        var uses: [String: Int] = [:]
        var names = taxonomy.series.flatMap { [$0.name] + $0.specialties.map(\.name) }
        for notice in notices { names += Set(notice.terms.flatMap(Self.vocabularyPieces)) }
        for name in names { for piece in Self.vocabularyPieces(name) { uses[piece, default: 0] += 1 } }
        return uses.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(Self.vocabularyCap).map(\.key)
    }

    /// A label as terms a reader might type: bracketed asides removed ("专业技术水平答辩（腾讯会议）"),
    /// then the runs of two to eight Han characters between anything else ("科研/实践能力" → 科研,
    /// 实践能力). Longer runs are sentences, not names.
    public static func vocabularyPieces(_ label: String) -> [String] {
        var pieces: [String] = []
        var run = ""
        var depth = 0
        func end() {
            if (2...8).contains(run.count) && !pieces.contains(run) { pieces.append(run) }
            run = ""
        }
        for character in label {
            switch character {
            case "（", "(", "【", "[": depth += 1; end()
            case "）", ")", "】", "]": depth = max(0, depth - 1); end()
            default:
                guard depth == 0 else { continue }
                if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1, SearchTokenizer.isHan(scalar) {
                    run.append(character)
                } else {
                    end()
                }
            }
        }
        end()
        return pieces
    }

    /// A term's pinyin run together, as a reader types it: ICU's reading of each character, then,
    /// when a character has a common second reading (地质 is di, not de), the term read that way,
    /// after a space.
    func reading(_ term: String) -> String {
        let first = term.compactMap { pinyin.syllable($0) }.joined()
        let second = term.compactMap { Pinyin.otherReadings[$0] ?? pinyin.syllable($0) }.joined()
        return second == first ? first : first + " " + second
    }

    /// Per notice: its year, its series and its specialties (`series/specialty`), for the filters.
    private func filters() -> String {
        let rows = notices.map { notice in
            var row = "["
            Self.json.appendArray(["\(notice.year)"], to: &row)
            row += ","
            Self.json.appendArray(notice.series, to: &row)
            row += ","
            Self.json.appendArray(notice.specialties, to: &row)
            return row + "]"
        }
        return "NBSearch.filterData([\(rows.joined(separator: ","))]);\n"
    }

    /// The index's files are scripts: JSON in them has U+2028 and U+2029 escaped, which older
    /// JavaScript engines take for line ends inside a string.
    static let json = JSONWriter(.escapingLineSeparators)

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
