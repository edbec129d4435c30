import Foundation
import FactExtraction
import NoticeModel

/// notice.yml as it is written: its lines, the facts to confirm (each with the sentence it was
/// read from) and the summary for the office.
struct DraftWriter {
    private(set) var lines: [String] = []
    private(set) var pending: [Pending] = []
    var summary = ImportSummary()

    var text: String { lines.joined(separator: "\n") + "\n" }

    mutating func line(_ line: String) { lines.append(line) }

    /// A blank line, then `name:` opening a block.
    mutating func section(_ name: String) { lines += ["", "\(name):"] }

    /// `key: "text"`, quoted so nothing an office typed changes meaning.
    mutating func text(_ key: String, _ value: String, indent: Int = 0) {
        lines.append(String(repeating: " ", count: indent) + "\(key): " + YAMLText.quoted(value))
    }

    /// `source: "#anchor"` for the heading the sentence stands under.
    mutating func source(_ sentence: NoticeSentence, indent: Int) {
        if let anchor = sentence.anchor { text("source", "#" + anchor, indent: indent) }
    }

    mutating func confirm(_ key: String, _ sentence: String) {
        let words = sentence.trimmingCharacters(in: .whitespacesAndNewlines)
        pending.append(Pending(key: key, sentence: words.isEmpty ? "通知中没有找到依据，请对照原文核对" : words))
    }
}

/// What every part of the draft reads from: the body's sentences, the notice's year, its levels.
struct DraftContext {
    var sentences: [NoticeSentence]
    var year: Int
    var levels: [DraftLevel]

    /// The levels a sentence limits something to (`申报高级…`), empty when it names none or all.
    func levelIDs(_ text: String) -> [String] {
        levelIDs(ranks: FactRules.conditions(in: text).ranks)
    }

    /// The levels of these ranks, empty when they are none or all of the notice's levels.
    func levelIDs(ranks: [String]) -> [String] {
        let ids = levels.filter { ranks.contains($0.rank.rawValue) }.map(\.id)
        return ids.count == levels.count ? [] : ids
    }
}
