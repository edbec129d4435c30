import Foundation
import Support
import ZIPFoundation

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
/// document count, the words of the suggestion vocabulary), `search/v.js` (the vocabulary with
/// its pinyin, loaded to suggest),
/// `search/t/N.js` (term shards), `search/d/NOTICE-FRAGMENT.js` (a notice's documents, about 5 KB
/// of them to a file, with the notice's title, address and year; written as each notice is added),
/// `search/f.js` (filter data, loaded on first use). Shards and fragments are packed: JSON,
/// deflated and written in base 85 (`pack`), which search.js unpacks when a query first needs them.
///
/// Shard keys: a Han bigram or a lone Han character, or a Latin word → postings `[df, …]`;
/// `u:字` → the bigrams containing that character; `p:pinyin` → the characters (one syllable) or
/// bigrams (two syllables) read that way; `i:ab` → the bigrams with those initials. Longer pinyin
/// and initials are matched in the browser by chaining bigrams that overlap.
public struct SearchIndexBuilder {
    /// Document ids are `notice × idStride + fragment × fragmentCapacity + place in the fragment`,
    /// so a document names its notice and its file without a table. Ids and their four bits of
    /// title and frequency share a UInt32: up to 65,536 notices.
    public static let idStride = 4096
    /// Documents a fragment file holds at most: 64 fragments of 64 fill a notice's ids.
    public static let fragmentCapacity = 64
    /// Documents kept per notice.
    public static let maxDocuments = 1024
    /// A fragment file is closed once its documents come to this many bytes of JSON (or a
    /// sixteenth of the notice's, for a very long notice). A result page loads the fragment of each
    /// result shown, so smaller fragments load fewer bytes, and larger ones compress better and
    /// make fewer files; about 5 KB (some 2.5 KB packed) weighs the two (docs/search.md).
    public static let targetFragmentBytes = 5_000
    /// Postings kept per term: the best documents by title hit, frequency and recency. A term in
    /// more documents than this (申报, 材料) still narrows a query through its rarer companions.
    public static let postingsCap = 400
    /// Alternatives kept per `u:`, `p:` or `i:` key, the most widespread in the corpus first.
    public static let alternativesCap = 40
    /// Bytes of JSON per term shard before packing (about a fifth of that once packed).
    static let targetShardBytes = 12_000
    /// Suggestion terms written into v.js, the most used first (their short ones into meta.js).
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
            // Ordered by impact (higher first), then id (smaller first), as one number each:
            // `(15 − impact) << 28 | id`. Sorting plain numbers instead of through a comparing
            // closure halved the sort, a fiftieth of a build (docs/benchmark.md).
            var order = kept.map { (15 - Self.impact($0)) << 28 | $0 >> 4 }
            order.sort()
            kept = order.prefix(SearchIndexBuilder.postingsCap).map { ($0 & 0x0FFF_FFFF) << 4 | (15 - $0 >> 28) }
            kept.sort()
        }
    }

    private let taxonomy: SearchTaxonomy
    private let pinyin: Pinyin
    private var notices: [SearchNotice] = []
    private var postings = PostingsTable()
    /// Documents added, for the browser's weighting of rare terms over common ones.
    private var documentCount = 0

    public init(taxonomy: SearchTaxonomy, pinyin: Pinyin = Pinyin()) {
        self.taxonomy = taxonomy
        self.pinyin = pinyin
    }

    /// A notice's documents analysed for the index: each document's terms with its packed
    /// title flag and frequency, and the document files to write. Made on any thread
    /// (`analyse`), added to the builder in notice order (`add(_:)`).
    public struct AnalysedNotice: Sendable {
        public var notice: SearchNotice
        /// Per document, in order: its id within the notice (fragment × fragmentCapacity + place)
        /// and its (term, title << 3 | min(frequency, 7)).
        var documentTerms: [(local: Int, terms: [(Term, UInt32)])]
        public var files: [(path: String, contents: String)]
    }

    /// Tokenises a notice's documents and writes its document files; `noticeIndex` is the
    /// position the notice will have (the count of notices added before it).
    public static func analyse(_ notice: SearchNotice, documents: [SearchDocument], noticeIndex: Int) -> AnalysedNotice {
        let fragments = Self.fragments(documents.prefix(Self.maxDocuments).map { document in
            var row = ""
            Self.json.appendArray([Self.shortTitle(document.title, notice: notice), Self.shortURL(document.url, notice: notice), document.kind,
                                   Self.prefix(document.text, characters: Self.storedTextLength)], to: &row)
            return row
        })
        var documentTerms: [(local: Int, terms: [(Term, UInt32)])] = []
        let kept = Array(documents.prefix(fragments.reduce(0) { $0 + $1.count }))
        documentTerms.reserveCapacity(kept.count)
        // One table for title and text, emptied but not shrunk between documents: a term's
        // occurrences in both, with `titleFlag` set when the title has it (title terms are counted
        // first, starting from the flag). Two tables merged cost a second hashing of every term.
        let titleFlag: UInt32 = 1 << 31
        var counts = TermTally()
        var position = 0
        for (fragment, rows) in fragments.enumerated() {
            for place in rows.indices {
                let document = kept[position]
                position += 1
                counts.removeAll()
                SearchTokenizer.forEachTerm(document.title) { counts.add($0, startingAt: titleFlag) }
                SearchTokenizer.forEachTerm(document.text) { counts.add($0, startingAt: 0) }
                documentTerms.append((fragment * Self.fragmentCapacity + place, counts.map { term, value in
                    (term, (value & titleFlag != 0 ? 8 : 0) | min(value & ~titleFlag, 7))
                }))
            }
        }
        // Each fragment names its notice first: a result shows the notice's title and year.
        var head = ""
        Self.json.appendArray([notice.title, notice.url, "\(notice.year)"], to: &head)
        let files = fragments.enumerated().map { fragment, rows -> (String, String) in
            let name = "\(noticeIndex)-\(fragment)"
            return ("search/d/\(name).js", "NBSearch.docs(\"\(name)\",\"\(Self.pack("[" + ([head] + rows).joined(separator: ",") + "]", wide: true))\");\n")
        }
        return AnalysedNotice(notice: notice, documentTerms: documentTerms, files: files)
    }

    /// A document's title as a fragment stores it, without its notice's title (which the fragment
    /// names first): "" for the notice's title itself, "› 15.继续教育" for a section's.
    static func shortTitle(_ title: String, notice: SearchNotice) -> String {
        let section = notice.title + " › "
        if let rest = rest(of: title, after: section) { return "› " + rest }
        if title == notice.title { return "" }
        return title.hasPrefix(section) ? "› " + title.dropFirst(section.count) : title
    }

    /// A document's address as a fragment stores it: after its notice's address ("#15继续教育",
    /// "checklist/#item-3"), or after a "/" when it is elsewhere.
    static func shortURL(_ url: String, notice: SearchNotice) -> String {
        if let rest = rest(of: url, after: notice.url) { return String(rest) }
        return url.hasPrefix(notice.url) ? String(url.dropFirst(notice.url.count)) : "/" + url
    }

    /// What `text.dropFirst(start.count)` gives when `text.hasPrefix(start)`, found by comparing
    /// UTF-8 bytes: when `text`'s bytes begin with `start`'s and the scalar after them is a
    /// Character of its own (`isOwnCharacter`, so it does not join `start`'s last Character).
    /// Nil when the bytes alone cannot tell; then the Character-wise comparison decides, which
    /// for Chinese text cost as much as the rest of writing a document's row (docs/benchmark.md).
    static func rest(of text: String, after start: String) -> Substring? {
        let bytes = text.utf8, startBytes = start.utf8
        guard bytes.count >= startBytes.count, bytes.starts(with: startBytes) else { return nil }
        let cut = bytes.index(bytes.startIndex, offsetBy: startBytes.count)
        guard cut == bytes.endIndex || isOwnCharacter(text.unicodeScalars[cut]) else { return nil }
        return text[cut...]
    }

    /// A notice's document rows cut into fragments, in order: a fragment is closed when its rows
    /// reach the target size or it holds `fragmentCapacity`. A notice too long for 64 fragments
    /// (far beyond any real one) loses its last documents.
    static func fragments(_ rows: [String]) -> [[String]] {
        let total = rows.reduce(0) { $0 + $1.utf8.count }
        let target = max(targetFragmentBytes, total / 16)
        var fragments: [[String]] = []
        var bytes = 0
        for row in rows {
            if fragments.isEmpty || (bytes >= target || fragments[fragments.count - 1].count == fragmentCapacity) {
                guard fragments.count < idStride / fragmentCapacity else { break }
                fragments.append([])
                bytes = 0
            }
            fragments[fragments.count - 1].append(row)
            bytes += row.utf8.count
        }
        return fragments
    }

    /// What search.js's `unpack` reads: the text as UTF-16LE (`wide`: Chinese text, which deflate
    /// packs some 6% tighter that way than as UTF-8) or UTF-8, deflated (raw, RFC 1951), in base 85.
    static func pack(_ text: String, wide: Bool) -> String {
        var text = text
        let packed: [UInt8]
        if wide {
            // Each UTF-16 code unit as two bytes, low first, written straight into one buffer (a
            // text has no more UTF-16 code units than UTF-8 bytes).
            let bytes = [UInt8](unsafeUninitializedCapacity: text.utf8.count * 2) { buffer, count in
                func put(_ unit: UInt16) {
                    buffer[count] = UInt8(truncatingIfNeeded: unit)
                    buffer[count + 1] = UInt8(truncatingIfNeeded: unit >> 8)
                    count += 2
                }
                for scalar in text.unicodeScalars {
                    if UTF16.width(scalar) == 1 {
                        put(UInt16(truncatingIfNeeded: scalar.value))
                    } else {
                        put(UTF16.leadSurrogate(scalar))
                        put(UTF16.trailSurrogate(scalar))
                    }
                }
            }
            packed = bytes.withUnsafeBytes(RawDeflate.deflate)
        } else {
            packed = text.withUTF8 { RawDeflate.deflate(UnsafeRawBufferPointer($0)) }
        }
        return base85(packed)
    }

    /// Base 85 digits: '(' to '~' without '<' (so no "</script>" in a handout) and backslash, so
    /// that packed data is a plain JavaScript string. 5 digits carry 4 bytes, where base64's 4 carry 3.
    static let digits: [UInt8] = (UInt8(0x28)...UInt8(0x7E)).filter { $0 != 0x3C && $0 != 0x5C }

    /// Four bytes as five digits, most significant first; a last group of n bytes as its first n + 1.
    static func base85(_ bytes: [UInt8]) -> String {
        let groups = (bytes.count + 3) / 4
        return String(unsafeUninitializedCapacity: groups * 5) { out in
            var written = 0
            digits.withUnsafeBufferPointer { digits in
                var start = 0
                while start < bytes.count {
                    let count = min(4, bytes.count - start)
                    var value: UInt32 = 0
                    for k in 0..<4 { value = value << 8 | (k < count ? UInt32(bytes[start + k]) : 0) }
                    // All five digits go in; a short last group keeps only its first count + 1.
                    for k in (0..<5).reversed() {
                        if k <= count { out[written + k] = digits[Int(value % 85)] }
                        value /= 85
                    }
                    written += count + 1
                    start += 4
                }
            }
            return written
        }
    }

    /// `base85` undone; nil for a character that is no digit or a lone last digit.
    static func fromBase85(_ text: String) -> [UInt8]? {
        var values = [Int](repeating: -1, count: 128)
        for (value, digit) in digits.enumerated() { values[Int(digit)] = value }
        let input = Array(text.utf8)
        guard input.count % 5 != 1 else { return nil }
        var out: [UInt8] = []
        for start in stride(from: 0, to: input.count, by: 5) {
            var value: UInt64 = 0
            for k in 0..<5 {
                guard start + k < input.count else { value = value * 85 + 84; continue }
                let byte = Int(input[start + k])
                guard byte < 128, values[byte] >= 0 else { return nil }
                value = value * 85 + UInt64(values[byte])
            }
            for k in 0..<min(4, input.count - start - 1) { out.append(UInt8((value >> (8 * (3 - k))) & 0xFF)) }
        }
        return out
    }

    /// `pack` undone (for tests and tools): nil when `packed` is not such data.
    public static func unpack(_ packed: String, wide: Bool) -> String? {
        guard let bytes = fromBase85(packed), !bytes.isEmpty else { return nil }
        let data = Data(bytes)
        var text = Data()
        do {
            // One chunk of input, as long as the data: ZIPFoundation tells zlib the chunk is `bufferSize` long.
            _ = try Data.decompress(size: Int64(data.count), bufferSize: data.count, skipCRC32: true,
                                    provider: { position, size in
                                        data.subdata(in: min(Int(position), data.count)..<min(Int(position) + size, data.count))
                                    },
                                    consumer: { text.append($0) })
        } catch { return nil }
        return String(data: text, encoding: wide ? .utf16LittleEndian : .utf8)
    }

    /// The packed data of an index file (`NBSearch.shard(N,"…")`, `NBSearch.docs("N-F","…")`), unpacked.
    public static func unpackFile(_ contents: String) -> String? {
        guard let end = contents.lastIndex(of: "\""), let start = contents[..<end].lastIndex(of: "\"") else { return nil }
        return unpack(String(contents[contents.index(after: start)..<end]), wide: contents.hasPrefix("NBSearch.docs("))
    }

    /// Adds an analysed notice's postings. Add the newest notice first: smaller ids then mean newer
    /// notices, which ranking uses. Its files are the caller's to write.
    public mutating func add(_ analysed: AnalysedNotice) {
        let noticeIndex = notices.count
        notices.append(analysed.notice)
        documentCount += analysed.documentTerms.count
        for (local, terms) in analysed.documentTerms {
            let id = UInt32(noticeIndex * Self.idStride + local)
            for (term, packed) in terms {
                postings.add(term, id << 4 | packed)
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
        // Pruning and encoding the lists, and sorting and packing the shards, on every core: done
        // on one thread, this step left the other core idle for a tenth of a build. The entries'
        // order does not matter (each shard is sorted), so the output is the same bytes.
        let lists = Array(zip(postings.terms, postings.lists))
        let chunk = max(1, (lists.count + 63) / 64)
        var entries: [(key: String, value: String)] = []
        entries.reserveCapacity(postings.count * 2)
        for part in Parallel.map((lists.count + chunk - 1) / chunk, { part -> [(key: String, value: String)] in
            lists[part * chunk..<min(lists.count, (part + 1) * chunk)].map { term, list in
                var list = list
                list.prune()
                return (term.text, Self.encode(list))
            }
        }) { entries += part }
        for (key, values) in alternatives() { entries.append((key, Self.json.encode(values))) }

        let totalBytes = entries.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count + 4 }
        let shardCount = max(1, Int((Double(totalBytes) / Double(Self.targetShardBytes)).rounded()))
        var shards = [[(String, String)]](repeating: [], count: shardCount)
        for (term, value) in entries { shards[Int(Self.fnv1a(term) % UInt32(shardCount))].append((term, value)) }

        let vocabularyTerms = vocabulary()
        var files: [(String, String)] = [("search/meta.js", meta(shardCount: shardCount, vocabulary: vocabularyTerms))]
        let filled = shards
        let packed = Parallel.map(shardCount) { index -> (String, String) in
            var body = ""
            for (term, value) in filled[index].sorted(by: { $0.0 < $1.0 }) {
                if !body.isEmpty { body += "," }
                Self.json.appendString(term, to: &body)
                body += ":"
                body += value
            }
            return ("search/t/\(index).js", "NBSearch.shard(\(index),\"\(Self.pack("{" + body + "}", wide: false))\");\n")
        }
        files += packed
        files.append(("search/f.js", filters()))
        files.append(("search/v.js", "NBSearch.vocabulary=\(Self.json.encode(vocabularyTerms.map { [$0, reading($0)] }));\n"))
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
        for (key, list) in zip(postings.terms, postings.lists) {
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

    /// `[df, …]` then the kept postings in id order, by notice: `−n` when the next posting is n
    /// notices on from the one before (from notice 0 for the first), then each posting of that
    /// notice as `(place − previous place) × 16 + title × 8 + min(frequency, 7)`, its place within
    /// the notice (fragment × 64 + place in the fragment) counted from 0 in each notice. Small
    /// numbers: ids across notices are thousands apart.
    private static func encode(_ list: TermPostings) -> String {
        // Digits into bytes: interpolating each number made a String per posting.
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        bytes.reserveCapacity(8 + list.kept.count * 4)
        JSONWriter.appendDecimal(UInt64(list.documentCount), to: &bytes)
        let stride = UInt32(Self.idStride)
        var notice: UInt32 = 0, place: UInt32 = 0
        for packed in list.kept {
            let id = packed >> 4
            if id / stride != notice {
                bytes.append(UInt8(ascii: ","))
                bytes.append(UInt8(ascii: "-"))
                JSONWriter.appendDecimal(UInt64(id / stride - notice), to: &bytes)
                notice = id / stride
                place = 0
            }
            bytes.append(UInt8(ascii: ","))
            JSONWriter.appendDecimal(UInt64((id % stride - place) * 16 + (packed & 15)), to: &bytes)
            place = id % stride
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
        // No more Characters than bytes.
        if text.utf8.count <= count { return text }
        var text = text
        // The scalars decoded from the bytes by hand: walking the UnicodeScalarView and its
        // indices cost more than the rest of writing a document's row (docs/benchmark.md).
        let end: Int? = text.withUTF8 { bytes in
            var offset = 0, scalars = 0
            while offset < bytes.count {
                let lead = bytes[offset]
                let width: Int, value: UInt32
                switch lead {
                case 0..<0x80: (width, value) = (1, UInt32(lead))
                case 0xC0..<0xE0: (width, value) = (2, UInt32(lead & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F))
                case 0xE0..<0xF0:
                    (width, value) = (3, UInt32(lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F))
                default: return nil // four bytes: none of them is a Character of its own
                }
                guard let scalar = Unicode.Scalar(value), isOwnCharacter(scalar) else { return nil }
                if scalars == count { return offset }
                scalars += 1
                offset += width
            }
            return bytes.count
        }
        guard let end else { return String(text.prefix(count)) }
        return end == text.utf8.count ? text : String(text[..<text.utf8.index(text.utf8.startIndex, offsetBy: end)])
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

    /// Suggestion terms of up to this many characters are words a typed phrase is cut into, and
    /// meta.js lists them (`words`); all of them, with their pinyin, are in `search/v.js`, loaded
    /// only to suggest.
    static let wordLength = 4

    private func meta(shardCount: Int, vocabulary: [String]) -> String {
        let years = Array(Set(notices.map(\.year))).sorted(by: >)
        let series: [[String: Any]] = taxonomy.series.map { series in
            ["id": series.id, "name": series.name, "specialties": series.specialties.map { ["id": $0.id, "name": $0.name] }]
        }
        let object: [String: Any] = [
            "version": 3, "shards": shardCount, "stride": Self.idStride, "chunk": Self.fragmentCapacity,
            "notices": notices.count, "years": years, "series": series,
            "syllables": pinyin.knownSyllables.joined(separator: " "), "documents": documentCount,
            "words": vocabulary.filter { $0.count <= Self.wordLength },
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
        // Each Character as its scalar, nil when it is more than one; a label of scalars that are
        // Characters of their own (nearly every label) is read by scalar, without breaking it into
        // Characters and comparing each with eight brackets as strings (docs/benchmark.md).
        if label.unicodeScalars.allSatisfy(isOwnCharacter) { return vocabularyPieces(of: label.unicodeScalars.lazy.map { $0 }) }
        return vocabularyPieces(of: label.lazy.map { $0.unicodeScalars.count == 1 ? $0.unicodeScalars.first : nil })
    }

    private static func vocabularyPieces(of characters: some Sequence<Unicode.Scalar?>) -> [String] {
        var pieces: [String] = []
        var run = ""
        var length = 0
        var depth = 0
        func end() {
            if (2...8).contains(length) && !pieces.contains(run) { pieces.append(run) }
            run = ""
            length = 0
        }
        for scalar in characters {
            switch scalar {
            case "（", "(", "【", "[": depth += 1; end()
            case "）", ")", "】", "]": depth = max(0, depth - 1); end()
            default:
                guard depth == 0 else { continue }
                if let scalar, SearchTokenizer.isHan(scalar) {
                    run.unicodeScalars.append(scalar)
                    length += 1
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
