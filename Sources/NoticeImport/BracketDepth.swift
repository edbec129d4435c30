/// How deep a left-to-right scan is inside brackets and quotes: a comma or full stop inside
/// （…）, 《…》 or “…” does not end a clause, a title or an item.
struct BracketDepth {
    private(set) var level = 0

    /// Takes in the next character; call before asking `isOutside` about it.
    mutating func enter(_ character: Character) {
        if "（(《“【[".contains(character) {
            level += 1
        } else if "）)》”】]".contains(character) {
            level = max(0, level - 1)
        }
    }

    var isOutside: Bool { level == 0 }
}
