/// Walks `word/document.xml`'s body in order and produces what a reader of the printed notice sees:
/// paragraphs with their displayed numbers, and tables. What Word keeps but does not show (deleted
/// revisions, field instructions, hidden text, bookmarks, the section's page setup) is left out,
/// and so are page numbers (their fields, and text boxes holding nothing else), which a converted
/// notice often carries into the body. What was left out is counted for the import summary.
struct DocxBody {
    var styles: WordStyles
    var numbering: WordNumbering

    private(set) var emptyParagraphs = 0
    private(set) var bookmarks = 0
    private(set) var pageFields = 0
    private(set) var pageNumberBoxes = 0
    private(set) var deletions = 0
    private(set) var hiddenRuns = 0

    /// Complex fields (`w:fldChar` begin … separate … end) may span runs and even paragraphs (a
    /// table of contents), so their state lives here and not in one paragraph's walk.
    private var fields: [Field] = []
    private var untrackedFields = 0

    private struct Field {
        /// The start of the instruction ("PAGE \\* MERGEFORMAT"): only its first word matters.
        var instruction = ""
        var inResult = false
        /// Decided once, when the result starts.
        var isPageNumber = false
    }

    init(styles: WordStyles, numbering: WordNumbering) {
        self.styles = styles
        self.numbering = numbering
    }

    /// Elements that only wrap content (content controls, custom XML, tracked insertions): their
    /// content is read as if they were not there.
    static let wrappers: Set<String> = ["sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag", "dir", "bdo"]

    static func isPageNumberField(_ instruction: String) -> Bool {
        let word = instruction.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map { $0.uppercased() } ?? ""
        return ["PAGE", "NUMPAGES", "SECTIONPAGES"].contains(word)
    }

    // MARK: Block level

    mutating func blocks(of body: XMLNode) -> [DocumentBlock] {
        var blocks: [DocumentBlock] = []
        for child in body.children { blockLevel(child, into: &blocks, countEmpty: true) }
        return blocks
    }

    private mutating func blockLevel(_ node: XMLNode, into blocks: inout [DocumentBlock], countEmpty: Bool) {
        switch node.name {
        case "p":
            var extras: [DocumentBlock] = []
            let leftoversBefore = pageFields + pageNumberBoxes
            let fieldsBefore = pageFields
            if let paragraph = paragraph(node, extras: &extras),
               !(pageFields > fieldsBefore && paragraph.text.allSatisfy { Leftovers.pageNumberFrame.contains($0) || Leftovers.isBlank($0) }) {
                // (A paragraph that was "第 X 页 共 Y 页" with its numbers as fields is what is left
                // of a footer: it goes with its fields.)
                blocks.append(.paragraph(paragraph))
            } else if countEmpty, extras.isEmpty, pageFields + pageNumberBoxes == leftoversBefore {
                // A paragraph that only held a page number or anchored a text box is not "empty":
                // it is counted as what it held.
                emptyParagraphs += 1
            }
            blocks += extras
        case "tbl":
            if let table = table(node) { blocks.append(.table(table)) }
        case "bookmarkStart":
            bookmarks += 1
        case "del", "moveFrom":
            deletions += 1
        case "AlternateContent":
            for child in node.child("Choice")?.children ?? [] { blockLevel(child, into: &blocks, countEmpty: countEmpty) }
        case _ where Self.wrappers.contains(node.name):
            for child in node.children where child.name != "sdtPr" && child.name != "sdtEndPr" {
                blockLevel(child, into: &blocks, countEmpty: countEmpty)
            }
        default:
            break  // sectPr, bookmarkEnd, proofErr, altChunk (an embedded foreign file), …
        }
    }

    // MARK: Paragraphs

    private struct Collected {
        var text = ""
        var visibleRuns = 0
        var allBold = true
        var paragraphBold: Bool?
    }

    private mutating func paragraph(_ node: XMLNode, extras: inout [DocumentBlock]) -> DocumentParagraph? {
        let properties = node.child("pPr")
        let styleId = properties?.value(of: "pStyle")
        let label = numberLabel(properties: properties, styleId: styleId)

        var collected = Collected(paragraphBold: styles.bold(styleId) ?? styles.defaultBold)
        for child in node.children { inline(child, into: &collected, extras: &extras) }

        let text = Self.trimmed(collected.text)
        guard !text.isEmpty else { return nil }
        var heading: Int?
        if let outline = properties?.value(of: "outlineLvl").flatMap({ Int($0) }) {
            heading = (0...8).contains(outline) ? outline + 1 : nil
        } else {
            heading = styles.headingLevel(styleId)
        }
        let justification = properties?.value(of: "jc") ?? styles.justification(styleId)
        return DocumentParagraph(label: label, text: text, bold: collected.visibleRuns > 0 && collected.allBold,
                                 headingLevel: heading, centered: justification == "center")
    }

