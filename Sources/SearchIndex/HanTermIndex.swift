/// Packed Han terms (`Term.han`) numbered in the order they first came, found in an open-addressed
/// table by a multiplication and a shift: what `TermTally` (a document's term counts) and
/// `PostingsTable` (the site's postings) both look terms up with. A `Dictionary` keyed by `Term`
/// seeded and ran SipHash for every lookup, about a fifth of the search analysis and a twentieth
/// of a build (docs/benchmark.md).
struct HanTermIndex {
    /// Packed terms by slot; 0 is an empty slot (a Han term's first scalar is never 0).
    private var keys: [UInt64]
    /// Each slot's place in `terms`.
    private var places: [Int32]
    private var shift: UInt64
    /// The slot of each term, so emptying costs as much as the terms, not the table.
    private var slots: [Int] = []
    /// The terms in the order they first came: a term's place is its position here.
    private(set) var terms: [UInt64] = []

    /// A table of `1 << sizeBits` slots to start with; it doubles when half full.
    init(sizeBits: Int) {
        keys = [UInt64](repeating: 0, count: 1 << sizeBits)
        places = [Int32](repeating: 0, count: 1 << sizeBits)
        shift = UInt64(64 - sizeBits)
    }

    /// The place of `packed`, and whether it is new (then it has just been given the next place).
    mutating func place(of packed: UInt64) -> (place: Int, isNew: Bool) {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (packed &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let key = keys[slot]
            if key == packed { return (Int(places[slot]), false) }
            if key == 0 { break }
            slot = (slot + 1) & mask
        }
        let place = terms.count
        keys[slot] = packed
        places[slot] = Int32(place)
        slots.append(slot)
        terms.append(packed)
        // At most half full, so a probe ends soon.
        if terms.count * 2 > keys.count { grow() }
        return (place, true)
    }

    /// Forgets every term, keeping the table's size.
    mutating func removeAll() {
        for slot in slots { keys[slot] = 0 }
        slots.removeAll(keepingCapacity: true)
        terms.removeAll(keepingCapacity: true)
    }

    private mutating func grow() {
        let size = keys.count * 2
        keys = [UInt64](repeating: 0, count: size)
        places = [Int32](repeating: 0, count: size)
        shift -= 1
        let mask = size - 1
        for (place, packed) in terms.enumerated() {
            var slot = Int(truncatingIfNeeded: (packed &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = packed
            places[slot] = Int32(place)
            slots[place] = slot
        }
    }
}
