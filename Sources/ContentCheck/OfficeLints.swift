import Foundation
import NoticeComparison
import NoticeModel

/// The checks an office wants before publishing that go beyond "does it load": things that are
/// probably wrong (a date in another year, a deadline after the review), and things not finished
/// (dates still to confirm, TODO left in). Each is a diagnostic at the line and column concerned.
public enum OfficeLints {
    /// `predecessor`: last year's notice of the same office (NoticeComparison.predecessor), whose
    /// dates and years left in this notice's words are reported.
    public static func run(_ notice: Notice, contentDirectory: URL, predecessor: Notice? = nil) -> [Diagnostic] {
        var log = DiagnosticLog()
        deadlinesAfterReview(notice, log: &log)
        stillToConfirm(notice, log: &log)
        let markdown = TextPlaces.markdown(notice)
        var stale = DiagnosticLog()
        if let text = try? String(contentsOf: contentDirectory.appendingPathComponent(notice.directory).appendingPathComponent("notice.yml"), encoding: .utf8) {
            let root = (try? YAMLNode.compose(text)) ?? nil
            let data = root.map { TextPlaces.yaml($0, text: text, file: notice.dataPath) } ?? []
            if let predecessor {
                let previousData = (try? String(contentsOf: contentDirectory.appendingPathComponent(predecessor.directory)
                    .appendingPathComponent("notice.yml"), encoding: .utf8)) ?? ""
                StaleYears.check(notice, predecessor: predecessor, places: data + markdown,
                                 previousWords: previousData + "\n" + predecessor.markdown, log: &stale)
            }
            // A date the stale-year check reported is not reported again as outside the year, nor
            // as disagreeing with the data at the same place: correcting the year settles both.
            let reported = Set(stale.all.map { SourceLocation(file: $0.file, line: $0.line, column: $0.column) })
            var agreement = DiagnosticLog()
            FactAgreement.check(notice, data: data, markdown: markdown, log: &agreement)
            log.append(contentsOf: agreement.all.filter { !reported.contains(SourceLocation(file: $0.file, line: $0.line, column: $0.column)) })
            if let root {
                datesInText(notice, root: root, skipping: reported, meantLines: Set(data.filter(\.meant).map(\.line)), log: &log)
            }
            todos(in: text, file: notice.dataPath, commentsToo: false, log: &log)
        }
        log.append(contentsOf: stale.all)
        todos(in: notice.markdown, file: notice.markdownPath, commentsToo: true, log: &log)
        for template in notice.templates where !template.bodyPath.isEmpty {
            todos(in: template.body, file: template.bodyPath, commentsToo: true, log: &log)
        }
        return log.all
    }

    /// Applying or answering a return after the review has finished is impossible: such a
    /// deadline is a typo in the month or the year.
    static func deadlinesAfterReview(_ notice: Notice, log: inout DiagnosticLog) {
        let reviews = notice.timeline.filter { $0.kind == .review && $0.end != nil }
        for event in notice.timeline where [.apply, .feedback].contains(event.kind) {
            guard let deadline = event.end else { continue }
            for review in reviews where overlaps(event.levels, review.levels) {
                guard let reviewEnd = review.end, reviewEnd.isoEnd < deadline.isoEnd, review.id != event.id else { continue }
                log.warning(event.location, Message("check.deadlineAfterReview", ["event": event.id, "date": deadline.description,
                                                                                  "review": review.id, "reviewDate": reviewEnd.description]),
                            hint: Message("check.deadlineAfterReview.hint"))
            }
        }
    }

    private static func overlaps(_ a: [Located<String>], _ b: [Located<String>]) -> Bool {
        a.isEmpty || b.isEmpty || !Set(a.map(\.value)).isDisjoint(with: b.map(\.value))
    }

