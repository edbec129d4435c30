import Foundation
import CCmarkGFM
import OfficeMessages

/// A heading of the rendered text, with the anchor the page gives it.
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var anchor: String
    public var line: Int
}

/// The text under one heading, up to the next: what search shows as one result.
public struct TextSection: Sendable, Hashable {
    /// Nil for the text before the first heading.
    public var heading: Heading?
    public var text: String
}

/// Markdown turned into HTML that is safe to put in a page, plus what the site needs to know about it.
public struct RenderedMarkdown: Sendable {
    public var html: String
    /// The text and the options it was rendered with, to parse it again (`MarkdownDocument`).
    public var source: MarkdownSource
    public var headings: [Heading]
    public var sections: [TextSection] = []
    /// The text without markup, one block per line: for search and summaries.
    public var plainText: String
    /// Things left out for safety, with their line and column (a remote image, say), as catalogue
    /// messages with what to do about them.
    public var notes: [RenderNote] = []
}

/// Something the renderer left out, where it stands in the text (1-based line, and column in
/// characters as diagnostics count them).
public struct RenderNote: Sendable, Hashable {
    public var line: Int
    public var column: Int
    public var message: Message
    public var hint: Message?
}

/// GitHub Flavored Markdown through cmark-gfm, with tables, strikethrough, autolinks and the tag filter.
///
/// Raw HTML is dropped unless the content opts in, and cmark-gfm's safe mode empties
/// `javascript:`, `vbscript:`, `file:` and non-image `data:` links. Remote images are dropped too:
/// a page must never make a request outside the site. What the page changes (heading anchors and
/// levels, tables that scroll, empty header rows and images) is changed on the tree before cmark
/// writes it: see `MarkdownDocument`.
public enum MarkdownRenderer {
    /// - Parameter headingOffset: how many levels to push headings down, so a `##` in the text
    ///   sits under the page's own `<h2>` sections (1 turns `##` into `<h3>`).
    public static func render(_ markdown: String, allowRawHTML: Bool = false, headingOffset: Int = 0) -> RenderedMarkdown {
        MarkdownDocument(MarkdownSource(markdown, allowRawHTML: allowRawHTML, headingOffset: headingOffset)).rendered()
    }

