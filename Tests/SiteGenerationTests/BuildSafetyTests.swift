import Foundation
import TestSupport
import Testing
@testable import SiteGeneration

@Suite("Building safely")
struct BuildSafetyTests {
    @Test("a broken content folder gives diagnostics and leaves the previous site untouched")
    func failedBuildKeepsPreviousSite() throws {
        let content = try copyOfContent(), output = temporaryFolder("keep")
        defer { try? FileManager.default.removeItem(at: content); try? FileManager.default.removeItem(at: output) }
        _ = try buildSite(content: content, output: output)
        let before = try snapshot(output)

        try edit(content.appendingPathComponent("notices/2022-shuili/notice.yml")) {
            $0.replacingOccurrences(of: "issuer:", with: "isuer:").replacingOccurrences(of: "2022-08-31 20:00", with: "2022-08-32 20:00")
        }

        let failure = #expect(throws: SiteBuilder.Failure.self) { try buildSite(content: content, output: output) }
        let messages = failure?.diagnostics.map { $0.description(in: .en) } ?? []
        #expect(messages.contains { $0.contains("content/notices/2022-shuili/notice.yml:") && $0.contains("unknown key 'isuer'") && $0.contains("did you mean 'issuer'?") })
        #expect(messages.contains { $0.contains("impossible date") })
        #expect(try snapshot(output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
            .filter { $0.hasPrefix(".\(output.lastPathComponent).") }
        #expect(leftovers.isEmpty)
    }

    @Test("an anchor that is not a heading of the text is an error at the source line")
    func brokenAnchor() throws {
        let content = try copyOfContent(), output = temporaryFolder("anchor")
        defer { try? FileManager.default.removeItem(at: content); try? FileManager.default.removeItem(at: output) }
        let file = content.appendingPathComponent("notices/2022-shuili/notice.yml")
        let yml = try String(contentsOf: file, encoding: .utf8)
        let firstSource = try #require(yml.range(of: "source: \"#"))
        try yml.replacingCharacters(in: firstSource, with: "source: \"#不存在的").write(to: file, atomically: true, encoding: .utf8)
        let failure = #expect(throws: SiteBuilder.Failure.self) { try buildSite(content: content, output: output) }
        let line = yml[..<firstSource.lowerBound].filter { $0 == "\n" }.count + 1
        #expect(failure?.diagnostics.contains { $0.line == line && $0.message(in: .en).contains("is not a heading of") } == true)
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test("text from content is escaped everywhere it appears")
    func contentIsEscaped() throws {
        let content = try copyOfContent(), output = temporaryFolder("escape")
        defer { try? FileManager.default.removeItem(at: content); try? FileManager.default.removeItem(at: output) }
        try edit(content.appendingPathComponent("notices/2022-shuili/notice.yml")) {
            $0.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: <script>alert(1)</script>\"><img src=x onerror=alert(2)>")
        }
        try edit(content.appendingPathComponent("notices/2022-shuili/notice.md")) { $0 + "\n\n<script>alert(3)</script> [x](javascript:alert(4))\n" }
        _ = try buildSite(content: content, output: output)
        for page in ["2022/shuili/index.html", "index.html", "series/gongcheng/shuili/index.html", "feed.xml"] {
            let html = try read(output, page)
            #expect(!html.contains("<script>alert"), "\(page)")
            #expect(!html.contains("<img src=x"), "\(page)")
            #expect(!html.lowercased().contains("javascript:alert"), "\(page)")
        }
        #expect(try read(output, "2022/shuili/index.html").contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test("a theme overrides the default file by file")
    func themeOverride() throws {
        let themes = temporaryFolder("themes"), output = temporaryFolder("themed")
        defer { try? FileManager.default.removeItem(at: themes); try? FileManager.default.removeItem(at: output) }
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("themes/default"), to: themes.appendingPathComponent("default"))
        let custom = themes.appendingPathComponent("office/templates")
        try FileManager.default.createDirectory(at: custom, withIntermediateDirectories: true)
        try "<h1>办公室首页</h1>".write(to: custom.appendingPathComponent("home.mustache"), atomically: true, encoding: .utf8)
        _ = try buildSite(output: output, theme: "office", themes: themes)
        #expect(try read(output, "index.html").contains("<h1>办公室首页</h1>"))
        #expect(try read(output, "2022/shuili/index.html").contains("id=\"facts-title\""))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("assets/site.css").path))

        let missing = #expect(throws: SiteBuilder.Failure.self) { try buildSite(output: temporaryFolder("none"), theme: "nope", themes: themes) }
        #expect(missing?.diagnostics.contains { $0.message(in: .en) == "theme 'nope' not found" } == true)
    }
}