    /// The paragraph's own `w:numPr`, else its style's; numId 0 switches a style's numbering off.
    private mutating func numberLabel(properties: XMLNode?, styleId: String?) -> String {
        let direct = properties?.child("numPr")
        var numId = direct?.value(of: "numId")
        var level = direct?.value(of: "ilvl").flatMap { Int($0) }
        if numId == nil, let fromStyle = styles.numbering(styleId) {
            numId = fromStyle.numId
            level = level ?? fromStyle.ilvl ?? numbering.level(forStyle: styleId, numId: fromStyle.numId)
        }
        guard let numId else { return "" }
        return numbering.label(numId: numId, level: level ?? 0)
    }

    private mutating func inline(_ node: XMLNode, into collected: inout Collected, extras: inout [DocumentBlock]) {
        switch node.name {
        case "r":
            run(node, into: &collected, extras: &extras)
        case "fldSimple":
            if Self.isPageNumberField(node.attribute("instr") ?? "") {
                pageFields += 1
            } else {
                for child in node.children { inline(child, into: &collected, extras: &extras) }
            }
        case "hyperlink":
            for child in node.children { inline(child, into: &collected, extras: &extras) }
        case "del", "moveFrom":
            deletions += 1
        case "bookmarkStart":
            bookmarks += 1
        case "AlternateContent":
            // Runs offered two ways (a newer feature and a fallback): the first choice is read.
            for child in node.child("Choice")?.children ?? [] { inline(child, into: &collected, extras: &extras) }
        case "oMath", "oMathPara":
            // An equation: its text, in order (m:r/m:t), without the layout around it.
            collected.text += Self.descendantText(node)
        case _ where Self.wrappers.contains(node.name):
            for child in node.children where child.name != "sdtPr" && child.name != "sdtEndPr" {
                inline(child, into: &collected, extras: &extras)
            }
        default:
            break  // pPr, proofErr, bookmarkEnd, commentRangeStart, permStart, …
        }
    }

    /// Text inside a field's instructions, or in the shown result of a page-number field, is not
    /// what the notice says.
    private var hidingFieldText: Bool {
        fields.contains { !$0.inResult || $0.isPageNumber }
    }

    private mutating func run(_ node: XMLNode, into collected: inout Collected, extras: inout [DocumentBlock]) {
        let properties = node.child("rPr")
        let hidden = properties?.toggle("vanish") == true
        let bold = properties?.toggle("b") ?? properties?.value(of: "rStyle").flatMap { styles.bold($0) }
            ?? collected.paragraphBold ?? false
        var text = ""
        for child in node.children {
            switch child.name {
            case "fldChar":
                switch child.attribute("fldCharType") {
                case "begin":
                    // Word nests fields a few deep; a file nesting thousands only costs time, so
                    // past 64 the extra ones are counted and not tracked.
                    if fields.count < 64 { fields.append(Field()) } else { untrackedFields += 1 }
                case "separate":
                    if untrackedFields == 0, !fields.isEmpty {
                        fields[fields.count - 1].inResult = true
                        fields[fields.count - 1].isPageNumber = Self.isPageNumberField(fields[fields.count - 1].instruction)
                        if fields[fields.count - 1].isPageNumber { pageFields += 1 }
                    }
                case "end":
                    if untrackedFields > 0 { untrackedFields -= 1 } else if !fields.isEmpty { fields.removeLast() }
                default: break
                }
            case "instrText":
                if untrackedFields == 0, !fields.isEmpty, !fields[fields.count - 1].inResult,
                   fields[fields.count - 1].instruction.utf8.count < 256 {
                    fields[fields.count - 1].instruction += child.text.prefix(256)
                }
            case "t":
                if !hidingFieldText { text += child.text }
            case "tab", "ptab":
                if !hidingFieldText { text += " " }
            case "br", "cr":
                // A line break inside a paragraph reads as a space; a page or column break as nothing.
                let type = child.attribute("type")
                if !hidingFieldText, type != "page", type != "column" { text += " " }
            case "noBreakHyphen":
                if !hidingFieldText { text += "-" }
            case "drawing", "pict", "object", "AlternateContent":
                textBoxes(in: child, extras: &extras)
            case "delText":
                deletions += 1
            case "ruby":
                // Text with a phonetic guide above it: the text, not the guide.
                if !hidingFieldText, let base = child.child("rubyBase") { text += Self.descendantText(base) }
            default:
                break  // rPr, softHyphen, sym (a symbol font's glyph), footnoteReference, lastRenderedPageBreak, …
            }
        }
        if hidden {
            if !Self.trimmed(text).isEmpty { hiddenRuns += 1 }
            return
        }
        collected.text += text
        if !Self.trimmed(text).isEmpty {
            collected.visibleRuns += 1
            if !bold { collected.allBold = false }
        }
    }

