import Foundation
import TestSupport
import Testing
import TemplateRendering
@testable import SiteGeneration

/// The theme contract: every template of the default theme, audited against its page model's full
/// schema (every optional present, every list with an element), the way rendering resolves names.
/// A misspelt name in a template, a field renamed in a model but not in the template, or a field
/// no template reads fails here, not as a blank on a page nobody looks at.
@Suite("Page models and templates")
struct PageModelContractTests {
    let theme: Theme

    init() throws {
        theme = try Theme.load(themesDirectory: repositoryRoot.appendingPathComponent("themes"), name: nil)
    }

    @Test("every name a template reads is a field of its model", arguments: ThemeContract.templates.map(\.name))
    func templateReadsOnlyModelFields(_ name: String) throws {
        let template = try #require(ThemeContract.templates.first { $0.name == name })
        let audit = try #require(theme.library.audit(name, schema: try template.schema()), "the theme has no template \(name)")
        #expect(audit.missing.isEmpty, "templates/\(name).mustache reads names \(template.modelName) does not have: \(audit.missing)")
    }

    @Test("every field of a model is read by its template", arguments: ThemeContract.templates.map(\.name))
    func modelFieldsAreRead(_ name: String) throws {
        let template = try #require(ThemeContract.templates.first { $0.name == name })
        let schema = try template.schema()
        let audit = try #require(theme.library.audit(name, schema: schema))
        // `root` and `inHandout` are given to every page body whether its template links a script or not.
        let given = Set(ThemeContract.pageBodyFields.map(\.name))
        let unused = TemplateAudit.fieldPaths(of: schema).filter { !audit.used.contains($0) && !given.contains($0) }
        #expect(unused.isEmpty, "\(template.modelName) has fields templates/\(name).mustache never reads: \(unused)")
    }

    @Test("the theme loader asks for exactly the templates of the contract")
    func requiredTemplates() {
        for template in ThemeContract.templates { #expect(theme.library.contains(template.name)) }
        for partial in ThemeContract.partials { #expect(theme.library.contains(partial.name)) }
        let known = Set(ThemeContract.templates.map(\.name) + ThemeContract.partials.map(\.name))
        #expect(theme.library.names.filter { !known.contains($0) } == [], "a template of the default theme the contract does not describe")
    }

    @Test("the audit catches a misspelt name and an unread field")
    func auditCatchesMistakes() throws {
        var library = TemplateLibrary()
        try library.register("{{#items}}{{titel}}{{/items}}{{#.note}}{{.}}{{/.note}}", named: "t")
        let schema = TemplateSchema.object([
            .init(name: "items", schema: .list(.object([.init(name: "title", schema: .text)]))),
            .init(name: "note", schema: .text, optional: true),
            .init(name: "extra", schema: .flag),
        ])
        let audit = try #require(library.audit("t", schema: schema))
        #expect(audit.missing == ["items › titel"])
        #expect(TemplateAudit.fieldPaths(of: schema).filter { !audit.used.contains($0) } == ["items.title", "extra"])
    }

    @Test("the encoder gives templates what the models hold: text, flags, lists, left-out optionals")
    func encoderShapes() throws {
        var library = TemplateLibrary()
        try library.register("{{heading}}|{{#hasNotices}}yes{{/hasNotices}}|{{#notices}}[{{title}}{{#.region}} {{.}}{{/.region}}]{{/notices}}|{{^.parent}}no parent{{/.parent}}", named: "t")
        let entry = NoticeEntry(title: "A<B", href: "a/", issuer: "i", year: "2024", levels: "中级", region: "阿克苏", specialties: nil)
        let plain = NoticeEntry(title: "C", href: "c/", issuer: "i", year: "2024", levels: "中级")
        let page = ListingPage(breadcrumbs: [], heading: "工程", intro: "", hubHref: "", notices: [entry, plain], hasNotices: true)
        #expect(library.render(TemplateEncoder.encode(page), template: "t") == "工程|yes|[A&lt;B 阿克苏][C]|no parent")
    }

    @Test("docs/themes.md lists every template's variables as the models have them")
    func themesDocumentIsCurrent() throws {
        let file = repositoryRoot.appendingPathComponent("docs/themes.md")
        let marker = "<!-- Written by ThemeContract.reference()"
        let reference = try ThemeContract.reference()
        let current = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        let handWritten = current.range(of: marker).map { String(current[..<$0.lowerBound]) } ?? current
        if ProcessInfo.processInfo.environment["NOTICEBOARD_UPDATE_DOCS"] != nil {
            try (handWritten + reference).write(to: file, atomically: true, encoding: .utf8)
        }
        let written = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        #expect(written.hasSuffix(reference),
                "docs/themes.md is not what the page models say; run NOTICEBOARD_UPDATE_DOCS=1 swift test --filter PageModelContractTests")
    }
}
