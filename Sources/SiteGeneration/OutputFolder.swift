import Foundation

/// Writes a site into a staging folder beside the output and swaps it into place only when
/// everything was written, so a failed build never leaves a half-written or empty site.
///
/// A file whose bytes are the same as the previous site's is not written again: the previous
/// file is hard-linked into the staging folder instead, so it keeps its inode and its
/// modification time, and an office's upload (rsync by time and size) sends only what changed.
/// Nothing of the previous site is ever changed in place (a changed file is a new file in the
/// staging folder), so a build that fails still leaves the previous site exactly as it was.
/// Where hard links are refused (a FAT-formatted stick), the file is written as before.
///
/// Safe to write from several threads at once: each file is written whole by one `write(2)`
/// loop, folders are made once, and the counters are kept under a lock.
final class OutputFolder: @unchecked Sendable {
    let destination: URL
    let staging: URL
    private let stagingPath: String
    private var counts = (files: 0, bytes: 0, unchanged: 0)
    private var madeFolders: Set<String> = []
    private let lock = NSLock()
    private let fileManager = FileManager.default

    var filesWritten: Int { lock.withLock { counts.files } }
    var bytesWritten: Int { lock.withLock { counts.bytes } }
    /// Files of `filesWritten` that were the same bytes as the previous site's, kept as they were.
    var filesUnchanged: Int { lock.withLock { counts.unchanged } }
    /// The previous site's folder, when there is one to compare with (nil when updating in place).
    private let previousPath: String?

    /// Writes straight into an existing site, each file replaced atomically (written beside it,
    /// then renamed): what `serve` uses to update one notice's pages while the rest stays as it is.
    let inPlace: Bool
    private var written: [String] = []
    /// Site-relative paths written, in order (kept only when updating in place).
    var writtenPaths: [String] { lock.withLock { written } }

    init(updating destination: URL) {
        self.destination = destination.standardizedFileURL
        staging = self.destination
        stagingPath = self.destination.path
        inPlace = true
        previousPath = nil
    }

    init(destination: URL) throws {
        self.destination = destination.standardizedFileURL
        let parent = self.destination.deletingLastPathComponent()
        try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        staging = parent.appendingPathComponent(".\(self.destination.lastPathComponent).staging-\(ProcessInfo.processInfo.processIdentifier)")
        if fileManager.fileExists(atPath: staging.path) { try fileManager.removeItem(at: staging) }
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
        stagingPath = staging.path
        inPlace = false
        var isFolder: ObjCBool = false
        previousPath = fileManager.fileExists(atPath: self.destination.path, isDirectory: &isFolder) && isFolder.boolValue
            ? self.destination.path : nil
    }

    /// Writes `contents` at a site-relative path such as `2024/meitan-aksu/index.html`.
    func write(_ contents: String, to path: String) throws {
        var contents = contents
        try contents.withUTF8 { try write(UnsafeRawBufferPointer($0), to: path) }
    }

    func write(_ bytes: [UInt8], to path: String) throws {
        try bytes.withUnsafeBytes { try write($0, to: path) }
    }

    func write(_ data: Data, to path: String) throws {
        try data.withUnsafeBytes { try write($0, to: path) }
    }

    func write(_ bytes: UnsafeRawBufferPointer, to path: String) throws {
        precondition(!path.hasPrefix("/") && !path.split(separator: "/").contains(".."), "output path escapes the site: \(path)")
        let finalPath = stagingPath + "/" + path
        let filePath = inPlace ? finalPath + ".noticeboard-\(ProcessInfo.processInfo.processIdentifier)" : finalPath
        if let slash = path.lastIndex(of: "/") { try makeFolder(String(path[..<slash])) }
        if let previousPath, keepPrevious(previousPath + "/" + path, as: finalPath, ifSameAs: bytes) {
            lock.withLock {
                counts.files += 1
                counts.bytes += bytes.count
                counts.unchanged += 1
            }
            return
        }
        let descriptor = open(filePath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: filePath]) }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: filePath])
            }
            offset += written
        }
        if inPlace, rename(filePath, finalPath) != 0 {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: finalPath])
        }
        lock.withLock {
            counts.files += 1
            counts.bytes += bytes.count
            if inPlace { written.append(path) }
        }
    }

    /// Hard-links the previous site's file at `previous` to `staged` when it holds exactly `bytes`.
    /// False (and nothing done) when it differs, is missing or is no regular file, or when the
    /// file system refuses the link: the caller then writes the file.
    private func keepPrevious(_ previous: String, as staged: String, ifSameAs bytes: UnsafeRawBufferPointer) -> Bool {
        let descriptor = open(previous, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        // The size first: a changed page nearly always changes its length, and then nothing is read.
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) == bytes.count else { return false }
        if bytes.count > 0 {
            let old = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 16)
            defer { old.deallocate() }
            var offset = 0
            while offset < bytes.count {
                let read = Foundation.read(descriptor, old.baseAddress! + offset, bytes.count - offset)
                if read < 0 && errno == EINTR { continue }
                guard read > 0 else { return false }
                offset += read
            }
            guard memcmp(old.baseAddress!, bytes.baseAddress!, bytes.count) == 0 else { return false }
        }
        return link(previous, staged) == 0
    }

    /// Makes a staging sub-folder (and its parents) the first time it is needed.
    /// One `mkdir` per new folder, its parent made first when missing. FileManager's
    /// `createDirectory(withIntermediateDirectories:)` looks at every component of the path first:
    /// 2 % of a build's CPU time for the 8,000 folders of 1,000 notices. Anything but a missing
    /// parent (the folder there already, as in `serve`; a file in its way) goes to FileManager,
    /// which says what is wrong.
    private func makeFolder(_ relative: String) throws {
        if lock.withLock({ madeFolders.contains(relative) }) { return }
        let full = stagingPath + "/" + relative
        if mkdir(full, 0o755) != 0 {
            if errno == ENOENT, let slash = relative.lastIndex(of: "/") {
                try makeFolder(String(relative[..<slash]))
                if mkdir(full, 0o755) != 0 { try fileManager.createDirectory(atPath: full, withIntermediateDirectories: true) }
            } else {
                try fileManager.createDirectory(atPath: full, withIntermediateDirectories: true)
            }
        }
        lock.withLock { _ = madeFolders.insert(relative) }
    }

    func copy(_ source: URL, to path: String) throws {
        try write(try Data(contentsOf: source), to: path)
    }

    /// Replaces the destination with the staged site.
    func commit() throws {
        if inPlace { return }
        let old = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        if fileManager.fileExists(atPath: destination.path) {
            try fileManager.moveItem(at: destination, to: old)
        }
        do {
            try fileManager.moveItem(at: staging, to: destination)
        } catch {
            if fileManager.fileExists(atPath: old.path) { try? fileManager.moveItem(at: old, to: destination) }
            throw error
        }
        try? fileManager.removeItem(at: old)
    }

    /// Drops the staged files; the destination is left as it was.
    func discard() {
        if inPlace { return }
        try? fileManager.removeItem(at: staging)
    }
}
