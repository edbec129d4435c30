/// `word/numbering.xml` and the counters Word keeps while it lays the document out, so that a
/// paragraph's automatic number becomes the text Word displays ("一、", "（二）", "3.", "(4)").
///
/// The model, as Word behaves:
/// - a paragraph's `w:numId` names a `w:num`, which names a `w:abstractNum` (the list's levels);
/// - counters belong to the abstract list, so two `w:num`s of one list continue each other;
/// - a `w:num` with `w:lvlOverride/w:startOverride` is how Word writes "restart numbering": the
///   first time that num is used, the overridden levels start again from the override;
/// - using a level resets the deeper levels, unless a deeper level's `w:lvlRestart` says otherwise
///   (0: never restart; n: restart only when a level above n is used);
/// - `%1` … `%9` in `w:lvlText` are replaced by those levels' counters, each in its own format
///   (decimal for all with `w:isLgl`); `w:suff` (the tab after the number) is not part of the label.
struct WordNumbering {
    struct Level {
        var start = 1
        var format = "decimal"
        var text = ""
        var restart: Int?
        var legal = false
        var style: String?
    }

    struct Instance {
        var abstractId: String
        var overrides: [Int: Int] = [:]  // level → start
        var levelOverrides: [Int: Level] = [:]
    }

    private(set) var abstracts: [String: [Int: Level]] = [:]
    private(set) var instances: [String: Instance] = [:]
    private var counters: [String: [Int: Int]] = [:]  // abstract → level → current value
    private var usedInstances: Set<String> = []

    init() {}

    init(root: XMLNode) {
        for abstract in root.children("abstractNum") {
            guard let id = abstract.attribute("abstractNumId") else { continue }
            var levels: [Int: Level] = [:]
            for node in abstract.children("lvl") {
                guard let index = node.attribute("ilvl").flatMap({ Int($0) }), (0...8).contains(index) else { continue }
                levels[index] = Self.level(node)
            }
            abstracts[id] = levels
        }
        for num in root.children("num") {
            guard let id = num.attribute("numId"), let abstractId = num.value(of: "abstractNumId") else { continue }
            var instance = Instance(abstractId: abstractId)
            for override in num.children("lvlOverride") {
                guard let index = override.attribute("ilvl").flatMap({ Int($0) }), (0...8).contains(index) else { continue }
                if let start = override.value(of: "startOverride").flatMap({ Int($0) }) { instance.overrides[index] = Self.clampedStart(start) }
                if let level = override.child("lvl") { instance.levelOverrides[index] = Self.level(level) }
            }
            instances[id] = instance
        }
    }

    private static func level(_ node: XMLNode) -> Level {
        var level = Level()
        if let start = node.value(of: "start").flatMap({ Int($0) }) { level.start = clampedStart(start) }
        if let format = node.value(of: "numFmt") { level.format = format }
        if let text = node.child("lvlText") { level.text = text.attribute("val") ?? "" }
        level.restart = node.value(of: "lvlRestart").flatMap { Int($0) }
        level.legal = node.toggle("isLgl") ?? false
        level.style = node.value(of: "pStyle")
        return level
    }

    /// Word accepts 0 … 32 767; anything else is a damaged or hostile file, and clamping keeps the
    /// counters' arithmetic from overflowing.
    private static func clampedStart(_ start: Int) -> Int { max(0, min(start, 32_767)) }

    private func levelDefinition(_ instance: Instance, _ index: Int) -> Level? {
        instance.levelOverrides[index] ?? abstracts[instance.abstractId]?[index]
    }

    /// The level a style's paragraphs take when the style names a list but no level: the level
    /// linked to the style (`w:lvl/w:pStyle`), else the first.
    func level(forStyle style: String?, numId: String) -> Int {
        guard let style, let instance = instances[numId], let levels = abstracts[instance.abstractId] else { return 0 }
        return levels.first { $0.value.style == style }?.key ?? 0
    }

    /// Advances the counters for one numbered paragraph and returns its label as displayed.
    /// numId "0" (Word's "no numbering") and unknown lists give "".
    mutating func label(numId: String, level index: Int) -> String {
        guard numId != "0", let instance = instances[numId], (0...8).contains(index),
              let definition = levelDefinition(instance, index) else { return "" }
        let abstract = instance.abstractId
        var values = counters[abstract] ?? [:]
        if !usedInstances.contains(numId) {
            usedInstances.insert(numId)
            for (overridden, start) in instance.overrides { values[overridden] = start - 1 }
        }
        values[index] = (values[index] ?? (definition.start - 1)) + 1
        for deeper in (index + 1)..<9 {
            let bound = levelDefinition(instance, deeper)?.restart ?? deeper
            if bound != 0, index < bound { values[deeper] = nil }
        }
        counters[abstract] = values
        if definition.format == "none" || definition.format == "bullet" { return "" }
        return render(definition.text, instance: instance, values: values, legal: definition.legal)
    }

    private func render(_ pattern: String, instance: Instance, values: [Int: Int], legal: Bool) -> String {
        var result = ""
        var characters = pattern.makeIterator()
        var pending: Character? = characters.next()
        while let character = pending {
            pending = characters.next()
            guard character == "%", let digit = pending?.wholeNumberValue, (1...9).contains(digit) else {
                result.append(character)
                continue
            }
            pending = characters.next()
            let index = digit - 1
            let definition = levelDefinition(instance, index) ?? Level()
            let value = values[index] ?? definition.start
            result += NumberFormat.format(value, as: legal ? "decimal" : definition.format)
        }
        return result
    }
}
