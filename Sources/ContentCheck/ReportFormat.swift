import Foundation
import NoticeModel
import Support

extension ContentChecker.Report {
    /// For tools: every diagnostic with its position, and the counts. Keys sorted, so stable;
    /// laid out as JSONEncoder's `.prettyPrinted` did, and a diagnostic without a hint has no
    /// `hint` key, as JSONEncoder left out a nil.
    public func json() -> String {
        let entries: [[String: Any]] = diagnostics.map { diagnostic in
            var entry: [String: Any] = ["severity": diagnostic.severity.rawValue, "file": diagnostic.file, "line": diagnostic.line,
                                        "column": diagnostic.column, "message": diagnostic.message]
            if let hint = diagnostic.hint { entry["hint"] = hint }
            return entry
        }
        let body: [String: Any] = ["diagnostics": entries, "errors": errors, "warnings": warnings, "notices": noticeCount,
                                   "siteChecked": siteChecked, "pagesChecked": pagesChecked, "linksChecked": linksChecked]
        return JSONWriter(.prettyPrinted).encode(body)
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
