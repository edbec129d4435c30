import Foundation
import Mustache
import TestSupport
import Testing
@testable import TemplateRendering

/// The themes' engine must give the bytes swift-mustache gave (the engine the themes were
/// written for), on the constructs the themes use and on the spec's whitespace rules.
struct TemplateRenderingTests {
    nonisolated(unsafe) static let model: [String: Any] = [
        "title": "关于<做好>2024年度\"职称\"评审 & 'A'",
        "html": "<p>正文</p>",
        "yes": true, "no": false, "count": 3,
        "empty": [Any](),
        "items": [["name": "甲", "href": "a/"], ["name": "乙"]],
        "words": ["一", "二"],
        "nested": ["inner": ["deep": "深"], "note": "注"],
        "note": "外层",
    ]

    static let cases: [String] = [
        "{{title}}|{{{title}}}|{{&title}}|{{html}}|{{{html}}}",
        "{{yes}} {{no}} {{count}} {{missing}}",
        "<ul>{{#items}}<li>{{name}}{{#href}} <a href=\"{{href}}\">{{title}}</a>{{/href}}</li>{{/items}}</ul>",
        "{{#words}}[{{.}}]{{/words}}{{^words}}none{{/words}}{{^empty}}empty{{/empty}}{{#empty}}never{{/empty}}",
        "{{#nested}}{{.note}}|{{note}}|{{inner.deep}}|{{.title}}|{{title}}{{/nested}}{{nested.inner.deep}}",
        "{{#yes}}y{{/yes}}{{#no}}n{{/no}}{{^no}}not-n{{/no}}{{^missing}}absent{{/missing}}{{#missing}}x{{/missing}}",
        "before\n{{#items}}\n  line {{name}}\n{{/items}}\nafter\n",
        "  {{#yes}}  \nindented standalone\n  {{/yes}}\n{{! a comment }}\n  {{! standalone comment }}  \nend",
        "<p>{{#yes}}\n</p>\n{{/yes}}x",
        "a\r\n{{#yes}}\r\nb\r\n{{/yes}}\r\nc",
        "{{=<% %>=}}<% title %>|<%# yes %>on<%/ yes %>\n<%={{ }}=%>{{count}}",
        "{{#.nested}}{{#.inner}}{{deep}}{{note}}{{/.inner}}{{/.nested}}",
        "x {{#yes}}\ninline\n{{/yes}} y\n{{#yes}}z{{/yes}}\n",
        "head\n  {{> part}}\ntail\n{{> part}}|{{#items}}  {{> part}}\n{{/items}}",
    ]
    static let partial = "p1 {{title}}\n{{#words}}\nw{{.}}\n{{/words}}\np2\n"

    @Test(arguments: Array(cases.indices))
    func rendersAsSwiftMustache(_ index: Int) throws {
        var reference = MustacheLibrary()
        try reference.register(Self.cases[index], named: "page")
        try reference.register(Self.partial, named: "part")
        var library = TemplateLibrary()
        try library.register(Self.cases[index], named: "page")
        try library.register(Self.partial, named: "part")
        let expected = reference.render(Self.model, withTemplate: "page")
        #expect(library.render(Self.model, template: "page") == expected, "case \(index): \(Self.cases[index])")
    }

    @Test func everyThemeTemplateParsesAsSwiftMustacheDoes() throws {
        let themes = repositoryRoot.appendingPathComponent("themes/default/templates")
        let files = try FileManager.default.contentsOfDirectory(atPath: themes.path).filter { $0.hasSuffix(".mustache") }
        #expect(files.count >= 9)
        for file in files {
            let text = try String(contentsOf: themes.appendingPathComponent(file), encoding: .utf8)
            var reference = MustacheLibrary()
            try reference.register(text, named: "t")
            var library = TemplateLibrary()
            try library.register(text, named: "t")
            // With an empty model every section is absent and every inverted one shown.
            #expect(library.render([String: Any](), template: "t") == reference.render([String: Any](), withTemplate: "t"), "\(file)")
        }
    }

    @Test func reportsWhereATemplateIsBroken() {
        var library = TemplateLibrary()
        #expect(throws: TemplateSyntaxError.self) { try library.register("ok\n{{#a}}\n{{/b}}", named: "x") }
        do throws(TemplateSyntaxError) {
            try library.register("ok\n\n  {{#open}}never closed", named: "x")
            Issue.record("an unclosed section must fail")
        } catch {
            #expect(error.line == 3)
            #expect(error.text.text(in: .en).contains("open"))
        }
        do throws(TemplateSyntaxError) {
            try library.register("line one\n{{name(upper)}}", named: "x")
            Issue.record("transforms are refused")
        } catch {
            #expect(error.line == 2 && error.column == 1)
        }
    }

    @Test func rendersFromManyThreadsAtOnce() throws {
        var library = TemplateLibrary()
        try library.register("{{#items}}{{name}};{{/items}}{{title}}", named: "page")
        let model = try #require(TemplateValue(Self.model))
        let expected = library.render(model, template: "page")
        let shared = library
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 64) { _ in
            results.record(shared.render(model, template: "page") == expected)
        }
        #expect(results.all.count == 64 && results.all.allSatisfy { $0 })
    }
}

private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Bool] = []
    func record(_ value: Bool) { lock.withLock { values.append(value) } }
    var all: [Bool] { lock.withLock { values } }
}
