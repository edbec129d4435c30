import Foundation

/// Writes a site into a staging folder beside the output and swaps it into place only when
/// everything was written, so a failed build never leaves a half-written or empty site.
final class OutputFolder {
    let destination: URL
    let staging: URL
    private(set) var filesWritten = 0
    private(set) var bytesWritten = 0
    private let fileManager = FileManager.default

    init(destination: URL) throws {
        self.destination = destination.standardizedFileURL
        let parent = self.destination.deletingLastPathComponent()
        try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        staging = parent.appendingPathComponent(".\(self.destination.lastPathComponent).staging-\(ProcessInfo.processInfo.processIdentifier)")
        if fileManager.fileExists(atPath: staging.path) { try fileManager.removeItem(at: staging) }
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    /// Writes `contents` at a site-relative path such as `2024/meitan-aksu/index.html`.
    func write(_ contents: String, to path: String) throws {
        try write(Data(contents.utf8), to: path)
    }

    func write(_ data: Data, to path: String) throws {
        precondition(!path.hasPrefix("/") && !path.split(separator: "/").contains(".."), "output path escapes the site: \(path)")
        let url = staging.appendingPathComponent(path)
        try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        filesWritten += 1
        bytesWritten += data.count
    }

    func copy(_ source: URL, to path: String) throws {
        try write(try Data(contentsOf: source), to: path)
    }

    /// Replaces the destination with the staged site.
    func commit() throws {
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
        try? fileManager.removeItem(at: staging)
    }
}
