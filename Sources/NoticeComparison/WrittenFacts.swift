import FactExtraction
import NoticeModel

/// An amount of a fee written in the notice's words, where its digits are.
public struct WrittenFee: Sendable {
    public var amount: Int
    public var levelWords: String?
    public var place: PlacedText
    /// Offset of the amount's digits in the place's text.
    public var offset: Int

    public var location: SourceLocation { place.location(at: offset) }

    /// The fee amounts in the places' sentences about fees (FactRules.fees), a line marked as meant skipped.
    public static func all(in places: [PlacedText]) -> [WrittenFee] {
        var found: [WrittenFee] = []
        for place in places where !place.meant {
            for (sentence, offset) in sentencesWithOffsets(place.text) where sentence.contains("元") {
                var searchFrom = sentence.startIndex
                for mention in FactRules.fees(in: sentence) {
                    guard let amount = mention.amount, let wordsRange = sentence[searchFrom...].range(of: mention.words) else { continue }
                    searchFrom = wordsRange.upperBound
                    let digits = sentence[wordsRange].range(of: String(amount))?.lowerBound ?? wordsRange.lowerBound
                    found.append(WrittenFee(amount: amount, levelWords: mention.levelWords, place: place,
                                            offset: offset + sentence[..<digits].unicodeScalars.count))
                }
            }
        }
        return found
    }
}

/// A deadline written in the notice's words: a range's end or a `截至…`, or one day alone.
public struct WrittenDate: Sendable {
    public var date: NoticeDate
    public var single: Bool
    public var words: String
    public var place: PlacedText
    public var offset: Int

    public var location: SourceLocation { place.location(at: offset) }

    public static func all(in places: [PlacedText], year: Int) -> [WrittenDate] {
        var found: [WrittenDate] = []
        for place in places where !place.meant {
            for (sentence, offset) in sentencesWithOffsets(place.text) {
                for mention in FactRules.dates(in: sentence, year: year) {
                    guard let date = mention.end ?? (mention.form == .single ? mention.start : nil) else { continue }
                    found.append(WrittenDate(date: date, single: mention.form == .single, words: mention.words, place: place,
                                             offset: offset + (scalarOffset(of: mention.words, in: sentence) ?? 0)))
                }
            }
        }
        return found
    }

    /// The same day, and the same time when both say one. The year is left to the stale-year
    /// check: a text's date often prints none.
    public func isDay(of end: BeijingDateTime) -> Bool {
        guard date.month == end.month, date.day == end.day else { return false }
        if let hour = date.hour, let endHour = end.hour {
            return hour == endHour && (date.minute ?? 0) == (end.minute ?? 0)
        }
        return true
    }
}

extension TimelineEvent {
    /// Where the notice's words state this event's deadline: its note, and the Markdown under the
    /// heading its `source` points at when no other dated event of the notice shares that heading.
    public func placesOfDeadline(in notice: Notice, data: [PlacedText], markdown: [PlacedText]) -> [PlacedText] {
        var places = data.filter { $0.path == "timeline[\(id)].note" }
        // `source` is read without its `#`.
        if let anchor = source?.value, notice.timeline.filter({ $0.end != nil && $0.source?.value == anchor }).count == 1 {
            places += markdown.filter { $0.section == anchor }
        }
        return places
    }
}
