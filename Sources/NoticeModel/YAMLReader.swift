import Yams

/// Reads a composed YAML tree into typed values, recording a positioned diagnostic for every
/// problem instead of stopping at the first, so an office sees all its mistakes in one run.
final class YAMLReader {
    let file: String
    private(set) var log = DiagnosticLog()

    init(file: String) {
        self.file = file
    }

    /// A mapping whose keys were checked against the ones the format knows.
    struct Map {
        let location: SourceLocation
        /// The known keys in file order, each once, with their values and where each key stands.
        /// Lists, not dictionaries: a mapping has a handful of keys, and comparing a few short keys
        /// costs less than hashing them (this is done for every mapping of every notice). The keys
        /// are searched on their own because copying a Node (to look at it) is not cheap.
        fileprivate let keys: [String]
        fileprivate let values: [Node]
        fileprivate let keyMarks: [Mark?]
        fileprivate let file: String

        /// The value under `key`, if the mapping has it.
        subscript(key: String) -> Node? {
            keys.firstIndex(of: key).map { values[$0] }
        }

        /// Where `key` itself stands, if the mapping has it.
        func keyLocation(_ key: String) -> SourceLocation? {
            keys.firstIndex(of: key).map { SourceLocation(file: file, line: keyMarks[$0]?.line ?? 1, column: keyMarks[$0]?.column ?? 1) }
        }
    }

