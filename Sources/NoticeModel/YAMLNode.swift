import CYAML
import Foundation

/// Where a node starts in its file: line and column from 1, the column counted in Unicode scalars
/// (as libyaml counts them, and as every diagnostic prints them).
public struct YAMLMark: Sendable, Equatable, Hashable, CustomStringConvertible {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

/// A YAML document as a tree of scalars, mappings and sequences, each with where it starts.
///
/// Composed straight from libyaml's events (Debian's libyaml-dev, `CYAML`): no implicit typing
/// (every scalar is read from its text by whoever reads the tree), no tag objects, no per-event
/// allocations. This replaced Yams' `compose`, which did the same work at twice the CPU time
/// (docs/benchmark.md, "YAML: Yams or libyaml's events").
/// An alias (`*name`) is composed as the node its anchor names, as Yams did: a tree walk must
/// therefore guard against alias bombs (`YAMLReader.refusingExpansion`).
public enum YAMLNode: Sendable {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(Sequence)

    public struct Scalar: Sendable {
        public enum Style: UInt8, Sendable {
            case any = 0, plain, singleQuoted, doubleQuoted, literal, folded
        }

        public let string: String
        public let style: Style
        /// The explicit tag (`!!str`), nil when the scalar has none.
        public let tag: String?
        public let mark: YAMLMark?
    }

    /// Pairs in file order.
    public struct Mapping: Sendable, RandomAccessCollection {
        public let pairs: [(key: YAMLNode, value: YAMLNode)]
        public let tag: String?
        public let mark: YAMLMark?

        public var startIndex: Int { pairs.startIndex }
        public var endIndex: Int { pairs.endIndex }
        public subscript(index: Int) -> (key: YAMLNode, value: YAMLNode) { pairs[index] }
    }

    public struct Sequence: Sendable, RandomAccessCollection, ExpressibleByArrayLiteral {
        public let nodes: [YAMLNode]
        public let tag: String?
        public let mark: YAMLMark?

        init(nodes: [YAMLNode], tag: String?, mark: YAMLMark?) {
            self.nodes = nodes
            self.tag = tag
            self.mark = mark
        }

        /// `node.sequence ?? []`.
        public init(arrayLiteral elements: YAMLNode...) {
            self.init(nodes: elements, tag: nil, mark: nil)
        }

        public var startIndex: Int { nodes.startIndex }
        public var endIndex: Int { nodes.endIndex }
        public subscript(index: Int) -> YAMLNode { nodes[index] }
    }

    public var mark: YAMLMark? {
        switch self {
        case let .scalar(scalar): scalar.mark
        case let .mapping(mapping): mapping.mark
        case let .sequence(sequence): sequence.mark
        }
    }

    /// The text of a scalar; nil for a mapping or a sequence.
    public var string: String? {
        if case let .scalar(scalar) = self { return scalar.string }
        return nil
    }

    public var mapping: Mapping? {
        if case let .mapping(mapping) = self { return mapping }
        return nil
    }

    public var sequence: Sequence? {
        if case let .sequence(sequence) = self { return sequence }
        return nil
    }
}

/// Why a text could not be composed: libyaml's own complaint with its marks (1-based), or a
/// mapping with a key twice. `text` is the text composed, for the description.
public enum YAMLError: Error, CustomStringConvertible {
    public struct Context: Sendable, CustomStringConvertible {
        public let text: String
        public let mark: YAMLMark
        public var description: String { text + " in line \(mark.line), column \(mark.column)\n" }
    }

    case memory
    /// `offset`: in Characters from the start of the text, nil when libyaml's byte offset is not
    /// on a Character boundary.
    case reader(problem: String, offset: Int?, value: Int32, text: String)
    case scanner(context: Context?, problem: String, mark: YAMLMark, text: String)
    case parser(context: Context?, problem: String, mark: YAMLMark, text: String)
    case composer(context: Context?, problem: String, mark: YAMLMark, text: String)
    /// The duplicated keys, sorted, and where the first of them first stands.
    case duplicatedKeys(duplicates: [String], mark: YAMLMark, text: String)

