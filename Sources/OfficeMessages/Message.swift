/// One thing said to an office: a key into the catalogues and the values it names.
///
/// Kept as key and values, not as finished text, so the same diagnostic can be shown in the
/// process's language and tested in either (`text(in:)`).
public struct Message: Sendable, Hashable, CustomStringConvertible {
    public let key: String
    public let arguments: [String: String]
    /// Values that are themselves messages, said in the same language (a build step's name).
    public let parts: [String: Message]

    /// `Message("build.done", ["pages": "12"])`: the catalogue's text for the key with `{pages}` filled in.
    public init(_ key: String, _ arguments: [String: String] = [:]) {
        self.key = key
        self.arguments = arguments
        parts = [:]
    }

    /// `Message("build.stepFailed", ["reason": …], parts: ["step": step.name])`: `{step}` is
    /// filled with the part's text in the language the whole is shown in.
    public init(_ key: String, _ arguments: [String: String] = [:], parts: [String: Message]) {
        self.key = key
        self.arguments = arguments
        self.parts = parts
    }

    /// The text in a language; a key missing from that language's catalogue falls back to the
    /// other language, then to the key itself (the catalogue test makes both impossible).
    public func text(in language: Language = .current) -> String {
        let template = Catalogue.table(language)[key]
            ?? Catalogue.table(language == .zh ? .en : .zh)[key]
            ?? key
        guard !parts.isEmpty else { return Catalogue.fill(template, with: arguments) }
        return Catalogue.fill(template, with: arguments.merging(parts.mapValues { $0.text(in: language) }) { own, _ in own })
    }

    public var description: String { text() }
}

/// Shorthand for printing: the catalogue's text for a key in the process's language.
public func say(_ key: String, _ arguments: [String: String] = [:]) -> String {
    Message(key, arguments).text()
}
