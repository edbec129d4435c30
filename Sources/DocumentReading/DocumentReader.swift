import Foundation

/// Reads `.docx`, `.txt` (UTF-8 or GB18030) and `.md` into a `ReadDocument`, within limits that
/// keep a hostile file from exhausting the machine. Nothing is written anywhere and nothing is
/// fetched: external entities and DTDs are refused.
///
/// Every failure is a `DocumentReadingError` in Chinese, never a crash or a hang:
/// - a file over `Limits.fileBytes` (20 MiB as standard) is refused before it is read whole; an empty
///   file is refused;
/// - what the bytes are decides over the name: an old `.doc` or a PDF renamed to `.docx` gets the
///   message for what it really is, with how to save it as .docx in Word/WPS (and LibreOffice's
///   command line when `soffice` is installed; it is never run);
/// - a .docx is unzipped in memory: an entry declared or found while inflating to be over
///   `Limits.entryBytes` (32 MiB), or entries together over `Limits.totalBytes` (64 MiB), stop the
///   reading (zip bombs); an entry named with "..", an absolute path or a drive letter makes the
///   archive refused; an encrypted, damaged or truncated archive is an error;
/// - each XML part must be UTF-8 with no `<!DOCTYPE` or `<!ENTITY` (Word writes neither; they are
///   how external entities and "billion laughs" get in), nesting at most 256 deep and at most two
///   million elements;
/// - a text file must decode entirely as UTF-8 (BOM or not), UTF-16 with a BOM, or GB18030.
public enum DocumentReader {
    public struct Limits: Sendable {
        /// Largest input file, in bytes.
        public var fileBytes: Int
        /// Largest inflated size of one zip entry, and of all entries read together.
        public var entryBytes: Int
        public var totalBytes: Int

        public static let standard = Limits(fileBytes: 20 << 20, entryBytes: 32 << 20, totalBytes: 64 << 20)

        public init(fileBytes: Int, entryBytes: Int, totalBytes: Int) {
            self.fileBytes = fileBytes
            self.entryBytes = entryBytes
            self.totalBytes = totalBytes
        }
    }

    public static func read(_ file: URL, limits: Limits = .standard) throws(DocumentReadingError) -> ReadDocument {
        let path = file.path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw .unreadable(path, Message("read.reason.missing"))
        }
        if isFolder.boolValue { throw .unreadable(path, Message("read.reason.folder")) }
        // The size is checked before reading, so a huge file is never loaded.
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        if size > limits.fileBytes { throw .tooLarge(size, limit: limits.fileBytes) }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(path, Message("read.reason.permission")) }
        defer { try? handle.close() }
        // Read at most one byte over the limit: a file that grew since it was measured is still caught.
        let data: Data
        do {
            data = try handle.read(upToCount: limits.fileBytes + 1) ?? Data()
        } catch {
            throw .unreadable(path, Message("read.reason.failed"))
        }
        if data.count > limits.fileBytes { throw .tooLarge(data.count, limit: limits.fileBytes) }
        return try read(data: [UInt8](data), fileExtension: file.pathExtension, fileName: file.lastPathComponent, limits: limits)
    }

    /// Reads a document from bytes, as `read(_:limits:)` does once the file is loaded; the format
    /// comes from `fileExtension` ("docx", "txt", "md", any case, with or without a dot) and from
    /// what the bytes turn out to be. `fileName` only appears in messages (LibreOffice's command).
    public static func read(data bytes: [UInt8], fileExtension: String, fileName: String? = nil,
                            limits: Limits = .standard) throws(DocumentReadingError) -> ReadDocument {
        let ext = fileExtension.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        let name = fileName ?? "文件名.\(ext)"
        if bytes.count > limits.fileBytes { throw .tooLarge(bytes.count, limit: limits.fileBytes) }
        if bytes.isEmpty { throw .empty }

        let sniffed = SniffedFormat(bytes)
        let readable = ["docx", "txt", "text", "md", "markdown"].contains(ext)
        if let kind = UnsupportedFormat.describe(sniffed: sniffed) {
            // Content first: "通知.docx" that is really a .doc should hear that it is a .doc.
            throw UnsupportedFormat.error(kind: kind, fileName: name, claimedExtension: readable ? ext : nil)
        }
        if !readable {
            let kind = UnsupportedFormat.describe(extension: ext) ?? (ext.isEmpty ? Message("read.kind.noExtension") : Message("read.kind.extension", ["ext": ext]))
            throw UnsupportedFormat.error(kind: kind, fileName: name)
        }
        if ext == "docx" || sniffed == .zip {
            // A zip named .txt is read for what it is; a .docx that is not a zip is not a Word document.
            guard sniffed == .zip else {
                throw .docxNotWord
            }
            return try DocxReader.read(bytes, fileName: name, claimedExtension: ext, limits: limits)
        }
        let (text, encoding) = try TextDecoding.decode(bytes)
        return PlainText.read(text, encoding: encoding, markdown: ext == "md" || ext == "markdown")
    }
}
