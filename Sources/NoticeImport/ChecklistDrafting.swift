import FactExtraction
import Foundation
import NoticeModel

/// One checklist item per material a sentence asks for: the objects of 上传, 提交, 提供, 出具 …
/// that name a document (证书, 证明, 扫描件, 照片, 表, 材料 …), in the section the heading or
/// the material belongs to, with the level and who it is for when the sentence says.
struct DraftItem {
    var id: String
    var section: String
    var title: String
    var sentence: NoticeSentence
    var conditions: ConditionMention
    var template: String?
}

enum ChecklistDrafting {
    static let verbs = ["上传", "提交", "提供", "出具", "附上", "附", "报送", "扫描"]
    static let materialWords = ["证书", "证明", "扫描件", "复印件", "照片", "表", "材料", "报告", "合同", "凭证", "截图", "承诺书", "意见",
                                "论文", "函", "文件", "身份证", "流水", "资料", "记录", "结果", "总结", "作品", "专利", "获奖", "协议", "说明"]

    static let sectionWords: [(String, [String])] = [
        ("继续教育", ["继续教育", "公需", "学时"]),
        ("考核", ["考核"]),
        ("普通话", ["普通话"]),
        ("承诺书", ["承诺"]),
        ("遮盖处理", ["遮盖"]),
        ("纸质材料", ["纸质", "评审表"]),
        ("基本信息", ["基本信息", "身份证", "照片"]),
        ("学历学位", ["学历", "学位", "学信网"]),
        ("考试成绩", ["考试", "成绩"]),
        ("职业资格", ["职业资格"]),
        ("专业技术资格", ["专业技术资格", "任职资格", "职称证书", "资格证书"]),
        ("工作简历", ["简历", "工作经历"]),
        ("科研/实践能力", ["科研"]),
        ("实践能力", ["实践能力", "实践"]),
        ("业绩成果", ["业绩"]),
        ("获奖", ["获奖", "奖励"]),
        ("知识产权", ["知识产权", "专利"]),
        ("著作", ["著作"]),
        ("论文", ["论文"]),
        ("工作总结", ["总结"]),
    ]

    static func items(_ sentences: [NoticeSentence], templates: [TemplateDraft], levels: [DraftLevel]) -> [DraftItem] {
        var items: [DraftItem] = []
        var titles = Set<String>()
        for sentence in sentences where sentence.text != sentence.headings.last {
            // "2.学历学位证书扫描件及学信网…；" under "（一）网上上传材料": a numbered list of materials.
            let listed = listedMaterials(sentence)
            for name in listed where titles.insert(name).inserted {
                let template = templates.first { $0.kind != .form ? name.contains($0.kind.rawValue) : formTitle($0.title).map(name.contains) ?? false }?.id
                items.append(DraftItem(id: "", section: section(for: name, headings: sentence.headings), title: name, sentence: sentence,
                                       conditions: FactRules.conditions(in: sentence.text), template: template))
            }
            if !listed.isEmpty { continue }
            for (object, end, verb) in objectsWithEnds(in: sentence.text) {
                // The notice's own verb: 提交 a paper form, 出具 a certificate, 上传 a scan.
                let title = (["扫描", "附", "附上"].contains(verb) ? "上传" : verb) + withoutBrackets(object)
                guard titles.insert(object).inserted else { continue }
                let section = section(for: object, headings: sentence.headings)
                // The template this material is made from: named by its kind (公示, 推荐意见, 承诺书), or
                // for a form by its whole title, so one 申请表 is not taken for another.
                let template = templates.first { template in
                    guard template.kind == .form else { return object.contains(template.kind.rawValue) }
                    guard let title = formTitle(template.title) else { return false }
                    return object.contains(title) || title.contains(withoutBrackets(object))
                }?.id
                // Who it is for: the words up to the material only ("民营企业申报人员需上传…"), not
                // what the sentence goes on to say about others.
                items.append(DraftItem(id: "", section: section, title: title, sentence: sentence,
                                       conditions: FactRules.conditions(in: String(sentence.text[..<end])), template: template))
            }
        }
        // A numbered part of the materials that asks for nothing by verb ("2．学历学位：国家教育部学信网
        // 证书的查询结果…", "9．遮盖处理。…") is still a material to prepare: one item named by its heading.
        let covered = Set(items.compactMap(\.sentence.anchor))
        var seenAnchors = Set<String>()
        for sentence in sentences where !sentence.isHeading {
            guard let anchor = sentence.anchor, !covered.contains(anchor), seenAnchors.insert(anchor).inserted,
                  let heading = sentence.headings.last, let number = HeadingNumber.parse(heading), number.kind >= .arabicDot,
                  sentence.headings.dropLast().contains(where: { $0.contains("材料") || $0.contains("申报") }),
                  // Conditions and scope are not materials ("二、申报条件" / "1.申报副主任医师…").
                  !sentence.headings.contains(where: { $0.contains("条件") || $0.contains("范围") || $0.contains("资格要求") }) else { continue }
            let name = String(number.rest).trimmingCharacters(in: CharacterSet(charactersIn: "。：:．. "))
            guard name.count >= 2, name.count <= 20 else { continue }
            items.append(DraftItem(id: "", section: section(for: name, headings: sentence.headings), title: name, sentence: sentence,
                                   conditions: ConditionMention(), template: nil))
        }
        // Ids: the section's place and the item's, stable for this draft (the office may rename them).
        var counts: [String: Int] = [:]
        return items.map { item in
            var item = item
            let base = sectionIDs[item.section] ?? "qita"
            counts[base, default: 0] += 1
            item.id = "\(base)-\(counts[base]!)"
            return item
        }
    }

