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
        /// What the document was, in Chinese: "Word 文档，段落 120 个，表格 2 个".
        public var documentDescription: String
        /// Problems `build` would report with the draft (none expected), as printed diagnostics.
        public var buildProblems: [String]
        /// A converter's leftovers that were dropped, in Chinese ("书签 1 处").
        public var removed: [String]
    }

    /// An import that cannot go on, in Chinese, with what to do.
    public struct Failure: Error, Sendable {
        public var message: String
        public var hint: String?
    }

    public static func run(file: URL, id: String?, contentDirectory: URL, displayRoot: String? = nil) throws(Failure) -> Result {
        if let id, !isNoticeID(id) {
            throw Failure(message: "--id “\(id)” 的格式不对", hint: "写成“年份-英文短名”，如 2025-weisheng-yili（小写字母、数字和连字符）")
        }
        let noticesDir = contentDirectory.appendingPathComponent("notices")
        guard FileManager.default.fileExists(atPath: contentDirectory.appendingPathComponent("site.yml").path) else {
            throw Failure(message: "\(contentDirectory.path) 不是网站的内容文件夹（其中没有 site.yml）", hint: "在网站文件夹中运行，或用 --content 指明内容文件夹")
        }
        guard let taxonomy = ContentLoader.siteTaxonomy(from: contentDirectory) else {
            throw Failure(message: "读不了 \(contentDirectory.path)/taxonomy.yml", hint: "先运行 noticeboard check，按提示改正 taxonomy.yml")
        }
        let document: ReadDocument
        do { document = try DocumentReader.read(file) } catch { throw Failure(message: error.message, hint: error.hint) }
        let outline = NoticeOutline(document)
        guard !outline.body.isEmpty || !outline.attachments.isEmpty else {
            throw Failure(message: "《\(file.lastPathComponent)》中没有可读的正文", hint: "请确认打开的是通知正文文件")
        }
        let draft: NoticeDraft
        do {
            draft = try NoticeDrafter(outline: outline, taxonomy: taxonomy, fileName: file.lastPathComponent, requestedID: id,
                                      removed: document.removed).draft()
        } catch {
            throw Failure(message: "无法确定评审年度：标题、日期和继续教育年度中都没有印出年份", hint: "用 --id 指定，如 --id 2025-weisheng")
        }
        if let id, let idYear = Int(id.prefix(4)), idYear != draft.year {
            throw Failure(message: "--id 的年份 \(idYear) 与通知的评审年度 \(draft.year) 不一致，未做任何改动",
                          hint: "评审年度的依据：\(draft.yearNote)。年度无误时用 --id \(draft.year)-\(id.dropFirst(5))")
        }
        let target = noticesDir.appendingPathComponent(draft.id)
        if FileManager.default.fileExists(atPath: target.path) {
            throw Failure(message: "notices/\(draft.id) 已经存在，未做任何改动", hint: "换一个 --id，或先把已有的文件夹移走")
        }
        let earlier = importedBefore(file.lastPathComponent, in: noticesDir)
        try write(draft, to: target, in: noticesDir)
        let problems = buildProblems(contentDirectory, folder: draft.id, displayRoot: displayRoot)
        var summary = draft.summary
        for other in earlier { summary.notes.append("notices/\(other) 也是从同名文件《\(file.lastPathComponent)》导入的；是否重复导入？") }
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
            throw Failure(message: "写入 notices/\(draft.id) 失败：\(error.localizedDescription)", hint: "检查内容文件夹是否可写、磁盘是否已满")
        }
    }

    /// The draft read back as `build` reads it: its errors, if any, so the summary can say so.
    private static func buildProblems(_ contentDirectory: URL, folder: String, displayRoot: String?) -> [String] {
        ContentLoader.load(from: contentDirectory, displayRoot: displayRoot).diagnostics
            .filter { $0.severity == .error && $0.file.contains("notices/\(folder)/") }
            .map(\.description)
    }

    private static func describe(_ document: ReadDocument) -> String {
        var paragraphs = 0, tables = 0
        for block in document.blocks {
            if case .table = block { tables += 1 } else { paragraphs += 1 }
        }
        let kind = switch document.format {
        case .docx: "Word 文档"
        case .text: "文本文件（\(document.encoding ?? "UTF-8")）"
        case .markdown: "Markdown 文件"
        }
        return "\(kind)，段落 \(paragraphs) 个" + (tables > 0 ? "，表格 \(tables) 个" : "")
    }
}
