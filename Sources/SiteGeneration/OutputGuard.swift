import Foundation
import NoticeModel

/// A build replaces its output folder whole. Before it does, this refuses the folders whose loss
/// a person would not expect: the content folder itself (or one holding it, such as `--output .`
/// run inside it), a folder inside the content, and a folder of other files. An empty folder and
/// a site built before (an `index.html` at its top) are replaced as always.
enum OutputGuard {
    static func problem(content: URL, output: URL) -> Diagnostic? {
        let contentPath = canonical(content)
        let outputPath = canonical(output)
        let suggestion = (content.standardizedFileURL.lastPathComponent.isEmpty ? "site" : content.standardizedFileURL.lastPathComponent) + "-发布"
        func refuse(_ key: String, _ extra: [String: String] = [:]) -> Diagnostic {
            Diagnostic(.error, file: output.path, line: 1, column: 1,
                       Message(key, ["output": output.path, "content": content.path].merging(extra) { $1 }),
                       hint: Message("build.output.hint", ["suggestion": suggestion]))
        }
        if outputPath == contentPath || contentPath.hasPrefix(outputPath.hasSuffix("/") ? outputPath : outputPath + "/") {
            return refuse("build.output.isContent")
        }
        if outputPath.hasPrefix(contentPath + "/") {
            return refuse("build.output.insideContent")
        }
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: outputPath)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        if !entries.isEmpty, !entries.contains("index.html") {
            return refuse("build.output.notASite", ["example": entries[0]])
        }
        return nil
    }

    /// The absolute path with `.`, `..` and symbolic links resolved, so `--output ./内容/..` is
    /// seen for what it is.
    private static func canonical(_ url: URL) -> String {
        let path = url.standardizedFileURL.resolvingSymlinksInPath().path
        return path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }
}
