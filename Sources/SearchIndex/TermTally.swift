/// A document's terms with a count each, emptied and refilled for every document of a notice.
///
/// Han terms (most of a Chinese text's) are found with a `HanTermIndex`; a `[Term: UInt32]` ran
/// SipHash for every occurrence (docs/benchmark.md). Latin words, far fewer, keep a dictionary.
struct TermTally {
    private var han = HanTermIndex(sizeBits: 10)
    /// Each Han term's count, by its place in `han`.
    private var counts: [UInt32] = []
    private var words: [String: UInt32] = [:]

    /// Adds one occurrence of `term`; a term not seen yet starts from `initial`.
    mutating func add(_ term: Term, startingAt initial: UInt32) {
        switch term {
        case let .han(packed):
            let (place, isNew) = han.place(of: packed)
            if isNew { counts.append(initial + 1) } else { counts[place] += 1 }
        case let .word(word): words[word, default: initial] += 1
        }
    }

    /// Forgets every term, keeping the table's size for the next document.
    mutating func removeAll() {
        han.removeAll()
        counts.removeAll(keepingCapacity: true)
        words.removeAll(keepingCapacity: true)
    }

    /// Each term with its count: Han terms in the order they first came, then the words.
    func map<Result>(_ transform: (Term, UInt32) -> Result) -> [Result] {
        var results: [Result] = []
        results.reserveCapacity(counts.count + words.count)
        for (place, packed) in han.terms.enumerated() { results.append(transform(.han(packed), counts[place])) }
        for (word, count) in words { results.append(transform(.word(word), count)) }
        return results
    }
}
