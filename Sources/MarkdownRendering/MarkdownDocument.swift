import CCmarkGFM
import Foundation

/// What a text is rendered from, and how: what a page needs to parse it again (`MarkdownDocument`)
/// and change its tree before it is written.
public struct MarkdownSource: Sendable {
    public var markdown: String
    public var allowRawHTML: Bool
    /// How many levels headings are pushed down (1 turns `##` into `<h3>`).
    public var headingOffset: Int

    public init(_ markdown: String, allowRawHTML: Bool = false, headingOffset: Int = 0) {
        self.markdown = markdown
        self.allowRawHTML = allowRawHTML
        self.headingOffset = headingOffset
    }
}

/// A Markdown text parsed by cmark-gfm, with what the site reads from it, its tree made ready for
/// the page, and open to further changes (a template page's blanks and form tables) before cmark
/// writes it.
///
/// Changes are made on the tree, not on the HTML cmark writes from it, so that a cmark-gfm that
/// writes its HTML differently, or content that holds markup-like text, cannot make one miss or
/// misfire (the one edit left on HTML is around a single table: `HTMLPostProcessor`). When parsed:
/// - text nodes next to each other are joined (cmark-gfm cuts text at every character that may
///   start an inline: `_`, `:`, `w`), so a text node holds what reads as one run of text;
/// - a table's header row whose cells are all empty is removed (GFM needs one, so a form
///   transcribed as a table starts with `| | | |`; it would be announced as column headers
///   without names): the table extension then writes the table with no `<thead>`;
/// - an image left without an address (remote, or `javascript:`/`data:`) becomes a text node of
///   its alt text: an `<img src="">` is invalid HTML.
///
/// When written (`rendered()`, `renderedBlocks()`), each heading carries its anchor as `id` and is
/// pushed down by the offset, and each table scrolls sideways inside its own region on a phone.
/// cmark's HTML writer puts no attribute on a heading, so the site writes the heading's own tags
/// around the content cmark writes (cmark-gfm's custom nodes, written as they are, as Hugo's
/// heading hooks and pulldown-cmark's event rewriting do): see `finish()`.
///
/// Markup the site puts in the tree is written by cmark whether raw HTML is allowed or not (custom
/// nodes are not raw HTML), and nothing of the content's own goes through it: the content's raw HTML
/// stays in its own nodes, omitted or sanitised as before.
///
/// Not Sendable: one thread parses, changes and writes it. Its nodes (`MarkdownNode`) are valid while
/// it lives and until they are replaced.
public final class MarkdownDocument {
    public let source: MarkdownSource
    private let parser: OpaquePointer?
    private let root: OpaquePointer?
    private let options: Int32
    private var walk: MarkdownRenderer.Walk
    /// Set when a caller replaced nodes: the headings and tables found when parsing may be gone.
    private var reshaped = false
    private var finished = false

    public init(_ source: MarkdownSource) {
        self.source = source
        var options = CMARK_OPT_DEFAULT
        if source.allowRawHTML { options |= CMARK_OPT_UNSAFE }
        self.options = options
        guard let (parser, root) = MarkdownRenderer.parse(source.markdown, options: options) else {
            (self.parser, self.root, walk) = (nil, nil, MarkdownRenderer.Walk())
            return
        }
        (self.parser, self.root) = (parser, root)
        MarkdownRenderer.trimAutolinksAtCJK(root)
        cmark_consolidate_text_nodes(root)
        walk = MarkdownRenderer.walkDocument(root)
        walk.notes = walk.notes.map { note in
            var note = note
            note.column = MarkdownRenderer.characterColumn(in: source.markdown, line: note.line, byteColumn: note.column)
            return note
        }
        for table in walk.tables { Self.dropEmptyHeaderRow(table) }
        // Innermost first: an image inside another's alt text is text before the outer one is read.
        for image in walk.imagesWithoutAddress.reversed() { Self.replaceWithAltText(image) }
    }

    deinit {
        if let root { cmark_node_free(root) }
        if let parser { cmark_parser_free(parser) }
    }

