import FactExtraction
import MarkdownRendering

/// The body's sentences, each with the heading it stands under (its `source` anchor, as the
/// site's renderer makes anchors from notice.md's headings) and the paragraph it belongs to.
struct NoticeSentence {
    var text: String
    var paragraph: String
    /// The anchor of the nearest heading above, without `#`; nil before the first heading.
    var anchor: String?
    /// The headings above, outermost first (their text).
    var headings: [String]
    /// The sentence is a heading's own words.
    var isHeading = false
}

extension NoticeOutline {
    /// Every body heading's anchor, in order, as the renderer gives them (repeats get -2, -3).
    func sentences() -> [NoticeSentence] {
        var result: [NoticeSentence] = []
        var dedup = HeadingAnchor.Deduplicator()
        var path: [(level: Int, text: String)] = []
        var anchor: String?
        for block in body {
            switch block {
            case let .heading(level, text):
                anchor = dedup.unique(HeadingAnchor.slug(text))
                path.removeAll { $0.level >= level }
                path.append((level, text))
                // A heading that carries words of its own ("（一）网上申报。") is read as a sentence too.
                result.append(NoticeSentence(text: text, paragraph: text, anchor: anchor, headings: path.map(\.text), isHeading: true))
            case let .paragraph(text):
                for sentence in FactRules.sentences(text) {
                    result.append(NoticeSentence(text: sentence, paragraph: text, anchor: anchor, headings: path.map(\.text)))
                }
            case let .table(table):
                for row in table.rows {
                    // Cells side by side, as the row reads ("高级工程师 500元/人").
                    let text = row.map(\.text).filter { !$0.isEmpty }.joined(separator: " ")
                    if !text.isEmpty { result.append(NoticeSentence(text: text, paragraph: text, anchor: anchor, headings: path.map(\.text))) }
                }
            }
        }
        return result
    }

    /// The anchors of the attachments' headings in notice.md (`附件1`), after the body's.
    func attachmentAnchors() -> [String] {
        var dedup = HeadingAnchor.Deduplicator()
        for case let .heading(_, text) in body { _ = dedup.unique(HeadingAnchor.slug(text)) }
        return attachments.map { attachment in
            let anchor = dedup.unique(HeadingAnchor.slug(attachment.printed))
            if !attachment.title.isEmpty { _ = dedup.unique(HeadingAnchor.slug(attachment.title)) }
            return anchor
        }
    }

    /// notice.md: the body with its headings, then each attachment under `## 附件N` with its
    /// title as `###`, every character of the document's text kept (Markdown syntax escaped).
    func markdown() -> String {
        var parts: [String] = []
        for block in body {
            switch block {
            case let .heading(level, text): parts.append(MarkdownText.heading(level, text))
            case let .paragraph(text): parts.append(MarkdownText.escaped(text))
            case let .table(table): parts.append(MarkdownText.table(table))
            }
        }
        for attachment in attachments {
            parts.append(MarkdownText.heading(2, attachment.printed))
            if !attachment.title.isEmpty { parts.append(MarkdownText.heading(3, attachment.title)) }
            for block in attachment.blocks {
                switch block {
                case let .paragraph(paragraph): parts.append(MarkdownText.escaped(paragraph.shownText))
                case let .table(table): parts.append(MarkdownText.table(table))
                }
            }
        }
        return parts.joined(separator: "\n\n") + "\n"
    }
}
