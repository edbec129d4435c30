/// A .docx read as a reader sees it: the main document's body, numbered and styled through
/// `numbering.xml` and `styles.xml` (both optional). Headers and footers are never read: they
/// repeat on every page (the office's name, page numbers) and are not part of the notice.
enum DocxReader {
    /// Text is kept only where it is shown (`w:t`, and DrawingML's and math's `t`) or read as a
    /// field's instruction.
    static let textElements: Set<String> = ["t", "instrText"]

    static func read(_ bytes: [UInt8], fileName: String, claimedExtension: String, limits: DocumentReader.Limits) throws(DocumentReadingError) -> ReadDocument {
        var archive = try DocxArchive(bytes: bytes, limits: limits)
        let main = try mainDocumentPath(&archive)
        guard let documentBytes = try archive.read(main) else {
            if let mimetype = try? archive.read("mimetype"), String(decoding: mimetype, as: UTF8.self).contains("opendocument") {
                throw UnsupportedFormat.error(kind: Message("read.kind.odt"), fileName: fileName, claimedExtension: claimedExtension)
            }
            if archive.contains("xl/workbook.xml") {
                throw UnsupportedFormat.error(kind: Message("read.kind.xlsx"), fileName: fileName, claimedExtension: claimedExtension)
            }
            if archive.contains("ppt/presentation.xml") {
                throw UnsupportedFormat.error(kind: Message("read.kind.pptx"), fileName: fileName, claimedExtension: claimedExtension)
            }
            throw .missingBody
        }
        let folder = main.split(separator: "/").dropLast().joined(separator: "/")
        let prefix = folder.isEmpty ? "" : folder + "/"
        let parts = Parts(
            main: main, document: documentBytes,
            styles: try archive.read(prefix + "styles.xml"),
            numbering: try archive.read(prefix + "numbering.xml"),
            hasHeaderOrFooter: archive.names.contains { name in
                let file = name.split(separator: "/").last.map(String.init) ?? name
                return name.hasPrefix(prefix) && (file.hasPrefix("header") || file.hasPrefix("footer")) && file.hasSuffix(".xml")
            })
        return try read(parts)
    }

    /// The parts of a .docx that are read, once unzipped (the fuzz target feeds these directly, so
    /// that its mutations reach the XML without first having to match a checksum).
    struct Parts {
        var main = "word/document.xml"
        var document: [UInt8]
        var styles: [UInt8]?
        var numbering: [UInt8]?
        var hasHeaderOrFooter = false
    }

    static func read(_ parts: Parts) throws(DocumentReadingError) -> ReadDocument {
        let prefix = parts.main.split(separator: "/").dropLast().map { $0 + "/" }.joined()
        var styles = WordStyles()
        if let stylesBytes = parts.styles {
            styles = WordStyles(root: try XMLTree.parse(stylesBytes, part: prefix + "styles.xml", keepTextOf: []))
        }
        var numbering = WordNumbering()
        if let numberingBytes = parts.numbering {
            numbering = WordNumbering(root: try XMLTree.parse(numberingBytes, part: prefix + "numbering.xml", keepTextOf: []))
        }
        let main = parts.main
        let document = try XMLTree.parse(parts.document, part: main, keepTextOf: textElements)
        guard document.name == "document", let body = document.child("body") else {
            throw .malformedXML(main, line: nil, detail: Message("read.xml.noBody"))
        }

        var reader = DocxBody(styles: styles, numbering: numbering)
        let blocks = reader.blocks(of: body)

        var removed: [Message] = []
        if parts.hasHeaderOrFooter { removed.append(Message("read.removed.headersFooters")) }
        if reader.bookmarks > 0 { removed.append(Message("read.removed.bookmarks", ["count": "\(reader.bookmarks)"])) }
        if reader.pageFields > 0 { removed.append(Message("read.removed.pageFields", ["count": "\(reader.pageFields)"])) }
        if reader.pageNumberBoxes > 0 { removed.append(Message("read.removed.pageNumberBoxes", ["count": "\(reader.pageNumberBoxes)"])) }
        if reader.deletions > 0 { removed.append(Message("read.removed.deletions", ["count": "\(reader.deletions)"])) }
        if reader.hiddenRuns > 0 { removed.append(Message("read.removed.hiddenRuns", ["count": "\(reader.hiddenRuns)"])) }
        if reader.emptyParagraphs > 0 { removed.append(Message("read.removed.emptyParagraphs", ["count": "\(reader.emptyParagraphs)"])) }
        return ReadDocument(format: .docx, blocks: blocks, encoding: nil, removed: removed)
    }

    /// Word's main part is "word/document.xml"; the package's relationships name it, so a file from
    /// another writer that calls it something else is still read.
    private static func mainDocumentPath(_ archive: inout DocxArchive) throws(DocumentReadingError) -> String {
        let standard = "word/document.xml"
        if archive.contains(standard) { return standard }
        guard let relationships = try archive.read("_rels/.rels"),
              let root = try? XMLTree.parse(relationships, part: "_rels/.rels", keepTextOf: []) else { return standard }
        for relationship in root.children("Relationship") where relationship.attribute("Type")?.hasSuffix("/officeDocument") == true {
            if var target = relationship.attribute("Target") {
                while target.hasPrefix("/") { target.removeFirst() }
                if archive.contains(target) { return target }
            }
        }
        return standard
    }
}