    /// The whole document as the page shows it, with what was read from it.
    public func rendered() -> RenderedMarkdown {
        finish()
        var html = ""
        if let root, let written = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser)) {
            html = String(cString: written)
            free(written)
        }
        return RenderedMarkdown(html: html, source: source, headings: walk.headings, sections: walk.sections,
                                plainText: walk.plainText, notes: walk.notes)
    }

    /// Each top-level block apart, as the page shows it: written one after another they are
    /// `rendered().html`, byte for byte (each block's HTML ends its own line).
    public func renderedBlocks() -> [(kind: MarkdownNode.Kind, html: String)] {
        finish()
        return blocks.map { block in
            var html = ""
            if let written = cmark_render_html(block.pointer, options, cmark_parser_get_syntax_extensions(parser)) {
                html = String(cString: written)
                free(written)
            }
            return (block.kind, html)
        }
    }

    /// The top-level blocks, in order.
    public var blocks: [MarkdownNode] {
        root.map { MarkdownNode($0).children } ?? []
    }

    /// Every node of these kinds, in document order; an image's alt text is not looked into (an
    /// `alt` attribute holds text only, so nothing there can be replaced with markup).
    public func nodes(_ kinds: Set<MarkdownNode.Kind>) -> [MarkdownNode] {
        guard let root, let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        var found: [MarkdownNode] = []
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let markdownNode = MarkdownNode(node)
            if kinds.contains(markdownNode.kind) { found.append(markdownNode) }
            if cmark_node_get_type(node) == CMARK_NODE_IMAGE { cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT) }
        }
        return found
    }

    /// The markup cmark writes around a code block's text (`<pre><code class="language-…">` and
    /// `</code></pre>`), for a caller that puts markup of its own into that text; nil for any other
    /// node. Read off the block written by cmark with its text left out.
    public func codeBlockTags(_ node: MarkdownNode) -> (start: String, end: String)? {
        guard node.kind == .codeBlock else { return nil }
        let literal = cmark_node_get_literal(node.pointer).map { String(cString: $0) } ?? ""
        cmark_node_set_literal(node.pointer, "")
        defer { cmark_node_set_literal(node.pointer, literal) }
        guard let written = cmark_render_html(node.pointer, options, cmark_parser_get_syntax_extensions(parser)) else { return nil }
        defer { free(written) }
        let html = String(cString: written)
        let end = "</code></pre>"
        guard html.hasSuffix(end + "\n") else { return nil }
        return (String(html.dropLast(end.utf8.count + 1)), end)
    }

    /// Replaces `node` with `markup` (markup of the site's own, text, and nodes moved from
    /// elsewhere in the tree), and frees what is left of it. Returns false, changing nothing, when
    /// the node's parent cannot hold such markup (inline markup directly in a table cell, block
    /// markup in a paragraph), or when the document was written already.
    @discardableResult
    public func replace(_ node: MarkdownNode, with markup: [MarkdownMarkup]) -> Bool {
        guard !finished else { return false }
        // The new nodes go in first, empty: a parent that refuses one leaves the tree as it was.
        var placed: [(piece: MarkdownMarkup, node: OpaquePointer)] = []
        for piece in markup {
            guard let made = piece.makeNode() else { continue }
            guard cmark_node_insert_before(node.pointer, made) != 0 else {
                cmark_node_free(made)
                for (_, other) in placed { cmark_node_free(other) }  // freeing unlinks
                return false
            }
            placed.append((piece, made))
        }
        for (piece, made) in placed { piece.fillNode(made) }
        reshaped = true
        cmark_node_free(node.pointer)
        return true
    }

    // MARK: - Made ready when parsed

    /// Removes a table's header row when all its cells are empty. Without it the table extension
    /// writes `<table>` straight into `<tbody>`.
    private static func dropEmptyHeaderRow(_ table: OpaquePointer) {
        guard let row = cmark_node_first_child(table), cmark_gfm_extensions_get_table_row_is_header(row) != 0 else { return }
        var cell = cmark_node_first_child(row)
        guard cell != nil else { return }
        while let current = cell {
            if cmark_node_first_child(current) != nil { return }
            cell = cmark_node_next(current)
        }
        cmark_node_free(row)
    }

    /// An image becomes a text node of its alt text: what cmark writes in its `alt` (the text,
    /// code and raw HTML under it, a line break as a space), which the text node writes escaped
    /// the same way.
    private static func replaceWithAltText(_ image: OpaquePointer) {
        var alt = ""
        if let iterator = cmark_iter_new(image) {
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), node != image else { continue }
                switch cmark_node_get_type(node) {
                case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
                    if let literal = cmark_node_get_literal(node) { alt += String(cString: literal) }
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                    alt += " "
                default:
                    break
                }
            }
            cmark_iter_free(iterator)
        }
        guard let text = cmark_node_new(CMARK_NODE_TEXT) else { return }
        cmark_node_set_literal(text, alt)
        if cmark_node_replace(image, text) != 0 {
            cmark_node_free(image)
        } else {
            cmark_node_free(text)
        }
    }

    // MARK: - Made ready when written

    /// Headings and tables as the page shows them, once, just before the document is first written.
    private func finish() {
        guard !finished, let root else { return }
        finished = true
        var headings = walk.headingNodes, tables = walk.tables
        if reshaped {
            // A caller replaced nodes: find the headings and tables that are still there.
            let anchors = Dictionary(walk.headingNodes.map { ($0.node, $0.anchor) }, uniquingKeysWith: { first, _ in first })
            headings = []
            tables = []
            if let iterator = cmark_iter_new(root) {
                while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                    guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                    let type = cmark_node_get_type(node)
                    if type == CMARK_NODE_HEADING, let anchor = anchors[node] { headings.append((node, anchor)) }
                    if type == TableTypes.table { tables.append(node) }
                }
                cmark_iter_free(iterator)
            }
        }
        for (heading, anchor) in headings { finishHeading(heading, anchor: anchor) }
        for table in tables { finishTable(table) }
    }

    /// `<hN id="anchor">` and `</hN>` of the site's own, around the heading's content as cmark
    /// writes it: a custom inline node inside a custom block node with no markup of its own, which
    /// starts and ends the heading's line as cmark's heading does.
    private func finishHeading(_ heading: OpaquePointer, anchor: String) {
        let level = min(6, Int(cmark_node_get_heading_level(heading)) + source.headingOffset)
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK), let tags = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return }
        let (start, end) = HTMLPostProcessor.headingTags(level: level, anchor: anchor)
        cmark_node_set_on_enter(block, "")
        cmark_node_set_on_exit(block, "")
        cmark_node_set_on_enter(tags, start)
        cmark_node_set_on_exit(tags, end)
        cmark_node_append_child(block, tags)
        guard cmark_node_replace(heading, block) != 0 else {
            cmark_node_free(block)
            return
        }
        while let child = cmark_node_first_child(heading), cmark_node_append_child(tags, child) != 0 {}
        cmark_node_free(heading)
    }

    /// The table written by cmark on its own, wrapped (`HTMLPostProcessor.wrapTable`), in place of
    /// the table node.
    private func finishTable(_ table: OpaquePointer) {
        guard let written = cmark_render_html(table, options, cmark_parser_get_syntax_extensions(parser)) else { return }
        let html = HTMLPostProcessor.wrapTable(String(cString: written))
        free(written)
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(block, html)
        cmark_node_set_on_exit(block, "")
        if cmark_node_replace(table, block) != 0 {
            cmark_node_free(table)
        } else {
            cmark_node_free(block)
        }
    }
}

