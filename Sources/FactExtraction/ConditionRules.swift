/// Who a sentence limits a requirement to, mapped onto the applicant profile: the employer type,
/// where the current title was obtained, first application, 访惠聚, minority training, a county
/// unit, and the ranks it names.
///
/// Negation matters more than coverage: `除访惠聚人员外` (everyone but them) and `不得选择为县级及以下`
/// leave the flag nil rather than guess; `非首次申报`, `未参加访惠聚` set it false.
extension FactRules {
    /// Phrase → employer type, longest first so `民营企业` wins over `企业`.
    static let employerPhrases: [(phrase: String, employer: String)] = [
        ("非公有制经济组织", "民营企业"), ("非公有制企业", "民营企业"), ("非公经济组织", "民营企业"), ("非公企业", "民营企业"),
        ("民营企业", "民营企业"), ("私营企业", "民营企业"), ("民办", "民营企业"),
        // 民营医疗机构, 民营医院: privately run, asked what 民营企业 are asked (社保 records).
        ("民营", "民营企业"),
        ("中央驻疆单位", "驻疆单位"), ("驻疆单位", "驻疆单位"), ("驻疆企业", "驻疆单位"),
        ("援疆", "援疆"),
        ("公务员转任", "机关转任"), ("机关转任", "机关转任"), ("机关调入", "机关转任"), ("机关调动", "机关转任"),
        ("从机关", "机关转任"), ("参公人员调动", "机关转任"), ("参公人员调入", "机关转任"), ("参公人员转任", "机关转任"),
        ("国有企业", "企业"), ("国企", "企业"),
        ("事业单位", "事业单位"),
        ("企业", "企业"),
    ]
    static let employerPhraseSet = PhraseSet(employerPhrases.map(\.phrase))
    static let abroadWords = ["其他省区市", "其他省（区、市）", "其他省(区、市)", "外省区市", "外省", "省外", "区外", "疆外", "在疆外"]
    static let xinjiangWords = ["区内取得", "疆内取得", "在新疆取得", "新疆取得", "自治区内取得", "本区取得"]
    static let firstApplicationWords = ["首次申报", "初次申报", "第一次申报", "首次参加职称评审", "初次参加职称评审",
                                        "首次参加评审", "初次参加评审", "首次参评", "初次参评"]
    static let fanghuijuWords = ["访民情惠民生聚民心", "访惠聚"]
    static let minorityWords = ["少数民族科技骨干特殊培养", "少数民族骨干特殊培养", "少数民族特殊培养"]
    static let countyWords = ["县及县以下", "县级及以下", "县级以下", "县及以下", "县以下", "县（区）及以下", "县（市）及以下", "县（市、区）及以下",
                              "县(区)及以下", "县(市)及以下", "乡镇", "基层一线"]
    static let negators = ["不是", "非", "未", "没有", "不属于"]
    static let prohibitions = ["不得", "不能", "不可", "不予", "不属于", "禁止"]

    public static func conditions(in sentence: String) -> ConditionMention {
        conditions(in: ScannedText(sentence))
    }

