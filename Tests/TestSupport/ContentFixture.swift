import Foundation

/// A throwaway content folder written from files a test spells out inline, in the manner of Hugo's
/// `hugolib.Test`: the whole input of the test stands in the test, not in a fixture folder.
///
///     let content = try ContentFixture("""
///     -- site.yml --
///     title: 测试站点
///     -- taxonomy.yml --
///     series: []
///     -- notices/2022-shuili/notice.yml --
///     id: 2022-shuili
///     -- notices/2022-shuili/notice.md --
///     ## 一、时间安排
///     """)
///     defer { content.remove() }
///
/// The text is a txtar archive: a line `-- path --` starts the file at that path (relative to the
/// folder), and each line until the next such line is the file's, ending in a line break. Text
/// before the first file is a comment.
public struct ContentFixture: Sendable {
    /// The content folder (holding site.yml, taxonomy.yml, notices/…).
    public let root: URL

    /// Writes each file of the txtar `archive`.
    public init(_ archive: String, name: String = "fixture") throws {
        try self.init(files: Self.files(inArchive: archive), name: name)
    }

    /// Writes each file with exactly the given text: for bytes a txtar archive cannot hold (CR LF
    /// line ends, no final line break).
    public init(files: [(path: String, text: String)], name: String = "fixture") throws {
        root = temporaryFolder(name)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for file in files { try write(file.text, to: file.path) }
    }

    /// The files of a txtar archive, in order.
    public static func files(inArchive archive: String) -> [(path: String, text: String)] {
        var files: [(path: String, text: String)] = []
        var lines = archive.split(separator: "\n", omittingEmptySubsequences: false)
        if archive.hasSuffix("\n") { lines.removeLast() }
        for line in lines {
            if line.hasPrefix("-- "), line.hasSuffix(" --"), line.count > 6 {
                files.append((String(line.dropFirst(3).dropLast(3)), ""))
            } else if !files.isEmpty {
                files[files.count - 1].text += line + "\n"
            }
        }
        return files
    }

    /// The URL of `path` in the folder.
    public func url(_ path: String) -> URL {
        root.appendingPathComponent(path)
    }

    /// Writes (or replaces) the file at `path`, making its folders.
    public func write(_ text: String, to path: String) throws {
        let file = url(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
    }

    public func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}