    func location(of node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    func error(_ node: Node, _ message: String, hint: String? = nil) {
        log.error(location(of: node), message, hint: hint)
    }

    func error(at location: SourceLocation, _ message: String, hint: String? = nil) {
        log.error(location, message, hint: hint)
    }

    func warning(at location: SourceLocation, _ message: String, hint: String? = nil) {
        log.warning(location, message, hint: hint)
    }

    /// Parses the text, reporting a syntax error at its position.
    func compose(_ text: String) -> Node? {
        do {
            // No implicit typing: every scalar is read from its text by this reader, and resolving
            // tags by regular expression (to hash keys for the duplicate check) was half the YAML time.
            // The encoding is given because `Parser.Encoding.default` reads the whole process
            // environment on every call; `.utf8` is what it answers for a Swift string.
            guard let node = try Yams.compose(yaml: text, .basic, .default, .utf8) else { return nil }
            return refusingExpansion(node, text: text) ? nil : node
        } catch let error as YamlError {
            report(error)
        } catch {
            log.error(SourceLocation(file: file, line: 1, column: 1), "cannot read YAML: \(error)")
        }
        return nil
    }

    /// The composed tree holds a full copy for every alias (`*name`), so a few lines that nest
    /// aliases ("billion laughs") or repeat one long text thousands of times would become
    /// gigabytes of pages. Without aliases a tree has fewer nodes and scalar bytes than its file
    /// has bytes, so a walk that runs past twice that finds aliases at work; it stops there.
    /// An alias is written `*name`, so a file without a '*' has none and needs no walk.
    private func refusingExpansion(_ root: Node, text: String) -> Bool {
        guard containsByte(text, UInt8(ascii: "*")) else { return false }
        var budget = 2 * text.utf8.count + 1024
        var stack = [root]
        while let node = stack.popLast() {
            budget -= 1
            switch node {
            case let .scalar(scalar): budget -= scalar.string.utf8.count
            case let .mapping(mapping):
                // By index: iterating a Node.Mapping first copies all its pairs into a new array.
                for index in mapping.startIndex..<mapping.endIndex {
                    let (key, value) = mapping[index]
                    stack.append(key)
                    stack.append(value)
                }
            case let .sequence(sequence): stack.append(contentsOf: sequence)
            case .alias: break
            }
            guard budget >= 0 else {
                let (line, column) = firstAlias(in: text)
                log.error(SourceLocation(file: file, line: line, column: column),
                          "aliases (*name) repeat text here far beyond the file's own size",
                          hint: "write the text out where it is needed; content files need no anchors (&name) or aliases")
                return true
            }
        }
        return false
    }

    /// Where the first `*alias` stands, for the message (1:1 when none is found).
    private func firstAlias(in text: String) -> (Int, Int) {
        var found: (Int, Int)?
        forEachLine(of: text) { line, number in
            guard found == nil, let match = line.firstMatch(of: #/(?:^|[\s\[{,:-])\*[^\s,\[\]{}]/#) else { return }
            let star = line[match.range].firstIndex(of: "*") ?? match.range.lowerBound
            found = (number, line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: star) + 1)
        }
        return found ?? (1, 1)
    }

    private func report(_ error: YamlError) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var message = "YAML syntax: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line))" }
            log.error(SourceLocation(file: file, line: mark.line, column: mark.column), message,
                      hint: "check the indentation and quoting on this line; text containing ': ' or starting with a symbol needs quotes")
        case let .duplicatedKeysInMapping(duplicates, context):
            log.error(SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
                      "duplicate key \(duplicates.sorted().joined(separator: ", ")) in one mapping",
                      hint: "each key may appear once; merge the two entries")
        default:
            log.error(SourceLocation(file: file, line: 1, column: 1), "cannot read YAML: \(error)",
                      hint: "the file must be UTF-8 YAML")
        }
    }

    // MARK: - Shapes

    func map(_ node: Node?, _ what: String, allowed: [String]) -> Map? {
        guard let node else { return nil }
        guard case let .mapping(mapping) = node else {
            error(node, "\(what) must be a mapping of keys to values, found \(describe(node))")
            return nil
        }
        var keys: [String] = [], values: [Node] = [], keyMarks: [Mark?] = []
        keys.reserveCapacity(mapping.count)
        values.reserveCapacity(mapping.count)
        keyMarks.reserveCapacity(mapping.count)
        // By index: iterating a Node.Mapping first copies all its pairs into a new array.
        for index in mapping.startIndex..<mapping.endIndex {
            let (keyNode, value) = mapping[index]
            guard case let .scalar(scalar) = keyNode else {
                error(keyNode, "a key in \(what) must be plain text")
                continue
            }
            let key = scalar.string
            if keys.contains(key) {
                error(keyNode, "duplicate key '\(key)' in \(what)", hint: "each key may appear once; merge the two entries")
                continue
            }
            guard allowed.contains(key) else {
                let suggestion = closestMatch(to: key, in: allowed)
                error(keyNode, "unknown key '\(key)' in \(what)",
                      hint: suggestion.map { "did you mean '\($0)'?" } ?? "known keys: \(allowed.joined(separator: ", "))")
                continue
            }
            keys.append(key)
            values.append(value)
            keyMarks.append(scalar.mark)
        }
        return Map(location: location(of: node), keys: keys, values: values, keyMarks: keyMarks, file: file)
    }

    func list(_ map: Map, _ key: String) -> [Node] {
        guard let node = present(map, key) else { return [] }
        guard case let .sequence(sequence) = node else {
            error(node, "'\(key)' must be a list, found \(describe(node))", hint: "write each entry on its own line starting with '- '")
            return []
        }
        return Array(sequence)
    }

    // MARK: - Scalars

    /// The node under `key` unless it is missing or null.
    func present(_ map: Map, _ key: String) -> Node? {
        guard let node = map[key] else { return nil }
        if case let .scalar(scalar) = node, scalar.style == .plain, isNull(scalar.string) { return nil }
        return node
    }

    /// The plain scalars YAML reads as null. Compared as bytes: no other text is canonically
    /// equivalent to these ASCII words, and this runs for every key looked up.
    private func isNull(_ text: String) -> Bool {
        switch text.utf8.count {
        case 0: true
        case 1: text.utf8.first == UInt8(ascii: "~")
        case 4: text == "null" || text == "Null" || text == "NULL"
        default: false
        }
    }

    func requireKey(_ map: Map, _ key: String, _ what: String, example: String) {
        if present(map, key) == nil {
            error(at: map.location, "\(what) is missing '\(key)'", hint: "add a line like `\(key): \(example)`")
        }
    }

    func string(_ map: Map, _ key: String, required what: String? = nil, example: String = "…") -> String? {
        guard let node = present(map, key) else {
            if let what { requireKey(map, key, what, example: example) }
            return nil
        }
        return text(node, key)
    }

    func text(_ node: Node, _ key: String) -> String? {
        guard case let .scalar(scalar) = node else {
            error(node, "'\(key)' must be text, found \(describe(node))")
            return nil
        }
        let value = scalar.string.trimmingWhitespace
        if value.isEmpty {
            error(node, "'\(key)' is empty", hint: "write the value or remove the key")
            return nil
        }
        return value
    }

    func int(_ map: Map, _ key: String, required what: String? = nil, range: ClosedRange<Int> = 0...Int.max) -> Int? {
        guard let node = present(map, key) else {
            if let what { requireKey(map, key, what, example: "\(range.lowerBound)") }
            return nil
        }
        return int(node, key, range: range)
    }

    func int(_ node: Node, _ key: String, range: ClosedRange<Int> = 0...Int.max) -> Int? {
        guard case let .scalar(scalar) = node, let value = Int(scalar.string) else {
            error(node, "'\(key)' must be a whole number, found \(describe(node))")
            return nil
        }
        guard range.contains(value) else {
            error(node, "'\(key)' is \(value), outside \(range.lowerBound)…\(range.upperBound == Int.max ? "" : "\(range.upperBound)")")
            return nil
        }
        return value
    }

    func bool(_ map: Map, _ key: String) -> Bool? {
        guard let node = present(map, key) else { return nil }
        guard case let .scalar(scalar) = node, ["true", "false"].contains(scalar.string) else {
            error(node, "'\(key)' must be true or false, found \(describe(node))")
            return nil
        }
        return scalar.string == "true"
    }

    func date(_ map: Map, _ key: String) -> BeijingDateTime? {
        guard let node = present(map, key) else { return nil }
        guard let raw = text(node, key) else { return nil }
        do {
            return try BeijingDateTime.parse(raw)
        } catch {
            switch error {
            case .badFormat:
                self.error(node, "'\(key)' is '\(raw)', not a date", hint: "write YYYY-MM-DD or YYYY-MM-DD HH:MM in Beijing time, e.g. 2024-08-30 18:00")
            case let .impossibleDate(reason):
                self.error(node, "'\(key)' is an impossible date: \(reason)", hint: "check the day and month against the notice")
            }
            return nil
        }
    }

    func strings(_ map: Map, _ key: String) -> [String] {
        list(map, key).compactMap { text($0, key) }
    }

    func locatedStrings(_ map: Map, _ key: String) -> [Located<String>] {
        list(map, key).compactMap { node in text(node, key).map { Located($0, at: location(of: node)) } }
    }

    /// `[first, last]`, inclusive.
    func yearRange(_ map: Map, _ key: String) -> ClosedRange<Int>? {
        guard let node = present(map, key) else { return nil }
        let items = list(map, key)
        guard items.count == 2 else {
            error(node, "'\(key)' must be [first year, last year]", hint: "e.g. `\(key): [2020, 2024]`; for one year write it twice: [2023, 2023]")
            return nil
        }
        guard let first = int(items[0], key, range: 1949...2200), let last = int(items[1], key, range: 1949...2200) else { return nil }
        guard first <= last else {
            error(node, "'\(key)' runs backwards: \(first) is after \(last)", hint: "write the earlier year first")
            return nil
        }
        return first...last
    }

    func anchor(_ map: Map, _ key: String = "source") -> SourceAnchor? {
        guard let node = present(map, key), let raw = text(node, key) else { return nil }
        // `raw.count > 1` as bytes: a text that starts with the Character "#" starts with that one byte.
        guard raw.hasPrefix("#"), raw.utf8.count > 1 else {
            error(node, "'\(key)' must point at a heading of notice.md, like \"#1基本信息\"", hint: "start it with '#' and quote it")
            return nil
        }
        return Located(String(raw.dropFirst()), at: location(of: node))
    }

    func oneOf(_ map: Map, _ key: String, _ choices: [String], required what: String? = nil) -> String? {
        guard let value = string(map, key, required: what, example: choices.first ?? "…") else { return nil }
        guard containsText(choices, value) else {
            let suggestion = closestMatch(to: value, in: choices)
            error(at: map[key].map(location(of:)) ?? map.location, "'\(key)' is '\(value)', which is not one of \(choices.joined(separator: " | "))",
                  hint: suggestion.map { "did you mean '\($0)'?" })
            return nil
        }
        return value
    }

    func describe(_ node: Node) -> String {
        switch node {
        case let .scalar(scalar): "'\(scalar.string.prefix(40))'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}

extension String {
    /// Without the leading and trailing Characters that are whitespace (a Character is whitespace
    /// when its first scalar is).
    var trimmingWhitespace: String {
        // Most values have nothing to trim: a first scalar that is no whitespace starts a Character
        // that is none, and a simple last scalar that is no whitespace ends one that is none.
        let unicodeScalars = self.unicodeScalars
        if let first = unicodeScalars.first, !first.isWhiteSpace, let last = unicodeScalars.last, last.isSimple, !last.isWhiteSpace {
            return self
        }
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
