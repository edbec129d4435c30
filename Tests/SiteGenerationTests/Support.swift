import Foundation
import NoticeModel
import Support
@testable import SiteGeneration
import TestSupport

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

/// Every file below a folder with its bytes, keyed `/path`, for comparing two builds.
func snapshot(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for path in regularFiles(under: folder) { files["/" + path] = try Data(contentsOf: folder.appendingPathComponent(path)) }
    return files
}
