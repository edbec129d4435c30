import FactExtraction
import Foundation

/// Who is exempt from continuing education, and with what proof, from a sentence such as
/// `参加“访惠聚”驻村或参加少数民族特殊培养期间按相关政策可免去当年的继续教育，需上传“免试审批表”或相关佐证材料`.
enum ExemptionReading {
    struct Group {
        var who: String
        var proof: String?
    }

    /// The words that grant an exemption (not 免试审批表, the name of a form).
    static let grants = ["免去", "免除", "可免", "免于", "予以免", "免修", "免学", "不作要求", "不作硬性要求"]

    static func exempts(_ sentence: String) -> Bool {
        grants.contains(where: sentence.contains) && (sentence.contains("继续教育") || sentence.contains("学时"))
    }

    static func groups(in sentence: String) -> [Group] {
        guard let free = grants.compactMap({ sentence.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) else { return [] }
        let head = sentence[..<free.lowerBound]
        var proof: String?
        for verb in ["需上传", "上传", "需提交", "提交", "提供"] {
            if let range = sentence.range(of: verb, range: free.upperBound..<sentence.endIndex) {
                let rest = sentence[range.upperBound...].prefix { !"。；，".contains($0) }
                if !rest.isEmpty { proof = String(rest) }
                break
            }
        }
        var groups: [Group] = []
        for keyword in ["访惠聚", "少数民族"] where head.contains(keyword) {
            // The clause naming the group: split at 或/、/和 and cut before 期间/的/按.
            let parts = head.components(separatedBy: CharacterSet(charactersIn: "或、，"))
            guard var who = parts.first(where: { $0.contains(keyword) }) else { continue }
            for stop in ["期间", "按相关", "按照", "可"] { if let range = who.range(of: stop) { who = String(who[..<range.lowerBound]) } }
            who = who.trimmingCharacters(in: .whitespaces)
            if who.count >= 3 { groups.append(Group(who: who, proof: proof)) }
        }
        return groups
    }
}

/// The paper form's name (`《专业技术职务任职资格评审表》`) and copies (`一式两份`).
enum PaperReading {
    static func formName(in sentence: String) -> String? {
        guard let open = sentence.range(of: "《"), let close = sentence.range(of: "》", range: open.upperBound..<sentence.endIndex) else { return nil }
        let name = String(sentence[open.upperBound..<close.lowerBound])
        return name.contains("表") ? name : nil
    }

    static func copies(in sentence: String) -> Int? {
        guard let range = sentence.range(of: "一式") else { return nil }
        let rest = sentence[range.upperBound...]
        guard let end = rest.firstIndex(of: "份"), rest.distance(from: rest.startIndex, to: end) <= 3 else { return nil }
        return FactRules.number(String(rest[..<end]))
    }
}

/// Contacts: each line that gives phone numbers, named by its words before the first number
/// (`自治区职称社会化评价中心：0991-3689900、3689696`, `联系人及电话：杨欣 0997-2532160`).
enum ContactReading {
    struct Found {
        var name: String
        var person: String?
        var phones: [String]
        var sentence: String
    }

    static func contacts(in sentences: [NoticeSentence]) -> [Found] {
        var result: [Found] = []
        for sentence in sentences {
            let phones = FactRules.phones(in: sentence.text)
            guard let first = phones.first, let range = sentence.text.range(of: first.words) else { continue }
            let (label, person) = name(before: String(sentence.text[..<range.lowerBound]))
            let numbers = phones.map(\.number).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            result.append(Found(name: label, person: person, phones: numbers, sentence: sentence.text))
        }
        return result
    }

    /// Words for a phone line: "州卫生健康委人事科：李娜，联系电话：" → (州卫生健康委人事科, 李娜);
    /// "联系人：地区教育局人事科  阿依古丽  " → (地区教育局人事科, 阿依古丽); "监督举报电话：" → 监督举报电话.
    static func name(before text: String) -> (String, String?) {
        let generic = ["联系人及电话", "联系电话", "咨询电话", "办公电话", "联系人", "手机", "座机", "（", "(", "：", ":", " ", "　"]
        var clauses = text.split(whereSeparator: { "，,；;。".contains($0) }).map(String.init)
        func stripped(_ clause: String) -> String {
            var words = clause.trimmingCharacters(in: .whitespaces)
            var changed = true
            while changed {
                changed = false
                for word in generic where words.hasSuffix(word) { words = String(words.dropLast(word.count)); changed = true }
                // "王磊  电话": 电话 as a label of its own (after a space or a colon), not 监督举报电话.
                if words.hasSuffix("电话"), let before = words.dropLast(2).last, " 　：:".contains(before) {
                    words = String(words.dropLast(2))
                    changed = true
                }
            }
            return words.trimmingCharacters(in: .whitespaces)
        }
        var label = ""
        while let last = clauses.popLast() {
            label = stripped(last)
            if label == "电话" { label = "" }
            if !label.isEmpty { break }
        }
        guard !label.isEmpty else {
            // Nothing but a generic word: it is the contact's name ("监督举报电话：…" keeps its own).
            let own = text.trimmingCharacters(in: CharacterSet(charactersIn: " ：:，,"))
            return (own.isEmpty || own.count > 30 ? "联系电话" : own, nil)
        }
        for lead in ["请咨询", "请联系", "咨询"] where label.hasPrefix(lead) && label.count > lead.count + 1 { label = String(label.dropFirst(lead.count)) }
        var person: String?
        // "地区人社局专技科  陈刚": a name after spaces is the person.
        let spaced = label.split(whereSeparator: { $0 == " " || $0 == "　" }).map(String.init)
        if !label.contains("："), !label.contains(":"), spaced.count > 1, let last = spaced.last, (2...4).contains(last.count), last.allSatisfy(\.isHan) {
            return (spaced.dropLast().joined(separator: " "), last)
        }
        if let colon = label.lastIndex(where: { $0 == "：" || $0 == ":" }) {
            let after = label[label.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            let before = String(label[..<colon]).trimmingCharacters(in: .whitespaces)
            let parts = after.split(whereSeparator: { $0 == " " || $0 == "　" }).map(String.init)
            if let last = parts.last, (2...4).contains(last.count), last.allSatisfy(\.isHan), parts.count > 1 {
                person = last
                label = parts.dropLast().joined(separator: " ")
            } else if (2...4).contains(after.count), after.allSatisfy(\.isHan) {
                person = after
                label = stripped(before)
            } else {
                label = after.isEmpty ? before : after
            }
        }
        for word in ["联系人及电话", "联系人"] where label == word { label = "联系人" }
        if label.isEmpty || label.count > 30 { label = "联系电话" }
        return (label, person)
    }
}