    static func conditions(in text: ScannedText) -> ConditionMention {
        var mention = ConditionMention()
        guard text.count > 0 else { return mention }
        let excepted = exceptSpans(in: text)
        func isExcepted(_ index: Int) -> Bool { excepted.contains { $0.contains(index) } }
        var words: [(Int, String)] = []
        func note(_ range: Range<Int>) { words.append((range.lowerBound, text.words(range))) }
        /// `非首次申报`, `未参加“访惠聚”`: negated just before (a quote or 参加 may sit between).
        func isNegated(_ index: Int) -> Bool {
            var position = index
            while text.is(position - 1, oneOf: "“\"「") { position -= 1 }
            if text.has("参加", endingAt: position) { position -= 2 }
            return negators.contains { text.has($0, endingAt: position) }
        }

        // Employer: scan left to right, longest phrase first, so one phrase is read once.
        var index = employerPhraseSet.mayOccur(in: text) ? 0 : text.count
        while index < text.count {
            guard let number = employerPhraseSet.match(in: text, at: index) else {
                index += 1
                continue
            }
            let match = employerPhrases[number]
            let range = index..<(index + match.phrase.unicodeScalars.count)
            index = range.upperBound
            if isExcepted(range.lowerBound) { continue }
            // `企事业单位` addresses everyone; `非事业单位` names no employer.
            if match.phrase == "企业" || match.phrase == "事业单位" {
                if text.has("企", endingAt: range.lowerBound) || text.has("企（", endingAt: range.lowerBound)
                    || text.has("企(", endingAt: range.lowerBound) || text.is(range.upperBound, oneOf: "事（(") { continue }
                if text.has("非", endingAt: range.lowerBound) || text.has("不属于", endingAt: range.lowerBound) { continue }
            }
            if match.phrase == "企业", text.is(range.lowerBound - 1, oneOf: "外合独营有业小型") { continue }
            // 民办企业 is a private enterprise; a 民办学校 or 民办医疗机构 is not an enterprise at all,
            // and the profile has no answer for it: better no condition than a wrong one.
            if match.phrase == "民办", !text.is(range.upperBound, oneOf: "企") { continue }
            if !mention.employer.contains(match.employer) { mention.employer.append(match.employer) }
            note(range)
        }
        // `公务员…转任/调入…`: a civil servant moving into a professional post.
        if !mention.employer.contains("机关转任"), let civil = text.find("公务员"), !isExcepted(civil) {
            let clause = text.clause(around: civil)
            if text.containsAny(["转任", "调入", "调动", "转到", "转入"], in: civil..<clause.upperBound) {
                mention.employer.append("机关转任")
                note(civil..<(civil + 3))
            }
        }

        // Where the title was obtained: the region word counts only beside a title word.
        for word in xinjiangWords {
            if let found = text.find(word), !isExcepted(found) {
                mention.titleObtained = "新疆"
                note(found..<(found + word.unicodeScalars.count))
                break
            }
        }
        if mention.titleObtained == nil {
            for word in abroadWords {
                guard let found = text.find(word), !isExcepted(found), !isNegated(found) else { continue }
                let clause = text.clause(around: found)
                guard text.containsAny(["取得", "职称", "资格", "评审通过"], in: clause) else { continue }
                // `区外` inside `自治区外` is the same; `区外` inside `地区外`/`市区外` is not.
                if word == "区外", text.is(found - 1, oneOf: "地市城园县") { continue }
                mention.titleObtained = "外省"
                var end = found + word.unicodeScalars.count
                if text.has("取得", at: end) { end += 2 }
                note(found..<end)
                break
            }
        }

        func flag(_ phrases: [String]) -> (Bool?, Range<Int>)? {
            for phrase in phrases {
                guard let found = text.find(phrase) else { continue }
                let range = found..<(found + phrase.unicodeScalars.count)
                if isExcepted(found) { return (nil, range) }
                return (!isNegated(found), range)
            }
            return nil
        }
        if let (value, range) = flag(firstApplicationWords) {
            mention.firstApplication = value
            if value != nil { note(range) }
        }
        if let (value, range) = flag(fanghuijuWords) {
            mention.fanghuiju = value
            if value != nil { note(range) }
        }
        if let (value, range) = flag(minorityWords) {
            mention.minorityTraining = value
            if value != nil { note(range) }
        } else if let special = text.find("特殊培养"), text.contains("少数民族", in: max(0, special - 12)..<special),
                  !isExcepted(special) {
            mention.minorityTraining = !isNegated(text.find("少数民族", in: max(0, special - 12)..<special)!)
            note(special..<(special + 4))
        }

        // County units: only a phrase that names where the applicant works (followed by 单位,
        // 工作, 人员 …), and not in a prohibition (`不得选择为县级及以下单位`).
        for word in countyWords {
            guard let found = text.find(word), !isExcepted(found) else { continue }
            let end = found + word.unicodeScalars.count
            let follows = ["单位", "工作", "人员", "专业技术人员", "的", "医疗", "卫生", "学校", "中小学", "农业", "基层", "企事业", "事业", "农村"]
            guard follows.contains(where: { text.has($0, at: end) }) || (word == "乡镇" && text.is(end, oneOf: "卫中学站")) else { continue }
            if word == "基层一线", !text.has("工作", at: end), !text.has("专业技术人员", at: end) { continue }
            let clause = text.clause(around: found)
            if prohibitions.contains(where: { text.contains($0, in: clause.lowerBound..<found) }) { continue }
            mention.countyUnit = !negators.contains { text.has($0, endingAt: found) }
            note(found..<end)
            break
        }

        for (rank, range) in ranks(in: text) where !isExcepted(range.lowerBound) {
            if !mention.ranks.contains(rank) { mention.ranks.append(rank) }
            note(range)
        }

        mention.words = words.sorted { $0.0 < $1.0 }.map(\.1)
        return mention
    }

