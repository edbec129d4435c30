
/// Turns libyaml's complaints ("did not find expected '-' indicator") into advice a clerk can
/// act on ("缩进不对：第5行的 `-` 应与第3行的 `-` 对齐"), placed where the fix goes.
///
/// libyaml notices a mistake where it stops making sense, often the line after it: an unclosed
/// quote is reported at the end of the file, a missing space after a colon on the next line.
/// The `context` mark says where the construct that went wrong began, which is usually the
/// place to fix; each case below picks the place by what the mistake is.
enum YAMLSyntaxAdvice {
    struct Advice {
        var line: Int
        var column: Int
        var message: Message
        var hint: Message?
    }

    static func advice(for error: YAMLError, in text: String) -> Advice {
        var lines: [Substring] = []
        forEachLine(of: text) { line, _ in lines.append(line) }
        switch error {
        case let .scanner(context, problem, mark, _):
            return advice(problem: problem, context: context.map { ($0.text, $0.mark) }, mark: mark, lines: lines, kind: .scanner)
        case let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            return advice(problem: problem, context: context.map { ($0.text, $0.mark) }, mark: mark, lines: lines, kind: .parser)
        case let .duplicatedKeys(duplicates, firstMark, _):
            let key = duplicates.sorted().first ?? ""
            let (first, second) = occurrences(ofKey: key, from: firstMark, lines: lines)
            return Advice(line: second?.line ?? firstMark.line, column: second?.column ?? firstMark.column,
                          message: Message("loading.yaml.duplicateKey", ["keys": duplicates.sorted().joined(separator: ", "),
                                                                          "line": "\(first?.line ?? firstMark.line)"]),
                          hint: Message("loading.duplicateKey.hint"))
        case .reader, .memory:
            return Advice(line: 1, column: 1, message: Message("loading.yaml.unreadable", ["detail": "\(error)"]),
                          hint: Message("loading.yaml.unreadable.hint"))
        }
    }

    enum Stage { case scanner, parser }

