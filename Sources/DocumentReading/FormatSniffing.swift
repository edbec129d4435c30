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
    static func error(kind: Message, fileName: String, claimedExtension: String? = nil) -> DocumentReadingError {
        let hint = sofficeIsInstalled() ? Message("read.hint.resaveOrSoffice", ["file": shellQuoted(fileName)]) : DocumentReadingError.resaveAsDocx
        let text = claimedExtension.map { Message("read.unsupported.renamed", ["ext": $0]) } ?? Message("read.unsupported")
        return DocumentReadingError(text, hint: hint, parts: ["kind": kind])
    }

    static func describe(extension ext: String) -> Message? {
        switch ext {
        case "doc", "dot": return Message("read.kind.doc")
        case "wps", "wpt": return Message("read.kind.wps")
        case "pdf": return Message("read.kind.pdf")
        case "rtf": return Message("read.kind.rtf")
        case "odt", "ott": return Message("read.kind.odt")
        case "docm", "dotx", "dotm": return Message("read.kind.wordTemplate", ["ext": ext])
        case "xls", "xlsx", "et", "csv": return Message("read.kind.spreadsheet", ["ext": ext])
        case "ppt", "pptx", "dps": return Message("read.kind.presentation", ["ext": ext])
        case "htm", "html", "mht", "mhtml": return Message("read.kind.webPage", ["ext": ext])
        case "jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff": return Message("read.kind.image", ["ext": ext])
        case "ofd": return Message("read.kind.ofd")
        case "zip", "rar", "7z": return Message("read.kind.archive", ["ext": ext])
        default: return nil
        }
    }

    static func describe(sniffed: SniffedFormat) -> Message? {
        switch sniffed {
        case .oleCompound: return Message("read.kind.oleCompound")
        case .pdf: return Message("read.kind.pdf")
        case .rtf: return Message("read.kind.rtf")
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
