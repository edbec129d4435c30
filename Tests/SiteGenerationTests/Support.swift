import Foundation
import NoticeModel
@testable import SiteGeneration

/// The repository root, found from this file, so tests run from any working directory.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func temporaryFolder(_ name: String) -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("nb-\(name)-\(UUID().uuidString)")
}

/// A copy of the sample content, in a temporary folder, that a test may break.
func copyOfContent(_ name: String = "content") throws -> URL {
    let copy = temporaryFolder(name)
    try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("content"), to: copy)
    return copy
}

func buildSite(content: URL = repositoryRoot.appendingPathComponent("content"), output: URL, theme: String? = nil,
               themes: URL = repositoryRoot.appendingPathComponent("themes")) throws -> SiteBuilder.Report {
    try SiteBuilder(options: .init(contentDirectory: content, outputDirectory: output, themesDirectory: themes, themeName: theme,
                                   contentDisplayPath: "content")).build()
}

func read(_ folder: URL, _ path: String) throws -> String {
    try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
}

/// The text a reader sees: tags removed, entities decoded, white space collapsed.
func visibleText(_ html: String) -> String {
    var text = html.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
    for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
        text = text.replacingOccurrences(of: entity, with: character)
    }
    return text.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
}

/// Every file below a folder with its bytes, for comparing two builds.
func snapshot(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let base = folder.standardizedFileURL.path
    for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)! {
        var isDirectory: ObjCBool = false
        FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        if !isDirectory.boolValue { files[String(url.standardizedFileURL.path.dropFirst(base.count))] = try Data(contentsOf: url) }
    }
    return files
}
