import Foundation
import NoticeModel

extension ContentChecker.Report {
    /// For tools: every diagnostic with its position, and the counts. Keys sorted, so stable.
    public func json() -> String {
        struct Entry: Encodable {
            var severity: String, file: String, line: Int, column: Int, message: String, hint: String?
        }
        struct Body: Encodable {
            var diagnostics: [Entry]
            var errors: Int, warnings: Int, notices: Int
            var siteChecked: Bool, pagesChecked: Int, linksChecked: Int
        }
        let body = Body(diagnostics: diagnostics.map { Entry(severity: $0.severity.rawValue, file: $0.file, line: $0.line, column: $0.column,
                                                             message: $0.message, hint: $0.hint) },
                        errors: errors, warnings: warnings, notices: noticeCount,
                        siteChecked: siteChecked, pagesChecked: pagesChecked, linksChecked: linksChecked)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(body)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// For people: the diagnostics as `build` prints them, then one line of totals.
    public func text() -> String {
        var lines = diagnostics.map(\.description)
        var summary = "Checked \(noticeCount) notice\(noticeCount == 1 ? "" : "s")"
        if siteChecked { summary += " and \(linksChecked) links on \(pagesChecked) pages" } else { summary += " (the site could not be built, so its links were not checked)" }
        summary += ": \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")."
        lines.append(summary)
        return lines.joined(separator: "\n")
    }
}
