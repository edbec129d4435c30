import Foundation

/// JSON that pages carry for their scripts (data blocks and attributes): keys sorted, so the same
/// content gives the same bytes, and `<` never raw, so `</script>` in content cannot end a block.
enum PageJSON {
    static func encode(_ object: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
    }
}
