import Foundation

/// What a file really is, from its first bytes, whatever its name says: an office often renames an
/// old `.doc` to `.docx`, or saves a PDF under the notice's name. The content decides the message.
enum SniffedFormat: Equatable {
    case zip, oleCompound, pdf, rtf, other

    init(_ bytes: [UInt8]) {
        func starts(_ magic: [UInt8]) -> Bool { bytes.count >= magic.count && Array(bytes.prefix(magic.count)) == magic }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) {
            self = .zip  // a local file header, or the end record of an empty zip
        } else if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            self = .oleCompound  // Word 97-2003 .doc, older .wps, .xls, …
        } else if bytes.prefix(1024).starts(with: Array("%PDF".utf8)) || Self.contains(Array("%PDF-".utf8), in: bytes.prefix(1024)) {
            self = .pdf  // the header may follow a little junk
        } else if starts(Array("{\\rtf".utf8)) {
            self = .rtf
        } else {
            self = .other
        }
    }

    private static func contains(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Bool {
        guard haystack.count >= needle.count else { return false }
        var index = haystack.startIndex
        while index + needle.count <= haystack.endIndex {
            if haystack[index] == needle[0], haystack[index..<index + needle.count].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}

/// Formats the reader does not read, with what to do instead. LibreOffice's command line is offered
/// only when `soffice` is installed: the clerk cannot act on a command they do not have.
enum UnsupportedFormat {
    /// `claimedExtension`: the readable extension the file was named with although it is something
    /// else ("docx" for a renamed .doc), so the message can say so.
    static func error(kind: String, fileName: String, claimedExtension: String? = nil) -> DocumentReadingError {
        var hint = DocumentReadingError.resaveAsDocx
        if sofficeIsInstalled() {
            hint += "\n也可以在终端中用 LibreOffice 转换：soffice --headless --convert-to docx \(shellQuoted(fileName))"
        }
        let what = claimedExtension.map { "这个文件的扩展名是 .\($0)，但它其实是\(kind)" } ?? "这是\(kind)"
        return DocumentReadingError("\(what)，无法直接读取；只能读取 Word 文档（.docx）、文本文件（.txt）和 Markdown（.md）。", hint: hint)
    }

    static func describe(extension ext: String) -> String? {
        switch ext {
        case "doc", "dot": return "旧版 Word 文档（.doc，Word 97-2003 格式）"
        case "wps", "wpt": return "WPS 文字文档（.wps）"
        case "pdf": return "PDF 文件"
        case "rtf": return "RTF 格式文档"
        case "odt", "ott": return "OpenDocument 文档（.odt）"
        case "docm", "dotx", "dotm": return "Word 模板或带宏文档（.\(ext)）"
        case "xls", "xlsx", "et", "csv": return "电子表格文件（.\(ext)）"
        case "ppt", "pptx", "dps": return "演示文稿（.\(ext)）"
        case "htm", "html", "mht", "mhtml": return "网页文件（.\(ext)）"
        case "jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff": return "图片文件（.\(ext)），图片里的文字无法读取"
        case "ofd": return "OFD 版式文件"
        case "zip", "rar", "7z": return "压缩包（.\(ext)），请先解压出其中的通知文件"
        default: return nil
        }
    }

    static func describe(sniffed: SniffedFormat) -> String? {
        switch sniffed {
        case .oleCompound: return "旧版 Word 或 WPS 文档（.doc / .wps 格式）"
        case .pdf: return "PDF 文件"
        case .rtf: return "RTF 格式文档"
        case .zip, .other: return nil
        }
    }

    static func sofficeIsInstalled() -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").contains { folder in
            FileManager.default.isExecutableFile(atPath: String(folder) + "/soffice")
        }
    }

    static func shellQuoted(_ name: String) -> String {
        let plain = name.unicodeScalars.allSatisfy { $0.value > 127 || CharacterSet.alphanumerics.contains($0) || "._-/".unicodeScalars.contains($0) }
        return plain && !name.isEmpty ? name : "'" + name.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
