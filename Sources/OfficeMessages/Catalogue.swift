/// The two catalogues, read as tables (`Chinese.swift`, `English.swift`): key, then text.
///
/// Texts name their values `{like_this}`. `CatalogueTests` fail when a key is in one catalogue
/// only, when the two texts of a key name different values, when a key is listed twice, and when
/// the sources use a key no catalogue has.
public enum Catalogue {
    public static func table(_ language: Language) -> [String: String] {
        switch language {
        case .zh: chineseTable
        case .en: englishTable
        }
    }

    /// The rows in their written order, for the tests (duplicates are visible here, not in `table`).
    public static func rows(_ language: Language) -> [(key: String, text: String)] {
        switch language {
        case .zh: chineseCatalogue.map { (key: $0.0, text: $0.1) }
        case .en: englishCatalogue.map { (key: $0.0, text: $0.1) }
        }
    }

    /// The names a text puts values in: `{pages}` → "pages".
    public static func placeholders(in text: String) -> Set<String> {
        var names = Set<String>()
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            let name = after[..<close]
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { names.insert(String(name)) }
            rest = after[after.index(after: close)...]
        }
        return names
    }

    static func fill(_ template: String, with arguments: [String: String]) -> String {
        guard !arguments.isEmpty, template.contains("{") else { return template }
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let value = arguments[String(after[..<close])] {
                result += value
                rest = after[after.index(after: close)...]
            } else {
                result += "{"
                rest = after
            }
        }
        return result + rest
    }

    private static let chineseTable = Dictionary(chineseCatalogue, uniquingKeysWith: { first, _ in first })
    private static let englishTable = Dictionary(englishCatalogue, uniquingKeysWith: { first, _ in first })
}
