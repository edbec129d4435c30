import Foundation

/// Every message the reader can give, in one place; their texts are in the catalogues
/// (OfficeMessages, keys `read.*`). The user is a clerk, not a programmer: each says what is wrong
/// with the file in plain words and, in the hint, what to do in Word, WPS or Notepad. Nothing here
/// mentions XML, zip entries or byte offsets unless it helps.
extension DocumentReadingError {
    static let resaveAsDocx = Message("read.hint.resaveAsDocx")
    static let askForOriginal = Message("read.hint.askForOriginal")

    static func megabytes(_ bytes: Int) -> String {
        let value = Double(bytes) / 1_048_576
        return value >= 10 || value == value.rounded() ? String(Int(value.rounded())) : String(format: "%.1f", value)
    }

    static var empty: DocumentReadingError {
        DocumentReadingError(Message("read.empty"), hint: Message("read.empty.hint"))
    }

    static func tooLarge(_ size: Int, limit: Int) -> DocumentReadingError {
        DocumentReadingError(Message("read.tooLarge", ["size": megabytes(size), "limit": megabytes(limit)]), hint: Message("read.tooLarge.hint"))
    }

    /// `reason`: why the file could not be opened ("文件不存在").
    static func unreadable(_ path: String, _ reason: Message) -> DocumentReadingError {
        DocumentReadingError(Message("read.unreadable", ["file": path]), hint: Message("read.unreadable.hint"), parts: ["reason": reason])
    }

    /// `detail`: what is wrong inside the archive ("找不到压缩包的目录").
    static func damagedDocx(_ detail: Message) -> DocumentReadingError {
        DocumentReadingError(Message("read.damagedDocx"), hint: resaveAsDocx, parts: ["detail": detail])
    }

    static func unsafeArchive(_ name: String) -> DocumentReadingError {
        DocumentReadingError(Message("read.unsafeArchive", ["name": name]), hint: askForOriginal)
    }

    static func entryTooLarge(_ name: String, limit: Int) -> DocumentReadingError {
        DocumentReadingError(Message("read.entryTooLarge", ["name": name, "limit": megabytes(limit)]), hint: Message("read.hint.tooLargeToBeReal"))
    }

    static func totalTooLarge(limit: Int) -> DocumentReadingError {
        DocumentReadingError(Message("read.totalTooLarge", ["limit": megabytes(limit)]), hint: Message("read.hint.tooLargeToBeReal"))
    }

    static var encrypted: DocumentReadingError {
        DocumentReadingError(Message("read.encrypted"), hint: Message("read.encrypted.hint"))
    }

    static var missingBody: DocumentReadingError {
        DocumentReadingError(Message("read.missingBody"), hint: resaveAsDocx)
    }

    static func declaredEntities(_ part: String) -> DocumentReadingError {
        DocumentReadingError(Message("read.declaredEntities", ["part": part]), hint: askForOriginal)
    }

    /// `detail`: what the XML parser found wrong ("开头不是 XML").
    static func malformedXML(_ part: String, line: Int?, detail: Message) -> DocumentReadingError {
        if let line {
            return DocumentReadingError(Message("read.malformedXML.line", ["part": part, "line": "\(line)"]), hint: resaveAsDocx,
                                        parts: ["detail": detail])
        }
        return DocumentReadingError(Message("read.malformedXML", ["part": part]), hint: resaveAsDocx, parts: ["detail": detail])
    }

    static func tooComplex(_ part: String) -> DocumentReadingError {
        DocumentReadingError(Message("read.tooComplex", ["part": part]), hint: resaveAsDocx)
    }

    static var unknownEncoding: DocumentReadingError {
        DocumentReadingError(Message("read.unknownEncoding"), hint: Message("read.unknownEncoding.hint"))
    }

    static var binaryText: DocumentReadingError {
        DocumentReadingError(Message("read.binaryText"), hint: Message("read.binaryText.hint"))
    }

    static var docxNotWord: DocumentReadingError {
        DocumentReadingError(Message("read.docxNotWord"), hint: resaveAsDocx)
    }
}
