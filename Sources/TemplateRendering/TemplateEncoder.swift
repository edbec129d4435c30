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

/// A value being built. A member's value is finished as soon as its own `encode(to:)` returns, so
/// an object or list holds finished values; only a container handed out by `nestedContainer` or
/// `superEncoder` (which the synthesised `Codable` never asks for) is filled after it was added,
/// and stays a box until the end. Finishing values as they come spares a second walk over the
/// tree and an array per object (docs/benchmark.md).
private enum Slot {
    case value(TemplateValue)
    case object(ObjectBox)
    case list(ListBox)
    case empty

    var finished: TemplateValue {
        switch self {
        case let .value(value): value
        case let .object(box): .object(TemplateObject(names: box.names, values: box.finishedValues))
        case let .list(box): .list(box.finishedValues)
        case .empty: .object(TemplateObject())
        }
    }
}

/// Members in order; `open` holds the places of values still being filled (nested containers).
private class ValueBox {
    // A box is filled by one encoder on one thread, one member at a time: the run-time check
    // that two accesses never overlap cost as much as the appends it guarded.
    @exclusivity(unchecked) var values: [TemplateValue]
    @exclusivity(unchecked) var open: [(index: Int, slot: Slot)] = []

    /// Room for a model's usual handful of members from the start: growing from one by doubling
    /// reallocated each array three or four times per object.
    init(capacity: Int) {
        values = []
        values.reserveCapacity(capacity)
    }

    func append(_ slot: Slot) {
        if case let .value(value) = slot {
            values.append(value)
        } else {
            open.append((values.count, slot))
            values.append(.bool(false))
        }
    }

    var finishedValues: [TemplateValue] {
        guard !open.isEmpty else { return values }
        var values = values
        for (index, slot) in open { values[index] = slot.finished }
        return values
    }
}

private final class ObjectBox: ValueBox {
    @exclusivity(unchecked) var names: [String]

    init() {
        names = []
        names.reserveCapacity(Self.capacity)
        super.init(capacity: Self.capacity)
    }

    private static let capacity = 8

    func append(_ name: String, _ slot: Slot) {
        names.append(name)
        append(slot)
    }
}

private final class ListBox: ValueBox {
    init() { super.init(capacity: 4) }
}

private final class ValueEncoder: Encoder {
    @exclusivity(unchecked) var slot: Slot = .empty
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

    /// The value of one member: the common leaf types by their type's identity (a dynamic cast to
    /// each in turn cost more than the rest of the encoding), anything else through its own
    /// `encode(to:)`, finished at once.
    static func value<T: Encodable>(of value: T) throws -> TemplateValue {
        if T.self == String.self { return .string(value as! String) }
        if T.self == Bool.self { return .bool(value as! Bool) }
        if T.self == Int.self { return .scalar(String(value as! Int)) }
        if T.self == RenderedHTML.self { return (value as! RenderedHTML).templateValue }
        if let convertible = value as? any TemplateValueConvertible { return convertible.templateValue }
        let encoder = ValueEncoder()
        try value.encode(to: encoder)
        return encoder.slot.finished
    }
}

private struct ObjectContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: ObjectBox
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {}

    // The leaf types a model's synthesised `encode(to:)` calls for by name, without the generic path.
    mutating func encode(_ value: String, forKey key: Key) throws { box.append(key.stringValue, .value(.string(value))) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { box.append(key.stringValue, .value(.bool(value))) }
    mutating func encode(_ value: Int, forKey key: Key) throws { box.append(key.stringValue, .value(.scalar(String(value)))) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        box.append(key.stringValue, .value(try ValueEncoder.value(of: value)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = ObjectBox()
        box.append(key.stringValue, .object(nested))
        return KeyedEncodingContainer(ObjectContainer<NestedKey>(box: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = ListBox()
        box.append(key.stringValue, .list(nested))
        return ListContainer(box: nested)
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let encoder = ValueEncoder()
        let nested = ObjectBox()
        encoder.slot = .object(nested)
        box.append(key.stringValue, .object(nested))
        return encoder
    }
}

private struct ListContainer: UnkeyedEncodingContainer {
    let box: ListBox
    var codingPath: [any CodingKey] { [] }
    var count: Int { box.values.count }

    mutating func encodeNil() throws {}

    mutating func encode(_ value: String) throws { box.append(.value(.string(value))) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        box.append(.value(try ValueEncoder.value(of: value)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = ObjectBox()
        box.append(.object(nested))
        return KeyedEncodingContainer(ObjectContainer<NestedKey>(box: nested))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = ListBox()
        box.append(.list(nested))
        return ListContainer(box: nested)
    }

    mutating func superEncoder() -> any Encoder {
        let encoder = ValueEncoder()
        let nested = ObjectBox()
        encoder.slot = .object(nested)
        box.append(.object(nested))
        return encoder
    }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let encoder: ValueEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws {}

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.slot = .value(try ValueEncoder.value(of: value))
    }
}