    /// A text box's paragraphs (`w:txbxContent`, in DrawingML or VML) are read after the paragraph
    /// that anchors them, except a box that holds only a page number. Of `mc:AlternateContent`, only
    /// the first choice is read: the fallback repeats the same box for older readers.
    private mutating func textBoxes(in node: XMLNode, extras: inout [DocumentBlock]) {
        if node.name == "Fallback" { return }
        if node.name == "AlternateContent" {
            if let choice = node.child("Choice") { textBoxes(in: choice, extras: &extras) }
            return
        }
        if node.name == "txbxContent" {
            let fieldsBefore = pageFields
            let savedFields = fields, savedUntracked = untrackedFields
            fields = []
            untrackedFields = 0
            var inside: [DocumentBlock] = []
            for child in node.children { blockLevel(child, into: &inside, countEmpty: false) }
            fields = savedFields
            untrackedFields = savedUntracked
            let text = inside.map(Self.plainText).joined(separator: " ")
            if pageFields > fieldsBefore, text.allSatisfy({ Leftovers.pageNumberFrame.contains($0) || $0.isWhitespace }) {
                pageNumberBoxes += 1
            } else if Leftovers.isPageNumber(text) {
                pageNumberBoxes += 1
            } else {
                extras += inside
            }
            return
        }
        for child in node.children { textBoxes(in: child, extras: &extras) }
    }

    // MARK: Tables

    /// Rows and cells, looking through content controls around them. A cell's paragraphs keep their
    /// numbers (the counters run through tables as Word's do); a table inside a cell is flattened
    /// into the cell's text, a row per line.
    private mutating func table(_ node: XMLNode) -> DocumentTable? {
        var rows: [[DocumentCell]] = []
        for row in Self.items(named: "tr", in: node) {
            var cells: [DocumentCell] = []
            for cell in Self.items(named: "tc", in: row) {
                let properties = cell.child("tcPr")
                let span = properties?.value(of: "gridSpan").flatMap { Int($0) }.map { min(max($0, 1), 64) } ?? 1
                let merge = properties?.child("vMerge")
                let mergedAbove = merge != nil && merge?.attribute("val") != "restart"
                var inside: [DocumentBlock] = []
                for child in cell.children where child.name != "tcPr" {
                    blockLevel(child, into: &inside, countEmpty: false)
                }
                let text = mergedAbove ? "" : inside.map(Self.plainText).filter { !$0.isEmpty }.joined(separator: "\n")
                cells.append(DocumentCell(text: text, columnSpan: span, mergedAbove: mergedAbove))
            }
            if !cells.isEmpty { rows.append(cells) }
        }
        return rows.isEmpty ? nil : DocumentTable(rows: rows)
    }

    private static func items(named name: String, in node: XMLNode) -> [XMLNode] {
        var result: [XMLNode] = []
        for child in node.children {
            if child.name == name {
                result.append(child)
            } else if wrappers.contains(child.name) {
                result += items(named: name, in: child)
            }
        }
        return result
    }

    static func plainText(_ block: DocumentBlock) -> String {
        switch block {
        case .paragraph(let paragraph): return paragraph.shownText
        case .table(let table):
            return table.rows.map { row in row.map(\.text).filter { !$0.isEmpty }.joined(separator: " ") }
                .filter { !$0.isEmpty }.joined(separator: "\n")
        }
    }

    // MARK: Text

    static func descendantText(_ node: XMLNode) -> String {
        if node.name == "t" { return node.text }
        return node.children.map(descendantText).joined()
    }

    static func trimmed(_ text: String) -> String { Leftovers.trimmed(Substring(text)) }
}
