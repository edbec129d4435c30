import MarkdownRendering
import NoticeModel

/// How a notice's texts are rendered wherever the site shows them, so that a page, its search
/// documents and the anchor check all see the same headings: raw HTML only when the notice opted
/// in, headings one level down (the page title is the `h1`).
extension Notice {
    func renderText() -> RenderedMarkdown {
        MarkdownRenderer.render(markdown, allowRawHTML: rawHTML, headingOffset: 1)
    }

    /// Each template's text, by template id.
    func renderTemplates() -> [String: RenderedMarkdown] {
        var rendered: [String: RenderedMarkdown] = [:]
        for template in templates { rendered[template.id] = template.renderText() }
        return rendered
    }
}

extension TemplateRef {
    func renderText() -> RenderedMarkdown {
        MarkdownRenderer.render(body, headingOffset: 1)
    }
}
