import Foundation

/// The one way JSON is written: the data blocks and attributes pages carry for their scripts, the
/// search index's script files, `serve`'s answers to the page, and `check --format json`.
///
/// Every output is byte for byte what Foundation's JSONSerialization writes with `.sortedKeys`
/// (and `.withoutEscapingSlashes` unless `.escapingSlashes` is asked for), then with the escapes
/// the options add. Keys are always sorted, so the same content gives the same bytes. Strings,
/// Bools, Ints, arrays and `[String: Any]` are written by hand: a checklist page encodes one small
/// object per item and the index hundreds of thousands of strings, and going through
/// JSONSerialization cost more than rendering the page. A value holding anything else (a Double,
/// an NSNumber, NSNull) goes through JSONSerialization whole, with the same options applied.
public struct JSONWriter: Sendable {
    public struct Options: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// `<` as `\u003c`, so text holding `</script>` cannot end the block it is embedded in.
        public static let escapingLessThan = Options(rawValue: 1 << 0)
        /// U+2028 and U+2029 as `\u2028` and `\u2029`: older JavaScript engines end a string
        /// literal's line at them, so a script file breaks where JSONSerialization leaves them raw.
        public static let escapingLineSeparators = Options(rawValue: 1 << 1)
        /// `/` as `\/`, JSONSerialization's default; only `serve`'s state answers still write it.
        public static let escapingSlashes = Options(rawValue: 1 << 2)
        /// Foundation's `.prettyPrinted` layout (two spaces a level, `"key" : value`, an empty
        /// container as two line breaks), as JSONEncoder writes it too: for output people read.
        public static let prettyPrinted = Options(rawValue: 1 << 3)
    }

    public let options: Options

    public init(_ options: Options = []) {
        self.options = options
    }

    /// JSON for data a page's scripts read: `<` escaped, since it sits in an HTML `<script>` block
    /// or attribute.
    public static let page = JSONWriter(.escapingLessThan)

    /// `value` as JSON text; `null` for what JSONSerialization refuses too.
    public func encode(_ value: Any) -> String {
        var text = ""
        guard append(value, to: &text, depth: 0) else { return foundationEncode(value) }
        return text
    }

    /// What JSONSerialization writes for `value`, with this writer's escapes added: the path for
    /// values the hand-written one does not take, and what tests hold that one to.
    public func foundationEncode(_ value: Any) -> String {
        var serializationOptions: JSONSerialization.WritingOptions = [.sortedKeys, .fragmentsAllowed]
        if !options.contains(.escapingSlashes) { serializationOptions.insert(.withoutEscapingSlashes) }
        if options.contains(.prettyPrinted) { serializationOptions.insert(.prettyPrinted) }
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: serializationOptions) else { return "null" }
        var text = String(decoding: data, as: UTF8.self)
        // `<`, U+2028 and U+2029 stand only inside strings in JSON, so replacing them everywhere
        // escapes exactly the strings.
        if options.contains(.escapingLessThan) { text = text.replacingOccurrences(of: "<", with: "\\u003c") }
        if options.contains(.escapingLineSeparators) {
            text = text.replacingOccurrences(of: "\u{2028}", with: "\\u2028").replacingOccurrences(of: "\u{2029}", with: "\\u2029")
        }
        return text
    }

    /// Appends `value` at nesting `depth` (for pretty printing); false for a value of a type not
    /// written by hand.
    private func append(_ value: Any, to text: inout String, depth: Int) -> Bool {
        switch value {
        case let string as String:
            appendString(string, to: &text)
        case let bool as Bool:
            text += bool ? "true" : "false"
        case let integer as Int:
            text += String(integer)
        case let dictionary as [String: Any]:
            text += "{"
            for (index, key) in JSONWriter.sortedKeys(dictionary.keys).enumerated() {
                startElement(index, in: &text, depth: depth)
                appendString(key, to: &text)
                text += options.contains(.prettyPrinted) ? " : " : ":"
                guard append(dictionary[key]!, to: &text, depth: depth + 1) else { return false }
            }
            endContainer(in: &text, depth: depth, isEmpty: dictionary.isEmpty)
            text += "}"
        case let array as [Any]:
            text += "["
            for (index, element) in array.enumerated() {
                startElement(index, in: &text, depth: depth)
                guard append(element, to: &text, depth: depth + 1) else { return false }
            }
            endContainer(in: &text, depth: depth, isEmpty: array.isEmpty)
            text += "]"
        default:
            return false
        }
        return true
    }

    /// The separator before a container's element: a comma after the first, and when pretty
    /// printing a line break and the indentation of the level inside the container.
    private func startElement(_ index: Int, in text: inout String, depth: Int) {
        guard options.contains(.prettyPrinted) else {
            if index > 0 { text += "," }
            return
        }
        text += index > 0 ? ",\n" : "\n"
        text += String(repeating: "  ", count: depth + 1)
    }

    /// Before a container's closing bracket, when pretty printing: a line break and the indentation
    /// of the container's own level (an empty container gets its opening line break here too).
    private func endContainer(in text: inout String, depth: Int, isEmpty: Bool) {
        guard options.contains(.prettyPrinted) else { return }
        text += isEmpty ? "\n\n" : "\n"
        text += String(repeating: "  ", count: depth)
    }
}
