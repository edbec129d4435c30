import Support

/// The tree the readers walk: composed from libyaml's events (YAMLNode.swift).
typealias Node = YAMLNode
typealias Mark = YAMLMark

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
        let part: Part
        /// The known keys in file order, each once, with their values and where each key stands.
        /// Lists, not dictionaries: a mapping has a handful of keys, and comparing a few short keys
        /// costs less than hashing them (this is done for every mapping of every notice). The keys
        /// are searched on their own because copying a Node (to look at it) is not cheap.
        fileprivate let keys: [String]
        fileprivate let values: [Node]
        fileprivate let keyMarks: [Mark?]
        /// The known keys that unknown keys of this mapping are misspellings of (`isuer` → `issuer`).
        let misspelt: [String]
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

    /// How many errors have been recorded so far: a decoder compares it before and after a
    /// section to know whether the section was read cleanly.
    var errorCount: Int { log.all.count { $0.severity == .error } }

    func error(_ node: Node, _ message: Message, hint: Message? = nil) {
        log.error(location(of: node), message, hint: hint)
    }

    func error(at location: SourceLocation, _ message: Message, hint: Message? = nil) {
        log.error(location, message, hint: hint)
    }

    func warning(at location: SourceLocation, _ message: Message, hint: Message? = nil) {
        log.warning(location, message, hint: hint)
    }

    /// Parses the text, reporting a syntax error at its position, as advice a clerk can act on.
    func compose(_ text: String) -> Node? {
        // Full-width colons and spaces after a key are the commonest slips of a Chinese keyboard;
        // YAML often reads them without complaint (as part of a text), so they are looked for first.
        let slips = YAMLSlips.find(in: text)
        for slip in slips { log.error(SourceLocation(file: file, line: slip.line, column: slip.column), slip.message, hint: slip.hint) }
        do throws(YAMLError) {
            // No implicit typing: every scalar is read from its text by this reader. Composed
            // from libyaml's events into a tree of our own, at half the cost of Yams' (docs/benchmark.md).
            guard let node = try YAMLNode.compose(text) else { return nil }
            if !slips.isEmpty { return nil }
            // Aliases are refused before the tree is walked: walked, a billion laughs never ends.
            if refusingExpansion(node, text: text) { return nil }
            let unclosed = YAMLSlips.unclosedQuotes(in: node, text: text)
            for slip in unclosed { log.error(SourceLocation(file: file, line: slip.line, column: slip.column), slip.message, hint: slip.hint) }
            return unclosed.isEmpty ? node : nil
        } catch {
            // A slip found above is the cause of the parser's complaint further down: one message.
            if slips.isEmpty {
                let advice = YAMLSyntaxAdvice.advice(for: error, in: text)
                log.error(SourceLocation(file: file, line: advice.line, column: advice.column), advice.message, hint: advice.hint)
            }
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
            }
            guard budget >= 0 else {
                let (line, column) = firstAlias(in: text)
                log.error(SourceLocation(file: file, line: line, column: column), Message("loading.yaml.aliasExpansion"),
                          hint: Message("loading.yaml.aliasExpansion.hint"))
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

    // MARK: - Shapes

    func map(_ node: Node?, _ part: Part, allowed: [String]) -> Map? {
        guard let node else { return nil }
        guard case let .mapping(mapping) = node else {
            error(node, Message("loading.notMapping", ["name": part.name, "found": describe(node)]), hint: Message("loading.notMapping.hint"))
            return nil
        }
        var keys: [String] = [], values: [Node] = [], keyMarks: [Mark?] = [], misspelt: [String] = []
        keys.reserveCapacity(mapping.count)
        values.reserveCapacity(mapping.count)
        keyMarks.reserveCapacity(mapping.count)
        // By index: iterating a Node.Mapping first copies all its pairs into a new array.
        for index in mapping.startIndex..<mapping.endIndex {
            let (keyNode, value) = mapping[index]
            guard case let .scalar(scalar) = keyNode else {
                error(keyNode, Message("loading.keyNotText", ["name": part.name]))
                continue
            }
            let key = scalar.string
            if keys.contains(key) {
                error(keyNode, Message("loading.duplicateKey", ["key": key, "name": part.name]), hint: Message("loading.duplicateKey.hint"))
                continue
            }
            guard allowed.contains(key) else {
                if let suggestion = closestMatch(to: key, in: allowed) {
                    misspelt.append(suggestion)
                    error(keyNode, Message("loading.unknownKey", ["key": key, "name": part.name, "suggestion": suggestion]),
                          hint: Message("loading.unknownKey.hint", ["key": key, "suggestion": suggestion]))
                } else {
                    error(keyNode, Message("loading.unknownKey.noSuggestion", ["key": key, "name": part.name]),
                          hint: Message("loading.knownKeys", ["keys": allowed.joined(separator: ", ")]))
                }
                continue
            }
            keys.append(key)
            values.append(value)
            keyMarks.append(scalar.mark)
        }
        return Map(location: location(of: node), part: part, keys: keys, values: values, keyMarks: keyMarks, misspelt: misspelt, file: file)
    }

    func list(_ map: Map, _ key: String) -> [Node] {
        guard let node = present(map, key) else { return [] }
        guard case let .sequence(sequence) = node else {
            error(node, Message("loading.notList", ["key": key, "found": describe(node)]), hint: Message("loading.notList.hint"))
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

    /// Reports a required key that is missing, unless the mapping has a misspelling of it (that
    /// was reported already, with the right name: saying "missing" too would be the same mistake twice).
    func requireKey(_ map: Map, _ key: String, example: String, hint: Message? = nil) {
        guard present(map, key) == nil, !map.misspelt.contains(key) else { return }
        let message: Message
        switch map.part {
        case let .file(name): message = Message("loading.missingKey.file", ["file": name, "key": key])
        case let .section(name): message = Message("loading.missingKey.section", ["section": name, "key": key])
        case let .entry(name): message = Message("loading.missingKey.entry", ["list": name, "key": key])
        }
        error(at: map.location, message, hint: hint ?? Message("loading.missingKey.hint", ["key": key, "example": example]))
    }

    func string(_ map: Map, _ key: String, required: Bool = false, example: String = "…") -> String? {
        guard let node = present(map, key) else {
            if required { requireKey(map, key, example: example) }
            return nil
        }
        return text(node, key)
    }

    func text(_ node: Node, _ key: String) -> String? {
        guard case let .scalar(scalar) = node else {
            error(node, Message("loading.notText", ["key": key, "found": describe(node)]), hint: Message("loading.notText.hint", ["key": key]))
            return nil
        }
        let value = scalar.string.trimmingWhitespace
        if value.isEmpty {
            error(node, Message("loading.empty", ["key": key]), hint: Message("loading.empty.hint"))
            return nil
        }
        return value
    }

    /// `example`: what the hint for a missing key shows (the range's lower bound when not given).
    func int(_ map: Map, _ key: String, required: Bool = false, range: ClosedRange<Int> = 0...Int.max, example: String? = nil) -> Int? {
        guard let node = present(map, key) else {
            if required { requireKey(map, key, example: example ?? "\(range.lowerBound)") }
            return nil
        }
        return int(node, key, range: range)
    }

    func int(_ node: Node, _ key: String, range: ClosedRange<Int> = 0...Int.max) -> Int? {
        guard case let .scalar(scalar) = node, let value = Int(scalar.string) else {
            error(node, Message("loading.notInteger", ["key": key, "found": describe(node)]), hint: Message("loading.notInteger.hint"))
            return nil
        }
        guard range.contains(value) else {
            error(node, Message("loading.outOfRange", ["key": key, "value": "\(value)", "lower": "\(range.lowerBound)",
                                                       "upper": range.upperBound == Int.max ? "" : "\(range.upperBound)"]))
            return nil
        }
        return value
    }

    func bool(_ map: Map, _ key: String) -> Bool? {
        guard let node = present(map, key) else { return nil }
        guard case let .scalar(scalar) = node, ["true", "false"].contains(scalar.string) else {
            error(node, Message("loading.notBool", ["key": key, "found": describe(node)]))
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
            let (message, hint) = DateAdvice.advice(for: error, key: key, written: raw)
            self.error(node, message, hint: hint)
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
            error(node, Message("loading.yearRange.shape", ["key": key]), hint: Message("loading.yearRange.shape.hint", ["key": key]))
            return nil
        }
        guard let first = int(items[0], key, range: 1949...2200), let last = int(items[1], key, range: 1949...2200) else { return nil }
        guard first <= last else {
            error(node, Message("loading.yearRange.backwards", ["key": key, "first": "\(first)", "last": "\(last)"]),
                  hint: Message("loading.yearRange.backwards.hint"))
            return nil
        }
        return first...last
    }

    func anchor(_ map: Map, _ key: String = "source") -> SourceAnchor? {
        guard let node = present(map, key), let raw = text(node, key) else { return nil }
        // `raw.count > 1` as bytes: a text that starts with the Character "#" starts with that one byte.
        guard raw.hasPrefix("#"), raw.utf8.count > 1 else {
            error(node, Message("loading.anchor.format", ["key": key]), hint: Message("loading.anchor.format.hint"))
            return nil
        }
        return Located(String(raw.dropFirst()), at: location(of: node))
    }

    func oneOf(_ map: Map, _ key: String, _ choices: [String], required: Bool = false) -> String? {
        guard let value = string(map, key, required: required, example: choices.first ?? "…") else { return nil }
        guard containsText(choices, value) else {
            let suggestion = closestMatch(to: value, in: choices)
            error(at: map[key].map(location(of:)) ?? map.location,
                  Message("loading.notOneOf", ["key": key, "value": value, "choices": choices.joined(separator: " | ")]),
                  hint: suggestion.map { Message("loading.didYouMean", ["suggestion": $0]) })
            return nil
        }
        return value
    }

    /// A value as it is written, the same in both languages: the text in backquotes, a list as
    /// `[…]`, a mapping as `{…}`.
    func describe(_ node: Node) -> String {
        switch node {
        case let .scalar(scalar): "`\(scalar.string.prefix(40))`"
        case .mapping: "{…}"
        case .sequence: "[…]"
        }
    }
}

/// What a mapping is, named for messages by what the clerk sees in the file: the file itself
/// (`notice.yml`), a section under a key (`payment`), or one entry of a list (`timeline`).
/// Names are keys and file names, so they read the same in Chinese and English.
enum Part: Sendable, Equatable {
    case file(String)
    case section(String)
    case entry(String)

    var name: String {
        switch self {
        case let .file(name), let .section(name), let .entry(name): name
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
