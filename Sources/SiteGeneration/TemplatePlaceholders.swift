import Foundation
import MarkdownRendering
import Support
import NoticeModel

/// The `{{key}}` blanks of a template's text, found the same way for every reader of them: the
/// template page turns each into a fillable field (in the text of the template's tree,
/// `TemplateDocument`), the search index into what a reader of the printed document sees.
enum TemplatePlaceholders {
    /// Each placeholder of `text`: a `{{`, the first `}}` after it, and the key between them with
    /// the spaces around it trimmed, as offsets into the text's UTF-8 (`start` at the `{{`, `end`
    /// past the `}}`). An unclosed `{{` ends the search. Worked on UTF-8 bytes: the braces are
    /// ASCII, and no byte of a longer UTF-8 sequence is an ASCII byte.
    static func placeholders(in text: String) -> [(start: Int, end: Int, key: String)] {
        var text = text
        return text.withUTF8 { bytes in
            func pair(_ brace: UInt8, from start: Int) -> Int? {
                var index = start
                while index + 1 < bytes.count {
                    if bytes[index + 1] != brace {
                        index += 2  // neither this byte nor the next starts a pair
                    } else if bytes[index] != brace {
                        index += 1
                    } else {
                        return index
                    }
                }
                return nil
            }
            var found: [(start: Int, end: Int, key: String)] = []
            var cursor = 0
            while let open = pair(UInt8(ascii: "{"), from: cursor), let close = pair(UInt8(ascii: "}"), from: open + 2) {
                let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[(open + 2)..<close]), as: UTF8.self)
                found.append((open, close + 2, key.trimmingCharacters(in: .whitespaces)))
                cursor = close + 2
            }
            return found
        }
    }

    /// `text` with each `{{key}}` replaced by `replacement(key)`; a nil replacement keeps the
    /// placeholder as written, and an unclosed `{{` stays.
    static func replacing(in text: String, with replacement: (String) -> String?) -> String {
        let found = placeholders(in: text)
        guard !found.isEmpty else { return text }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 2_048)
        var cursor = 0
        for placeholder in found {
            output += bytes[cursor..<placeholder.start]
            if let value = replacement(placeholder.key) { output += value.utf8 } else { output += bytes[placeholder.start..<placeholder.end] }
            cursor = placeholder.end
        }
        output += bytes[cursor...]
        return String(decoding: output, as: UTF8.self)
    }

    /// The blank a template page prints for `{{key}}`: a line on paper (a date's 年月日 already
    /// there), the value when the notice fixes it, and what fills it as the user types. Keys were
    /// checked against `TemplateField.all` when the content was loaded; nil for any other.
    static func blank(for key: String, value: String?) -> String? {
        guard let field = TemplateField.named(key) else { return nil }
        let blank = field.kind == .date ? "　　　　年　　月　　日" : ""
        return "<span class=\"ph ph-\(field.kind.rawValue) w\(field.blankWidth)\(value == nil ? " empty" : "")\" data-field=\"\(key)\""
            + " data-blank=\"\(blank)\" title=\"\(escapeMarkup(field.label))\">\(escapeMarkup(value ?? blank))</span>"
    }
}
