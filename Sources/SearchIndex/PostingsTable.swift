/// The index's postings by term, as the builder fills them: one lookup for every term of every
/// document of the site.
///
/// Han terms are found in an open-addressed table of their packed scalars (a multiplication and a
/// shift), as `TermTally` counts them; a `[Term: TermPostings]` seeded and ran SipHash for every
/// lookup, and that hashing was about a twentieth of a build (docs/benchmark.md). Latin words,
/// far fewer, keep a dictionary. Order of iteration is the order terms first came.
struct PostingsTable {
    /// Packed Han terms by slot; 0 is an empty slot (a Han term's first scalar is never 0).
    private var keys: [UInt64]
    /// Where each slot's list is in `lists`.
    private var places: [Int32]
    private var shift: UInt64
    private var words: [String: Int] = [:]
    private(set) var terms: [Term] = []
    private(set) var lists: [SearchIndexBuilder.TermPostings] = []

    init() {
        keys = [UInt64](repeating: 0, count: 1 << 14)
        places = [Int32](repeating: 0, count: 1 << 14)
        shift = 64 - 14
    }

    var count: Int { terms.count }

    /// Adds a posting to the term's list, making the list when the term is new.
    mutating func add(_ term: Term, _ posting: UInt32) {
        let place: Int
        switch term {
        case let .han(packed): place = hanPlace(packed)
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

    private mutating func hanPlace(_ packed: UInt64) -> Int {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (packed &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let key = keys[slot]
            if key == packed { return Int(places[slot]) }
            if key == 0 { break }
            slot = (slot + 1) & mask
        }
        let place = newList(.han(packed))
        keys[slot] = packed
        places[slot] = Int32(place)
        // At most half full, so a probe ends soon.
        if hanCount * 2 > keys.count { grow() }
        return place
    }

    private var hanCount = 0

    private mutating func newList(_ term: Term) -> Int {
        if case .han = term { hanCount += 1 }
        terms.append(term)
        lists.append(SearchIndexBuilder.TermPostings())
        return terms.count - 1
    }

    private mutating func grow() {
        let size = keys.count * 2
        keys = [UInt64](repeating: 0, count: size)
        places = [Int32](repeating: 0, count: size)
        shift -= 1
        let mask = size - 1
        for (place, term) in terms.enumerated() {
            guard case let .han(packed) = term else { continue }
            var slot = Int(truncatingIfNeeded: (packed &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = packed
            places[slot] = Int32(place)
        }
    }
}
