import Support

/// A theme's Mustache templates, each compiled once, rendered many times (from any thread: the
/// library is immutable once built).
///
/// Rendering appends UTF-8 bytes to one buffer: no intermediate strings per tag, HTML escaping a
/// byte at a time (Support's `appendEscapedMarkup`: the five characters `& < > " '` are ASCII, so
/// no UTF-8 sequence contains them).
public struct TemplateLibrary: Sendable {
    private var templates: [String: [TemplateNode]] = [:]

    public init() {}

    /// Compiles `text` and registers it as `name`, the name partials use (`{{> name}}`).
    public mutating func register(_ text: String, named name: String) throws(TemplateSyntaxError) {
        templates[name] = try TemplateParser.parse(text)
    }

    public func contains(_ name: String) -> Bool { templates[name] != nil }

    /// The names of the templates registered, sorted.
    public var names: [String] { templates.keys.sorted() }

    func template(named name: String) -> [TemplateNode]? { templates[name] }

    /// Renders the template `name` with `context`: a `TemplateValue` (the site's page models, made by
    /// `TemplateEncoder`), or a `[String: Any]`, which the tests use to hold the engine to
    /// swift-mustache; nil when there is no such template.
    public func render(_ context: Any, template name: String) -> String? {
        guard let bytes = renderBytes(context, template: name) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// As `render`, as UTF-8 bytes ready to write.
    public func renderBytes(_ context: Any, template name: String) -> [UInt8]? {
        guard let nodes = templates[name] else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(16_384)
        let root = TemplateValue(context) ?? .object(TemplateObject())
        var stack = [root]
        render(nodes, stack: &stack, indentation: nil, into: &output)
        return output
    }

    private func render(_ nodes: [TemplateNode], stack: inout [TemplateValue], indentation: [UInt8]?, into output: inout [UInt8]) {
        guard let indentation, !indentation.isEmpty else {
            for node in nodes { render(node, stack: &stack, indentation: indentation, into: &output) }
            return
        }
        // Inside an indented partial: output that starts a new line of this template gets the indentation.
        let start = output.count
        for node in nodes {
            let before = output.count
            render(node, stack: &stack, indentation: indentation, into: &output)
            if output.count > before, before > start, output[before - 1] == UInt8(ascii: "\n") {
                output.insert(contentsOf: indentation, at: before)
            }
        }
    }

    private func render(_ node: TemplateNode, stack: inout [TemplateValue], indentation: [UInt8]?, into output: inout [UInt8]) {
        switch node {
        case let .text(bytes):
            output.append(contentsOf: bytes)
        case let .variable(name, escaped):
            guard let value = lookup(name, in: stack) else { return }
            switch value {
            case let .string(text): escaped ? appendEscapedMarkup(text, to: &output) : output.append(contentsOf: text.utf8)
            case let .scalar(text): escaped ? appendEscapedMarkup(text, to: &output) : output.append(contentsOf: text.utf8)
            case let .utf8(bytes): escaped ? bytes.withUnsafeBufferPointer { appendEscapedMarkup($0, to: &output) } : output.append(contentsOf: bytes)
            case let .bool(flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
            case .list, .object: break
            }
        case let .section(name, body):
            guard let value = lookup(name, in: stack) else { return }
            switch value {
            case let .list(items):
                for item in items {
                    stack.append(item)
                    render(body, stack: &stack, indentation: indentation, into: &output)
                    stack.removeLast()
                }
            case let .bool(flag):
                if flag { render(body, stack: &stack, indentation: indentation, into: &output) }
            default:
                stack.append(value)
                render(body, stack: &stack, indentation: indentation, into: &output)
                stack.removeLast()
            }
        case let .invertedSection(name, body):
            let shown: Bool
            switch lookup(name, in: stack) {
            case .none: shown = true
            case let .list(items)?: shown = items.isEmpty
            case let .bool(flag)?: shown = !flag
            default: shown = false
            }
            if shown { render(body, stack: &stack, indentation: indentation, into: &output) }
        case let .partial(partialName, partialIndentation):
            guard let nodes = templates[partialName] else { return }
            var combined = indentation
            if let partialIndentation { combined = (indentation ?? []) + partialIndentation }
            render(nodes, stack: &stack, indentation: combined, into: &output)
        }
    }

    private func lookup(_ name: TemplateName, in stack: [TemplateValue]) -> TemplateValue? {
        if name.isCurrent { return stack.last }
        guard let first = name.path.first else { return nil }
        var value: TemplateValue?
        if name.localOnly {
            value = stack.last?.member(first)
        } else {
            for index in stack.indices.reversed() {
                if let found = stack[index].member(first) { value = found; break }
            }
        }
        for component in name.path.dropFirst() {
            value = value?.member(component)
        }
        return value
    }
}
