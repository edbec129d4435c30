@_exported import OfficeMessages
/// The parts of a compiled template.
enum TemplateNode: Sendable {
    case text([UInt8])
    case variable(TemplateName, escaped: Bool)
    case section(TemplateName, [TemplateNode])
    case invertedSection(TemplateName, [TemplateNode])
    /// A partial; `indentation` is set when the tag stands alone on its line.
    case partial(String, indentation: [UInt8]?)
}

/// A tag's name split at its dots: `{{.}}` is the current value, a leading dot (`{{.note}}`)
/// looks only in the current value, anything else searches the enclosing values too.
struct TemplateName: Sendable {
    var isCurrent: Bool
    var localOnly: Bool
    var path: [String]

    init(_ text: String) {
        isCurrent = text == "."
        localOnly = text.first == "."
        path = text.split(separator: ".").map(String.init)
    }
}

/// A template that cannot be compiled, with where the problem is; what is wrong is a catalogue
/// message, shown in the office's language (a theme's author may be the office itself).
public struct TemplateSyntaxError: Error, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var text: Message
    public var message: String { text.text() }
    public var description: String { "\(line):\(column): \(message)" }
}

/// Mustache's grammar as the themes use it: variables (`{{x}}`, `{{{x}}}`, `{{&x}}`), dotted
/// names, sections, inverted sections, partials, comments and delimiter changes, with the spec's
/// standalone-line rule. It follows swift-mustache 2.1's parser step by step, so themes written
/// for it render to the same bytes; its extensions (transforms, inheritance, content types,
/// dynamic partials) are refused with an error naming the line.
struct TemplateParser {
    private let characters: [Character]
    private var position = 0

    private struct State {
        var sectionName: String?
        var newLine = true
        var start: [Character] = ["{", "{"]
        var end: [Character] = ["}", "}"]
    }

    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    init(_ text: String) {
        characters = Array(text)
    }

    static func parse(_ text: String) throws(TemplateSyntaxError) -> [TemplateNode] {
        var parser = TemplateParser(text)
        return try parser.parse(State())
    }

    private var current: Character? { position < characters.count ? characters[position] : nil }
    private var reachedEnd: Bool { position >= characters.count }

    private func failure(_ message: Message, at offset: Int? = nil) -> TemplateSyntaxError {
        let offset = min(offset ?? position, characters.count)
        var line = 1, column = 1
        for character in characters[..<offset] {
            if character.isNewline { line += 1; column = 1 } else { column += 1 }
        }
        return TemplateSyntaxError(line: line, column: column, text: message)
    }

