import CDefaultTheme
import Foundation
import NoticeModel
import Support
import TemplateRendering

/// A theme: Mustache templates and static assets. A named theme overrides the default one file by
/// file, so an office can change a single template or the stylesheet and keep the rest.
public struct Theme: Sendable {
    public let name: String
    let library: TemplateLibrary
    /// Output path (relative to the site root) → file to copy, in a stable order.
    let assets: [(path: String, source: ThemeFile)]
    /// A handout's scripts, in the order they run: the site's page scripts, then `handout/handout.js`.
    let handoutScripts: [String]
    /// A handout's stylesheet: the site's, then `handout/handout.css`.
    let handoutStyles: String


    public struct LoadError: Error, CustomStringConvertible {
        public let diagnostics: [Diagnostic]
        public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
    }

    /// The layers, each file by file over the one before: the default theme built into the binary,
    /// then `<themesDirectory>/default` when it is there (the repository's copy, or an office's
    /// edited one), then the named theme.
    ///
    /// - Parameters:
    ///   - themesDirectory: the folder holding `default/` and any other theme; it need not exist.
    ///   - name: the theme to apply over `default`, or nil for the default alone.
    public static func load(themesDirectory: URL, name: String?) throws(LoadError) -> Theme {
        let fileManager = FileManager.default
        var layers = [themesDirectory.appendingPathComponent("default")]
        if let name, name != "default" {
            let custom = themesDirectory.appendingPathComponent(name)
            guard fileManager.fileExists(atPath: custom.path) else {
                let known = (try? fileManager.contentsOfDirectory(atPath: themesDirectory.path))?.sorted() ?? []
                throw LoadError(diagnostics: [Diagnostic(.error, file: custom.path, line: 1, column: 1, Message("theme.not_found", ["name": name]),
                                                         hint: known.isEmpty ? Message("theme.not_found.none", ["folder": themesDirectory.path])
                                                                             : Message("theme.not_found.known", ["themes": known.joined(separator: ", ")]))])
            }
            layers.append(custom)
        }

        var templateFiles: [String: ThemeFile] = [:]
        var assetFiles: [String: ThemeFile] = [:]
        var handoutFiles: [String: ThemeFile] = [:]
        func add(_ relative: String, _ file: ThemeFile) {
            if relative.hasPrefix("templates/"), relative.hasSuffix(".mustache") {
                templateFiles[String(relative.dropFirst("templates/".count).dropLast(".mustache".count))] = file
            } else if relative.hasPrefix("assets/") {
                assetFiles[relative] = file
            } else if relative.hasPrefix("handout/") {
                handoutFiles[String(relative.dropFirst("handout/".count))] = file
            }
        }
        for (relative, bytes) in BuiltInTheme.files { add(relative, .builtIn(relative, bytes)) }
        for layer in layers {
            for folder in ["templates", "assets", "handout"] {
                for (relative, url) in files(under: layer.appendingPathComponent(folder)) { add(folder + "/" + relative, .disk(url)) }
            }
        }
        // Where a missing file would be looked for: the named theme, or the default on disk.
        let lastLayer = layers.last!

        var library = TemplateLibrary()
        var problems: [Diagnostic] = []
        for (templateName, file) in templateFiles.sorted(by: { $0.key < $1.key }) {
            guard let text = file.text() else {
                problems.append(Diagnostic(.error, file: file.displayPath, line: 1, column: 1, Message("theme.template.not_utf8"),
                                           hint: Message("theme.template.not_utf8.hint")))
                continue
            }
            do throws(TemplateSyntaxError) {
                try library.register(text, named: templateName)
            } catch {
                problems.append(Diagnostic(.error, file: file.displayPath, line: error.line, column: error.column,
                                           Message("theme.template.syntax", ["problem": error.message]),
                                           hint: Message("theme.template.syntax.hint")))
            }
        }
        for required in ThemeContract.templates.map(\.name) where templateFiles[required] == nil {
            problems.append(Diagnostic(.error, file: lastLayer.appendingPathComponent("templates/\(required).mustache").path, line: 1, column: 1,
                                       Message("theme.template.missing", ["name": required])))
        }
        var handoutScripts: [String] = []
        var handoutStyles = ""
        let handoutSources = ThemeContract.handoutScripts.map { ("assets/" + $0, assetFiles["assets/" + $0]) }
            + [("handout/handout.js", handoutFiles["handout.js"])]
        for (path, file) in handoutSources {
            guard let file, let text = file.text() else {
                problems.append(Diagnostic(.error, file: lastLayer.appendingPathComponent(path).path, line: 1, column: 1,
                                           Message("theme.handout_part.missing", ["path": path])))
                continue
            }
            handoutScripts.append(HandoutCompaction.script(text))
        }
        for (path, file) in [("assets/site.css", assetFiles["assets/site.css"]), ("handout/handout.css", handoutFiles["handout.css"])] {
            guard let file, let text = file.text() else {
                problems.append(Diagnostic(.error, file: lastLayer.appendingPathComponent(path).path, line: 1, column: 1,
                                           Message("theme.handout_part.missing", ["path": path])))
                continue
            }
            handoutStyles += HandoutCompaction.style(text) + "\n"
        }
        if !problems.isEmpty { throw LoadError(diagnostics: problems) }
        return Theme(name: name ?? "default", library: library,
                     assets: assetFiles.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                     handoutScripts: handoutScripts, handoutStyles: handoutStyles)
    }

