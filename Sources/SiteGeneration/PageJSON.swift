import Foundation
import SearchIndex

/// JSON that pages carry for their scripts (data blocks and attributes): keys sorted, so the same
/// content gives the same bytes, and `<` never raw, so `</script>` in content cannot end a block.
///
/// Written by hand, byte for byte as Foundation's JSONSerialization with `.sortedKeys` and
/// `.withoutEscapingSlashes` writes it here (keys in its order: case-insensitive, numbers by
/// value): every checklist item carries one, and going through JSONSerialization cost more than
/// rendering the page. A value of another type goes through JSONSerialization as before.
enum PageJSON {
    static func encode(_ object: Any) -> String {
        var text = ""
        guard append(object, to: &text) else { return foundationEncode(object) }
        return text
    }

    static func foundationEncode(_ object: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
    }

    private static func append(_ value: Any, to text: inout String) -> Bool {
        switch value {
        case let string as String:
            var escaped = ""
            JSONText.appendString(string, to: &escaped, escapingLineSeparators: false)
            text += escaped.utf8.contains(UInt8(ascii: "<")) ? escaped.replacingOccurrences(of: "<", with: "\\u003c") : escaped
        case let bool as Bool:
            text += bool ? "true" : "false"
        case let integer as Int:
            text += String(integer)
        case let dictionary as [String: Any]:
            text += "{"
            for (index, key) in sortedKeys(dictionary.keys).enumerated() {
                if index > 0 { text += "," }
                guard append(key, to: &text) else { return false }
                text += ":"
                guard append(dictionary[key]!, to: &text) else { return false }
            }
            text += "}"
        case let array as [Any]:
            text += "["
            for (index, element) in array.enumerated() {
                if index > 0 { text += "," }
                guard append(element, to: &text) else { return false }
            }
            text += "]"
        default:
            return false
        }
        return true
    }

    /// JSONSerialization's order: case-insensitive, digit runs by value. Keys of ASCII letters
    /// only (all of ours but fee levels) compare as lower-cased ASCII; others as Foundation does.
    static func sortedKeys(_ keys: Dictionary<String, Any>.Keys) -> [String] {
        if keys.allSatisfy({ $0.utf8.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) } }) {
            return keys.sorted { a, b in
                let (x, y) = (a.lowercased(), b.lowercased())
                return x != y ? x < y : a < b
            }
        }
        return keys.sorted { a, b in
            a.compare(b, options: [.numeric, .caseInsensitive, .forcedOrdering], range: a.startIndex..<a.endIndex, locale: NSLocale.system) == .orderedAscending
        }
    }
}