    /// Worded as Yams worded it (the reader's complaint about a control character reaches the
    /// office as this text, and `new` quotes it).
    public var description: String {
        switch self {
        case .memory:
            return "Memory error"
        case let .reader(problem, offset, value, text):
            guard let offset, let (line, column, contents) = text.lineColumnAndContents(atCharacterOffset: offset) else {
                return "\(problem) at offset: \(String(describing: offset)), value: \(value)"
            }
            return "\(line + 1):\(column + 1): error: reader: \(problem):\n" + contents.endingWithNewline
                + String(repeating: " ", count: column) + "^"
        case let .scanner(context, problem, mark, text):
            return "\(mark): error: scanner: \(context?.description ?? "")\(problem):\n" + text.snippet(at: mark)
        case let .parser(context, problem, mark, text):
            return "\(mark): error: parser: \(context?.description ?? "")\(problem):\n" + text.snippet(at: mark)
        case let .composer(context, problem, mark, text):
            return "\(mark): error: composer: \(context?.description ?? "")\(problem):\n" + text.snippet(at: mark)
        case let .duplicatedKeys(duplicates, mark, text):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return """
                   Parser: expected all keys to be unique but found the following duplicated key(s): \(keys).
                   Context:
                   \(Context(text: text, mark: mark).description)
                   """
        }
    }
}

extension YAMLNode {
    /// The single document of `text`, nil when the text holds none (empty, or comments only).
    public static func compose(_ text: String) throws(YAMLError) -> YAMLNode? {
        var text = text
        let original = text
        return try text.withUTF8 { buffer -> Result<YAMLNode?, YAMLError> in
            var composer = YAMLComposer()
            do throws(YAMLError) { return .success(try composer.compose(buffer, text: original)) } catch { return .failure(error) }
        }.get()
    }
}

/// libyaml's events folded into a tree with an explicit stack (deep nesting cannot overflow the
/// thread's stack), checking duplicate keys as each mapping closes and resolving aliases, in the
/// order Yams did, so the first error reported is the same one.
private struct YAMLComposer {
    private struct Open {
        var isMapping: Bool
        var items: [YAMLNode] = []
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        var key: YAMLNode?
        var tag: String?
        var mark: YAMLMark
        var anchor: String?
    }

    private var anchors: [String: YAMLNode] = [:]
    private var stack: [Open] = []

    /// How deep lists and mappings may nest. A notice nests five or six levels; Yams' copy of
    /// libyaml refused more than 1,000, Debian's 0.2.5 has no limit, and a tree 100,000 levels
    /// deep is composed without trouble but overflows the stack when it is freed (each level
    /// releases the next).
    static let maximumDepth = 1_000

    private static func checkDepth(_ depth: Int, mark: YAMLMark, text: String) throws(YAMLError) {
        guard depth >= maximumDepth else { return }
        throw .parser(context: nil, problem: "exceeded the maximum nesting depth of \(maximumDepth)", mark: mark, text: text)
    }

    private static let strTag = "tag:yaml.org,2002:str"

