/// The shape of a page model as a template sees it: which names it has, and which of them are
/// lists, objects or flags. Read from the model's type itself, by decoding a sample in which every
/// optional is present and every list has one element, then encoding that sample as a page would
/// be: so the schema lists every field, also those a given notice leaves empty.
public indirect enum TemplateSchema: Equatable, Sendable {
    /// Text (or a number) a tag prints.
    case text
    /// Already rendered HTML, for a triple-mustache tag.
    case html
    case flag
    case list(TemplateSchema)
    case object([Field])

    public struct Field: Equatable, Sendable {
        public var name: String
        public var schema: TemplateSchema
        /// Left out when the page has nothing to show for it (an optional of the model).
        public var optional = false

        public init(name: String, schema: TemplateSchema, optional: Bool = false) {
            self.name = name
            self.schema = schema
            self.optional = optional
        }
    }

    /// The schema of a model type. The type must decode from anything (the synthesised `Decodable`
    /// of a struct of strings, flags, numbers, lists and other such structs does).
    public static func of<Model: Codable>(_ type: Model.Type) throws -> TemplateSchema {
        let full = TemplateSchema(TemplateEncoder.encode(try Model(from: SampleDecoder(withOptionals: true))))
        // A second sample without the optionals says which fields a page may leave out.
        let minimal = TemplateSchema(TemplateEncoder.encode(try Model(from: SampleDecoder(withOptionals: false))))
        return full.markingOptional(comparedWith: minimal)
    }

    private func markingOptional(comparedWith minimal: TemplateSchema?) -> TemplateSchema {
        switch self {
        case let .object(fields):
            return .object(fields.map { field in
                let present = minimal?.field(field.name)
                return Field(name: field.name, schema: field.schema.markingOptional(comparedWith: present), optional: present == nil)
            })
        case let .list(element):
            if case let .list(minimalElement)? = minimal { return .list(element.markingOptional(comparedWith: minimalElement)) }
            return .list(element.markingOptional(comparedWith: nil))
        default:
            return self
        }
    }

    init(_ value: TemplateValue) {
        switch value {
        case .string, .scalar: self = .text
        case .utf8: self = .html
        case .bool: self = .flag
        case let .list(items): self = .list(items.first.map(TemplateSchema.init) ?? .text)
        case let .object(object): self = .object(object.members.map { Field(name: $0.0, schema: TemplateSchema($0.1)) })
        }
    }

    public func field(_ name: String) -> TemplateSchema? {
        if case let .object(fields) = self { return fields.first { $0.name == name }?.schema }
        return nil
    }
}

// MARK: - A decoder that answers every question

/// Decodes a sample of any plain model: every list has one element, strings are "x", numbers 1,
/// flags true; every optional is present, or (`withOptionals: false`) none is.
private struct SampleDecoder: Decoder {
    let withOptionals: Bool
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(SampleKeyed<Key>(withOptionals: withOptionals))
    }

    func unkeyedContainer() -> any UnkeyedDecodingContainer { SampleList(withOptionals: withOptionals) }
    func singleValueContainer() -> any SingleValueDecodingContainer { SampleSingle(withOptionals: withOptionals) }

    static func sample<T: Decodable>(_ type: T.Type, withOptionals: Bool) throws -> T {
        if type == String.self { return "x" as! T }
        if type == Bool.self { return true as! T }
        if type == Int.self { return 1 as! T }
        return try T(from: SampleDecoder(withOptionals: withOptionals))
    }
}

private struct SampleKeyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let withOptionals: Bool
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { [] }
    /// Asked only by `decodeIfPresent`, that is for an optional.
    func contains(_ key: Key) -> Bool { withOptionals }
    func decodeNil(forKey key: Key) throws -> Bool { !withOptionals }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try SampleDecoder.sample(type, withOptionals: withOptionals) }
    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(SampleKeyed<NestedKey>(withOptionals: withOptionals))
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { SampleList(withOptionals: withOptionals) }
    func superDecoder() throws -> any Decoder { SampleDecoder(withOptionals: withOptionals) }
    func superDecoder(forKey key: Key) throws -> any Decoder { SampleDecoder(withOptionals: withOptionals) }
}

private struct SampleList: UnkeyedDecodingContainer {
    let withOptionals: Bool
    var codingPath: [any CodingKey] { [] }
    var count: Int? { 1 }
    var currentIndex = 0
    var isAtEnd: Bool { currentIndex >= 1 }
    mutating func decodeNil() throws -> Bool { false }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        currentIndex += 1
        return try SampleDecoder.sample(type, withOptionals: withOptionals)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        currentIndex += 1
        return KeyedDecodingContainer(SampleKeyed<NestedKey>(withOptionals: withOptionals))
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        currentIndex += 1
        return SampleList(withOptionals: withOptionals)
    }
    mutating func superDecoder() throws -> any Decoder { SampleDecoder(withOptionals: withOptionals) }
}

private struct SampleSingle: SingleValueDecodingContainer {
    let withOptionals: Bool
    var codingPath: [any CodingKey] { [] }
    func decodeNil() -> Bool { false }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try SampleDecoder.sample(type, withOptionals: withOptionals) }
}
