import Foundation
import Support

/// The `{{key}}` blanks of a template's text, walked once for every reader of them: the template
/// page turns each into a fillable field, the search index into what a reader of the printed
/// document sees.
enum TemplatePlaceholders {
    /// `text` with each `{{key}}` (spaces around the key ignored) replaced by `replacement(key)`; a
    /// nil replacement keeps the placeholder as written, and an unclosed `{{` stays. Worked on UTF-8
    /// bytes: the braces are ASCII, and no byte of a longer UTF-8 sequence is an ASCII byte.
    static func replacing(in text: String, with replacement: (String) -> String?) -> String {
        let bytes = Array(text.utf8)
        guard ByteSearch.firstIndex(of: "{{", in: bytes) != nil else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 2_048)
        var cursor = 0
        while let open = ByteSearch.firstIndex(of: "{{", in: bytes, from: cursor),
              let close = ByteSearch.firstIndex(of: "}}", in: bytes, from: open + 2) {
            output += bytes[cursor..<open]
            let key = String(decoding: bytes[(open + 2)..<close], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            if let value = replacement(key) { output += value.utf8 } else { output += bytes[open..<(close + 2)] }
            cursor = close + 2
        }
        output += bytes[cursor...]
        return String(decoding: output, as: UTF8.self)
    }
}
