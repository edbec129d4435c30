/// What a template sees: the page models' dictionaries turned, once per render, into a typed tree,
/// so a lookup compares names (`TemplateObject`) and is not a dynamic cast or a Mirror walk per tag.
public enum TemplateValue: Sendable {
    case string(String)
    case bool(Bool)
    /// A number or anything else printable, as its description.
    case scalar(String)
    case list([TemplateValue])
    case object(TemplateObject)
    /// Text already encoded as UTF-8, such as a page body rendered by another template: put into
    /// the page as it is, without making a String of it (which checks every byte) first.
    case utf8([UInt8])

    /// Converts a page model (`[String: Any]` with strings, booleans, numbers, arrays and
    /// dictionaries) into a value tree. Optionals are unwrapped; nil and unknown values are left out.
    public init?(_ value: Any) {
        // The common types by their metadata first: a failed `as?` on `Any` costs more than the rest of the conversion.
        let type = Swift.type(of: value)
        if type == String.self {
            self = .string(value as! String)
            return
        }
        if type == [String: Any].self {
            let dictionary = value as! [String: Any]
            self = .object(TemplateObject(dictionary))
            return
        }
        if type == [[String: Any]].self {
            self = .list((value as! [[String: Any]]).map { TemplateValue($0) ?? .object(TemplateObject()) })
            return
        }
        if type == Bool.self {
            self = .bool(value as! Bool)
            return
        }
        if type == TemplateValue.self {
            self = value as! TemplateValue
            return
        }
        if type == String?.self {
            guard let string = value as! String? else { return nil }
            self = .string(string)
            return
        }
        if type == [String].self {
            self = .list((value as! [String]).map(TemplateValue.string))
            return
        }
        if type == [String: String].self {
            self = .object(TemplateObject(strings: value as! [String: String]))
            return
        }
        if type == [[String: String]].self {
            self = .list((value as! [[String: String]]).map { .object(TemplateObject(strings: $0)) })
            return
        }
        switch value {
        case let string as String: self = .string(string)
        case let bool as Bool: self = .bool(bool)
        case let dictionary as [String: Any]:
            self = .object(TemplateObject(dictionary))
        case let dictionaries as [[String: Any]]:
            self = .list(dictionaries.map { TemplateValue($0) ?? .object(TemplateObject()) })
        case let strings as [String]:
            self = .list(strings.map(TemplateValue.string))
        case let array as [Any]:
            self = .list(array.compactMap { TemplateValue($0) })
        case let value as TemplateValue: self = value
        case let integer as Int: self = .scalar(String(integer))
        case let double as Double: self = .scalar(String(describing: double))
        case let substring as Substring: self = .string(String(substring))
        case let optional as OptionalValue:
            guard let wrapped = optional.wrapped, let converted = TemplateValue(wrapped) else { return nil }
            self = converted
        default: self = .scalar(String(describing: value))
        }
    }

    func member(_ name: String) -> TemplateValue? {
        if case let .object(object) = self { return object.member(name) }
        return nil
    }

    /// An object with one more member (a value every page gets, such as `root`); other values as they are.
    public func adding(_ name: String, _ value: TemplateValue) -> TemplateValue {
        guard case let .object(object) = self else { return self }
        return .object(TemplateObject(names: object.names + [name], values: object.values + [value]))
    }
}

/// Lets `TemplateValue(_:)` see through an `Optional` stored as `Any`.
private protocol OptionalValue {
    var wrapped: Any? { get }
}

extension Optional: OptionalValue {
    fileprivate var wrapped: Any? { self.map { $0 as Any } }
}

/// A page model's mapping as templates read it: names and values side by side, looked up by
/// comparing names. Keys are short (`title`, `href`), mostly fit a small string, and compare in a
/// few instructions, where a dictionary hashes every key when the model is converted and every
/// name at every lookup; most mappings have a handful of keys.
///
/// A class, never changed once made: a value holding one, copied onto the renderer's stack and
/// out of every lookup, then retains one reference, not the two arrays (docs/benchmark.md).
public final class TemplateObject: Sendable {
    let names: [String]
    let values: [TemplateValue]

    public convenience init() { self.init(names: [], values: []) }

    convenience init(_ dictionary: [String: Any]) {
        var names: [String] = [], values: [TemplateValue] = []
        names.reserveCapacity(dictionary.count)
        values.reserveCapacity(dictionary.count)
        for (name, member) in dictionary {
            guard let converted = TemplateValue(member) else { continue }
            names.append(name)
            values.append(converted)
        }
        self.init(names: names, values: values)
    }

    init(names: [String], values: [TemplateValue]) {
        self.names = names
        self.values = values
    }

    /// The names and values, in the order the model gave them.
    var members: Zip2Sequence<[String], [TemplateValue]> { zip(names, values) }

    convenience init(strings dictionary: [String: String]) {
        self.init(names: Array(dictionary.keys), values: dictionary.values.map(TemplateValue.string))
    }

    func member(_ name: String) -> TemplateValue? {
        // Lengths first: reading a String's length is a load, and most names that differ differ in it.
        let length = name.utf8.count
        for index in names.indices where names[index].utf8.count == length && names[index] == name { return values[index] }
        return nil
    }
}
