import FactExtraction
import Foundation
import NoticeModel

/// One value read from the notice, with the sentence it came from: written to notice.yml and
/// listed under `to_confirm`, so nothing the importer read passes for a confirmed fact.
struct Pending {
    var key: String
    var sentence: String
}

/// The levels a notice covers, read from its title and opening (正高级, 高级/副高级, 中级, 初级),
/// named with the notice's own words where it prints them (高级工程师).
struct DraftLevel {
    var id: String
    var rank: Rank
    var name: String
}

enum LevelReading {
    static let ids: [Rank: String] = [.zhenggao: "zhenggao", .fugao: "fugao", .zhongji: "zhongji", .chuji: "chuji"]

    /// The ranks named in `text`, in rank order.
    static func ranks(in text: String) -> [Rank] {
        var found = Set<Rank>()
        // A clause that puts a level aside ("正高级教师按有关规定另行组织申报") names no level of this notice.
        let squeezed = text.replacingOccurrences(of: " ", with: "")
            .split(whereSeparator: { "，。；,;".contains($0) })
            .filter { clause in !["另行组织", "另行通知", "不在本次", "除外", "暂不"].contains(where: clause.contains) }
            .joined(separator: "，")
        if squeezed.contains("正高") { found.insert(.zhenggao) }
        // 高级 not part of 正高级; 副高级; 高中初级 / 高、中、初级 name three.
        if squeezed.replacingOccurrences(of: "正高级", with: "").contains("高级") || squeezed.contains("副高") { found.insert(.fugao) }
        for title in titleWords(in: squeezed) { if let rank = rank(ofTitle: title), rank != .zhongji { found.insert(rank) } }
        if squeezed.contains("中级") || squeezed.contains("高中初") || squeezed.contains("高、中、初") || squeezed.contains("中、初级") { found.insert(.zhongji) }
        if squeezed.contains("初级") || squeezed.contains("助理") || squeezed.contains("员级") { found.insert(.chuji) }
        if squeezed.contains("高中初") || squeezed.contains("高、中、初") { found.insert(.fugao) }
        // A plain professional title (工程师, 经济师) without 高级/助理 before it is the middle rank.
        for title in titleWords(in: squeezed) where rank(ofTitle: title) == .zhongji { found.insert(.zhongji) }
        return Rank.allCases.filter(found.contains)
    }

    /// Professional titles printed in the text: 正高级工程师, 高级经济师, 工程师, 助理农艺师.
    static func titleWords(in text: String) -> [String] {
        var result: [String] = []
        let characters = Array(text)
        for (index, character) in characters.enumerated() where character == "师" {
            // The title's stem: two to four Han characters before 师 (工程, 经济, 农艺, 会计).
            var start = index
            while start > 0, index - start < 7, characters[start - 1].isHan, !"和及与、的为是等".contains(characters[start - 1]) { start -= 1 }
            guard index - start >= 2 else { continue }
            var word = String(characters[start...index])
            // Keep only the rank prefix and the stem: "申报高级工程师" → "高级工程师".
            for prefix in ["正高级", "副高级", "高级", "助理", "副主任", "主任", "主治", "主管", "一级", "二级", "三级"] {
                if let range = word.range(of: prefix) { word = String(word[range.lowerBound...]); break }
            }
            if word.count > 7 { word = String(word.suffix(3)) }
            if ["教师", "律师", "医师", "技师"].contains(word) && !result.isEmpty { continue }
            if !result.contains(word) { result.append(word) }
        }
        return result
    }

    static func rank(ofTitle title: String) -> Rank? {
        if title.hasPrefix("正高级") { return .zhenggao }
        if title.hasPrefix("高级") || title.hasPrefix("副高级") { return .fugao }
        if title.hasPrefix("助理") { return .chuji }
        // Health: 主任医师 正高, 副主任医师 副高, 主治医师 / 主管护师 中级; teachers: 一级 中级, 二级 三级 初级.
        if title.hasPrefix("副主任") { return .fugao }
        if title.hasPrefix("主任") { return .zhenggao }
        if title.hasPrefix("主治") || title.hasPrefix("主管") || title.hasPrefix("一级") { return .zhongji }
        if title.hasPrefix("二级") || title.hasPrefix("三级") { return .chuji }
        if title.hasSuffix("技师") || title.hasSuffix("教师") { return nil }
        // A plain professional title (工程师, 农艺师) is the middle rank; 中级, 初级 are rank words, not titles.
        return title.hasSuffix("师") && title.count <= 4 ? .zhongji : nil
    }

    /// The levels with names: the notice's title word for the rank if it prints one.
    static func levels(in text: String) -> [DraftLevel] {
        // A title counts when some clause names it that does not put it aside (另行组织, 除外).
        let clauses = text.replacingOccurrences(of: " ", with: "").split(whereSeparator: { "，。；".contains($0) })
        let titles = titleWords(in: text.replacingOccurrences(of: " ", with: "")).filter { title in
            clauses.contains { clause in
                titleWords(in: String(clause)).contains(title) && !["另行", "除外", "暂不", "不在本次"].contains(where: clause.contains)
            }
        }
        return ranks(in: text).map { rank in
            let name = titles.first { self.rank(ofTitle: $0) == rank } ?? rank.rawValue
            return DraftLevel(id: ids[rank]!, rank: rank, name: name)
        }
    }
}

extension Character {
    var isHan: Bool {
        guard let scalar = unicodeScalars.first else { return false }
        return (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }
}
