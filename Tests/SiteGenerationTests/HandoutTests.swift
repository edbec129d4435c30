import Foundation
import TestSupport
import Testing
@testable import SiteGeneration

@Suite struct HandoutTests {
    private func sampleHandouts(date: Date = Date(timeIntervalSince1970: 1_763_770_000)) throws -> [HandoutBuilder.Handout] {
        let options = SiteBuilder.Options(contentDirectory: repositoryRoot.appendingPathComponent("content"),
                                          outputDirectory: temporaryFolder("unused"),
                                          themesDirectory: repositoryRoot.appendingPathComponent("themes"), contentDisplayPath: "content")
        return try HandoutBuilder(options: options, generatedAt: date).handouts(ids: nil)
    }

    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.digest([]).map { String(format: "%02x", $0) }.joined()
            == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.digest(Array("abc".utf8)).map { String(format: "%02x", $0) }.joined()
            == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256.digest(long).map { String(format: "%02x", $0) }.joined()
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.cspSource(for: "abc") == "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='")
    }

    @Test func linksBecomeViewsOfTheFileOrStopBeingLinks() {
        let links = HandoutLinks(views: ["2024/x/": "notice", "2024/x/templates/gongshi/": "template-gongshi", "search/": "search"],
                                 noticeView: "notice", baseURL: nil)
        let page = "2024/x/templates/gongshi/"
        #expect(links.target(of: "../../#cailiao", from: page) == "#/notice/cailiao")
        #expect(links.target(of: "./#cailiao", from: "2024/x/") == "#cailiao")
        #expect(links.target(of: "../../index.html", from: page) == "#/notice")
        #expect(links.target(of: "./#item-3", from: page) == "#/template-gongshi/item-3")
        #expect(links.target(of: "templates/gongshi/", from: "2024/x/") == "#/template-gongshi")
        // A view has no query: a link to the checklist with its level chosen opens the checklist view.
        let checklist = HandoutLinks(views: ["2024/x/": "notice", "2024/x/checklist/": "checklist"], noticeView: "notice", baseURL: nil)
        #expect(checklist.target(of: "checklist/index.html?level=fugao", from: "2024/x/") == "#/checklist")
        #expect(checklist.target(of: "../index.html?level=fugao#item-3", from: "2024/x/checklist/") == "#/notice/item-3")
        #expect(links.target(of: "#cailiao", from: "2024/x/") == nil)
        #expect(links.target(of: "#item-3", from: page) == nil)
        #expect(links.target(of: "https://www.xjrs.gov.cn/", from: page) == nil)
        #expect(links.target(of: "../../../../series/gongcheng/", from: page) == "")
        let html = ##"<a href="../../../../">首页</a> <a href="../../#a">原文</a>"##
        #expect(links.rewrite(html, page: page) == ##"<a>首页</a> <a href="#/notice/a">原文</a>"##)
        let online = HandoutLinks(views: [:], noticeView: "notice", baseURL: "https://zc.example.cn/")
        #expect(online.target(of: "../../../../series/gongcheng/", from: page) == "https://zc.example.cn/series/gongcheng/")
        #expect(online.target(of: "../../../../2023/x/checklist/index.html?level=fugao#item-1", from: page)
            == "https://zc.example.cn/2023/x/checklist/?level=fugao#item-1")
    }

    @Test func eachHandoutCarriesEveryPartInlineAndAllowsOnlyItsOwnScripts() throws {
        let handouts = try sampleHandouts()
        #expect(handouts.map(\.noticeID).sorted()
            == ["2021-zizhiqu-5-xilie", "2022-shuili", "2023-guotu-cehui-dizhi", "2024-gongcheng-zixun", "2024-meitan-aksu"])
        for handout in handouts {
            let html = handout.html
            #expect(html.utf8.count < 500 * 1024, "\(handout.noticeID): \(html.utf8.count) bytes")
            #expect(!html.contains("<script src") && !html.contains("<script defer src") && !html.contains("<link rel=\"stylesheet\""))
            #expect(!html.contains(" src=\"") , "\(handout.noticeID) loads a file")
            // Every link stays inside the file or is a web address; none points to a file beside it.
            var hrefs: [String] = []
            _ = HandoutLinks.replace(#"href="([^"]*)""#, in: html) { groups in hrefs.append(groups[1]); return "" }
            #expect(hrefs.count > 50)
            for href in hrefs {
                #expect(href.hasPrefix("#") || href.hasPrefix("http") || href.hasPrefix("mailto:") || href.hasPrefix("tel:") || href.hasPrefix("data:"),
                        "\(handout.noticeID): \(href)")
            }
            // The policy names exactly the inline scripts, so injected script cannot run.
            let scripts = html.components(separatedBy: "<script>").dropFirst().map { $0.components(separatedBy: "</script>")[0] }
            #expect(scripts.count == ThemeContract.handoutScripts.count + 2)
            for script in scripts {
                #expect(html.contains(SHA256.cspSource(for: script).replacingOccurrences(of: "'", with: "&#39;")))
            }
        }
        let meitan = try #require(handouts.first { $0.noticeID == "2024-meitan-aksu" }).html
        for view in ["checklist", "template-gongshi", "template-tuijian", "template-chengnuo",
                     "template-mianxue", "search"] {
            #expect(meitan.contains("<template id=\"view-\(view)\""), "\(view)")
        }
        // One checklist view for every level; the levels' former addresses are not views.
        #expect(!meitan.contains("view-checklist-"))
        #expect(meitan.contains("<li>材料清单：<a href=\"#/checklist\">"))
        #expect(meitan.contains("本文件生成于 2025年11月22日 08:06（北京时间）"))
    }

    @Test func theSameContentAndDateGiveTheSameBytes() throws {
        #expect(try sampleHandouts().map(\.html) == sampleHandouts().map(\.html))
    }

    @Test func anUnknownNoticeIsNamedWithTheClosestOne() {
        let options = SiteBuilder.Options(contentDirectory: repositoryRoot.appendingPathComponent("content"),
                                          outputDirectory: temporaryFolder("unused"),
                                          themesDirectory: repositoryRoot.appendingPathComponent("themes"), contentDisplayPath: "content")
        #expect {
            _ = try HandoutBuilder(options: options, generatedAt: Date()).handouts(ids: ["2024-meitan-aksuu"])
        } throws: { error in
            let failure = error as? SiteBuilder.Failure
            return failure?.diagnostics.contains { $0.message(in: .en).contains("no notice with id '2024-meitan-aksuu'") && $0.hint(in: .en) == "did you mean '2024-meitan-aksu'?" } == true
        }
    }

    @Test func theDefaultSiteLinksEveryPageAsAFile() throws {
        let output = temporaryFolder("offline")
        let report = try SiteBuilder(options: .init(contentDirectory: repositoryRoot.appendingPathComponent("content"), outputDirectory: output,
                                                    themesDirectory: repositoryRoot.appendingPathComponent("themes"), contentDisplayPath: "content")).build()
        #expect(report.pagesWritten == 70)
        var broken: [String] = []
        // 404.html is shown by a server at whatever address was missed: its links start at the root.
        for (path, data) in try snapshot(output) where path.hasSuffix(".html") && path != "/404.html" {
            let html = String(decoding: data, as: UTF8.self)
            let folder = URL(fileURLWithPath: output.path + path).deletingLastPathComponent()
            _ = HandoutLinks.replace(##" (?:href|src|action)="([^"#?]*)"##, in: html) { groups in
                let link = groups[1]
                if link.isEmpty || link.range(of: "^[a-z]+:", options: .regularExpression) != nil { return "" }
                var isFolder: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: folder.appendingPathComponent(link).standardizedFileURL.path, isDirectory: &isFolder)
                if !exists || isFolder.boolValue { broken.append("\(path) → \(link)") }
                return ""
            }
        }
        #expect(broken.isEmpty, "\(broken.prefix(10))")
    }

    @Test("a handout carries the scripts without comments, indentation or blank lines, and the code unchanged")
    func compactedScripts() throws {
        let source = """
        /* A file comment
           over two lines. */
        (function (root) {
          "use strict";
          // a line comment
          var url = "http://example/"; // kept: after code
          /* one line */ var x = "/* not a comment */";

          root.y = x;
        })(this);
        """
        #expect(HandoutCompaction.script(source) == """
        (function (root) {
        "use strict";
        var url = "http://example/"; // kept: after code
        var x = "/* not a comment */";
        root.y = x;
        })(this);
        """)
        #expect(HandoutCompaction.style("/* c */\n.a {\n  color: red; /* why */\n}\n\n") == ".a {\ncolor: red; \n}")
        // The theme's own scripts lose a fifth or more and stay whole statements.
        let theme = try Theme.load(themesDirectory: repositoryRoot.appendingPathComponent("themes"), name: nil)
        let original = try String(contentsOf: repositoryRoot.appendingPathComponent("themes/default/assets/search.js"), encoding: .utf8)
        let carried = try #require(theme.handoutScripts.first { $0.contains("NB.engine = api") })
        #expect(carried.utf8.count * 5 < original.utf8.count * 4)
        #expect(!carried.contains("\n/*") && !carried.contains("\n//"))
    }
}
