import MarkdownRendering

/// A template's text as its page shows it: the document with its blanks, its form tables laid out,
/// and its signature block apart. Shaped on the template's Markdown tree before cmark-gfm writes it,
/// not on the HTML written from it: the blanks are in text nodes, a form's merged cells are the
/// cells of a table node, the signature is what follows the last thematic break.
enum TemplateDocument {
    /// - Returns: the document's body; its signature block (what follows its last `***` line), nil
    ///   when it has none; and, when it has one, the body's last paragraph apart (the closing
    ///   paragraph, which print keeps on one page with the signature), nil when the body does not
    ///   end with a paragraph.
    static func shape(rendered: RenderedMarkdown, defaults: [String: String]) -> (body: String, signature: String?, closing: String?) {
        shape(rendered: rendered) { TemplatePlaceholders.blank(for: $0, value: defaults[$0]) }
    }

    /// The same, with `blank(key)` as what the page prints for `{{key}}` (nil keeps it as written).
    /// The text is parsed again from `rendered.source`, with the options it was rendered with.
    static func shape(rendered: RenderedMarkdown, blank: (String) -> String?) -> (body: String, signature: String?, closing: String?) {
        let document = MarkdownDocument(rendered.source)
        // Tables first: a blank goes in as inline markup, which a table cell cannot hold, and
        // which the cells of a laid-out form can.
        for table in document.nodes([.table]) { layOutForm(table, in: document) }
        fillBlanks(document, blank: blank)
        return split(document.renderedBlocks())
    }

    /// A table of a template as a form (`FormTable`): one `<td>` per printed cell, with its span,
    /// holding the cell's own content; no header and one body for all rows, so a cell of the first
    /// row can span the rows below it. Scrolls sideways on a phone like every table.
    private static func layOutForm(_ table: MarkdownNode, in document: MarkdownDocument) {
        let rows = table.children.map(\.children)
        let layout = FormTable(rows.map { $0.map(formContent(of:)) })
        let content: [MarkdownMarkup] = zip(rows, layout.rows).map { cells, printed in
            .block(open: "<tr>", close: "</tr>", content: printed.map { cell in
                var start = "<td"
                if cell.columnSpan > 1 { start += " colspan=\"\(cell.columnSpan)\"" }
                if cell.rowSpan > 1 { start += " rowspan=\"\(cell.rowSpan)\"" }
                if let alignment = cells[cell.index].alignment { start += " align=\"\(alignment)\"" }
                return .inline(open: start + ">", close: "</td>\n", content: [.moved(cells[cell.index].children)])
            })
        }
        document.replace(table, with: [.block(open: HTMLPostProcessor.tableWrapStart + "<table class=\"form-table\">",
                                              close: "</table>" + HTMLPostProcessor.tableWrapEnd, content: content)])
    }

    /// What a form's cell holds, as far as its layout is concerned. A cell whose column the table
    /// aligns is written as it is (`<td align="…">`): its writer laid it out.
    private static func formContent(of cell: MarkdownNode) -> FormTable.Content {
        guard cell.alignment == nil else { return .other }
        let children = cell.children
        guard let first = children.first else { return .empty }
        guard children.count == 1, first.kind == .text else { return .other }
        switch first.literal {
        case "<": return .mergeLeft
        case "^": return .mergeUp
        default: return .other
        }
    }

    /// Each `{{key}}` of a text, a code span or a code block (a paragraph indented by four spaces is
    /// one) becomes the blank `blank(key)`, markup of the page's own between the text around it.
    private static func fillBlanks(_ document: MarkdownDocument, blank: (String) -> String?) {
        for node in document.nodes([.text, .code, .codeBlock]) {
            guard let literal = node.literal(containing: "{{") else { continue }
            let found = TemplatePlaceholders.placeholders(in: literal)
            guard !found.isEmpty else { continue }
            let bytes = Array(literal.utf8)
            var pieces: [MarkdownMarkup] = []
            var textStart = 0
            for placeholder in found {
                guard let markup = blank(placeholder.key) else { continue }  // kept as written, in the text
                if placeholder.start > textStart {
                    pieces.append(.text(String(decoding: bytes[textStart..<placeholder.start], as: UTF8.self)))
                }
                pieces.append(.inline(open: markup, close: "", content: []))
                textStart = placeholder.end
            }
            guard !pieces.isEmpty else { continue }
            if textStart < bytes.count { pieces.append(.text(String(decoding: bytes[textStart...], as: UTF8.self))) }
            switch node.kind {
            case .code:
                document.replace(node, with: [.inline(open: "<code>", close: "</code>", content: pieces)])
            case .codeBlock:
                // The block's own lines, with cmark's tags around its text as an inline.
                guard let tags = document.codeBlockTags(node) else { continue }
                document.replace(node, with: [.block(open: "", close: "", content: [.inline(open: tags.start, close: tags.end, content: pieces)])])
            default:
                document.replace(node, with: pieces)
            }
        }
    }

    /// The blocks before the last thematic break, the last of them apart when it is a paragraph,
    /// and the blocks after it.
    static func split(_ blocks: [(kind: MarkdownNode.Kind, html: String)]) -> (body: String, signature: String?, closing: String?) {
        func joined(_ blocks: ArraySlice<(kind: MarkdownNode.Kind, html: String)>) -> String {
            blocks.reduce(into: "") { $0 += $1.html }
        }
        guard let rule = blocks.lastIndex(where: { $0.kind == .thematicBreak }) else { return (joined(blocks[...]), nil, nil) }
        var body = blocks[..<rule]
        var closing: String?
        if let last = body.last, last.kind == .paragraph {
            closing = last.html
            body = body.dropLast()
        }
        // The signature starts with the line end that followed the rule's `<hr />`, as it always has.
        return (joined(body), "\n" + joined(blocks[(rule + 1)...]), closing)
    }
}
