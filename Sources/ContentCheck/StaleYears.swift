import NoticeComparison
import NoticeModel

/// Last year's dates and years left in this year's notice.
///
/// `noticeboard new --from` moves the data's dates and years, but the notice's words (notice.md,
/// the notes and texts of notice.yml) are last year's until the office rewrites them, and a
/// date missed there is the one an applicant believes. A mention is stale when it names the
/// previous notice's year — a date in it, its review year (`2024年度`), a span of years ending
/// in it (`2021-2024年`) — and the previous notice has the same words, so it was copied and never
/// moved (a span moved on correctly, `2021-2023年` → `2022-2024年`, is not in last year's words).
/// A line marked `年份无误` and words citing a document (`《…》`, `〔2024〕`) are not reported.
enum StaleYears {
    static func check(_ notice: Notice, predecessor: Notice, places: [PlacedText], previousWords: String, log: inout DiagnosticLog) {
        let oldYear = predecessor.year
        guard notice.year > oldYear else { return }
        for place in places where !place.meant {
            for mention in YearMention.scan(place.text) where mention.years.upperBound == oldYear {
                // A date is specific enough on its own; a review year or span is compared with the
                // words after it, so `2024年度考核` written fresh is not last year's `2024年度职称评审`.
                guard previousWords.contains(mention.words + mention.followedBy) else { continue }
                let hint = place.isMarkdown
                    ? Message("check.staleYear.hintMarkdown", ["year": String(oldYear)])
                    : Message("check.staleYear.hintData", ["year": String(oldYear)])
                let text: Message
                switch mention.form {
                case .date:
                    text = Message("check.staleYear.date", ["text": mention.words, "year": String(oldYear), "previous": predecessor.id])
                case .reviewYear:
                    text = Message("check.staleYear.reviewYear", ["text": mention.words, "year": String(oldYear), "previous": predecessor.id])
                case .range:
                    text = Message("check.staleYear.range", ["text": mention.words, "year": String(oldYear), "previous": predecessor.id])
                }
                log.warning(place.location(at: mention.offset), text, hint: hint)
            }
        }
    }
}
