import Foundation
import ZIPFoundation

/// Small .docx files built in memory for the tests: the parts a test names, plus content types.
enum DocxBuilder {
    static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>
    """

    static func archive(_ parts: [(String, [UInt8])], compress: Bool = true) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, bytes) in parts {
            let data = Data(bytes)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: compress ? .deflate : .none) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return [UInt8](archive.data!)
    }

    static func docx(body: String, numbering: String? = nil, styles: String? = nil,
                     extra: [(String, String)] = []) throws -> [UInt8] {
        var parts: [(String, [UInt8])] = [("[Content_Types].xml", Array(contentTypes.utf8)),
                                          ("word/document.xml", Array(document(body).utf8))]
        if let numbering { parts.append(("word/numbering.xml", Array(wrap("numbering", numbering).utf8))) }
        if let styles { parts.append(("word/styles.xml", Array(wrap("styles", styles).utf8))) }
        parts += extra.map { ($0.0, Array($0.1.utf8)) }
        return try archive(parts)
    }

    static let namespaces = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape""#

    static func document(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document \(namespaces)><w:body>\(body)<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>
        """
    }

    static func wrap(_ root: String, _ content: String) -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n<w:\(root) \(namespaces)>\(content)</w:\(root)>"
    }

    /// `<w:p>` with optional numbering, style, alignment and bold.
    static func p(_ text: String, num: (Int, Int)? = nil, style: String? = nil, center: Bool = false, bold: Bool = false) -> String {
        var properties = ""
        if let style { properties += #"<w:pStyle w:val="\#(style)"/>"# }
        if let (id, level) = num { properties += #"<w:numPr><w:ilvl w:val="\#(level)"/><w:numId w:val="\#(id)"/></w:numPr>"# }
        if center { properties += #"<w:jc w:val="center"/>"# }
        let run = bold ? "<w:rPr><w:b/></w:rPr>" : ""
        return "<w:p>" + (properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>") + "<w:r>\(run)<w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    static func level(_ index: Int, _ format: String, _ text: String, start: Int = 1, restart: Int? = nil) -> String {
        let restartXML = restart.map { #"<w:lvlRestart w:val="\#($0)"/>"# } ?? ""
        return #"<w:lvl w:ilvl="\#(index)"><w:start w:val="\#(start)"/><w:numFmt w:val="\#(format)"/>\#(restartXML)<w:lvlText w:val="\#(text)"/><w:suff w:val="nothing"/></w:lvl>"#
    }

    /// The numbering of Chinese notices: 一、 （一） 1. (1) ①.
    static let chineseLevels = level(0, "chineseCounting", "%1、") + level(1, "chineseCounting", "（%2）")
        + level(2, "decimal", "%3.") + level(3, "decimal", "(%4)") + level(4, "decimalEnclosedCircle", "%5")

    static func numbering(abstracts: [Int: String], nums: [(Int, Int, String)]) -> String {
        abstracts.sorted { $0.key < $1.key }.map { #"<w:abstractNum w:abstractNumId="\#($0.key)">\#($0.value)</w:abstractNum>"# }.joined()
            + nums.map { #"<w:num w:numId="\#($0.0)"><w:abstractNumId w:val="\#($0.1)"/>\#($0.2)</w:num>"# }.joined()
    }
}