    mutating func compose(_ buffer: UnsafeBufferPointer<UInt8>, text: String) throws(YAMLError) -> YAMLNode? {
        // An empty text holds no document (and libyaml wants an input pointer that is not null).
        guard let base = buffer.baseAddress, buffer.count > 0 else { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { throw .memory }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, base, buffer.count)

        var event = yaml_event_t()
        func next() throws(YAMLError) {
            guard yaml_parser_parse(&parser, &event) == 1 else { throw Self.error(of: parser, text: text) }
        }
        // STREAM-START, then DOCUMENT-START or STREAM-END.
        try next()
        yaml_event_delete(&event)
        try next()
        if event.type == YAML_STREAM_END_EVENT {
            yaml_event_delete(&event)
            return nil
        }
        yaml_event_delete(&event)
        var root: YAMLNode?
        while root == nil {
            try next()
            defer { yaml_event_delete(&event) }
            let mark = YAMLMark(line: event.start_mark.line + 1, column: event.start_mark.column + 1)
            var finished: YAMLNode?
            var anchor: String?
            switch event.type {
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let string = scalar.length == 0 ? "" : String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                let tag: String? = scalar.quoted_implicit == 1 ? Self.strTag : Self.string(scalar.tag)
                finished = .scalar(.init(string: string, style: YAMLNode.Scalar.Style(rawValue: UInt8(truncatingIfNeeded: scalar.style.rawValue)) ?? .any,
                                         tag: tag, mark: mark))
                anchor = Self.string(scalar.anchor)
            case YAML_ALIAS_EVENT:
                let name = Self.string(event.data.alias.anchor) ?? ""
                guard let node = anchors[name] else {
                    throw .composer(context: nil, problem: "found undefined alias", mark: mark, text: text)
                }
                finished = node
            case YAML_SEQUENCE_START_EVENT:
                try Self.checkDepth(stack.count, mark: mark, text: text)
                stack.append(Open(isMapping: false, tag: Self.string(event.data.sequence_start.tag), mark: mark,
                                  anchor: Self.string(event.data.sequence_start.anchor)))
            case YAML_MAPPING_START_EVENT:
                try Self.checkDepth(stack.count, mark: mark, text: text)
                stack.append(Open(isMapping: true, tag: Self.string(event.data.mapping_start.tag), mark: mark,
                                  anchor: Self.string(event.data.mapping_start.anchor)))
            case YAML_SEQUENCE_END_EVENT:
                let open = stack.removeLast()
                finished = .sequence(.init(nodes: open.items, tag: open.tag, mark: open.mark))
                anchor = open.anchor
            case YAML_MAPPING_END_EVENT:
                let open = stack.removeLast()
                try Self.checkDuplicates(open.pairs, text: text)
                finished = .mapping(.init(pairs: open.pairs, tag: open.tag, mark: open.mark))
                anchor = open.anchor
            default:
                break
            }
            guard let node = finished else { continue }
            if let anchor { anchors[anchor] = node }
            if stack.isEmpty {
                root = node
            } else if !stack[stack.count - 1].isMapping {
                stack[stack.count - 1].items.append(node)
            } else if let key = stack[stack.count - 1].key {
                stack[stack.count - 1].pairs.append((key, node))
                stack[stack.count - 1].key = nil
            } else {
                stack[stack.count - 1].key = node
            }
        }
        // DOCUMENT-END, then STREAM-END: a second document is refused.
        try next()
        yaml_event_delete(&event)
        try next()
        defer { yaml_event_delete(&event) }
        if event.type != YAML_STREAM_END_EVENT {
            throw .composer(context: .init(text: "expected a single document in the stream", mark: YAMLMark(line: 1, column: 1)),
                            problem: "but found another document",
                            mark: YAMLMark(line: event.start_mark.line + 1, column: event.start_mark.column + 1), text: text)
        }
        return root
    }