    static func advice(problem: String, context: (text: String, mark: Mark)?, mark: Mark, lines: [Substring], kind: Stage = .parser) -> Advice {
        let line = line(mark.line, in: lines)
        let found = character(at: mark.column, in: line)

        // A tab where indentation is read.
        if found == "\t" || problem.contains("tab character") {
            let tabColumn = line.unicodeScalars.firstIndex(of: "\t").map { line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: $0) + 1 }
            return Advice(line: mark.line, column: tabColumn ?? mark.column, message: Message("loading.yaml.tab", ["line": "\(mark.line)"]),
                          hint: Message("loading.yaml.tab.hint"))
        }
        // An unclosed quote runs to the end of the file: the fix is where the quote opened.
        if let context, context.text.contains("quoted scalar") {
            let quote = character(at: context.mark.column, in: self.line(context.mark.line, in: lines)) ?? "\""
            if problem.contains("escape") {
                return Advice(line: mark.line, column: mark.column, message: Message("loading.yaml.badEscape", ["line": "\(mark.line)"]),
                              hint: Message("loading.yaml.badEscape.hint"))
            }
            return Advice(line: context.mark.line, column: context.mark.column,
                          message: Message("loading.yaml.unclosedQuote", ["quote": String(quote), "line": "\(context.mark.line)"]),
                          hint: Message("loading.yaml.unclosedQuote.hint", ["quote": String(quote)]))
        }
        // A quote left open swallows the lines after it, up to the next quote of its kind, and
        // libyaml complains somewhere further down: the fix is where it opened.
        if case .parser = kind, let open = unclosedQuote(before: mark.line, lines: lines) {
            return Advice(line: open.line, column: open.column,
                          message: Message("loading.yaml.unclosedQuote", ["quote": open.quote, "line": "\(open.line)"]),
                          hint: Message("loading.yaml.unclosedQuote.hint", ["quote": open.quote]))
        }
        // An unclosed [ or {: the fix is at the end of the line it opened on.
        if let context, context.text.contains("flow sequence") || context.text.contains("flow mapping") {
            let (open, close) = context.text.contains("sequence") ? ("[", "]") : ("{", "}")
            let opened = self.line(context.mark.line, in: lines)
            return Advice(line: context.mark.line, column: opened.unicodeScalars.count + 1,
                          message: Message("loading.yaml.unclosedBracket", ["open": open, "close": close, "line": "\(context.mark.line)"]),
                          hint: Message("loading.yaml.unclosedBracket.hint", ["close": close]))
        }
        // `key:value` or a line with no colon at all, found when the next line starts.
        if let context, context.text.contains("simple key") {
            let keyLine = self.line(context.mark.line, in: lines)
            if let colon = colonWithoutSpace(in: keyLine) {
                return Advice(line: context.mark.line, column: colon.column,
                              message: Message("loading.yaml.noSpaceAfterColon", ["key": colon.key]),
                              hint: Message("loading.yaml.noSpaceAfterColon.hint", ["key": colon.key, "value": colon.value]))
            }
            return Advice(line: context.mark.line, column: context.mark.column, message: Message("loading.yaml.missingColon", ["line": "\(context.mark.line)"]),
                          hint: Message("loading.yaml.missingColon.hint"))
        }
        // Text with ": " in it reads as a second key on the line; but a key indented further
        // than the one before it reads as more text of that key's value, and fails the same way.
        if problem.contains("mapping values are not allowed"), let colon = leadingKeyColon(in: line), colon.column == mark.column,
           let sibling = previousKey(before: mark.line, lines: lines, notAt: colon.keyColumn) {
            return Advice(line: mark.line, column: colon.keyColumn,
                          message: Message("loading.yaml.indentKey", ["line": "\(mark.line)", "keyLine": "\(sibling.line)", "key": sibling.key,
                                                                      "keyColumn": "\(sibling.column)"]),
                          hint: Message("loading.yaml.indentKey.hint"))
        }
        if problem.contains("mapping values are not allowed") {
            if let colon = colonWithoutSpace(in: line) {
                return Advice(line: mark.line, column: colon.column, message: Message("loading.yaml.noSpaceAfterColon", ["key": colon.key]),
                              hint: Message("loading.yaml.noSpaceAfterColon.hint", ["key": colon.key, "value": colon.value]))
            }
            return Advice(line: mark.line, column: mark.column, message: Message("loading.yaml.colonInValue", ["line": "\(mark.line)"]),
                          hint: Message("loading.yaml.colonInValue.hint"))
        }
        // Indentation: a line that lines up with nothing above it.
        if problem.contains("expected '-' indicator") || problem.contains("expected key") || problem.contains("expected <block end>") {
            let indented = firstNonSpace(in: line)
            if line.unicodeScalars.dropFirst(indented.offset).first == "-", let dash = previousDash(before: mark.line, lines: lines) {
                return Advice(line: mark.line, column: indented.offset + 1,
                              message: Message("loading.yaml.indentDash", ["line": "\(mark.line)", "dashLine": "\(dash.line)", "dashColumn": "\(dash.column)"]),
                              hint: Message("loading.yaml.indentDash.hint"))
            }
            if let sibling = previousKey(before: mark.line, lines: lines, notAt: indented.offset + 1) {
                return Advice(line: mark.line, column: indented.offset + 1,
                              message: Message("loading.yaml.indentKey", ["line": "\(mark.line)", "keyLine": "\(sibling.line)", "key": sibling.key,
                                                                          "keyColumn": "\(sibling.column)"]),
                              hint: Message("loading.yaml.indentKey.hint"))
            }
        }
        if problem.contains("cannot start any token"), let found {
            return Advice(line: mark.line, column: mark.column, message: Message("loading.yaml.badStart", ["character": String(found)]),
                          hint: Message("loading.yaml.badStart.hint"))
        }
        var original = problem
        if let context { original = "\(context.text) (\(context.mark.line):\(context.mark.column)): \(problem)" }
        return Advice(line: mark.line, column: mark.column, message: Message("loading.yaml.syntax", ["detail": original]),
                      hint: Message("loading.yaml.syntax.hint"))
    }

    // MARK: - Reading the lines

    private static func line(_ number: Int, in lines: [Substring]) -> Substring {
        lines.indices.contains(number - 1) ? lines[number - 1] : ""
    }

    private static func character(at column: Int, in line: Substring) -> Unicode.Scalar? {
        let scalars = line.unicodeScalars
        guard column >= 1, column <= scalars.count else { return nil }
        return scalars[scalars.index(scalars.startIndex, offsetBy: column - 1)]
    }

    /// How many spaces (or `- `) start the line, and the column after them.
    private static func firstNonSpace(in line: Substring) -> (offset: Int, Void) {
        (line.unicodeScalars.prefix { $0 == " " }.count, ())
    }


    /// The closest line above with a `-` entry: its line and 1-based column.
    private static func previousDash(before number: Int, lines: [Substring]) -> (line: Int, column: Int)? {
        var candidate = number - 1
        while candidate >= 1 {
            let text = line(candidate, in: lines)
            let spaces = text.unicodeScalars.prefix { $0 == " " }.count
            if text.unicodeScalars.dropFirst(spaces).first == "-" { return (candidate, spaces + 1) }
            candidate -= 1
        }
        return nil
    }

    /// The key above that the line was meant to line up with: the nearest key that stands in
    /// another column (the line's own column is what libyaml could not place).
    private static func previousKey(before number: Int, lines: [Substring], notAt column: Int) -> (line: Int, column: Int, key: String)? {
        var candidate = number - 1
        while candidate >= 1 {
            var scalars = line(candidate, in: lines).unicodeScalars[...]
            var offset = 0
            while let first = scalars.first, first == " " || first == "-" { scalars = scalars.dropFirst(); offset += 1 }
            let key = String(String.UnicodeScalarView(scalars.prefix { YAMLSlips.isKeyScalar($0) }))
            if !key.isEmpty, scalars.dropFirst(key.unicodeScalars.count).first == ":", offset + 1 != column {
                return (candidate, offset + 1, key)
            }
            candidate -= 1
        }
        return nil
    }

    /// The first line above `number` whose value opens a quote it does not close: `title: "关于…`.
    private static func unclosedQuote(before number: Int, lines: [Substring]) -> (line: Int, column: Int, quote: String)? {
        for candidate in 1..<max(1, number) {
            let text = line(candidate, in: lines)
            guard let match = text.firstMatch(of: #/^\s*(?:-\s+)?(?:[A-Za-z_][A-Za-z0-9_]*:\s+)?(["'])/#) else { continue }
            let quote = match.1
            let rest = text[match.range.upperBound...]
            // In single quotes '' is a quote inside the text; in double quotes \" is.
            let cleaned = quote == "'" ? rest.replacing("''", with: "") : rest.replacing("\\\"", with: "")
            if !cleaned.contains(quote) {
                let column = text.unicodeScalars[..<match.1.startIndex].count + 1
                return (candidate, column, String(quote))
            }
        }
        return nil
    }

    /// The key a line starts with (after spaces and `- `): the column of the key and of its colon.
    private static func leadingKeyColon(in line: Substring) -> (keyColumn: Int, column: Int)? {
        guard let match = line.firstMatch(of: #/^(\s*(?:-\s+)?)([A-Za-z_][A-Za-z0-9_]*):(?:\s|$)/#) else { return nil }
        let keyColumn = match.1.unicodeScalars.count + 1
        return (keyColumn, keyColumn + match.2.unicodeScalars.count)
    }

    /// `issuer:自治区` (a key, a colon, no space): the key, the colon's column and the value.
    private static func colonWithoutSpace(in line: Substring) -> (key: String, column: Int, value: String)? {
        guard let match = line.firstMatch(of: #/^(\s*(?:-\s+)?)([A-Za-z_][A-Za-z0-9_]*):([^\s:/][^\n]*)$/#) else { return nil }
        let column = match.1.unicodeScalars.count + match.2.unicodeScalars.count + 1
        return (String(match.2), column, String(match.3))
    }

    /// Where a key stands in a mapping: the first and second time (for a duplicate).
    private static func occurrences(ofKey key: String, from mark: Mark, lines: [Substring]) -> (first: (line: Int, column: Int)?, second: (line: Int, column: Int)?) {
        var found: [(line: Int, column: Int)] = []
        for number in max(1, mark.line)...max(1, lines.count) {
            let text = line(number, in: lines)
            let scalars = text.unicodeScalars
            let spaces = scalars.prefix { $0 == " " || $0 == "-" }.count
            let rest = String(String.UnicodeScalarView(scalars.dropFirst(spaces)))
            if rest.hasPrefix(key + ":") || rest.hasPrefix("\"\(key)\":") { found.append((number, spaces + 1)) }
            if found.count == 2 { break }
        }
        return (found.first, found.count > 1 ? found[1] : nil)
    }
}
