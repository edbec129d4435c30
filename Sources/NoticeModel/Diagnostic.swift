@_exported import OfficeMessages

/// A problem found in content, located precisely so an office can jump to it.
///
/// Printed the way compilers print them (`path:line:column: error: message`), so editors and
/// terminals make the location clickable; the hint says what to do about it.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable, Equatable {
        case error
        case warning
    }

    public var severity: Severity
    public var file: String
    public var line: Int
    public var column: Int
    /// What is wrong, as a catalogue key and its values (OfficeMessages), so it shows in the
    /// office's language and tests can read it in either.
    public var text: Message
    /// What to do about it.
    public var advice: Message?

    public init(_ severity: Severity, file: String, line: Int, column: Int, _ text: Message, hint advice: Message? = nil) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.text = text
        self.advice = advice
    }

    public init(_ severity: Severity, at location: SourceLocation, _ text: Message, hint advice: Message? = nil) {
        self.init(severity, file: location.file, line: location.line, column: location.column, text, hint: advice)
    }


    /// The message in the process's language.
    public var message: String { text.text() }
    /// The hint in the process's language.
    public var hint: String? { advice?.text() }

    public func message(in language: Language) -> String { text.text(in: language) }
    public func hint(in language: Language) -> String? { advice?.text(in: language) }

    /// `path:line:column: error: message` (in Chinese `错误：`), then the hint on its own line.
    public func description(in language: Language) -> String {
        let kind = severity == .error ? "diagnostic.error.line" : "diagnostic.warning.line"
        var text = Message(kind, ["location": "\(file):\(line):\(column)", "message": message(in: language)]).text(in: language)
        if let hint = hint(in: language) { text += "\n" + Message("diagnostic.hint.line", ["hint": hint]).text(in: language) }
        return text
    }

    public var description: String { description(in: .current) }
}

/// Where a value came from: file, 1-based line and column.
public struct SourceLocation: Sendable, Equatable, Hashable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
}

/// Collects diagnostics across a whole run so every problem is reported at once.
public struct DiagnosticLog: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init() {}

    public mutating func error(_ location: SourceLocation, _ message: Message, hint: Message? = nil) {
        all.append(Diagnostic(.error, at: location, message, hint: hint))
    }

    public mutating func warning(_ location: SourceLocation, _ message: Message, hint: Message? = nil) {
        all.append(Diagnostic(.warning, at: location, message, hint: hint))
    }



    public mutating func append(contentsOf other: [Diagnostic]) {
        all.append(contentsOf: other)
    }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// Diagnostics ordered by file, then position, so output is stable from run to run.
    public var sorted: [Diagnostic] {
        all.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.file != y.file { return x.file < y.file }
            if x.line != y.line { return x.line < y.line }
            if x.column != y.column { return x.column < y.column }
            return a.offset < b.offset
        }.map(\.element)
    }
}
