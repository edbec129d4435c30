/// A document's terms with a count each, emptied and refilled for every document of a notice.
///
/// Han terms (most of a Chinese text's) are counted in an open-addressed table of their packed
/// scalars, found by a multiplication and a shift; a `[Term: UInt32]` seeded and ran SipHash for
/// every occurrence, and that hashing was about a fifth of the search analysis (docs/benchmark.md).
/// Latin words, far fewer, keep a dictionary.
struct TermTally {
    /// Packed Han terms by slot; 0 is an empty slot (a Han term's first scalar is never 0).
    private var keys: [UInt64]
    private var counts: [UInt32]
    /// The slots in use, in the order their terms first came, so emptying and walking cost as much
    /// as the document's terms, not the table.
    private var used: [Int] = []
    private var words: [String: UInt32] = [:]
    private var shift: UInt64

    init() {
        keys = [UInt64](repeating: 0, count: 1024)
        counts = [UInt32](repeating: 0, count: 1024)
        shift = 64 - 10
    }

    /// Adds one occurrence of `term`; a term not seen yet starts from `initial`.
    mutating func add(_ term: Term, startingAt initial: UInt32) {
        switch term {
        case let .han(packed): addHan(packed, startingAt: initial)
        case let .word(word): words[word, default: initial] += 1
        }
    }

    private mutating func addHan(_ packed: UInt64, startingAt initial: UInt32) {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (packed &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let key = keys[slot]
            if key == packed {
                counts[slot] += 1
                return
            }
            if key == 0 { break }
            slot = (slot + 1) & mask
        }
        keys[slot] = packed
        counts[slot] = initial + 1
        used.append(slot)
        // At most half full, so a probe ends soon.
        if used.count * 2 > keys.count { grow() }
    }

    private mutating func grow() {
        let entries = used.map { (keys[$0], counts[$0]) }
        let size = keys.count * 2
        keys = [UInt64](repeating: 0, count: size)
        counts = [UInt32](repeating: 0, count: size)
        shift -= 1
        used.removeAll(keepingCapacity: true)
        for (key, count) in entries { addHan(key, startingAt: count - 1) }
    }

    /// Forgets every term, keeping the table's size for the next document.
    mutating func removeAll() {
        for slot in used {
            keys[slot] = 0
        }
        used.removeAll(keepingCapacity: true)
        words.removeAll(keepingCapacity: true)
    }

    /// Each term with its count: Han terms in the order they first came, then the words.
    func map<Result>(_ transform: (Term, UInt32) -> Result) -> [Result] {
        var results: [Result] = []
        results.reserveCapacity(used.count + words.count)
        for slot in used { results.append(transform(.han(keys[slot]), counts[slot])) }
        for (word, count) in words { results.append(transform(.word(word), count)) }
        return results
    }
}