    /// The 1-based character column of a 1-based byte column on a line, as diagnostics count columns.
    static func characterColumn(in text: String, line: Int, byteColumn: Int) -> Int {
        var lineStart = text.utf8.startIndex
        var current = 1
        while current < line, let feed = text.utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) {
            lineStart = text.utf8.index(after: feed)
            current += 1
        }
        let bytes = text.utf8[lineStart...].prefix(max(0, byteColumn - 1))
        return String(decoding: bytes, as: UTF8.self).unicodeScalars.count + 1
    }

    /// cmark-gfm's extension registry is a global that is not safe to fill from two threads at once;
    /// a static is initialised exactly once, so every render after the first only reads it.
    static let extensionsRegistered: Void = cmark_gfm_core_extensions_ensure_registered()

    /// cmark-gfm keeps the characters that start an extension's inline syntax (`~` for
    /// strikethrough) in a process-wide table that each parser adds to and removes from, so two
    /// parses at once can lose each other's `~`. Parsing is serialised; rendering is not.
    private static let parseLock = NSLock()

    static func parse(_ markdown: String, options: Int32) -> (OpaquePointer, OpaquePointer)? {
        _ = extensionsRegistered
        parseLock.lock()
        defer { parseLock.unlock() }
        guard let parser = cmark_parser_new(options) else { return nil }
        for name in ["table", "strikethrough", "autolink", "tagfilter"] {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        // Every byte, not up to the first NUL as strlen would: cmark turns a NUL into U+FFFD,
        // where a C string would silently drop the rest of the notice.
        var text = markdown
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let document = cmark_parser_finish(parser) else {
            cmark_parser_free(parser)
            return nil
        }
        return (parser, document)
    }

    /// What one pass over a parsed text reads from it, and the nodes the page changes later.
    struct Walk {
        var headings: [Heading] = []
        /// Each heading's node, with its anchor, in document order.
        var headingNodes: [(node: OpaquePointer, anchor: String)] = []
        var tables: [OpaquePointer] = []
        /// Images left without an address (remote, dangerous, or written without one), in document order.
        var imagesWithoutAddress: [OpaquePointer] = []
        var plainText = ""
        var notes: [RenderNote] = []
        var sections: [TextSection] = []
        /// Where the current section's text starts in `plainText`.
        var sectionStart: String.Index?
        var sectionHeading: Heading?

        mutating func closeSection() {
            let start = sectionStart ?? plainText.startIndex
            let text = MarkdownRenderer.trimmingWhitespace(plainText[start...])
            if sectionHeading != nil || !text.isEmpty { sections.append(TextSection(heading: sectionHeading, text: text)) }
        }
    }

    /// The text without the white space and line breaks that start and end it: what
    /// Foundation's `trimmingCharacters(in: .whitespacesAndNewlines)` gives, without its UTF-16
    /// pass over a section of CJK text. That set is Unicode's White_Space plus U+200B (checked
    /// over every scalar, and by a test).
    static func trimmingWhitespace(_ text: Substring) -> String {
        func kept(_ scalar: Unicode.Scalar) -> Bool { !(scalar.properties.isWhitespace || scalar.value == 0x200B) }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: kept), let last = scalars.lastIndex(where: kept) else { return "" }
        return String(scalars[first...last])
    }

    static func walkDocument(_ document: OpaquePointer) -> Walk {
        var walk = Walk()
        var anchors = HeadingAnchor.Deduplicator()
        guard let iterator = cmark_iter_new(document) else { return walk }
        defer { cmark_iter_free(iterator) }
        var headingText: String?
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            switch (type, event) {
            case (CMARK_NODE_HEADING, CMARK_EVENT_ENTER):
                walk.closeSection()
                headingText = ""
            case (CMARK_NODE_HEADING, CMARK_EVENT_EXIT):
                let text = headingText ?? ""
                let anchor = anchors.unique(HeadingAnchor.slug(text))
                let heading = Heading(level: Int(cmark_node_get_heading_level(node)), text: text, anchor: anchor,
                                      line: Int(cmark_node_get_start_line(node)))
                walk.headings.append(heading)
                walk.headingNodes.append((node, anchor))
                headingText = nil
                walk.plainText += "\n"
                walk.sectionHeading = heading
                walk.sectionStart = walk.plainText.endIndex
            case (CMARK_NODE_TEXT, _), (CMARK_NODE_CODE, _):
                let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                if headingText != nil { headingText! += literal }
                walk.plainText += literal
            case (CMARK_NODE_SOFTBREAK, _), (CMARK_NODE_LINEBREAK, _):
                if headingText != nil { headingText! += " " }
                walk.plainText += " "
            case (CMARK_NODE_HTML_BLOCK, _), (CMARK_NODE_HTML_INLINE, _):
                // Only rendered when the notice allows raw HTML; then it is sanitised here.
                if let literal = cmark_node_get_literal(node) {
                    let html = String(cString: literal)
                    let safe = RawHTMLSanitizer.sanitize(html)
                    if safe != html { cmark_node_set_literal(node, safe) }
                }
            case (CMARK_NODE_LINK, CMARK_EVENT_ENTER):
                // cmark-gfm empties these itself only while raw HTML is off.
                if let url = cmark_node_get_url(node), RawHTMLSanitizer.isDangerousAddress(String(cString: url)) {
                    cmark_node_set_url(node, "")
                }
            case (CMARK_NODE_IMAGE, CMARK_EVENT_ENTER):
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                if RawHTMLSanitizer.isDangerousAddress(url) {
                    cmark_node_set_url(node, "")
                } else if isRemote(url) {
                    cmark_node_set_url(node, "")
                    let line = Int(cmark_node_get_start_line(node))
                    // cmark counts columns in bytes; render() turns them into characters.
                    walk.notes.append(RenderNote(line: line, column: Int(cmark_node_get_start_column(node)),
                                                 message: Message("loading.markdown.remoteImage", ["url": url]),
                                                 hint: Message("loading.markdown.remoteImage.hint")))
                }
                if cmark_node_get_url(node).map({ $0.pointee == 0 }) ?? true { walk.imagesWithoutAddress.append(node) }
            case (CMARK_NODE_PARAGRAPH, CMARK_EVENT_EXIT), (CMARK_NODE_CODE_BLOCK, _):
                if type == CMARK_NODE_CODE_BLOCK, let literal = cmark_node_get_literal(node) { walk.plainText += String(cString: literal) }
                walk.plainText += "\n"
            default:
                // Table cells are blocks of their own in GFM; keep them apart in the plain text.
                if type == TableTypes.cell, event == CMARK_EVENT_EXIT {
                    walk.plainText += " "
                } else if type == TableTypes.table, event == CMARK_EVENT_ENTER {
                    walk.tables.append(node)
                }
            }
        }
        // The last section ends with the text: without this, search never saw a notice's last section.
        walk.closeSection()
        return walk
    }

    /// GFM's autolinks end at white space, and Chinese text has none, so `见https://a.cn/，若…`
    /// would link the rest of the sentence. An autolink (its text is its address) is cut at the
    /// first non-ASCII character, then loses trailing punctuation and unbalanced `)` as GFM does,
    /// and the cut-off text goes back into the paragraph.
    static func trimAutolinksAtCJK(_ document: OpaquePointer) {
        var links: [OpaquePointer] = []
        if let iterator = cmark_iter_new(document) {
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), cmark_node_get_type(node) == CMARK_NODE_LINK {
                    links.append(node)
                }
            }
            cmark_iter_free(iterator)
        }
        for link in links {
            guard let child = cmark_node_first_child(link), cmark_node_next(child) == nil, cmark_node_get_type(child) == CMARK_NODE_TEXT,
                  let literalPointer = cmark_node_get_literal(child), let urlPointer = cmark_node_get_url(link) else { continue }
            let text = String(cString: literalPointer), url = String(cString: urlPointer)
            guard url == text || url == "http://" + text || url == "mailto:" + text else { continue }
            guard let cut = autolinkEnd(text), cut < text.endIndex else { continue }
            let kept = String(text[..<cut]), rest = String(text[cut...])
            cmark_node_set_literal(child, kept)
            cmark_node_set_url(link, String(url.dropLast(text.count - kept.count)))
            if let restNode = cmark_node_new(CMARK_NODE_TEXT) {
                cmark_node_set_literal(restNode, rest)
                cmark_node_insert_after(link, restNode)
            }
        }
    }

    /// Where an autolink's text should end, or nil when it is empty after trimming.
    static func autolinkEnd(_ text: String) -> String.Index? {
        var end = text.firstIndex { !$0.isASCII } ?? text.endIndex
        while end > text.startIndex {
            let last = text[text.index(before: end)]
            if "?!.,:*_~'\"".contains(last) {
                end = text.index(before: end)
            } else if last == ")" && text[..<end].filter({ $0 == "(" }).count < text[..<end].filter({ $0 == ")" }).count {
                end = text.index(before: end)
            } else {
                break
            }
        }
        return end > text.startIndex ? end : nil
    }

    static func isRemote(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("//") || lower.contains("://")
    }
}
