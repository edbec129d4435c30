import NoticeModel

extension NoticeComparison {
    /// The fee an amount's level words name: the longest level name in them (`高级工程师`, not
    /// `工程师`), else the rank they say (正高, 副高 or 高级, 中级, 初级 or 助理). Without level words,
    /// the notice's only fee. Nil when unclear, or when the rank has fees of different amounts.
    public static func fee(namedBy words: String?, in notice: Notice) -> Fee? {
        guard let words, !words.isEmpty else { return notice.fees.count == 1 ? notice.fees[0] : nil }
        let named = notice.levels.filter { words.contains($0.name) }.max { $0.name.count < $1.name.count }
        if let named { return notice.fees.first { $0.level.value == named.id } }
        let rank: Rank?
        if words.contains("正高") { rank = .zhenggao }
        else if words.contains("副高") { rank = .fugao }
        else if words.contains("高级") { rank = notice.levels.contains { $0.rank == .fugao } ? .fugao : .zhenggao }
        else if words.contains("中级") { rank = .zhongji }
        else if words.contains("初级") || words.contains("助理") { rank = .chuji }
        else { rank = nil }
        guard let rank else { return nil }
        let ids = Set(notice.levels.filter { $0.rank == rank }.map(\.id))
        let fees = notice.fees.filter { ids.contains($0.level.value) }
        guard let first = fees.first, fees.allSatisfy({ $0.amount == first.amount }) else { return nil }
        return first
    }
}
