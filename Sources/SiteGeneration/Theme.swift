import Foundation
import NoticeModel
import TemplateRendering

/// A theme: Mustache templates and static assets. A named theme overrides the default one file by
/// file, so an office can change a single template or the stylesheet and keep the rest.
public struct Theme: Sendable {
    public let name: String
    let library: TemplateLibrary
    /// Output path (relative to the site root) → file to copy, in a stable order.
    let assets: [(path: String, source: URL)]
    /// A handout's scripts, in the order they run: the site's page scripts, then `handout/handout.js`.
    let handoutScripts: [String]
    /// A handout's stylesheet: the site's, then `handout/handout.css`.
    let handoutStyles: String

    /// The site's scripts a handout carries, in the order a page would load them.
    static let handoutPageScripts = ["status.js", "rules.js", "profile.js", "checklist.js", "calculator.js", "templates.js", "search.js"]

    public struct LoadError: Error, CustomStringConvertible {
        public let diagnostics: [Diagnostic]
        public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
    }

    /// - Parameters:
    ///   - themesDirectory: the folder holding `default/` and any other theme.
    ///   - name: the theme to apply over `default`, or nil for the default alone.
    public static func load(themesDirectory: URL, name: String?) throws(LoadError) -> Theme {
        let fileManager = FileManager.default
        var layers = [themesDirectory.appendingPathComponent("default")]
        if let name, name != "default" {
            let custom = themesDirectory.appendingPathComponent(name)
            guard fileManager.fileExists(atPath: custom.path) else {
                let known = (try? fileManager.contentsOfDirectory(atPath: themesDirectory.path))?.sorted() ?? []
                throw LoadError(diagnostics: [Diagnostic(.error, file: custom.path, line: 1, column: 1, message: "theme '\(name)' not found",
                                                         hint: "themes here: \(known.joined(separator: ", "))")])
            }
            layers.append(custom)
        }
        guard fileManager.fileExists(atPath: layers[0].path) else {
            throw LoadError(diagnostics: [Diagnostic(.error, file: layers[0].path, line: 1, column: 1, message: "the default theme is missing",
                                                     hint: "run from the project folder or pass --themes")])
        }

        var templateFiles: [String: URL] = [:]
        var assetFiles: [String: URL] = [:]
        var handoutFiles: [String: URL] = [:]
        for layer in layers {
            for (relative, url) in files(under: layer.appendingPathComponent("templates")) where relative.hasSuffix(".mustache") {
                templateFiles[String(relative.dropLast(".mustache".count))] = url
            }
            for (relative, url) in files(under: layer.appendingPathComponent("assets")) {
                assetFiles["assets/" + relative] = url
            }
            for (relative, url) in files(under: layer.appendingPathComponent("handout")) {
                handoutFiles[relative] = url
            }
        }

        var library = TemplateLibrary()
        var problems: [Diagnostic] = []
        for (templateName, url) in templateFiles.sorted(by: { $0.key < $1.key }) {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                problems.append(Diagnostic(.error, file: url.path, line: 1, column: 1, message: "template cannot be read as UTF-8 text",
                                           hint: "save the template as UTF-8"))
                continue
            }
            do throws(TemplateSyntaxError) {
                try library.register(text, named: templateName)
            } catch {
                problems.append(Diagnostic(.error, file: url.path, line: error.line, column: error.column, message: error.message,
                                           hint: "check the Mustache tags are balanced"))
            }
        }
        for required in ["layout", "home", "notice", "listing", "checklist", "checklist-hub", "template", "search", "404", "handout"] where templateFiles[required] == nil {
            problems.append(Diagnostic(.error, file: layers.last!.appendingPathComponent("templates/\(required).mustache").path, line: 1, column: 1,
                                       message: "theme has no '\(required)' template"))
        }
        var handoutScripts: [String] = []
        var handoutStyles = ""
        let handoutSources = handoutPageScripts.map { ("assets/" + $0, assetFiles["assets/" + $0]) }
            + [("handout/handout.js", handoutFiles["handout.js"])]
        for (path, url) in handoutSources {
            guard let url, let text = try? String(contentsOf: url, encoding: .utf8) else {
                problems.append(Diagnostic(.error, file: layers.last!.appendingPathComponent(path).path, line: 1, column: 1,
                                           message: "theme has no '\(path)', which handouts carry inline"))
                continue
            }
            handoutScripts.append(HandoutCompaction.script(text))
        }
        for (path, url) in [("assets/site.css", assetFiles["assets/site.css"]), ("handout/handout.css", handoutFiles["handout.css"])] {
            guard let url, let text = try? String(contentsOf: url, encoding: .utf8) else {
                problems.append(Diagnostic(.error, file: layers.last!.appendingPathComponent(path).path, line: 1, column: 1,
                                           message: "theme has no '\(path)', which handouts carry inline"))
                continue
            }
            handoutStyles += HandoutCompaction.style(text) + "\n"
        }
        if !problems.isEmpty { throw LoadError(diagnostics: problems) }
        return Theme(name: name ?? "default", library: library,
                     assets: assetFiles.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                     handoutScripts: handoutScripts, handoutStyles: handoutStyles)
    }

    /// Renders one of the theme's templates with a page model; "" when the theme has no such template.
    func render(_ context: [String: Any], template: String) -> String {
        library.render(context, template: template) ?? ""
    }

    /// As `render`, as UTF-8 bytes ready to write.
    func renderBytes(_ context: [String: Any], template: String) -> [UInt8] {
        library.renderBytes(context, template: template) ?? []
    }

    /// Every regular file below a folder but hidden ones (`.DS_Store`, editors' swap files), as
    /// relative path → URL, sorted.
    private static func files(under directory: URL) -> [(String, URL)] {
        regularFiles(under: directory)
            .filter { relative in !relative.split(separator: "/").contains { $0.hasPrefix(".") } }
            .map { ($0, directory.appendingPathComponent($0)) }
    }
}
