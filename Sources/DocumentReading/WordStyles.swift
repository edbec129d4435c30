/// `word/styles.xml`: what a paragraph or run inherits from its style and the styles that one is
/// based on. Only what a reader of the notice notices is kept: numbering, heading level, centring,
/// bold. The file is optional (a converter may leave it out); then nothing is inherited.
struct WordStyles {
    struct Style {
        var id, name: String
        var basedOn, numId: String?
        var ilvl, outlineLevel: Int?
        var justification: String?
        var bold: Bool?
    }

    private(set) var styles: [String: Style] = [:]
    var defaultParagraphStyle: String?
    var defaultBold: Bool?

    init() {}

    init(root: XMLNode) {
        if let runDefaults = root.child("docDefaults")?.child("rPrDefault")?.child("rPr") {
            defaultBold = runDefaults.toggle("b")
        }
        for node in root.children("style") {
            guard let id = node.attribute("styleId") else { continue }
            let paragraph = node.child("pPr"), run = node.child("rPr")
            let numPr = paragraph?.child("numPr")
            let style = Style(
                id: id,
                name: node.value(of: "name") ?? "",
                basedOn: node.value(of: "basedOn"),
                numId: numPr?.value(of: "numId"),
                ilvl: numPr?.value(of: "ilvl").flatMap { Int($0) },
                outlineLevel: paragraph?.value(of: "outlineLvl").flatMap { Int($0) },
                justification: paragraph?.value(of: "jc"),
                bold: run?.toggle("b"))
            styles[id] = style
            if node.attribute("type") == "paragraph", node.attribute("default").map({ $0 == "1" || $0 == "true" }) == true {
                defaultParagraphStyle = id
            }
        }
    }

    /// The style and its ancestors, nearest first; a loop in `basedOn` ends the chain.
    func chain(_ id: String?) -> [Style] {
        var result: [Style] = []
        var seen: Set<String> = []
        var next = id ?? defaultParagraphStyle
        while let current = next, !seen.contains(current), let style = styles[current], result.count < 32 {
            seen.insert(current)
            result.append(style)
            next = style.basedOn
        }
        return result
    }

    /// "Heading 2", "heading 2", "标题 2" (by id or by name) → 2; else the outline level + 1.
    func headingLevel(_ id: String?) -> Int? {
        for style in chain(id) {
            for candidate in [style.name, style.id] {
                if let level = Self.headingLevel(named: candidate) { return level }
            }
            if let outline = style.outlineLevel { return (0...8).contains(outline) ? outline + 1 : nil }
        }
        return nil
    }

    static func headingLevel(named name: String) -> Int? {
        let lower = name.lowercased().replacingOccurrences(of: " ", with: "")
        for prefix in ["heading", "标题"] where lower.hasPrefix(prefix) {
            if let level = Int(lower.dropFirst(prefix.count)), (1...9).contains(level) { return level }
        }
        return nil
    }

    func justification(_ id: String?) -> String? { chain(id).lazy.compactMap(\.justification).first }
    func bold(_ id: String?) -> Bool? { chain(id).lazy.compactMap(\.bold).first }
    func outlineLevel(_ id: String?) -> Int? { chain(id).lazy.compactMap(\.outlineLevel).first }

    /// The numbering a style gives its paragraphs: the list from the nearest style that names one,
    /// the level from the nearest that names one ("Heading 2" based on "Heading 1" often gives only
    /// its level and inherits the list).
    func numbering(_ id: String?) -> (numId: String, ilvl: Int?)? {
        let styles = chain(id)
        guard let numId = styles.lazy.compactMap(\.numId).first else { return nil }
        return (numId, styles.lazy.compactMap(\.ilvl).first)
    }
}