    /// The materials a sentence asks for: what follows each verb up to the end of its clause, split
    /// at 、 和 及 以及 outside brackets and quotes when every part names a document; each with the
    /// verb that asks for it and where its clause ends.
    static func objectsWithEnds(in sentence: String) -> [(object: String, end: String.Index, verb: String)] {
        var result: [(object: String, end: String.Index, verb: String)] = []
        for verb in verbs {
            var search = sentence.startIndex
            while let range = sentence.range(of: verb, range: search..<sentence.endIndex) {
                search = range.upperBound
                // Words quoted (a pledge to copy out, a column's name) are not requests.
                if insideQuotes(sentence, range.lowerBound) { continue }
                if let next = sentence[range.upperBound...].first, "后时的".contains(next) { continue }
                // "无需另行上传纸质证书": what is not asked for.
                let before = sentence[..<range.lowerBound].suffix(4)
                if ["无需", "不需", "不必", "不用", "无须", "不得", "不再", "不要"].contains(where: before.contains) { continue }
                // 附件, 附页, 附表 name things; only 附 before what is attached is a verb.
                if verb == "附", let next = sentence[range.upperBound...].first, "件页表录注".contains(next) { continue }
                // 扫描件 is a noun: "营业执照副本扫描件和…" asks for the scan, not for what follows it.
                if verb == "扫描", sentence[range.upperBound...].first == "件" { continue }
                let clause = clauseAfter(sentence[range.upperBound...])
                // "上传以下材料扫描件：" introduces a list; the list's lines are the materials.
                if clause.endIndex < sentence.endIndex, ["：", ":"].contains(sentence[clause.endIndex]) { continue }
                // Split only where every part names a document: "公需科目和专业科目合格证书" is one.
                let parts = split(clause)
                let whole = parts.allSatisfy { materialWords.contains(where: $0.contains) } ? parts : [String(clause)]
                for part in whole {
                    var object = part.trimmingCharacters(in: .whitespaces)
                    for lead in ["相关", "的"] where object.hasPrefix(lead) { object = String(object.dropFirst(lead.count)) }
                    for tail in ["的同时", "的", "时"] where object.hasSuffix(tail) { object = String(object.dropLast(tail.count)) }
                    object = object.trimmingCharacters(in: CharacterSet(charactersIn: " ：:"))
                    guard object.count >= 2, object.count <= 40, materialWords.contains(where: object.contains),
                          !generic.contains(withoutBrackets(object)), !object.hasPrefix("至"), !object.hasPrefix("到"),
                          !object.contains("审核"), !object.contains("进行"), !result.contains(where: { $0.object == object }),
                          // A clause that goes on to say more is not a material's name.
                          !["在", "清晰", "后"].contains(where: object.hasPrefix), !["需", "须", "应", "要求", "不得"].contains(where: object.contains),
                          !["上传", "提交", "提供", "报送"].contains(where: object.contains) else { continue }
                    result.append((object, clause.endIndex, verb))
                }
            }
        }
        return result
    }

    private static func clauseAfter(_ text: Substring) -> Substring {
        var depth = BracketDepth()
        for index in text.indices {
            let character = text[index]
            depth.enter(character)
            if depth.isOutside, "，。；,;：:".contains(character) { return text[..<index] }
        }
        return text
    }

