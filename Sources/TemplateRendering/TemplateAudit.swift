/// What a template reads from its model, checked against the model's schema: the names a template
/// uses that the model does not have (they would render nothing, silently), and the fields of the
/// model that some template reads (the rest are fields no template uses).
///
/// Names are resolved the way rendering resolves them: through the enclosing sections' values
/// from the innermost out, a leading dot only in the innermost, partials with the caller's values.
public struct TemplateAudit: Sendable {
    /// A name the template uses that no enclosing value of the model has, with the sections it is in
    /// (`timeline › lable`).
    public var missing: [String] = []
    /// Every field of the model some tag reads, as a dotted path from the model (`timeline.label`).
    public var used: Set<String> = []

    /// Every field path of a schema (`fees`, `fees.rows`, `fees.rows.level`), in the model's order.
    public static func fieldPaths(of schema: TemplateSchema, prefix: String = "") -> [String] {
        switch schema {
        case let .object(fields):
            fields.flatMap { field in
                let path = prefix.isEmpty ? field.name : prefix + "." + field.name
                return [path] + fieldPaths(of: field.schema, prefix: path)
            }
        case let .list(element): fieldPaths(of: element, prefix: prefix)
        case .text, .html, .flag: []
        }
    }
}

extension TemplateLibrary {
    /// The audit of template `name` rendered with a model of `schema`; nil when there is no such template.
    public func audit(_ name: String, schema: TemplateSchema) -> TemplateAudit? {
        guard let nodes = template(named: name) else { return nil }
        var audit = TemplateAudit()
        var scopes = [Scope(schema: schema, path: "")]
        walk(nodes, scopes: &scopes, sections: [], audit: &audit, depth: 0)
        return audit
    }

    private struct Scope {
        var schema: TemplateSchema
        /// The field path of this value from the model, "" for the model itself.
        var path: String
    }

    private func walk(_ nodes: [TemplateNode], scopes: inout [Scope], sections: [String], audit: inout TemplateAudit, depth: Int) {
        for node in nodes {
            switch node {
            case .text: break
            case let .variable(name, _):
                _ = resolve(name, in: scopes, sections: sections, audit: &audit)
            case let .section(name, body):
                guard let found = resolve(name, in: scopes, sections: sections, audit: &audit) else {
                    walk(body, scopes: &scopes, sections: sections + [name.text], audit: &audit, depth: depth)
                    continue
                }
                // A flag shows its body with the values around it; anything else is entered.
                let entered: Scope? = switch found.schema {
                case .flag: nil
                case let .list(element): Scope(schema: element, path: found.path)
                default: found
                }
                if let entered { scopes.append(entered) }
                walk(body, scopes: &scopes, sections: sections + [name.text], audit: &audit, depth: depth)
                if entered != nil { scopes.removeLast() }
            case let .invertedSection(name, body):
                _ = resolve(name, in: scopes, sections: sections, audit: &audit)
                walk(body, scopes: &scopes, sections: sections + ["^" + name.text], audit: &audit, depth: depth)
            case let .partial(partial, _):
                // A partial that includes itself would never end; themes' partials nest a few deep.
                guard depth < 16, let nodes = template(named: partial) else { continue }
                walk(nodes, scopes: &scopes, sections: sections + [">" + partial], audit: &audit, depth: depth + 1)
            }
        }
    }

    /// The value a name stands for, as rendering would find it, marking the fields it passes as used.
    private func resolve(_ name: TemplateName, in scopes: [Scope], sections: [String], audit: inout TemplateAudit) -> Scope? {
        if name.isCurrent { return scopes.last }
        guard let first = name.path.first else { return nil }
        var found: Scope?
        for scope in (name.localOnly ? Array(scopes.suffix(1)) : scopes.reversed()) {
            if let schema = scope.schema.field(first) {
                found = Scope(schema: schema, path: scope.path.isEmpty ? first : scope.path + "." + first)
                break
            }
        }
        for component in name.path.dropFirst() {
            guard let current = found else { break }
            found = current.schema.field(component).map { Scope(schema: $0, path: current.path + "." + component) }
        }
        guard let found else {
            audit.missing.append((sections + [name.text]).joined(separator: " › "))
            return nil
        }
        var path = found.path
        // Every field on the way is read: `fees.rows` reads `fees`.
        while !path.isEmpty {
            audit.used.insert(path)
            path = path.split(separator: ".").dropLast().joined(separator: ".")
        }
        return found
    }
}

extension TemplateName {
    /// The name as written in the tag.
    var text: String { isCurrent ? "." : (localOnly ? "." : "") + path.joined(separator: ".") }
}