    private static func string(_ pointer: UnsafeMutablePointer<UInt8>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// Two keys are the same when they are the same text with the same tag (an untagged scalar is
    /// a string), or the same collection. A mapping has a handful of keys: compared pairwise.
    private static func checkDuplicates(_ pairs: [(key: YAMLNode, value: YAMLNode)], text: String) throws(YAMLError) {
        guard pairs.count > 1 else { return }
        var firsts: [YAMLNode] = []
        if pairs.count <= 32 {
            for i in 1..<pairs.count {
                let key = pairs[i].key
                for j in 0..<i where same(pairs[j].key, key) {
                    if !firsts.contains(where: { same($0, key) }) { firsts.append(pairs[j].key) }
                    break
                }
            }
        } else {
            var seen: [String: Int] = [:]
            for (index, pair) in pairs.enumerated() {
                guard case let .scalar(scalar) = pair.key else {
                    for j in 0..<index where same(pairs[j].key, pair.key) {
                        if !firsts.contains(where: { same($0, pair.key) }) { firsts.append(pairs[j].key) }
                        break
                    }
                    continue
                }
                let name = (scalar.tag ?? strTag) + "\u{0}" + scalar.string
                if let first = seen[name] {
                    if !firsts.contains(where: { same($0, pair.key) }) { firsts.append(pairs[first].key) }
                } else {
                    seen[name] = index
                }
            }
        }
        guard !firsts.isEmpty else { return }
        let sorted = firsts.sorted { ($0.string ?? "") < ($1.string ?? "") }
        throw .duplicatedKeys(duplicates: sorted.map { $0.string ?? "<uncovertable>" }, mark: sorted[0].mark ?? YAMLMark(line: 0, column: 0), text: text)
    }

    private static func same(_ a: YAMLNode, _ b: YAMLNode) -> Bool {
        switch (a, b) {
        case let (.scalar(x), .scalar(y)):
            return x.string == y.string && (x.tag ?? strTag) == (y.tag ?? strTag)
        case let (.sequence(x), .sequence(y)):
            return x.tag == y.tag && x.nodes.count == y.nodes.count && zip(x.nodes, y.nodes).allSatisfy { same($0, $1) }
        case let (.mapping(x), .mapping(y)):
            return x.tag == y.tag && x.pairs.count == y.pairs.count
                && zip(x.pairs, y.pairs).allSatisfy { same($0.key, $1.key) && same($0.value, $1.value) }
        default:
            return false
        }
    }

    private static func error(of parser: yaml_parser_t, text: String) -> YAMLError {
        func context() -> YAMLError.Context? {
            guard let context = parser.context else { return nil }
            return .init(text: String(cString: context), mark: YAMLMark(line: parser.context_mark.line + 1, column: parser.context_mark.column + 1))
        }
        let problem = parser.problem.map { String(cString: $0) } ?? ""
        let mark = YAMLMark(line: parser.problem_mark.line + 1, column: parser.problem_mark.column + 1)
        switch parser.error {
        case YAML_READER_ERROR:
            let offset = text.utf8.index(text.utf8.startIndex, offsetBy: parser.problem_offset, limitedBy: text.utf8.endIndex)?
                .samePosition(in: text).map { text.distance(from: text.startIndex, to: $0) }
            return .reader(problem: problem, offset: offset, value: parser.problem_value, text: text)
        case YAML_SCANNER_ERROR:
            return .scanner(context: context(), problem: problem, mark: mark, text: text)
        case YAML_PARSER_ERROR:
            return .parser(context: context(), problem: problem, mark: mark, text: text)
        case YAML_COMPOSER_ERROR:
            return .composer(context: context(), problem: problem, mark: mark, text: text)
        default:
            return .memory
        }
    }
}

extension String {
    /// Line (from 0), column in UTF-16 units (from 0) and the line's text with its line break, of
    /// the Character at `offset`: how Yams placed a reader error, kept for the same message.
    fileprivate func lineColumnAndContents(atCharacterOffset offset: Int) -> (Int, Int, String)? {
        guard let index = self.index(startIndex, offsetBy: offset, limitedBy: endIndex) else { return nil }
        var number = 0
        var start = startIndex, end = startIndex, contentsEnd = startIndex
        getLineStart(&start, end: &end, contentsEnd: &contentsEnd, for: startIndex..<startIndex)
        while end <= index && end < endIndex {
            number += 1
            getLineStart(&start, end: &end, contentsEnd: &contentsEnd, for: end..<end)
        }
        guard let utf16Start = start.samePosition(in: utf16), let utf16Index = index.samePosition(in: utf16) else { return nil }
        return (number, utf16.distance(from: utf16Start, to: utf16Index), String(self[start..<end]))
    }

    /// The line of `mark` (with its line break) and a caret under its column, as Yams showed it.
    fileprivate func snippet(at mark: YAMLMark) -> String {
        var number = 0
        var start = startIndex, end = startIndex, contentsEnd = startIndex
        getLineStart(&start, end: &end, contentsEnd: &contentsEnd, for: startIndex..<startIndex)
        while number < mark.line - 1 && end < endIndex {
            number += 1
            getLineStart(&start, end: &end, contentsEnd: &contentsEnd, for: end..<end)
        }
        let contents = String(self[start..<end])
        let columnIndex = contents.unicodeScalars.index(contents.unicodeScalars.startIndex, offsetBy: mark.column - 1,
                                                        limitedBy: contents.unicodeScalars.endIndex)?
            .samePosition(in: contents.utf16) ?? contents.utf16.endIndex
        let column = contents.utf16.distance(from: contents.utf16.startIndex, to: columnIndex)
        return contents.endingWithNewline + String(repeating: " ", count: column) + "^"
    }

    fileprivate var endingWithNewline: String {
        let endsWithNewline = unicodeScalars.last.map(CharacterSet.newlines.contains) ?? false
        return endsWithNewline ? self : self + "\n"
    }
}
