/// Turns a typed page model into the value tree templates read: the one way a model reaches a
/// template, so a model is a struct the compiler checks and a template's names are checked against
/// it by a test (`TemplateAudit`), not a dictionary whose misspelt key renders nothing.
///
/// Strings stay strings, `Bool` stays a flag (a section shows or hides), numbers print as text,
/// arrays are lists, structs are objects; an optional that is nil is left out, so a template's
/// `{{#.note}}` hides and `{{^.note}}` shows. A value that knows its own template form
/// (`TemplateValueConvertible`, such as bytes already rendered) is put in as it is.
public enum TemplateEncoder {
    public static func encode<Model: Encodable>(_ model: Model) -> TemplateValue {
        if let value = model as? any TemplateValueConvertible { return value.templateValue }
        let encoder = ValueEncoder()
        do {
            try model.encode(to: encoder)
        } catch {
            // The encoder itself never throws; a model's own `encode(to:)` could, and shows as nothing.
            return .object(TemplateObject())
        }
        return encoder.slot.finished
    }
}

/// A value with a template form of its own.
public protocol TemplateValueConvertible {
    var templateValue: TemplateValue { get }
}

/// HTML already rendered (a page body, a notice's text): put into the page as it is by a
/// triple-mustache tag. Decodes from a string, so a model's schema can be sampled (`TemplateSchema`).
public struct RenderedHTML: Codable, Sendable, TemplateValueConvertible {
    public var bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }
    public init(_ text: String) { bytes = Array(text.utf8) }

    public var templateValue: TemplateValue { .utf8(bytes) }

    public init(from decoder: any Decoder) throws {
        bytes = Array(try decoder.singleValueContainer().decode(String.self).utf8)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(String(decoding: bytes, as: UTF8.self))
    }
}

// MARK: - The encoder

/// A value being built: containers are boxes, so nested encoders add to the same object or list.
private enum Slot {
    case value(TemplateValue)
    case object(ObjectBox)
    case list(ListBox)
    case empty

    var finished: TemplateValue {
        switch self {
        case let .value(value): value
        case let .object(box): .object(TemplateObject(names: box.names, values: box.slots.map(\.finished)))
        case let .list(box): .list(box.slots.map(\.finished))
        case .empty: .object(TemplateObject())
        }
    }
}

private final class ObjectBox {
    var names: [String] = []
    var slots: [Slot] = []
}

private final class ListBox {
    var slots: [Slot] = []
}

private final class ValueEncoder: Encoder {
    var slot: Slot = .empty
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box: ObjectBox
        if case let .object(existing) = slot { box = existing } else { box = ObjectBox(); slot = .object(box) }
        return KeyedEncodingContainer(ObjectContainer<Key>(box: box))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let box: ListBox
        if case let .list(existing) = slot { box = existing } else { box = ListBox(); slot = .list(box) }
        return ListContainer(box: box)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleContainer(encoder: self) }

    /// The slot of one member: the common leaf types directly, anything else through its own `encode(to:)`.
    static func slot<T: Encodable>(for value: T) throws -> Slot {
        switch value {
        case let string as String: return .value(.string(string))
        case let flag as Bool: return .value(.bool(flag))
        case let number as Int: return .value(.scalar(String(number)))
        case let convertible as any TemplateValueConvertible: return .value(convertible.templateValue)
        default:
            let encoder = ValueEncoder()
            try value.encode(to: encoder)
            return encoder.slot
        }
    }
}

private struct ObjectContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: ObjectBox
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {}

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        box.names.append(key.stringValue)
        box.slots.append(try ValueEncoder.slot(for: value))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = ObjectBox()
        box.names.append(key.stringValue)
        box.slots.append(.object(nested))
        return KeyedEncodingContainer(ObjectContainer<NestedKey>(box: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = ListBox()
        box.names.append(key.stringValue)
        box.slots.append(.list(nested))
        return ListContainer(box: nested)
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let encoder = ValueEncoder()
        let nested = ObjectBox()
        encoder.slot = .object(nested)
        box.names.append(key.stringValue)
        box.slots.append(.object(nested))
        return encoder
    }
}

private struct ListContainer: UnkeyedEncodingContainer {
    let box: ListBox
    var codingPath: [any CodingKey] { [] }
    var count: Int { box.slots.count }

    mutating func encodeNil() throws {}

    mutating func encode<T: Encodable>(_ value: T) throws {
        box.slots.append(try ValueEncoder.slot(for: value))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = ObjectBox()
        box.slots.append(.object(nested))
        return KeyedEncodingContainer(ObjectContainer<NestedKey>(box: nested))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = ListBox()
        box.slots.append(.list(nested))
        return ListContainer(box: nested)
    }

    mutating func superEncoder() -> any Encoder {
        let encoder = ValueEncoder()
        let nested = ObjectBox()
        encoder.slot = .object(nested)
        box.slots.append(.object(nested))
        return encoder
    }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let encoder: ValueEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws {}

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.slot = try ValueEncoder.slot(for: value)
    }
}