    /// Renders one of the theme's templates with a page model, as UTF-8 bytes ready to write; empty
    /// when the theme has no such template. Every page body also gets `root`, the prefix that leads
    /// back to the site's root (`../../`), for its scripts and styles; inside a handout, which
    /// carries the scripts inline once, also `inHandout`, so a page leaves out its script tags.
    func renderBytes(_ model: some PageModel, template: String, root: String?, inHandout: Bool = false) -> [UInt8] {
        var value = TemplateEncoder.encode(model)
        if let root { value = value.adding("root", .string(root)) }
        if inHandout { value = value.adding("inHandout", .bool(true)) }
        return library.renderBytes(value, template: template) ?? []
    }

    /// Every regular file below a folder but hidden ones (`.DS_Store`, editors' swap files), as
    /// relative path → URL, sorted.
    private static func files(under directory: URL) -> [(String, URL)] {
        regularFiles(under: directory)
            .filter { relative in !relative.split(separator: "/").contains { $0.hasPrefix(".") } }
            .map { ($0, directory.appendingPathComponent($0)) }
    }
}

/// One file of a theme: read from a theme folder, or built into the binary (the default theme).
enum ThemeFile: Sendable {
    case disk(URL)
    case builtIn(String, [UInt8])

    /// Where a diagnostic says the file is: its path, or the built-in theme's name for it.
    var displayPath: String {
        switch self {
        case .disk(let url): url.path
        case .builtIn(let relative, _): Message("theme.builtin.path", ["path": relative]).text()
        }
    }

    /// The file as UTF-8 text; nil when it is not.
    func text() -> String? {
        switch self {
        case .disk(let url): try? String(contentsOf: url, encoding: .utf8)
        case .builtIn(_, let bytes): String(bytes: bytes, encoding: .utf8)
        }
    }
}

extension OutputFolder {
    /// Copies a theme file into the site: from its folder, or from the binary.
    func copy(_ source: ThemeFile, to path: String) throws {
        switch source {
        case .disk(let url): try copy(url, to: path)
        case .builtIn(_, let bytes): try write(bytes, to: path)
        }
    }
}

/// The default theme as built into the binary (Sources/CDefaultTheme, generated from
/// themes/default/ by its generate.py): relative path → bytes, sorted by path.
public enum BuiltInTheme {
    public static let files: [(path: String, bytes: [UInt8])] = {
        var count: UInt = 0
        guard let table = noticeboard_default_theme(&count) else { return [] }
        return (0..<Int(count)).map { index in
            let file = table[index]
            return (String(cString: file.path), Array(UnsafeBufferPointer(start: file.bytes, count: Int(file.length))))
        }
    }()
}
