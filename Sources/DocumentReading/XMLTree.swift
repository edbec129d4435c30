import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One element of a parsed XML part. Names are local names ("p" for "w:p"): Word always writes the
/// "w:" prefix, but a converter may choose another, and no part we read mixes two vocabularies that
/// share a local name in a way that matters (DrawingML's "a:t" in a shape is visible text too).
final class XMLNode {
    let name: String
    let attributes: [(name: String, value: String)]
    var children: [XMLNode] = []
    /// Character data directly inside the element (kept only where text is read: see `TreeBuilder`).
    var text = ""

    init(name: String, attributes: [(name: String, value: String)]) {
        self.name = name
        self.attributes = attributes
    }

    /// The value of the attribute with this local name ("val" for "w:val").
    func attribute(_ local: String) -> String? {
        attributes.first { $0.name == local }?.value
    }

    func child(_ local: String) -> XMLNode? { children.first { $0.name == local } }
    func children(_ local: String) -> [XMLNode] { children.filter { $0.name == local } }

    /// The "w:val" of a child element: `w:pStyle w:val="1"`.
    func value(of local: String) -> String? { child(local)?.attribute("val") }

    /// An on/off property (`w:b`, `w:vanish`): present means on, unless its value says off.
    func toggle(_ local: String) -> Bool? {
        guard let node = child(local) else { return nil }
        switch node.attribute("val")?.lowercased() {
        case "0", "false", "off", "none": return false
        default: return true
        }
    }
}

/// Parses one XML part of a .docx safely.
///
/// A DTD is refused before the parser sees the bytes: Word never writes one, and a DTD is how
/// external entities (reading local files, fetching addresses) and entity expansion bombs ("billion
/// laughs") get in. The scan is sound only if the parser reads the same bytes as UTF-8, so the part
/// must start with "<" (after an optional UTF-8 byte order mark and white space), be valid UTF-8
/// with no NUL byte and declare no encoding but UTF-8: otherwise a UTF-16 or EBCDIC part could hide "<!DOCTYPE" from
/// a byte search. The parser is also told not to resolve external entities, in case.
///
/// Nesting deeper than `maximumDepth` or more than `maximumElements` elements is refused, so that
/// the walk over the tree (recursive) and the tree's memory stay bounded.
enum XMLTree {
    static let maximumDepth = 256
    static let maximumElements = 2_000_000

    static func parse(_ bytes: [UInt8], part: String, keepTextOf: Set<String>) throws(DocumentReadingError) -> XMLNode {
        try checkSafe(bytes, part: part)
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        let builder = TreeBuilder(keepTextOf: keepTextOf)
        parser.delegate = builder
        let ok = parser.parse()
        if builder.tooComplex { throw .tooComplex(part) }
        guard ok, let root = builder.root, builder.stack.isEmpty else {
            let line = parser.lineNumber > 0 ? parser.lineNumber : nil
            let detail = (parser.parserError as NSError?).map { Message("read.xml.errorCode", ["code": "\($0.code)"]) } ?? Message("read.xml.incomplete")
            throw .malformedXML(part, line: line, detail: detail)
        }
        return root
    }

    static func checkSafe(_ bytes: [UInt8], part: String) throws(DocumentReadingError) {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        guard start < bytes.count, bytes[start] == UInt8(ascii: "<") else {
            throw .malformedXML(part, line: nil, detail: Message("read.xml.notXML"))
        }
        if bytes.contains(0) { throw .malformedXML(part, line: nil, detail: Message("read.xml.nullBytes")) }
        // Invalid UTF-8 is malformed XML anyway, and FoundationXML traps on an element name that is
        // not valid UTF-8 (libxml2 hands it over before it reports the error): found by fuzzing.
        if String(validating: bytes, as: UTF8.self) == nil {
            throw .malformedXML(part, line: nil, detail: Message("read.xml.notUTF8"))
        }
        if let declaration = xmlDeclaration(bytes[start...]),
           let encoding = declaredEncoding(declaration), !["utf-8", "utf8"].contains(encoding.lowercased()) {
            throw .malformedXML(part, line: nil, detail: Message("read.xml.encoding", ["encoding": "\(encoding)"]))
        }
        if contains(bytes, "<!DOCTYPE") || contains(bytes, "<!ENTITY") { throw .declaredEntities(part) }
        // Processing instructions other than the leading XML declaration: Word writes none, and
        // FoundationXML crashes on one without data ("<?x?>": it reads the missing data as a C
        // string), found by fuzzing.
        var afterDeclaration = start
        if bytes[start...].starts(with: Array("<?xml".utf8)), start + 5 < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start + 5]) {
            afterDeclaration = start + 5
            while afterDeclaration + 1 < bytes.count, !(bytes[afterDeclaration] == UInt8(ascii: "?") && bytes[afterDeclaration + 1] == UInt8(ascii: ">")) {
                afterDeclaration += 1
            }
        }
        if contains(Array(bytes[afterDeclaration...]), "<?") {
            throw .malformedXML(part, line: nil, detail: Message("read.xml.processingInstruction"))
        }
    }

    private static func xmlDeclaration(_ bytes: ArraySlice<UInt8>) -> String? {
        guard bytes.starts(with: Array("<?xml".utf8)), let close = bytes.prefix(400).firstIndex(of: UInt8(ascii: ">")) else { return nil }
        return String(decoding: bytes[bytes.startIndex...close], as: UTF8.self)
    }

    private static func declaredEncoding(_ declaration: String) -> String? {
        guard let range = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }

    /// Case-insensitive ASCII search (XML is case-sensitive, so "<!doctype" is not a DTD; refusing
    /// it too costs nothing).
    static func contains(_ bytes: [UInt8], _ needle: String) -> Bool {
        let pattern = Array(needle.uppercased().utf8)
        guard bytes.count >= pattern.count else { return false }
        var index = 0
        let last = bytes.count - pattern.count
        while index <= last {
            if bytes[index] == pattern[0] {
                var matched = true
                for offset in 1..<pattern.count {
                    var byte = bytes[index + offset]
                    if byte >= 0x61, byte <= 0x7A { byte -= 0x20 }
                    if byte != pattern[offset] { matched = false; break }
                }
                if matched { return true }
            }
            index += 1
        }
        return false
    }
}

/// XMLParser's delegate that builds the tree. Text is kept only inside elements whose text is read
/// ("t", "instrText", …), so the indentation between elements costs nothing.
final class TreeBuilder: NSObject, XMLParserDelegate {
    let keepTextOf: Set<String>
    var root: XMLNode?
    var stack: [XMLNode] = []
    var elements = 0
    var tooComplex = false

    init(keepTextOf: Set<String>) { self.keepTextOf = keepTextOf }

    static func localName(_ qualified: String) -> String {
        guard let colon = qualified.lastIndex(of: ":") else { return qualified }
        return String(qualified[qualified.index(after: colon)...])
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        elements += 1
        guard stack.count < XMLTree.maximumDepth, elements <= XMLTree.maximumElements else {
            tooComplex = true
            parser.abortParsing()
            return
        }
        let attributes = attributeDict.map { (name: Self.localName($0.key), value: $0.value) }
        let node = XMLNode(name: Self.localName(elementName), attributes: attributes)
        if let parent = stack.last { parent.children.append(node) } else if root == nil { root = node }
        stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        if !stack.isEmpty { stack.removeLast() }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let node = stack.last, keepTextOf.contains(node.name) { node.text += string }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if let node = stack.last, keepTextOf.contains(node.name) { node.text += String(decoding: CDATABlock, as: UTF8.self) }
    }
}
