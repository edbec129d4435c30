import Foundation
import NoticeModel

/// `noticeboard init`: a new office's content folder, every file commented in Chinese, that
/// builds and checks as it is. It writes only files that are not there yet: any one of them
/// already present and it writes nothing at all, so an office's own work is never replaced.
public enum SiteStarter {
    public enum Failure: Error, Sendable {
        /// These files are already there (relative paths); nothing was written.
        case existing([String])
        /// A file or folder could not be written.
        case unwritable(path: String, reason: String)

        public var message: Message {
            switch self {
            case .existing(let paths): Message("init.refused.existing", ["files": paths.joined(separator: "、")])
            case .unwritable(let path, let reason): Message("init.refused.unwritable", ["path": path, "reason": reason])
            }
        }

        public var hint: Message {
            switch self {
            case .existing: Message("init.refused.existing.hint")
            case .unwritable: Message("init.refused.unwritable.hint")
            }
        }
    }

    /// The files, by path relative to the site folder, in the order they are written.
    public static var files: [(path: String, text: String)] {
        [("site.yml", StarterFiles.site), ("taxonomy.yml", StarterFiles.taxonomy), ("calendar.yml", StarterFiles.calendar),
         ("notices/说明.txt", StarterFiles.noticesReadme)]
    }

    /// Writes the files into `directory` (made when missing) and returns their paths as written.
    @discardableResult
    public static func start(in directory: URL) throws(Failure) -> [String] {
        let fileManager = FileManager.default
        let existing = files.map(\.path).filter { fileManager.fileExists(atPath: directory.appendingPathComponent($0).path) }
        if !existing.isEmpty { throw .existing(existing) }
        var written: [String] = []
        for (relative, text) in files {
            let url = directory.appendingPathComponent(relative)
            do {
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                // withoutOverwriting: a file that appeared since the check above is still not replaced.
                try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            } catch {
                throw .unwritable(path: url.path, reason: (error as NSError).localizedDescription)
            }
            written.append(url.path)
        }
        return written
    }
}