/// A node of a `MarkdownDocument`'s tree: valid while the document lives and the node is in it.
public struct MarkdownNode: Hashable {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    public enum Kind: Sendable, Hashable {
        case paragraph, heading, thematicBreak, codeBlock, table, tableRow, tableCell, text, code, image, other
    }

    public var kind: Kind {
        switch cmark_node_get_type(pointer) {
        case CMARK_NODE_PARAGRAPH: .paragraph
        case CMARK_NODE_HEADING: .heading
        case CMARK_NODE_THEMATIC_BREAK: .thematicBreak
        case CMARK_NODE_CODE_BLOCK: .codeBlock
        case CMARK_NODE_TEXT: .text
        case CMARK_NODE_CODE: .code
        case CMARK_NODE_IMAGE: .image
        case TableTypes.table: .table
        case TableTypes.row: .tableRow
        case TableTypes.cell: .tableCell
        default: .other
        }
    }

    public var children: [MarkdownNode] {
        var children: [MarkdownNode] = []
        var child = cmark_node_first_child(pointer)
        while let current = child {
            children.append(MarkdownNode(current))
            child = cmark_node_next(current)
        }
        return children
    }

    /// A text's, a code span's or a code block's text.
    public var literal: String? {
        cmark_node_get_literal(pointer).map { String(cString: $0) }
    }

    /// The text, when it holds `needle`: looked for in cmark's own copy, so most texts cost no copy.
    public func literal(containing needle: String) -> String? {
        guard let literal = cmark_node_get_literal(pointer), needle.withCString({ strstr(literal, $0) }) != nil else { return nil }
        return String(cString: literal)
    }

