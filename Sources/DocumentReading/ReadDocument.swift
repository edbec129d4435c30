@_exported import OfficeMessages

/// What a reader sees in an office's notice document, in order: paragraphs (with the numbers Word
/// displays for them) and tables. The importer works on this, never on a file format.
public struct ReadDocument: Sendable, Equatable {
    public enum Format: String, Sendable, Equatable {
        case docx, text, markdown
    }

    public var format: Format
    public var blocks: [DocumentBlock]
    /// The text encoding a `.txt` was read in: "UTF-8" or "GB18030"; nil for `.docx`.
    public var encoding: String?
    /// What was dropped as a converter's leftover, in Chinese, for the import summary:
    /// "书签 2 处", "单独成行的页码 3 行", "页眉页脚", "空段落 12 个".
    public var removed: [Message]

    public init(format: Format, blocks: [DocumentBlock], encoding: String? = nil, removed: [Message] = []) {
        self.format = format
        self.blocks = blocks
        self.encoding = encoding
        self.removed = removed
    }
}

public enum DocumentBlock: Sendable, Equatable {
    case paragraph(DocumentParagraph)
    case table(DocumentTable)
}

public struct DocumentParagraph: Sendable, Equatable {
    /// The number Word displays before the text from its automatic numbering (`numbering.xml`),
    /// exactly as shown: "一、", "（一）", "1.", "(1)". Empty when the paragraph has none; a number
    /// typed into the text stays in `text`.
    public var label: String
    /// The paragraph's text, runs joined, tabs as spaces, ends trimmed. Never empty.
    public var text: String
    /// Every visible run is bold.
    public var bold: Bool
    /// 1 for "Heading 1" / outline level 0, 2 for "Heading 2", …; nil for body text.
    public var headingLevel: Int?
    /// Centred (`w:jc` center): a title line, usually.
    public var centered: Bool

    public init(label: String = "", text: String, bold: Bool = false, headingLevel: Int? = nil, centered: Bool = false) {
        self.label = label
        self.text = text
        self.bold = bold
        self.headingLevel = headingLevel
        self.centered = centered
    }

    /// What a reader sees: the number, then the text.
    public var shownText: String { label.isEmpty ? text : label + text }
}

public struct DocumentTable: Sendable, Equatable {
    /// Rows of cells as the grid shows them; a cell merged into the one above (`w:vMerge`
    /// continuation) is present with `mergedAbove` set and empty text.
    public var rows: [[DocumentCell]]

    public init(rows: [[DocumentCell]]) { self.rows = rows }
}

public struct DocumentCell: Sendable, Equatable {
    /// The cell's paragraphs joined with "\n" (numbering labels included).
    public var text: String
    /// Grid columns the cell covers (`w:gridSpan`), 1 for a plain cell.
    public var columnSpan: Int
    /// Continues the cell above (vertical merge).
    public var mergedAbove: Bool

    public init(text: String, columnSpan: Int = 1, mergedAbove: Bool = false) {
        self.text = text
        self.columnSpan = columnSpan
        self.mergedAbove = mergedAbove
    }
}

/// Why a document cannot be read, with what to do about it, as catalogue messages: shown in the
/// office's language (Chinese unless asked for English).
public struct DocumentReadingError: Error, Sendable, Equatable {
    public var text: Message
    public var advice: Message?
    /// Values that are messages themselves ("文件不存在", the kind of file), filled in the language
    /// the whole message is shown in rather than the one current when it was made.
    var parts: [String: Message]

    public init(_ text: Message, hint advice: Message? = nil, parts: [String: Message] = [:]) {
        self.text = text
        self.advice = advice
        self.parts = parts
    }

    public var message: String { message(in: .current) }
    public var hint: String? { hint(in: .current) }

    public func message(in language: Language) -> String { filled(text, in: language) }
    public func hint(in language: Language) -> String? { advice.map { filled($0, in: language) } }

    private func filled(_ message: Message, in language: Language) -> String {
        guard !parts.isEmpty else { return message.text(in: language) }
        let values = message.arguments.merging(parts.mapValues { $0.text(in: language) }) { own, _ in own }
        return Message(message.key, values).text(in: language)
    }
}
