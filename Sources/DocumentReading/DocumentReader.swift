import Foundation

/// Reads `.docx`, `.txt` (UTF-8 or GB18030) and `.md` into a `ReadDocument`, within limits that
/// keep a hostile file from exhausting the machine. Nothing is written anywhere and nothing is
/// fetched: external entities and DTDs are refused.
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
        throw DocumentReadingError("尚未实现")  // replaced by the reader's implementation
    }
}