    /// Every fact still marked to confirm, at its `to_confirm` line, with the value and the
    /// notice's sentence it was read from, so the office can compare the two without searching.
    static func stillToConfirm(_ notice: Notice, log: inout DiagnosticLog) {
        if notice.toConfirm.isEmpty { return }
        let facts = Dictionary(notice.confirmableFacts.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        for entry in notice.toConfirm {
            guard let fact = facts[entry.value] else { continue }
            let label = fact.value.map { Message("check.toConfirm.value", ["label": fact.label, "value": $0, "key": entry.value]) }
                ?? Message("check.toConfirm", ["label": fact.label, "key": entry.value])
            let hint = notice.toConfirmSentences[entry.value].map { Message("check.toConfirm.hintSentence", ["sentence": $0]) }
                ?? Message("check.toConfirm.hint")
            log.warning(entry.location, label, hint: hint)
        }
    }

    /// A full date written in a text of the data (`2023年9月15日`) in a year other than the
    /// notice's: usually a misprint copied from the notice, or last year's date left in.
    /// `as_printed`, `correction` and `transcription_notes` quote misprints on purpose and are skipped.
    /// `reported`: dates the stale-year check reported already; `meantLines`: lines marked `# 年份无误`.
    static func datesInText(_ notice: Notice, root: YAMLNode, skipping reported: Set<SourceLocation> = [], meantLines: Set<Int> = [],
                            log: inout DiagnosticLog) {
        let skipped: Set<String> = ["as_printed", "correction", "transcription_notes", "year_note", "to_confirm"]
        func walk(_ node: YAMLNode, key: String?) {
            switch node {
            case let .mapping(mapping):
                for (keyNode, value) in mapping where !skipped.contains(keyNode.string ?? "") { walk(value, key: keyNode.string) }
            case let .sequence(sequence):
                for item in sequence { walk(item, key: key) }
            case let .scalar(scalar):
                guard let mark = node.mark else { return }
                for found in chineseDates(in: scalar.string) where found.year != notice.year {
                    let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
                    let column = scalar.string.contains("\n") ? mark.column : mark.column + found.offset + (quoted ? 1 : 0)
                    let location = SourceLocation(file: notice.dataPath, line: mark.line, column: column)
                    guard !reported.contains(location), !meantLines.contains(mark.line) else { continue }
                    log.warning(location, Message("check.dateOutsideYear", ["key": key ?? "value", "date": found.text, "year": String(notice.year)]),
                                hint: Message("check.dateOutsideYear.hint"))
                }
            }
        }
        walk(root, key: nil)
    }

    struct ChineseDate: Equatable {
        var year: Int
        var text: String
        /// Offset of the match in Unicode scalars.
        var offset: Int
    }

    /// `2023年9月15日` (with month and day, so `2021-2024年度` and `2023年` alone are not dates).
    static func chineseDates(in text: String) -> [ChineseDate] {
        let scalars = Array(text.unicodeScalars)
        var found: [ChineseDate] = []
        var index = 0
        func digits(from start: Int, max: Int) -> (Int, Int)? {
            var end = start
            while end < scalars.count, end - start < max, ("0"..."9").contains(scalars[end]) { end += 1 }
            guard end > start else { return nil }
            return (Int(String(String.UnicodeScalarView(scalars[start..<end])))!, end)
        }
        while index < scalars.count {
            let previousIsDigit = index > 0 && ("0"..."9").contains(scalars[index - 1])
            if !previousIsDigit, let (year, afterYear) = digits(from: index, max: 4), afterYear - index == 4,
               afterYear < scalars.count, scalars[afterYear] == "年",
               let (month, afterMonth) = digits(from: afterYear + 1, max: 2), (1...12).contains(month),
               afterMonth < scalars.count, scalars[afterMonth] == "月",
               let (day, afterDay) = digits(from: afterMonth + 1, max: 2), (1...31).contains(day),
               afterDay < scalars.count, scalars[afterDay] == "日" {
                found.append(ChineseDate(year: year, text: String(String.UnicodeScalarView(scalars[index...afterDay])), offset: index))
                index = afterDay + 1
                continue
            }
            index += 1
        }
        return found
    }

    /// `TODO` left in a value (or, in Markdown, anywhere): the skeleton marks what to replace so.
    static func todos(in text: String, file: String, commentsToo: Bool, log: inout DiagnosticLog) {
        // Most texts have none: one search of the whole text instead of one per line (`build`
        // runs these lints over every notice to count what is open).
        guard hasBytes("TODO", in: text) else { return }
        forEachLine(of: text) { line, number in
            var content = line
            if !commentsToo {
                if content.trimmingCharacters(in: .whitespaces).hasPrefix("#") { return }
                if let comment = content.range(of: " #") { content = content[..<comment.lowerBound] }
            }
            guard let range = content.range(of: "TODO") else { return }
            let column = line[line.startIndex..<range.lowerBound].unicodeScalars.count + 1
            log.warning(SourceLocation(file: file, line: number, column: column),
                        Message("check.todo", ["text": String(content.trimmingCharacters(in: .whitespaces).prefix(60))]),
                        hint: Message("check.todo.hint"))
        }
    }
}
