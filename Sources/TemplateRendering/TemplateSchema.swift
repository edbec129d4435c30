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
    }

    /// The schema of a model type. The type must decode from anything (the synthesised `Decodable`
    /// of a struct of strings, flags, numbers, lists and other such structs does).
    public static func of<Model: Codable>(_ type: Model.Type) throws -> TemplateSchema {
        let sample = try Model(from: SampleDecoder())
        return TemplateSchema(TemplateEncoder.encode(sample))
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

/// Decodes a sample of any plain model: every key is present, every list has one element,
/// strings are "x", numbers 1, flags true.
private struct SampleDecoder: Decoder {
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(SampleKeyed<Key>())
    }

    func unkeyedContainer() -> any UnkeyedDecodingContainer { SampleList() }
    func singleValueContainer() -> any SingleValueDecodingContainer { SampleSingle() }

    static func sample<T: Decodable>(_ type: T.Type) throws -> T {
        if type == String.self { return "x" as! T }
        if type == Bool.self { return true as! T }
        if type == Int.self { return 1 as! T }
        return try T(from: SampleDecoder())
    }
}

private struct SampleKeyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { [] }
    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) throws -> Bool { false }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try SampleDecoder.sample(type) }
    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(SampleKeyed<NestedKey>())
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { SampleList() }
    func superDecoder() throws -> any Decoder { SampleDecoder() }
    func superDecoder(forKey key: Key) throws -> any Decoder { SampleDecoder() }
}

private struct SampleList: UnkeyedDecodingContainer {
    var codingPath: [any CodingKey] { [] }
    var count: Int? { 1 }
    var currentIndex = 0
    var isAtEnd: Bool { currentIndex >= 1 }
    mutating func decodeNil() throws -> Bool { false }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        currentIndex += 1
        return try SampleDecoder.sample(type)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        currentIndex += 1
        return KeyedDecodingContainer(SampleKeyed<NestedKey>())
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        currentIndex += 1
        return SampleList()
    }
    mutating func superDecoder() throws -> any Decoder { SampleDecoder() }
}

private struct SampleSingle: SingleValueDecodingContainer {
    var codingPath: [any CodingKey] { [] }
    func decodeNil() -> Bool { false }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try SampleDecoder.sample(type) }
}
