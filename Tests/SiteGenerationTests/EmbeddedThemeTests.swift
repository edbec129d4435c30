import Foundation
import NoticeModel
import Support
import TestSupport
import Testing
@testable import SiteGeneration

/// The default theme built into the binary (Sources/CDefaultTheme) against themes/default/.
@Suite("The built-in default theme")
struct EmbeddedThemeTests {
    /// Fails when themes/default/ changed and the embedded copy was not regenerated: run `make theme`.
    @Test("is themes/default/ byte for byte, file for file")
    func embeddedCopyMatchesTheFolder() throws {
        let folder = repositoryRoot.appendingPathComponent("themes/default")
        let onDisk = regularFiles(under: folder).filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }.sorted()
        #expect(BuiltInTheme.files.map(\.path) == onDisk, "run `make theme` to regenerate Sources/CDefaultTheme/default_theme.c")
        for (path, bytes) in BuiltInTheme.files {
            let disk = try Data(contentsOf: folder.appendingPathComponent(path))
            #expect(Data(bytes) == disk, "\(path) differs from themes/default/: run `make theme`")
        }
    }

    @Test("builds the sample site with no themes folder at all, the same as with themes/")
    func buildsWithoutAThemesFolder() throws {
        let withFolder = temporaryFolder("with-themes"), without = temporaryFolder("without-themes")
        defer { for folder in [withFolder, without] { try? FileManager.default.removeItem(at: folder) } }
        _ = try buildSite(output: withFolder)
        _ = try buildSite(output: without, themes: temporaryFolder("no-such-themes-folder"))
        let files = regularFiles(under: withFolder).sorted()
        #expect(files == regularFiles(under: without).sorted())
        for path in files {
            #expect(try Data(contentsOf: withFolder.appendingPathComponent(path)) == Data(contentsOf: without.appendingPathComponent(path)), "\(path)")
        }
    }

    @Test("a default theme on disk still overrides the built-in one file by file")
    func diskDefaultOverridesFileByFile() throws {
        let themes = temporaryFolder("themes")
        defer { try? FileManager.default.removeItem(at: themes) }
        try FileManager.default.createDirectory(at: themes.appendingPathComponent("default/assets"), withIntermediateDirectories: true)
        try Data("body { color: teal }\n".utf8).write(to: themes.appendingPathComponent("default/assets/site.css"))
        let theme = try Theme.load(themesDirectory: themes, name: nil)
        let css = try #require(theme.assets.first { $0.path == "assets/site.css" })
        guard case .disk = css.source else { Issue.record("site.css should come from the folder"); return }
        let search = try #require(theme.assets.first { $0.path == "assets/search.js" })
        guard case .builtIn = search.source else { Issue.record("search.js should be the built-in one"); return }
        #expect(theme.handoutStyles.contains("color: teal"))
    }

    @Test("an unknown --theme is an error that names the folder, in the office's language")
    func unknownThemeNamesTheFolder() {
        #expect(throws: Theme.LoadError.self) { try Theme.load(themesDirectory: temporaryFolder("none"), name: "blue") }
        do {
            _ = try Theme.load(themesDirectory: temporaryFolder("none"), name: "blue")
        } catch {
            #expect(error.diagnostics.first?.message(in: .zh).contains("找不到主题") == true)
        }
    }
}
