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

    /// For people: the diagnostics as `build` prints them (each with its line and a caret under
    /// the column), then one line of totals.
    public func text() -> String {
        var lines = diagnostics.isEmpty ? [] : [String(DiagnosticPrinter.render(diagnostics).dropLast())]
        let counts = ["notices": String(noticeCount), "links": String(linksChecked), "pages": String(pagesChecked),
                      "errors": String(errors), "warnings": String(warnings)]
        lines.append(siteChecked ? say("check.summary", counts) : say("check.summary.siteNotBuilt", counts))
        return lines.joined(separator: "\n")
    }
}
