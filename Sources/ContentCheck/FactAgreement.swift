import FactExtraction
import NoticeComparison
import NoticeModel

/// A fact the notice states twice — in the data and in its words — must say the same in both:
/// a clerk who changes the fee in `fees` or a deadline in `timeline` easily leaves the old value
/// in the sentence an applicant reads.
///
/// Only what is clearly the same fact is compared, to keep false alarms away: a fee amount whose
/// words name a level of the notice (or the notice's only fee), a deadline in the event's own note
/// or under the heading its `source` points at (when no other dated event shares it), and the
/// continuing-education years read from the rule's own text.
enum FactAgreement {
    static func check(_ notice: Notice, data: [PlacedText], markdown: [PlacedText], log: inout DiagnosticLog) {
        fees(notice, places: data.filter { $0.path == "payment.text" } + markdown, log: &log)
        deadlines(notice, data: data, markdown: markdown, log: &log)
        continuingEducation(notice, data: data, log: &log)
    }

    // MARK: - Fees

    static func fees(_ notice: Notice, places: [PlacedText], log: inout DiagnosticLog) {
        guard !notice.fees.isEmpty else { return }
        for written in WrittenFee.all(in: places) {
            guard let fee = NoticeComparison.fee(namedBy: written.levelWords, in: notice), fee.amount != written.amount else { continue }
            let level = notice.level(fee.level.value)?.name ?? fee.level.value
            log.warning(written.location,
                        Message("check.feeDisagrees", ["level": level, "written": String(written.amount), "amount": String(fee.amount),
                                                       "place": where_(fee.level.location)]),
                        hint: Message("check.feeDisagrees.hint"))
        }
    }

    // MARK: - Deadlines

    /// The deadlines the event's note and heading state, reported when none of them is the
    /// event's end (a second date in the same words may be another step's).
    static func deadlines(_ notice: Notice, data: [PlacedText], markdown: [PlacedText], log: inout DiagnosticLog) {
        for event in notice.timeline {
            guard let end = event.end else { continue }
            for places in [data.filter { $0.path == "timeline[\(event.id)].note" },
                           event.placesOfDeadline(in: notice, data: [], markdown: markdown)] {
                // One day alone counts only for an event that is one moment (no start).
                let written = WrittenDate.all(in: places, year: notice.year).filter { !$0.single || event.start == nil }
                guard !written.isEmpty, !written.contains(where: { $0.isDay(of: end) }) else { continue }
                for found in written {
                    log.warning(found.location,
                                Message("check.deadlineDisagrees", ["written": found.words, "event": event.label, "date": end.description,
                                                                    "place": where_(event.location)]),
                                hint: Message("check.deadlineDisagrees.hint"))
                }
            }
        }
    }

    // MARK: - Continuing education

    static func continuingEducation(_ notice: Notice, data: [PlacedText], log: inout DiagnosticLog) {
        for (index, rule) in notice.continuingEducation.enumerated() {
            let texts = data.filter { $0.path == "continuing_education[\(index)].text" && !$0.meant }
            for place in texts {
                for mention in FactRules.continuingEducation(in: place.text, year: notice.year) {
                    guard let years = mention.years else { continue }
                    let stated: ClosedRange<Int>?
                    let course: String
                    switch mention.course {
                    case .general: stated = rule.generalYears; course = "general_years"
                    case .specialty: stated = rule.specialtyYears; course = "specialty_years"
                    case .any:
                        // Continuing education in general: compared only when both courses say the same.
                        guard rule.generalYears == rule.specialtyYears else { continue }
                        stated = rule.generalYears; course = "general_years"
                    }
                    guard let stated, stated != years else { continue }
                    let column = yearsColumn(years, words: mention.words, in: place.text)
                    log.warning(place.location(at: column),
                                Message("check.ceYearsDisagree", ["written": span(years), "key": course, "years": span(stated), "place": where_(rule.location)]),
                                hint: Message("check.ceYearsDisagree.hint"))
                }
            }
        }
    }

    /// The column of the first year of a range in the text (the mention's words may start at its course).
    private static func yearsColumn(_ years: ClosedRange<Int>, words: String, in text: String) -> Int {
        let start = scalarOffset(of: words, in: text) ?? 0
        let tail = String(String.UnicodeScalarView(Array(text.unicodeScalars)[start...]))
        return start + (scalarOffset(of: String(years.lowerBound), in: tail) ?? 0)
    }

    /// `2021–2024`, or `2021` for one year.
    private static func span(_ years: ClosedRange<Int>) -> String {
        years.lowerBound == years.upperBound ? String(years.lowerBound) : "\(years.lowerBound)–\(years.upperBound)"
    }

    /// `notice.yml:57`: the other place, named in the message.
    static func where_(_ location: SourceLocation) -> String {
        "\(location.file):\(location.line)"
    }
}
