import NoticeModel

/// The commented notice `noticeboard new --id …` writes when there is no previous notice to copy.
/// It loads as it is: every value the office must replace says TODO (which `noticeboard check`
/// lists), and its example dates are marked to-confirm, so nothing in it can pass for a fact.
struct Skeleton {
    let id: String
    let year: Int
    let series: Taxonomy.Series?
    let allSeries: [Taxonomy.Series]

    static let toConfirm = ["timeline.apply"]

    func files() -> [(String, String)] {
        [("notice.yml", data()), ("notice.md", text())]
    }

    private func data() -> String {
        let seriesID = series?.id ?? "gongcheng"
        let seriesList = allSeries.map { "\($0.id)（\($0.name)）" }.joined(separator: "、")
        let specialtyList = series?.specialties.map { "\($0.path)（\($0.name)）" }.joined(separator: "、") ?? ""
        return """
        # \(id)：由 noticeboard new 写出的骨架。每个字段的含义见 docs/content-format.md 的 “notice.yml” 一节。
        # 写有 TODO 的值都要换成通知原文的内容；`noticeboard check` 会列出尚未替换的 TODO 和待确认的日期。
        id: \(id)                       # 年份-英文短名，与文件夹同名；页面地址为 \(year)/\(id.dropFirst(5))/
        year: \(year)                                # 评审年度
        # 以下日期为示例，核对通知后删去对应的行
        to_confirm:
          - timeline.apply
        title: \(year)年度TODO职称评审工作的通知      # 通知标题，原样照录
        issuer: TODO职称办公室                        # 发文单位
        scope: 自治区                                # 自治区 | 地区（地区时还要写 region）
        # region: 阿克苏地区
        # published: \(year)-07-01                   # 通知落款日期
        series: [\(seriesID)]                         # taxonomy.yml 中的系列：\(seriesList)
        specialties: []                              # 专业，如 \(specialtyList.isEmpty ? "series/specialty" : specialtyList)；整个系列时留空

        levels:                                      # 通知涉及的每个级别
          - id: fugao
            rank: 副高级                              # 正高级 | 副高级 | 中级 | 初级
            name: TODO高级职称名称

        timeline:                                    # 北京时间；日期 YYYY-MM-DD，时刻 YYYY-MM-DD HH:MM
          - id: apply
            kind: apply                              # apply | review | feedback | payment | paper | defence | publicity | result | other
            label: 网上申报
            start: \(year)-08-01 10:00
            end: \(year)-08-31 20:00
            note: TODO 照录通知中关于申报时间的原话
            source: "#一时间安排"                     # 指向 notice.md 的标题

        # fees:                                      # 每个级别一项（通知写明评审费时）
        #   - level: fugao
        #     amount: 500
        # continuing_education:
        #   - general_years: [\(year - 4), \(year)]
        #     specialty_years: [\(year - 1), \(year)]
        #     text: 通知原文
        #     source: "#一时间安排"
        # contacts:
        #   - name: 咨询单位
        #     phones: [0991-0000000]
        # checklist:                                 # 要准备的材料
        #   - id: id-card
        #     section: 基本信息
        #     title: 身份证扫描件
        #     text: 通知原文
        #     source: "#一时间安排"

        """
    }

    private func text() -> String {
        """
        <!-- \(id)：通知全文。标题不重复（取自 notice.yml）；## 为“一、……”级标题，### 为“（一）……”级标题。 -->

        ## 一、时间安排

        TODO 照录通知全文。

        """
    }
}
