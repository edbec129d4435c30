import Foundation
import NoticeModel
import Support

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

    /// Why nothing was written, and what to do, as catalogue messages (shown in the office's language).
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var text: Message
        public var advice: Message?

        init(_ text: Message, hint advice: Message? = nil) {
            self.text = text
            self.advice = advice
        }

        public var message: String { text.text() }
        public var hint: String? { advice?.text() }
        public func message(in language: Language) -> String { text.text(in: language) }
        public func hint(in language: Language) -> String? { advice?.text(in: language) }
        public var description: String {
            message + (hint.map { "\n" + Message("diagnostic.hint.line", ["hint": $0]).text() } ?? "")
        }
    }

    /// Copies `notices/<previousID>/` to `notices/<newID>/` (newID defaults to the previous id with
    /// its year replaced) and shifts the years in its notice.yml to `year`.
    public static func copy(from previousID: String, year: Int, newID: String? = nil, contentDirectory: URL) throws(Failure) -> Result {
        let notices = contentDirectory.appendingPathComponent("notices")
        let source = notices.appendingPathComponent(previousID)
        let data = source.appendingPathComponent("notice.yml")
        guard let text = try? String(contentsOf: data, encoding: .utf8) else {
            let known = ((try? FileManager.default.contentsOfDirectory(atPath: notices.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
            throw Failure(Message("new.noSuchNotice", ["id": previousID, "folder": notices.path]),
                          hint: closestMatch(to: previousID, in: known).map { Message("new.didYouMean", ["id": $0]) }
                              ?? Message("new.knownNotices", ["ids": known.joined(separator: ", ")]))
        }
        guard let oldYear = Int(previousID.prefix(4)) ?? yearLine(in: text) else {
            throw Failure(Message("new.unknownYear", ["id": previousID]), hint: Message("new.unknownYear.hint"))
        }
        let id = newID ?? defaultID(previousID: previousID, oldYear: oldYear, newYear: year)
        try checkNewID(id, year: year)
        let target = notices.appendingPathComponent(id)
        try refuseExisting(target, id: id)

        let shift = YearShift(oldID: previousID, newID: id, oldYear: oldYear, newYear: year)
        let output: YearShift.Output
        do { output = try shift.apply(to: text) } catch {
            throw Failure(Message("new.cannotRead", ["file": data.path, "reason": error.reason.text()]), hint: Message("new.cannotRead.hint"))
        }
        var written: [String] = []
        do {
            try FileManager.default.copyItem(at: source, to: target)
            try Data(output.text.utf8).write(to: target.appendingPathComponent("notice.yml"))
            // An import draft's proposal for the taxonomy belongs to that draft: once moved into
            // taxonomy.yml it must not come back with every copy.
            let proposal = target.appendingPathComponent("taxonomy-proposal.yml")
            if FileManager.default.fileExists(atPath: proposal.path) { try FileManager.default.removeItem(at: proposal) }
            written = regularFiles(under: target).map { "notices/\(id)/\($0)" }
        } catch {
            try? FileManager.default.removeItem(at: target)
            throw Failure(Message("new.cannotWrite", ["folder": target.path, "reason": "\(error)"]), hint: Message("new.cannotWrite.hint"))
        }
        return Result(id: id, folder: target, written: written, toConfirm: output.toConfirm, changes: output.changes)
    }

    /// Writes a commented skeleton notice: every key explained, values marked TODO, dates to confirm.
    public static func skeleton(id: String, contentDirectory: URL, taxonomy: Taxonomy?) throws(Failure) -> Result {
        guard let year = Int(id.prefix(4)), id.dropFirst(4).first == "-" else {
            throw Failure(Message("new.idShape", ["id": id]), hint: Message("new.idShape.hint"))
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
            throw Failure(Message("new.cannotWrite", ["folder": target.path, "reason": "\(error)"]), hint: Message("new.cannotWrite.hint"))
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
            throw Failure(Message("new.idForYear", ["id": id, "year": "\(year)"]), hint: Message("new.idForYear.hint", ["year": "\(year)"]))
        }
    }

    private static func refuseExisting(_ target: URL, id: String) throws(Failure) {
        if FileManager.default.fileExists(atPath: target.path) {
            throw Failure(Message("new.exists", ["id": id]), hint: Message("new.exists.hint"))
        }
    }

    private static func yearLine(in text: String) -> Int? {
        lines(of: text).first { $0.hasPrefix("year:") }.flatMap { Int($0.dropFirst(5).trimmingCharacters(in: .whitespaces)) }
    }
}