    /// A table cell's column's alignment, as the table's delimiter row gives it and cmark's `align`
    /// attribute writes it: `left`, `center` or `right`; nil when not aligned.
    public var alignment: String? {
        guard kind == .tableCell, let row = cmark_node_parent(pointer), let table = cmark_node_parent(row),
              let alignments = cmark_gfm_extensions_get_table_alignments(table) else { return nil }
        var column = 0
        var sibling = cmark_node_previous(pointer)
        while let current = sibling {
            column += 1
            sibling = cmark_node_previous(current)
        }
        guard column < Int(cmark_gfm_extensions_get_table_columns(table)) else { return nil }
        switch alignments[column] {
        case UInt8(ascii: "l"): return "left"
        case UInt8(ascii: "c"): return "center"
        case UInt8(ascii: "r"): return "right"
        default: return nil
        }
    }
}

/// What a `MarkdownDocument`'s node is replaced with: markup of the site's own, written as it is
/// (cmark-gfm's custom nodes: whoever builds it escapes what it puts in it), text, escaped when
/// written like the document's own, and nodes moved here from elsewhere in the tree.
public indirect enum MarkdownMarkup {
    /// `open` and `close` each ending a line, around `content`, as cmark writes block elements.
    case block(open: String, close: String, content: [MarkdownMarkup])
    /// `open`, `content` and `close` on one line, as cmark writes inline elements.
    case inline(open: String, close: String, content: [MarkdownMarkup])
    case text(String)
    /// Nodes of the tree, moved here: inline nodes into inline markup. Only inside block or inline markup.
    case moved([MarkdownNode])

    /// The node for this piece, empty; nil for moved nodes.
    func makeNode() -> OpaquePointer? {
        switch self {
        case .block(let open, let close, _), .inline(let open, let close, _):
            let isBlock = if case .block = self { true } else { false }
            guard let node = cmark_node_new(isBlock ? CMARK_NODE_CUSTOM_BLOCK : CMARK_NODE_CUSTOM_INLINE) else { return nil }
            cmark_node_set_on_enter(node, open)
            cmark_node_set_on_exit(node, close)
            return node
        case .text(let text):
            guard let node = cmark_node_new(CMARK_NODE_TEXT) else { return nil }
            cmark_node_set_literal(node, text)
            return node
        case .moved:
            return nil
        }
    }

    /// Puts this piece's content into its node, `node`, made by `makeNode()`.
    func fillNode(_ node: OpaquePointer) {
        switch self {
        case .block(_, _, let content), .inline(_, _, let content):
            for piece in content {
                if case .moved(let nodes) = piece {
                    for moved in nodes {
                        let appended = cmark_node_append_child(node, moved.pointer)
                        assert(appended != 0, "markup that cannot hold the nodes moved into it")
                    }
                } else if let child = piece.makeNode() {
                    guard cmark_node_append_child(node, child) != 0 else {
                        assertionFailure("markup that cannot hold the markup put into it")
                        cmark_node_free(child)
                        continue
                    }
                    piece.fillNode(child)
                }
            }
        case .text, .moved:
            break
        }
    }
}

/// The node types of cmark-gfm's table extension. libcmark-gfm-extensions exports them
/// (`CMARK_NODE_TABLE`, …) but its headers do not declare them: they are read once off a parsed table.
enum TableTypes {
    static let table = probed.table
    static let row = probed.row
    static let cell = probed.cell

    private static let probed: (table: cmark_node_type, row: cmark_node_type, cell: cmark_node_type) = {
        guard let (parser, document) = MarkdownRenderer.parse("| a |\n|---|\n", options: CMARK_OPT_DEFAULT) else {
            return (CMARK_NODE_NONE, CMARK_NODE_NONE, CMARK_NODE_NONE)
        }
        defer {
            cmark_node_free(document)
            cmark_parser_free(parser)
        }
        let table = cmark_node_first_child(document)
        let row = table.flatMap(cmark_node_first_child)
        let cell = row.flatMap(cmark_node_first_child)
        return (table.map(cmark_node_get_type) ?? CMARK_NODE_NONE, row.map(cmark_node_get_type) ?? CMARK_NODE_NONE,
                cell.map(cmark_node_get_type) ?? CMARK_NODE_NONE)
    }()
}
