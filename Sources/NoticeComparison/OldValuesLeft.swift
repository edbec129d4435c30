import NoticeModel

extension NoticeComparison {
    /// Values this year's data changed whose old value still stands in this year's words: the
    /// fee raised from 700 to 800 in `fees` while payment.text and notice.md still say 700元, the
    /// deadline moved in `timeline` while its note and heading still print last year's day.
    /// `dataText` is the new notice's notice.yml, for the places of its texts.
    public static func oldValuesLeft(from old: Notice, to new: Notice, dataText: String) -> [Diagnostic] {
        let data = TextPlaces.yaml(dataText, file: new.dataPath)
        let markdown = TextPlaces.markdown(new)
        var log = DiagnosticLog()

        let before = Dictionary(old.fees.map { ($0.level.value, $0.amount) }, uniquingKeysWith: { a, _ in a })
        if new.fees.contains(where: { fee in before[fee.level.value].map { $0 != fee.amount } ?? false }) {
            for written in WrittenFee.all(in: data.filter { $0.path == "payment.text" } + markdown) {
                guard let fee = fee(namedBy: written.levelWords, in: new), let was = before[fee.level.value],
                      was != fee.amount, written.amount == was else { continue }
                log.warning(written.location,
                            Message("check.diff.oldFee", ["level": new.level(fee.level.value)?.name ?? fee.level.value,
                                                          "was": String(was), "amount": String(fee.amount)]),
                            hint: Message("check.diff.oldValue.hint"))
            }
        }

        let delta = new.year - old.year
        for event in new.timeline {
            guard let end = event.end,
                  let previous = old.timeline.first(where: { $0.id == event.id }) ?? old.timeline.first(where: { $0.kind == event.kind && $0.label == event.label }),
                  let was = previous.end?.moved(byYears: delta), was != end
            else { continue }
            for written in WrittenDate.all(in: event.placesOfDeadline(in: new, data: data, markdown: markdown), year: new.year)
            where written.isDay(of: was) && !written.isDay(of: end) {
                log.warning(written.location,
                            Message("check.diff.oldDate", ["event": event.label, "written": written.words, "was": previous.end?.description ?? was.description,
                                                           "date": end.description]),
                            hint: Message("check.diff.oldValue.hint"))
            }
        }
        return DiagnosticLog.sortedList(log.all)
    }
}

extension DiagnosticLog {
    static func sortedList(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var log = DiagnosticLog()
        log.append(contentsOf: diagnostics)
        return log.sorted
    }
}
