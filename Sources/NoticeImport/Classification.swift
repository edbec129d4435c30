import Foundation
import NoticeModel
import SearchIndex

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
            // The series' name only: stop at words before it ("可申报卫生系列", "开展教师系列").
            let stem = String(text[..<range.lowerBound].reversed().prefix { $0.isHan && !"的和及、年度区州市关于报在为请可对按从展好做".contains($0) }.reversed())
            guard stem.count >= 2, stem.count <= 8 else { continue }
            let name = stem + "系列"
            if taxonomy.series.contains(where: { $0.name == name || name.hasSuffix($0.name) }) || newSeries.contains(where: { $0.1 == name }) { continue }
            newSeries.append((Self.slug(stem), name))
        }
        // "…系列XX专业" whose XX the series does not have: a specialty proposed under it.
        var newSpecialties: [(series: Taxonomy.Series, id: String, name: String)] = []
        for candidate in series {
            var from = text.startIndex
            while let range = text.range(of: candidate.name, range: from..<text.endIndex) {
                from = range.upperBound
                let after = text[range.upperBound...]
                guard let end = after.range(of: "专业") else { continue }
                let stem = String(after[..<end.lowerBound])
                guard (2...8).contains(stem.count), stem.allSatisfy(\.isHan), !candidate.specialties.contains(where: { $0.name == stem }),
                      !newSpecialties.contains(where: { $0.name == stem }) else { continue }
                newSpecialties.append((candidate, Self.slug(stem), stem))
            }
        }
        // A notice that names no series at all still builds: the series is "not stated", proposed
        // like a new one, so `check` and every build ask the office to name it.
        if series.isEmpty, newSeries.isEmpty { newSeries = [("weizhuming", "未注明系列")] }
        // The proposal: new series, and new specialties under their series (new or known), each once.
        var proposal: [(id: String, name: String, specialties: [(String, String)])] = []
        if series.isEmpty {
            for (id, name) in newSeries {
                proposed.append(name)
                proposal.append((id, name, []))
                series.append(Taxonomy.Series(id: id, name: name, specialties: []))
            }
        }
        for (owner, id, name) in newSpecialties {
            proposed.append(name + "专业")
            specialties.append(Taxonomy.Specialty(id: id, name: name, seriesID: owner.id))
            if let index = proposal.firstIndex(where: { $0.id == owner.id }) {
                proposal[index].specialties.append((id, name))
            } else {
                proposal.append((owner.id, owner.name, [(id, name)]))
            }
        }
        if !proposal.isEmpty {
            var lines = ["# 由 noticeboard import 提议：通知中的这些系列、专业不在 content/taxonomy.yml 中。",
                         "# 核对名称和 id（用于网址）后移入 taxonomy.yml，再删去本文件。", "series:"]
            for entry in proposal {
                lines += ["  - id: \(entry.id)", "    name: " + YAMLText.quoted(entry.name)]
                if !entry.specialties.isEmpty {
                    lines.append("    specialties:")
                    for (id, name) in entry.specialties { lines.append("      - {id: \(id), name: " + YAMLText.quoted(name) + "}") }
                }
            }
            proposalYAML = lines.joined(separator: "\n") + "\n"
        }
    }

    /// A URL slug for the draft's id: the specialty's or series' id.
    var slug: String? {
        if let specialty = specialties.first { return specialties.count == 1 ? specialty.id : series.first.map { $0.id } }
        return series.first?.id
    }

    /// An ASCII id for a proposed series or specialty: its pinyin (卫生 → weisheng, 中小学教师 →
    /// zhongxiaoxuejiaoshi), which the office may shorten when it moves it into taxonomy.yml.
    static func slug(_ stem: String) -> String {
        // Series whose pinyin a character-by-character reading gets wrong (会计 is kuaiji, not huiji).
        let known = ["会计": "kuaiji", "统计": "tongji", "审计": "shenji", "中小学教师": "zhongxiaoxue-jiaoshi", "高等学校教师": "gaoxiao-jiaoshi",
                     "技工院校教师": "jigong-yuanxiao", "中等职业学校教师": "zhongzhi-jiaoshi", "卫生": "weisheng", "农业": "nongye"]
        if let id = known[stem] { return id }
        let pinyin = Pinyin()
        let syllables = stem.compactMap { pinyin.syllable($0) }
        return syllables.isEmpty ? "xin" : syllables.joined()
    }
}
