import Foundation
import Support

/// The site's own markup around elements cmark-gfm writes: what its tree cannot say. Everything
/// else the page changes is changed on the tree (`MarkdownDocument`).
///
/// - A heading's anchor: cmark's HTML writer puts no attribute on an element, so the heading's
///   tags are the site's, around the content cmark writes.
/// - A table that scrolls sideways on a phone: the wrapper must touch the table (`<div …><table>`),
///   and cmark writes a custom block's markup on a line of its own, so the table node is written on
///   its own (`cmark_render_html` of that node) and the wrapper put around that HTML: the one edit
///   on HTML left, on the few bytes that end one element cmark wrote.
public enum HTMLPostProcessor {
    /// The region a table scrolls in: focusable, so a keyboard can scroll it, and named for a screen reader.
    public static let tableWrapStart = "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"表格\">"
    public static let tableWrapEnd = "</div>"

    /// `table`, one table as cmark writes it (`<table>…</table>` and its line end), in its region,
    /// without the line end: the block node it goes in ends the line.
    static func wrapTable(_ table: String) -> String {
        var html = Substring(table)
        if html.utf8.last == UInt8(ascii: "\n") { html = html.dropLast() }
        return tableWrapStart + html + tableWrapEnd
    }

    /// A heading's start and end tags at `level` (1…6), with its anchor as `id`.
    static func headingTags(level: Int, anchor: String) -> (start: String, end: String) {
        ("<h\(level) id=\"\(escapeMarkup(anchor))\">", "</h\(level)>")
    }
}