    private static func split(_ clause: Substring) -> [String] {
        var parts: [String] = [], current = "", depth = BracketDepth()
        var index = clause.startIndex
        while index < clause.endIndex {
            let character = clause[index]
            depth.enter(character)
            if depth.isOutside {
                // "2023、2024、2025年度": a list of years, not of materials.
                let betweenDigits = current.last?.isNumber == true && clause[clause.index(after: index)...].first?.isNumber == true
                if character == "、", !betweenDigits { parts.append(current); current = ""; index = clause.index(after: index); continue }
                let rest = clause[index...]
                // 或 joins alternatives of one material ("岗位聘用合同或聘任文件"): not split.
                if let joiner = ["以及", "并", "和", "及"].first(where: { rest.hasPrefix($0) }) {
                    parts.append(current)
                    current = ""
                    index = clause.index(index, offsetBy: joiner.count)
                    continue
                }
            }
            current.append(character)
            index = clause.index(after: index)
        }
        parts.append(current)
        return parts.filter { !$0.isEmpty }
    }

    /// The material a numbered line of a materials list names: its words up to the first comma or
    /// semicolon, without remarks in brackets, when they name a document.
    /// "（一）身份证、学历学位证书、教师资格证书扫描件；" is three, each part naming a document.
    static func listedMaterials(_ sentence: NoticeSentence) -> [String] {
        guard sentence.headings.contains(where: { $0.contains("材料") }), let number = HeadingNumber.parse(sentence.text),
              number.kind >= .chineseBracket, sentence.paragraph.hasPrefix(sentence.text) else { return [] }
        let name = withoutBrackets(String(number.rest.prefix { !"；;，,。：:".contains($0) })).trimmingCharacters(in: .whitespaces)
        guard (2...60).contains(name.count), !["须", "应", "不得"].contains(where: name.contains) else { return [] }
        let parts = split(Substring(name)).map { $0.trimmingCharacters(in: .whitespaces) }
        // Parts share a last word ("身份证、学历学位证书、教师资格证书扫描件"): each is kept as printed.
        let named = parts.filter { part in part.count >= 2 && materialWords.contains(where: part.contains) && !generic.contains(part) }
        return named.count == parts.count ? named : (materialWords.contains(where: name.contains) && !generic.contains(name) ? [name] : [])
    }

    /// Objects that name no particular material: the process, not a thing to prepare.
    static let generic: Set<String> = ["申报材料", "印证材料", "相关证明", "证明材料", "材料", "资料", "相关材料", "电子版材料", "佐证材料",
                                       "申报材料扫描件", "有关材料", "全部材料", "各项材料", "证明", "扫描件", "电子版材料"]

    static func insideQuotes(_ text: String, _ index: String.Index) -> Bool {
        var depth = 0
        for character in text[..<index] {
            if character == "“" { depth += 1 } else if character == "”" { depth = max(0, depth - 1) }
        }
        return depth > 0
    }

    /// A title without its bracketed remarks (the item's text keeps them).
    static func withoutBrackets(_ text: String) -> String {
        var result = "", depth = 0
        for character in text {
            if "（(".contains(character) { depth += 1; continue }
            if "）)".contains(character) { depth = max(0, depth - 1); continue }
            if depth == 0 { result.append(character) }
        }
        return result.isEmpty ? text : result
    }

    static func section(for object: String, headings: [String]) -> String {
        for heading in headings.reversed() {
            if let match = sectionWords.first(where: { $0.1.contains(where: heading.contains) }) { return match.0 }
        }
        return sectionWords.first { $0.1.contains(where: object.contains) }?.0 ?? "其他附件"
    }

    /// A form's title without `（模板）`; nil when what is left is too short to tell one form from
    /// another (申请表).
    static func formTitle(_ title: String) -> String? {
        var text = title
        for suffix in ["（模板）", "(模板)"] where text.hasSuffix(suffix) { text = String(text.dropLast(suffix.count)) }
        return text.count >= 6 ? text : nil
    }

    static let sectionIDs: [String: String] = [
        "基本信息": "jiben", "学历学位": "xueli", "考试成绩": "kaoshi", "专业技术资格": "zige", "职业资格": "zhiye", "工作简历": "jianli",
        "科研/实践能力": "keyan", "实践能力": "shijian", "业绩成果": "yeji", "获奖": "huojiang", "知识产权": "zhuanli", "著作": "zhuzuo",
        "论文": "lunwen", "继续教育": "jixu", "考核": "kaohe", "工作总结": "zongjie", "普通话": "putonghua", "承诺书": "chengnuo",
        "其他附件": "qita", "遮盖处理": "zhegai", "纸质材料": "zhizhi",
    ]
}
