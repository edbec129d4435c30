import DocumentReading
import Foundation
import NoticeModel

/// `noticeboard import`: an office's notice document (.docx, .txt, .md) to a new notice folder
/// whose every extracted value waits under `to_confirm`. Writes nothing but that folder, and
/// nothing at all when it fails.
public enum NoticeImporter {
    public struct Result: Sendable {
        public var id: String
        /// The new folder, and the files written in it (relative to the content folder).
        public var folder: URL
        public var written: [String]
        public var summary: ImportSummary
        /// What the document was: "Word 文档，段落 120 个，表格 2 个".
        public var documentDescription: Message
        /// Problems `build` would report with the draft (none expected), as printed diagnostics.
        public var buildProblems: [String]
        /// A converter's leftovers that were dropped ("书签 1 处").
        public var removed: [Message]
    }

    /// An import that cannot go on, with what to do, as catalogue messages.
    public struct Failure: Error, Sendable {
        public var text: Message
        public var advice: Message?
        /// A document that could not be read says why in its own words (DocumentReading).
        var reading: DocumentReadingError?

        init(_ text: Message, hint advice: Message? = nil) {
            self.text = text
            self.advice = advice
        }

        init(_ reading: DocumentReadingError) {
            self.init(reading.text, hint: reading.advice)
            self.reading = reading
        }

        public var message: String { message(in: .current) }
        public var hint: String? { hint(in: .current) }
        public func message(in language: Language) -> String { reading?.message(in: language) ?? text.text(in: language) }
        public func hint(in language: Language) -> String? { reading.map { $0.hint(in: language) } ?? advice?.text(in: language) }
    }

    public static func run(file: URL, id: String?, contentDirectory: URL, displayRoot: String? = nil) throws(Failure) -> Result {
        if let id, !isNoticeID(id) {
            throw Failure(Message("import.badID", ["id": id]), hint: Message("import.badID.hint"))
        }
        let noticesDir = contentDirectory.appendingPathComponent("notices")
        guard FileManager.default.fileExists(atPath: contentDirectory.appendingPathComponent("site.yml").path) else {
            throw Failure(Message("import.notContentFolder", ["folder": contentDirectory.path]), hint: Message("import.notContentFolder.hint"))
        }
        guard let taxonomy = ContentLoader.siteTaxonomy(from: contentDirectory) else {
            throw Failure(Message("import.taxonomyUnreadable", ["file": contentDirectory.path + "/taxonomy.yml"]), hint: Message("import.taxonomyUnreadable.hint"))
        }
        let document: ReadDocument
        do { document = try DocumentReader.read(file) } catch { throw Failure(error) }
        let outline = NoticeOutline(document)
        guard !outline.body.isEmpty || !outline.attachments.isEmpty else {
            throw Failure(Message("import.noBody", ["file": file.lastPathComponent]), hint: Message("import.noBody.hint"))
        }
        let draft: NoticeDraft
        do {
            draft = try NoticeDrafter(outline: outline, taxonomy: taxonomy, fileName: file.lastPathComponent, requestedID: id,
                                      removed: document.removed).draft()
        } catch {
            throw Failure(Message("import.noYear"), hint: Message("import.noYear.hint"))
        }
        if let id, let idYear = Int(id.prefix(4)), idYear != draft.year {
            throw Failure(Message("import.yearMismatch", ["idYear": "\(idYear)", "year": "\(draft.year)"]),
                          hint: Message("import.yearMismatch.hint", ["why": draft.yearNote.text(), "id": "\(draft.year)-\(id.dropFirst(5))"]))
        }
        let target = noticesDir.appendingPathComponent(draft.id)
        if FileManager.default.fileExists(atPath: target.path) {
            throw Failure(Message("import.exists", ["id": draft.id]), hint: Message("import.exists.hint"))
        }
        let earlier = importedBefore(file.lastPathComponent, in: noticesDir)
        try write(draft, to: target, in: noticesDir)
        let problems = buildProblems(contentDirectory, folder: draft.id, displayRoot: displayRoot)
        var summary = draft.summary
        for other in earlier { summary.notes.append(Message("import.note.importedBefore", ["id": other, "file": file.lastPathComponent])) }
        return Result(id: draft.id, folder: target, written: draft.files.map { "notices/\(draft.id)/\($0.path)" }, summary: summary,
                      documentDescription: describe(document), buildProblems: problems, removed: document.removed)
    }

    /// Notices already drafted from a file of the same name (`imported_from` / `source_file`).
    private static func importedBefore(_ name: String, in noticesDir: URL) -> [String] {
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: noticesDir.path))?.filter { !$0.hasPrefix(".") }.sorted() ?? []
        let lines = ["imported_from: " + YAMLText.quoted(name), "source_file: " + YAMLText.quoted(name), "source_file: " + name]
        return folders.filter { folder in
            guard let text = try? String(contentsOf: noticesDir.appendingPathComponent(folder).appendingPathComponent("notice.yml"), encoding: .utf8)
            else { return false }
            return text.split(separator: "\n").contains { line in lines.contains(String(line)) }
        }
    }

    /// Written into a hidden folder beside the target, then renamed: the notice appears whole or not at all.
    private static func write(_ draft: NoticeDraft, to target: URL, in noticesDir: URL) throws(Failure) {
        let staging = noticesDir.appendingPathComponent(".import-\(draft.id)-\(getpid())")
        do {
            // A content folder whose notices/ was lost (an empty folder is not kept by git or zip) gets it back.
            try FileManager.default.createDirectory(at: noticesDir, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: staging.appendingPathComponent("templates"), withIntermediateDirectories: true)
            for file in draft.files {
                try Data(file.text.utf8).write(to: staging.appendingPathComponent(file.path))
            }
            if !draft.files.contains(where: { $0.path.hasPrefix("templates/") }) {
                try FileManager.default.removeItem(at: staging.appendingPathComponent("templates"))
            }
            try FileManager.default.moveItem(at: staging, to: target)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw Failure(Message("import.cannotWrite", ["id": draft.id, "reason": error.localizedDescription]), hint: Message("import.cannotWrite.hint"))
        }
    }

    /// The draft read back as `build` reads it: its errors, if any, so the summary can say so.
    private static func buildProblems(_ contentDirectory: URL, folder: String, displayRoot: String?) -> [String] {
        ContentLoader.load(from: contentDirectory, displayRoot: displayRoot).diagnostics
            .filter { $0.severity == .error && $0.file.contains("notices/\(folder)/") }
            .map(\.description)
    }

    private static func describe(_ document: ReadDocument) -> Message {
        var paragraphs = 0, tables = 0
        for block in document.blocks {
            if case .table = block { tables += 1 } else { paragraphs += 1 }
        }
        let counts = ["paragraphs": "\(paragraphs)", "tables": "\(tables)", "encoding": document.encoding ?? "UTF-8"]
        return switch (document.format, tables > 0) {
        case (.docx, false): Message("import.document.docx", counts)
        case (.docx, true): Message("import.document.docxTables", counts)
        case (.text, false): Message("import.document.text", counts)
        case (.text, true): Message("import.document.textTables", counts)
        case (.markdown, false): Message("import.document.markdown", counts)
        case (.markdown, true): Message("import.document.markdownTables", counts)
        }
    }
}
