import Foundation
import NoticeModel

/// The series and specialties a notice is for, matched against the site's taxonomy in its title
/// and opening: `工程系列煤炭专业`, `经济系列人力资源管理专业`, `正高级工程师` (the title word names the
/// series), `技工院校教师专业`. A `X系列` the taxonomy does not have is proposed, never used silently.
struct Classification {
    var series: [Taxonomy.Series] = []
    var specialties: [Taxonomy.Specialty] = []
    /// Series and specialties named in the notice but missing from taxonomy.yml.
    var proposed: [String] = []
    var proposalYAML: String?
    /// The words the classification was read from, for `to_confirm`.
    var seriesWords: String

    init(title: String, opening: String, taxonomy: Taxonomy) {
        let text = (title + opening).replacingOccurrences(of: " ", with: "")
        seriesWords = title
        for candidate in taxonomy.series {
            let stem = candidate.name.hasSuffix("系列") ? String(candidate.name.dropLast(2)) : candidate.name
            let named = text.contains(candidate.name) || text.contains(stem + "专业") || text.contains(stem + "系列")
                || (stem.count == 2 && (text.contains(stem + "师") || text.contains("正高级" + stem)))
            if named { series.append(candidate) }
            for specialty in candidate.specialties where text.contains(specialty.name + "专业") || title.contains(specialty.name) {
                if named || series.isEmpty || !specialties.isEmpty || text.contains(specialty.name + "专业") {
                    if !series.contains(where: { $0.id == candidate.id }) { series.append(candidate) }
                    specialties.append(specialty)
                }
            }
        }
        // "X系列" printed but not in the taxonomy: proposed in the draft's own file.
        var newSeries: [(String, String)] = []
        var search = text.startIndex
        while let range = text.range(of: "系列", range: search..<text.endIndex) {
            search = range.upperBound
            let stem = String(text[..<range.lowerBound].reversed().prefix { $0.isHan && !"的和及、年度区州市关于".contains($0) }.reversed())
            guard stem.count >= 2, stem.count <= 8 else { continue }
            let name = stem + "系列"
            if taxonomy.series.contains(where: { $0.name == name || name.hasSuffix($0.name) }) || newSeries.contains(where: { $0.1 == name }) { continue }
            newSeries.append((Self.slug(stem), name))
        }
        // A notice that names no series at all still builds: the series is "not stated", proposed
        // like a new one, so `check` and every build ask the office to name it.
        if series.isEmpty, newSeries.isEmpty { newSeries = [("weizhuming", "未注明系列")] }
        if series.isEmpty, !newSeries.isEmpty {
            proposed = newSeries.map(\.1)
            var lines = ["# 由 noticeboard import 提议：通知中的这些系列不在 content/taxonomy.yml 中。", "# 核对名称和 id（用于网址）后移入 taxonomy.yml，再删去本文件。", "series:"]
            for (id, name) in newSeries {
                lines += ["  - id: \(id)", "    name: " + YAMLText.quoted(name)]
                series.append(Taxonomy.Series(id: id, name: name, specialties: []))
            }
            proposalYAML = lines.joined(separator: "\n") + "\n"
        }
    }

    /// A URL slug for the draft's id: the specialty's or series' id.
    var slug: String? {
        if let specialty = specialties.first { return specialties.count == 1 ? specialty.id : series.first.map { $0.id } }
        return series.first?.id
    }

    /// An ASCII id for a proposed series: the pinyin-free fallback is the code points' hex, which
    /// the office replaces when it moves the series into taxonomy.yml.
    static func slug(_ stem: String) -> String {
        let known = ["卫生": "weisheng", "农业": "nongye", "教师": "jiaoshi", "中小学教师": "zhongxiaoxue", "经济": "jingji", "会计": "kuaiji",
                     "统计": "tongji", "审计": "shenji", "工艺美术": "gongyi-meishu", "新闻": "xinwen", "出版": "chuban", "翻译": "fanyi",
                     "律师": "lvshi", "公证": "gongzheng", "艺术": "yishu", "体育": "tiyu", "档案": "dangan", "图书资料": "tushu-ziliao",
                     "文物博物": "wenwu-bowu", "群众文化": "qunzhong-wenhua", "实验技术": "shiyan-jishu", "社会工作": "shehui-gongzuo",
                     "高等学校教师": "gaoxiao-jiaoshi", "技工院校教师": "jigong-yuanxiao", "播音主持": "boyin-zhuchi", "自然科学研究": "kexue-yanjiu"]
        if let id = known[stem] { return id }
        return "series-" + stem.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: "-")
    }
}