    /// `除访惠聚人员外`, `除了…以外`, `除参与“访惠聚”人员，其余…`, `…除外`: spans whose words must not
    /// set a flag (the sentence is about everyone else). A document's title in 《》 names no one
    /// either: `《…民营企业专项评审工作的通知》` does not limit a requirement to private companies.
    static func exceptSpans(in text: ScannedText) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        for start in text.occurrences(of: "除") {
            // `免除`, `删除`, `排除`, `解除`: the verb, not "except".
            if text.is(start - 1, oneOf: "免删排解消清扣剔废革拆切去") { continue }
            if text.is(start + 1, oneOf: "外") { continue }  // `…除外`, below
            let clause = text.clause(around: start)
            var end = start + 1
            while end < clause.upperBound, !text.has("外", at: end) { end += 1 }
            spans.append(start..<min(clause.upperBound, end + 1))
        }
        // `…人员除外`: the clause up to 除外.
        for except in text.occurrences(of: "除外") {
            spans.append(text.clause(around: except).lowerBound..<(except + 2))
        }
        for open in text.occurrences(of: "《") {
            var close = open + 1
            while close < text.count, !text.has("》", at: close) { close += 1 }
            spans.append(open..<min(text.count, close + 1))
        }
        return spans
    }

    /// Title nouns whose rank follows from their prefix: 高级工程师 副高级, 工程师 中级, 助理工程师 初级.
    static let titleNouns = ["工程师", "经济师", "农艺师", "畜牧师", "兽医师", "会计师", "审计师", "统计师", "实验师",
                             "工艺美术师", "政工师", "农业技术推广研究员"]
    /// Ranks named outright, with what must (not) follow so `高级技师`, `中级人民法院` do not count.
    /// What after 高级/中级/初级 makes it something other than a title level: a skill level
    /// (`高级工`, `高级技师`, `中级工`), a school (`高级中学`, `初级中学`), a court, a stage.
    static let notLevelAfterWords = ["工", "技师", "技工", "技能", "职业资格", "职业技能", "中学", "阶段", "人民", "法院",
                                     "别", "管理人员", "农产品", "产品", "形式", "版"]

    /// Titles whose rank is fixed whatever precedes them (health, schools, research, universities).
    static let fixedTitles: [(String, String)] = [
        ("副主任医师", "副高级"), ("副主任护师", "副高级"), ("副主任药师", "副高级"), ("副主任技师", "副高级"),
        ("主任医师", "正高级"), ("主任护师", "正高级"), ("主任药师", "正高级"), ("主任技师", "正高级"),
        ("主治医师", "中级"), ("主管护师", "中级"), ("主管药师", "中级"), ("主管技师", "中级"),
        ("正高级教师", "正高级"), ("高级教师", "副高级"), ("一级教师", "中级"), ("二级教师", "初级"), ("三级教师", "初级"),
        ("副研究员", "副高级"), ("助理研究员", "中级"), ("副教授", "副高级"), ("讲师", "中级"), ("助教", "初级"),
        ("技术员", "初级"),
    ]
    static let fixedTitleSet = PhraseSet(fixedTitles.map(\.0))
    /// Characters a rank phrase can start with: any other position is skipped at once.
    static let rankStarts: CodeMask = {
        var mask = CodeMask()
        for phrase in fixedTitles.map(\.0) + titleNouns + ["正高", "副高", "高级", "中级", "初级", "员级", "助理", "高中", "中高", "中初", "助理级"] {
            if let first = phrase.unicodeScalars.first { mask.insert(ScannedText.fold(first.value)) }
        }
        return mask
    }()

    /// A title noun names a rank only where nothing compounds it (not 总工程师, 注册会计师,
    /// 监理工程师) and it is not a certificate to upload (`上传工程师证书`, `提供助理工程师证书`).
    static func isRankBoundary(before index: Int, in text: ScannedText) -> Bool {
        index == 0 || text.isClauseBreak(index - 1) || text.is(index - 1, oneOf: "报为、和及或的任评聘“\"《（(：: ")
    }

    static let rankPhrases = PhraseSet(fixedTitles.map(\.0) + titleNouns + ["正高", "副高", "高级", "中级", "初级", "员级", "高中", "中高", "中初", "助理级"])

    static func ranks(in text: ScannedText) -> [(String, Range<Int>)] {
        var found: [(String, Range<Int>)] = []
        guard rankPhrases.mayOccur(in: text) else { return found }
        var index = 0
        func isLevelEnd(_ position: Int) -> Bool {
            titleNouns.contains { text.has($0, at: position) } || !notLevelAfterWords.contains { text.has($0, at: position) }
        }
        while index < text.count {
            guard rankStarts.contains(text[index]) else {
                index += 1
                continue
            }
            // Fixed titles of other series first.
            if let number = fixedTitleSet.match(in: text, at: index) {
                let (phrase, rank) = fixedTitles[number]
                // `主任医师` inside `副主任医师` is read with its prefix.
                let end = index + phrase.unicodeScalars.count
                found.append((rank, index..<end))
                index = end
                continue
            }
            // `高中初级`, `中初级`, `中高级`: several levels before one 级.
            if text.is(index, oneOf: "高中初"), text.is(index + 1, oneOf: "高中初") {
                var end = index + 1
                while end < index + 3, text.is(end, oneOf: "高中初") { end += 1 }
                if text.has("级", at: end), isLevelEnd(end + 1) {
                    var stop = end + 1
                    if let noun = titleNouns.first(where: { text.has($0, at: stop) }) { stop += noun.unicodeScalars.count }
                    for position in index..<end {
                        let rank = text.has("高", at: position) ? "副高级" : text.has("中", at: position) ? "中级" : "初级"
                        found.append((rank, position..<(position == end - 1 ? stop : position + 1)))
                    }
                    index = stop
                    continue
                }
            }
            // `正、副高级`: both senior levels.
            if text.has("正、副高", at: index) || text.has("正,副高", at: index) {
                found.append(("正高级", index..<(index + 1)))
                index += 2
                continue
            }
            if text.has("助理级", at: index) {
                found.append(("初级", index..<(index + 3)))
                index += 3
                continue
            }
            if text.has("正高", at: index) {
                var end = index + 2
                if text.has("级", at: end) { end += 1 }
                if let noun = titleNouns.first(where: { text.has($0, at: end) }) { end += noun.unicodeScalars.count }
                else if !isLevelEnd(end) && !text.is(end - 1, oneOf: "级") { index += 2; continue }
                found.append(("正高级", index..<end))
                index = end
                continue
            }
            if text.has("副高", at: index) {
                var end = index + 2
                if text.has("级", at: end) { end += 1 }
                if let noun = titleNouns.first(where: { text.has($0, at: end) }) { end += noun.unicodeScalars.count }
                found.append(("副高级", index..<end))
                index = end
                continue
            }
            for (level, rank) in [("高级", "副高级"), ("中级", "中级"), ("初级", "初级"), ("员级", "初级")] where text.has(level, at: index) {
                var end = index + 2
                if let noun = titleNouns.first(where: { text.has($0, at: end) }) {
                    end += noun.unicodeScalars.count
                } else if !isLevelEnd(end) {
                    break
                }
                // `中高级`, `中初级`: 中 and 初 are levels too (`中初级工程师`).
                found.append((rank, index..<end))
                break
            }
            if let last = found.last, last.1.lowerBound == index {
                index = last.1.upperBound
                continue
            }
            if text.has("助理", at: index), let noun = titleNouns.first(where: { text.has($0, at: index + 2) }) {
                let end = index + 2 + noun.unicodeScalars.count
                if isRankBoundary(before: index, in: text) { found.append(("初级", index..<end)) }
                index = end
                continue
            }
            if let noun = titleNouns.first(where: { text.has($0, at: index) }) {
                let end = index + noun.unicodeScalars.count
                // A plain 工程师 is 中级 only where nothing compounds it: not 总工程师, 注册会计师, 监理工程师.
                if isRankBoundary(before: index, in: text) {
                    found.append(("中级", index..<end))
                }
                index = end
                continue
            }
            index += 1
        }
        return found
    }
}
