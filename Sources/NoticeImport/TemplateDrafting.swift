import DocumentReading
import Foundation
import NoticeModel

/// An attachment of the notice turned into a fillable template in the site's format: `# title`,
/// the body, `***`, the signature block; the blanks the office printed (×××同志, ××系列××专业,
/// ×（高、中、初）级, ××××年××月××日, 年 月 日, 监督电话：××××) become the site's placeholders.
struct TemplateDraft: Equatable {
    var id: String
    var number: String
    var kind: TemplateRef.Kind
    /// The title as printed (with `（模板）`), for notice.yml.
    var title: String
    var markdown: String
    /// How many blanks became placeholders.
    var placeholders: Int
}

enum TemplateDrafting {
    static func draft(_ attachment: NoticeOutline.Attachment, usedIDs: inout Set<String>) -> TemplateDraft {
        let title = attachment.title.isEmpty ? (attachment.listedTitle ?? attachment.number) : attachment.title
        let kind = kind(of: title + (attachment.listedTitle ?? ""))
        var id = baseID(kind, number: attachment.number)
        if usedIDs.contains(id) {
            var suffix = 2
            while usedIDs.contains("\(id)-\(suffix)") { suffix += 1 }
            id = "\(id)-\(suffix)"
        }
        usedIDs.insert(id)

        var count = 0
        var heading = title
        for suffix in ["（模板）", "(模板)"] where heading.hasSuffix(suffix) { heading = String(heading.dropLast(suffix.count)) }
        var lines = ["# " + Blanks.fill(MarkdownText.escaped(heading), count: &count)]
        let signatureStart = signatureStart(attachment.blocks)
        for (index, block) in attachment.blocks.enumerated() {
            if index == signatureStart { lines.append("***") }
            switch block {
            case let .paragraph(paragraph):
                lines.append(Blanks.fill(MarkdownText.escaped(paragraph.shownText), count: &count))
            case let .table(table):
                lines.append(MarkdownText.table(Blanks.labelledCells(table, count: &count), merges: true) { text in
                    text.hasPrefix("{{") && text.hasSuffix("}}") ? text : Blanks.fill(MarkdownText.escaped(text), count: &count)
                })
            }
        }
        return TemplateDraft(id: id, number: attachment.number, kind: kind, title: title,
                             markdown: lines.joined(separator: "\n\n") + "\n", placeholders: count)
    }

    static func kind(of title: String) -> TemplateRef.Kind {
        if title.contains("公示结果") || title.contains("公示证明") { return .gongshiResult }
        if title.contains("公示") { return .gongshi }
        if title.contains("推荐意见") || title.contains("推荐函") { return .recommendation }
        if title.contains("承诺") { return .pledge }
        return .form
    }

    private static func baseID(_ kind: TemplateRef.Kind, number: String) -> String {
        switch kind {
        case .gongshi: "gongshi"
        case .gongshiResult: "gongshi-jieguo"
        case .recommendation: "tuijian"
        case .pledge: "chengnuo"
        case .form: number == "附件" ? "fujian" : "fujian-" + number.replacingOccurrences(of: "附件", with: "")
        }
    }

    /// Where the signature block starts: the run of short lines at the end that sign, seal or date
    /// the document (签字, 公章, 承诺人, 年 月 日, ××××年××月××日, 2024年×月×日).
    static func signatureStart(_ blocks: [DocumentBlock]) -> Int? {
        var start: Int?
        for index in blocks.indices.reversed() {
            guard case let .paragraph(paragraph) = blocks[index] else { break }
            let text = paragraph.shownText
            guard text.count <= 40, isSignatureLine(text) else { break }
            start = index
        }
        // A document that is nothing but a signature has no block to set apart.
        return start == 0 ? nil : start
    }

    static func isSignatureLine(_ text: String) -> Bool {
        let words = ["签字", "签名", "签章", "盖章", "公章", "（章）", "(章)", "承诺人", "负责人", "落款"]
        return words.contains { text.contains($0) } || Blanks.isDateLine(text)
    }
}
