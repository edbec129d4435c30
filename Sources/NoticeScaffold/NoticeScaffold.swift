import Foundation
import NoticeModel

/// `noticeboard new`: starts this year's notice from last year's (years shifted, dates marked
/// to-confirm) or from a commented skeleton. It writes a new folder under `notices/` and never
/// touches an existing one.
public enum NoticeScaffold {
    public struct Result: Sendable {
        public var id: String
        /// The new folder.
        public var folder: URL
        /// Files written, relative to the content folder.
        public var written: [String]
        /// The dates listed under `to_confirm`.
        public var toConfirm: [String]
        /// `key: old → new` for every value the copy changed.
        public var changes: [String]
    }

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var hint: String?
        public var description: String { message + (hint.map { "\n  hint: \($0)" } ?? "") }
    }

    /// Copies `notices/<previousID>/` to `notices/<newID>/` (newID defaults to the previous id with
    /// its year replaced) and shifts the years in its notice.yml to `year`.
    public static func copy(from previousID: String, year: Int, newID: String? = nil, contentDirectory: URL) throws(Failure) -> Result {
        let notices = contentDirectory.appendingPathComponent("notices")
        let source = notices.appendingPathComponent(previousID)
        let data = source.appendingPathComponent("notice.yml")
        guard let text = try? String(contentsOf: data, encoding: .utf8) else {
            let known = ((try? FileManager.default.contentsOfDirectory(atPath: notices.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
            throw Failure(message: "no notice '\(previousID)' in \(notices.path)",
                          hint: closestMatch(to: previousID, in: known).map { "did you mean '\($0)'?" } ?? "notices: \(known.joined(separator: ", "))")
        }
        guard let oldYear = Int(previousID.prefix(4)) ?? yearLine(in: text) else {
            throw Failure(message: "cannot tell the year of '\(previousID)'", hint: "its notice.yml needs `year:`")
        }
        let id = newID ?? defaultID(previousID: previousID, oldYear: oldYear, newYear: year)
        try checkNewID(id, year: year)
        let target = notices.appendingPathComponent(id)
        try refuseExisting(target, id: id)

        let shift = YearShift(oldID: previousID, newID: id, oldYear: oldYear, newYear: year)
        let output: YearShift.Output
        do { output = try shift.apply(to: text) } catch {
            throw Failure(message: "cannot read \(data.path): \(error)", hint: "run `noticeboard check` on it first")
        }
        var written: [String] = []
        do {
            try FileManager.default.copyItem(at: source, to: target)
            try Data(output.text.utf8).write(to: target.appendingPathComponent("notice.yml"))
            written = regularFiles(under: target).map { "notices/\(id)/\($0)" }
        } catch {
            try? FileManager.default.removeItem(at: target)
            throw Failure(message: "cannot write \(target.path): \(error)", hint: "check the content folder is writable")
        }
        return Result(id: id, folder: target, written: written, toConfirm: output.toConfirm, changes: output.changes)
    }

    /// Writes a commented skeleton notice: every key explained, values marked TODO, dates to confirm.
    public static func skeleton(id: String, contentDirectory: URL, taxonomy: Taxonomy?) throws(Failure) -> Result {
        guard let year = Int(id.prefix(4)), id.dropFirst(4).first == "-" else {
            throw Failure(message: "the id '\(id)' must be YEAR-slug", hint: "e.g. 2025-shuili; it becomes the page address 2025/shuili/")
        }
        try checkNewID(id, year: year)
        let target = contentDirectory.appendingPathComponent("notices").appendingPathComponent(id)
        try refuseExisting(target, id: id)
        let series = taxonomy?.series.first
        let files = Skeleton(id: id, year: year, series: series, allSeries: taxonomy?.series ?? []).files()
        do {
            for (relative, text) in files {
                let url = target.appendingPathComponent(relative)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
        } catch {
            try? FileManager.default.removeItem(at: target)
            throw Failure(message: "cannot write \(target.path): \(error)", hint: "check the content folder is writable")
        }
        return Result(id: id, folder: target, written: files.map { "notices/\(id)/\($0.0)" }, toConfirm: Skeleton.toConfirm, changes: [])
    }

    static func defaultID(previousID: String, oldYear: Int, newYear: Int) -> String {
        previousID.hasPrefix("\(oldYear)-") ? "\(newYear)-" + previousID.dropFirst(5) : "\(newYear)-\(previousID)"
    }

    private static func checkNewID(_ id: String, year: Int) throws(Failure) {
        let slugOK = !id.isEmpty && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
            && !id.contains("--") && !id.hasSuffix("-")
        guard slugOK, id.hasPrefix("\(year)-"), id.count > 5 else {
            throw Failure(message: "the new id '\(id)' must be \(year)-slug in lower-case ASCII", hint: "pass --id \(year)-name")
        }
    }

    private static func refuseExisting(_ target: URL, id: String) throws(Failure) {
        if FileManager.default.fileExists(atPath: target.path) {
            throw Failure(message: "notices/\(id)/ already exists; nothing was written",
                          hint: "a notice is never overwritten: pick another id with --id, or delete the folder yourself")
        }
    }

    private static func yearLine(in text: String) -> Int? {
        lines(of: text).first { $0.hasPrefix("year:") }.flatMap { Int($0.dropFirst(5).trimmingCharacters(in: .whitespaces)) }
    }
}
