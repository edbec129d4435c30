import Foundation
import Support
import Testing

/// What `new` reports it copied and what the build compares: every regular file, relative, sorted.
@Suite("File listing")
struct FileListingTests {
    @Test("regular files below a folder, as sorted relative paths; folders themselves are not listed")
    func relativeAndSorted() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nb-listing-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for path in ["b.txt", "a/z.md", "a/b/c.yml", "附件/表格.md"] {
            let file = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: file)
        }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("empty"), withIntermediateDirectories: true)
        #expect(regularFiles(under: folder) == ["a/b/c.yml", "a/z.md", "b.txt", "附件/表格.md"])
        #expect(regularFiles(under: folder.appendingPathComponent("missing")).isEmpty)
    }
}