    private mutating func parse(_ initial: State) throws(TemplateSyntaxError) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = initial
        var whiteSpaceBefore = ""
        while !reachedEnd {
            if state.newLine { whiteSpaceBefore = read { $0 == " " || $0 == "\t" } }
            let text = readUntilDelimiterOrNewline(state)
            if let character = current, character == "\n" || character == "\r\n" {
                nodes.append(.text(Array((whiteSpaceBefore + text + String(character)).utf8)))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(Array((whiteSpaceBefore + text).utf8)))
                whiteSpaceBefore = ""
                state.newLine = false
            }
            if reachedEnd { break }
            // The tag's opening delimiter, where errors point.
            let tagStart = position - state.start.count
            var setNewLine = false
            func flushWhiteSpace() {
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(Array(whiteSpaceBefore.utf8)))
                    whiteSpaceBefore = ""
                }
            }
            switch current! {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let name = try parseName(state, tagStart: tagStart)
                if isStandalone(state) { setNewLine = true } else { flushWhiteSpace() }
                var inner = state
                inner.sectionName = name
                if !setNewLine { inner.newLine = false }
                let body = try parse(inner)
                nodes.append(inverted ? .invertedSection(TemplateName(name), body) : .section(TemplateName(name), body))
            case "/":
                position += 1
                let name = try parseName(state, tagStart: tagStart)
                guard name == state.sectionName else {
                    throw failure(state.sectionName.map { Message("template.closesUnopened.expected", ["tag": "{{/\(name)}}", "expected": "{{/\($0)}}"]) }
                                  ?? Message("template.closesUnopened", ["tag": "{{/\(name)}}"]), at: tagStart)
                }
                if !isStandalone(state) { flushWhiteSpace() }
                return nodes
            case "!":
                position += 1
                guard let close = find(state.end) else { throw failure(Message("template.commentNotClosed"), at: tagStart) }
                position = close + state.end.count
                setNewLine = isStandalone(state)
            case "{", "&":
                let triple = current == "{"
                flushWhiteSpace()
                position += 1
                let name = try parseName(state, tagStart: tagStart)
                if triple {
                    guard current == "}" else { throw failure(Message("template.tripleNotClosed", ["open": "{{{", "close": "}}}"]), at: tagStart) }
                    position += 1
                }
                nodes.append(.variable(TemplateName(name), escaped: false))
            case ">":
                position += 1
                _ = read { $0.isWhitespace }
                if current == "*" { throw failure(Message("template.dynamicPartial", ["tag": "{{>*name}}"]), at: tagStart) }
                _ = read { $0.isWhitespace }
                let name = read { Self.partialNameCharacters.contains($0) }
                _ = read { $0.isWhitespace }
                guard readString(state.end) else { throw failure(Message("template.unfinishedPartial"), at: tagStart) }
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(Array(whiteSpaceBefore.utf8))) }
                if isStandalone(state) {
                    setNewLine = true
                    nodes.append(.partial(name, indentation: Array(whiteSpaceBefore.utf8)))
                } else {
                    nodes.append(.partial(name, indentation: nil))
                }
                whiteSpaceBefore = ""
            case "=":
                position += 1
                state = try parseSetDelimiter(state, tagStart: tagStart)
                setNewLine = isStandalone(state)
            case "<", "$", "%":
                throw failure(Message("template.extension", ["tag": "\(state.start.map(String.init).joined())\(current!)"]), at: tagStart)
            default:
                flushWhiteSpace()
                let name = try parseName(state, tagStart: tagStart)
                nodes.append(.variable(TemplateName(name), escaped: true))
            }
            state.newLine = setNewLine
        }
        if let open = state.sectionName { throw failure(Message("template.sectionNotClosed", ["tag": "{{#\(open)}}"])) }
        return nodes
    }

    private mutating func read(while predicate: (Character) -> Bool) -> String {
        let start = position
        while position < characters.count, predicate(characters[position]) { position += 1 }
        return String(characters[start..<position])
    }

    private mutating func readString(_ expected: [Character]) -> Bool {
        guard position + expected.count <= characters.count, Array(characters[position..<position + expected.count]) == expected else { return false }
        position += expected.count
        return true
    }

    private func find(_ needle: [Character]) -> Int? {
        var index = position
        while index + needle.count <= characters.count {
            if characters[index] == needle[0], Array(characters[index..<index + needle.count]) == needle { return index }
            index += 1
        }
        return nil
    }

    /// Text up to the next tag (the opening delimiter is consumed) or line end (not consumed).
    private mutating func readUntilDelimiterOrNewline(_ state: State) -> String {
        var text = ""
        while position < characters.count {
            let character = characters[position]
            if character == "\n" || character == "\r\n" { break }
            if character == state.start[0] {
                if readString(state.start) { break }
                text.append(character)
                position += 1
                continue
            }
            text.append(character)
            position += 1
        }
        return text
    }

    private mutating func parseName(_ state: State, tagStart: Int) throws(TemplateSyntaxError) -> String {
        _ = read { $0.isWhitespace }
        let name = read { Self.nameCharacters.contains($0) }
        _ = read { $0.isWhitespace }
        guard readString(state.end) else { throw failure(Message("template.unfinishedTag", ["close": String(state.end)]), at: tagStart) }
        if name.contains("(") || name.contains(")") {
            throw failure(Message("template.transform", ["tag": "{{name(value)}}"]), at: tagStart)
        }
        return name
    }

    /// The rest of the line is blank: the tag stands alone, and its line (with its end) is dropped.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if reachedEnd { return true }
        var probe = position
        while probe < characters.count, characters[probe] == " " || characters[probe] == "\t" { probe += 1 }
        if probe < characters.count, characters[probe].isNewline {
            position = probe + 1
            return true
        }
        return false
    }

    private mutating func parseSetDelimiter(_ state: State, tagStart: Int) throws(TemplateSyntaxError) -> State {
        _ = read { $0.isWhitespace }
        let start = read { !$0.isWhitespace }
        _ = read { $0.isWhitespace }
        let end = read { $0 != "=" && !$0.isWhitespace }
        _ = read { $0.isWhitespace }
        guard readString(["="]), readString(state.end), !start.isEmpty, !end.isEmpty else {
            throw failure(Message("template.delimiter", ["tag": "{{=<% %>=}}"]), at: tagStart)
        }
        var changed = state
        changed.start = Array(start)
        changed.end = Array(end)
        return changed
    }
}
