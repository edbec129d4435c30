import Foundation
import FuzzDriver
@testable import DocumentReading
@testable import NoticeImport
import NoticeModel

/// libFuzzer target: one input is read as a .docx (a zip of Word's XML), as a .txt and as a .md,
/// and every document read is drafted into a notice as `noticeboard import` does (outline,
/// facts, templates, notice.yml, in memory: nothing is written),
/// through `DocumentReader.read(data:fileExtension:limits:)`, and as a .docx's unzipped parts
/// (document.xml, numbering.xml, styles.xml, separated by lines "%%%%"). Any input must give a document or a
/// `DocumentReadingError` with a message; a crash, a trap, a hang or running out of memory is a
/// finding. A document must keep the promises of `ReadDocument`: no empty paragraph text, no text
/// with white space at its ends, no table without rows. The limits are smaller than the standard
/// ones so that a zip bomb the fuzzer builds costs milliseconds, not seconds; they are enforced the
/// same way.
let limits = DocumentReader.Limits(fileBytes: 1 << 20, entryBytes: 4 << 20, totalBytes: 8 << 20)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocumentReading(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    for ext in ["docx", "txt", "md"] {
        do {
            let document = try DocumentReader.read(data: bytes, fileExtension: ext, limits: limits)
            check(document, ext)
            draft(document)
        } catch {
            if error.message.isEmpty { fatalError("\(ext): an error without a message") }
        }
    }
    // The same bytes as unzipped parts: document.xml, then (after a line "%%%%") numbering.xml,
    // then styles.xml. A mutated zip rarely passes its checksum; this way mutations reach the XML.
    var parts = split(bytes, at: Array("\n%%%%\n".utf8))
    if let document = parts.first, !parts.isEmpty {
        parts.removeFirst()
        let numbering = parts.first
        let styles = parts.count > 1 ? parts[1] : nil
        do {
            check(try DocxReader.read(.init(document: document, styles: styles, numbering: numbering)), "parts")
        } catch {
            if error.message.isEmpty { fatalError("parts: an error without a message") }
        }
    }
    return 0
}

func split(_ bytes: [UInt8], at separator: [UInt8]) -> [[UInt8]] {
    var parts: [[UInt8]] = [], start = 0, index = 0
    while index + separator.count <= bytes.count {
        if bytes[index] == separator[0], Array(bytes[index..<index + separator.count]) == separator {
            parts.append(Array(bytes[start..<index]))
            index += separator.count
            start = index
        } else {
            index += 1
        }
    }
    parts.append(Array(bytes[start...]))
    return parts
}

func check(_ document: ReadDocument, _ ext: String) {
    for block in document.blocks {
        switch block {
        case .paragraph(let paragraph):
            if paragraph.text.isEmpty { fatalError("\(ext): an empty paragraph") }
            if paragraph.text.first!.isWhitespace || paragraph.text.last!.isWhitespace {
                fatalError("\(ext): untrimmed paragraph \(paragraph.text.debugDescription)")
            }
        case .table(let table):
            if table.rows.isEmpty || table.rows.contains(where: \.isEmpty) { fatalError("\(ext): a table with an empty row") }
        }
    }
}

// SwiftPM links an executable's entry point under its own name and points `main` at it; this one
// hands the command line to libFuzzer's driver (as in Tests/Fuzz/NoticeLoading).
@main
enum FuzzMain {
    static func main() { runLibFuzzer(fuzzDocumentReading) }
}

let taxonomy = Taxonomy(series: [Taxonomy.Series(id: "gongcheng", name: "工程系列", specialties: [Taxonomy.Specialty(id: "meitan", name: "煤炭", seriesID: "gongcheng")])])

/// The importer on what was read: any document gives a draft or the one failure it may give
/// (no year anywhere), and every file of the draft is text with an id that is a notice id.
func draft(_ document: ReadDocument) {
    let outline = NoticeOutline(document)
    do {
        let draft = try NoticeDrafter(outline: outline, taxonomy: taxonomy, fileName: "fuzz.docx", requestedID: nil, removed: document.removed).draft()
        if !isNoticeID(draft.id) { fatalError("draft id '\(draft.id)' is not YEAR-slug") }
        for file in draft.files where file.path.contains("..") || file.path.hasPrefix("/") { fatalError("a draft file outside the folder: \(file.path)") }
    } catch {
        // No year in the title, the dates or the continuing-education years: import asks for --id.
    }
}
