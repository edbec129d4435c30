import OfficeMessages

/// What to say when notice.yml's `source: "#…"` names no heading of notice.md: almost always the
/// heading was renamed or renumbered after the data was written. The hint names the heading it
/// most likely meant and the anchor that heading has now, so the clerk can copy it.
public enum AnchorAdvice {
    /// The message and hint for `anchor` (without `#`), missing from the headings of `file`.
    public static func missing(_ anchor: String, headings: [Heading], file: String) -> (message: Message, hint: Message) {
        let message = Message("loading.anchor.notHeading", ["anchor": anchor, "file": file])
        guard let (heading, sameNumber) = likelyHeading(for: anchor, in: headings) else {
            return (message, Message("loading.anchor.howMade"))
        }
        let values = ["heading": heading.text, "anchor": heading.anchor]
        return (message, sameNumber ? Message("loading.anchor.renamed", values) : Message("loading.anchor.didYouMean", values))
    }

    /// The heading that now stands where the anchor pointed: one with the same number (`三` in
    /// `#三申报条件` → `三、申报材料`), the closest in wording among them when several share it;
    /// else the heading closest in wording, when it is close at all.
    static func likelyHeading(for anchor: String, in headings: [Heading]) -> (Heading, sameNumber: Bool)? {
        let number = numbering(of: anchor)
        if !number.isEmpty {
            let numbered = headings.filter { numbering(of: $0.anchor) == number }
            if let best = numbered.min(by: { distance(anchor, $0.anchor) < distance(anchor, $1.anchor) }) { return (best, true) }
        }
        guard let best = headings.min(by: { distance(anchor, $0.anchor) < distance(anchor, $1.anchor) }) else { return nil }
        return distance(anchor, best.anchor) <= max(2, anchor.count / 2) ? (best, false) : nil
    }

    /// The number a heading's anchor starts with: `三申报条件` → `三`, `第二章总则` → `第二章`, `31申报条件` → `31`.
    static func numbering(of anchor: String) -> String {
        String(anchor.prefix { "第一二三四五六七八九十百零〇0123456789章节条".contains($0) })
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count), current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
