/// The index's postings by term, as the builder fills them: one lookup for every term of every
/// document of the site. Han terms are found with a `HanTermIndex` (a `[Term: TermPostings]` ran
/// SipHash for every posting, docs/benchmark.md); Latin words, far fewer, keep a dictionary.
/// Iteration is in the order terms first came.
struct PostingsTable {
    private var han = HanTermIndex(sizeBits: 14)
    /// Each Han term's place in `terms` and `lists`, by its place in `han`.
    private var hanPlaces: [Int] = []
    private var words: [String: Int] = [:]
    private(set) var terms: [Term] = []
    private(set) var lists: [SearchIndexBuilder.TermPostings] = []

    var count: Int { terms.count }

    /// Adds a posting to the term's list, making the list when the term is new.
    mutating func add(_ term: Term, _ posting: UInt32) {
        let place: Int
        switch term {
        case let .han(packed):
            let found = han.place(of: packed)
            if found.isNew { hanPlaces.append(newList(term)) }
            place = hanPlaces[found.place]
        case let .word(word):
            if let known = words[word] {
                place = known
            } else {
                place = newList(term)
                words[word] = place
            }
        }
        lists[place].add(posting)
    }

    private mutating func newList(_ term: Term) -> Int {
        terms.append(term)
        lists.append(SearchIndexBuilder.TermPostings())
        return terms.count - 1
    }
}
