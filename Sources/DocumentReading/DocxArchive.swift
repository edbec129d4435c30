import Foundation
import ZIPFoundation

/// A .docx's zip container, read from bytes in memory; nothing is extracted to disk.
///
/// The central directory is walked here, with every offset and length checked against the bytes we
/// have, and entries are inflated through ZIPFoundation's `Data.decompress` with a provider that
/// serves only the entry's own compressed bytes. `Archive.extract` is not used for the inflating:
/// on Linux its inflate loop asks the archive file for more input until zlib reports the stream's
/// end, and a deflate stream cut short at the end of the file makes it ask forever (an empty chunk
/// leaves zlib's state unchanged): a hang on a damaged or hostile file. Here, asking for more than
/// the entry holds is an error.
///
/// Limits, all enforced before or while inflating, so a zip bomb costs at most the limit:
/// - an entry whose declared uncompressed size is over `limits.entryBytes` is refused unread;
/// - while inflating, output past `limits.entryBytes` (the declaration may lie) stops the inflate;
/// - all entries read together may not pass `limits.totalBytes`;
/// - an entry named with `..`, an absolute path, a drive letter or a backslash makes the whole
///   archive refused: Word never writes such names, so the file was made by someone else.
struct DocxArchive {
    struct Entry {
        var name: String
        var flags: UInt16
        var method: UInt16
        var crc32: UInt32
        var compressedSize, uncompressedSize, localHeaderOffset: Int
    }

    let bytes: [UInt8]
    let limits: DocumentReader.Limits
    private(set) var entries: [String: Entry] = [:]
    private(set) var names: [String] = []
    private var inflatedSoFar = 0

    init(bytes: [UInt8], limits: DocumentReader.Limits) throws(DocumentReadingError) {
        self.bytes = bytes
        self.limits = limits
        try readCentralDirectory()
    }

    func contains(_ name: String) -> Bool { entries[name] != nil }

    // MARK: Central directory

    private func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    private func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }

    private mutating func readCentralDirectory() throws(DocumentReadingError) {
        // The end-of-central-directory record is 22 bytes plus a comment of up to 65 535 bytes.
        guard bytes.count >= 22 else { throw .damagedDocx(Message("read.zip.tooShort")) }
        var end = -1
        var at = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while at >= lowest {
            if bytes[at] == 0x50, bytes[at + 1] == 0x4B, bytes[at + 2] == 0x05, bytes[at + 3] == 0x06 { end = at; break }
            at -= 1
        }
        guard end >= 0 else { throw .damagedDocx(Message("read.zip.noDirectory")) }
        let count = u16(end + 10)
        let size = u32(end + 12)
        let offset = u32(end + 16)
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            // ZIP64: only for archives over 4 GB or 65 535 entries, which a notice never is.
            throw .damagedDocx(Message("read.zip.zip64"))
        }
        guard offset <= end, size <= end - offset else { throw .damagedDocx(Message("read.zip.directoryOffset")) }
        var cursor = offset
        for _ in 0..<count {
            guard cursor + 46 <= end, u32(cursor) == 0x0201_4B50 else { throw .damagedDocx(Message("read.zip.entryIncomplete")) }
            let nameLength = u16(cursor + 28), extraLength = u16(cursor + 30), commentLength = u16(cursor + 32)
            let nameStart = cursor + 46
            guard nameStart + nameLength + extraLength + commentLength <= end else { throw .damagedDocx(Message("read.zip.entryIncomplete")) }
            let rawName = Array(bytes[nameStart..<nameStart + nameLength])
            let name = String(decoding: rawName, as: UTF8.self)
            try Self.checkSafe(name: name, raw: rawName)
            let entry = Entry(name: name, flags: UInt16(u16(cursor + 8)), method: UInt16(u16(cursor + 10)),
                              crc32: UInt32(u32(cursor + 16)), compressedSize: u32(cursor + 20),
                              uncompressedSize: u32(cursor + 24), localHeaderOffset: u32(cursor + 42))
            if entries[name] == nil {  // the first of duplicate names, as most readers do
                entries[name] = entry
                names.append(name)
            }
            cursor = nameStart + nameLength + extraLength + commentLength
        }
    }

    /// Word's part names are plain relative paths ("word/document.xml"). Anything that could climb
    /// out of a folder, or start at a root, marks a file that was built to attack extractors.
    static func checkSafe(name: String, raw: [UInt8]) throws(DocumentReadingError) {
        let shown = String(name.prefix(80))
        if raw.contains(0) || raw.first == UInt8(ascii: "/") || raw.contains(UInt8(ascii: "\\")) {
            throw .unsafeArchive(shown)
        }
        if raw.count >= 2, raw[1] == UInt8(ascii: ":") { throw .unsafeArchive(shown) }  // C:
        if name.split(separator: "/", omittingEmptySubsequences: false).contains("..") { throw .unsafeArchive(shown) }
    }

    // MARK: Inflating

    /// The entry's bytes, or nil when the archive has no such entry.
    mutating func read(_ name: String) throws(DocumentReadingError) -> [UInt8]? {
        guard let entry = entries[name] else { return nil }
        if entry.flags & 1 != 0 { throw .encrypted }
        if entry.uncompressedSize > limits.entryBytes { throw .entryTooLarge(name, limit: limits.entryBytes) }
        if inflatedSoFar + entry.uncompressedSize > limits.totalBytes { throw .totalTooLarge(limit: limits.totalBytes) }
        let header = entry.localHeaderOffset
        guard header + 30 <= bytes.count, u32(header) == 0x0403_4B50 else { throw .damagedDocx(Message("read.zip.header", ["name": name])) }
        let dataStart = header + 30 + u16(header + 26) + u16(header + 28)
        guard dataStart <= bytes.count, entry.compressedSize <= bytes.count - dataStart else {
            throw .damagedDocx(Message("read.zip.truncated", ["name": name]))
        }
        let compressed = bytes[dataStart..<dataStart + entry.compressedSize]
        let output: [UInt8]
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else { throw .damagedDocx(Message("read.zip.sizeMismatch", ["name": name])) }
            output = Array(compressed)
        case 8:
            output = try inflate(compressed, name: name)
        default:
            throw .damagedDocx(Message("read.zip.method", ["name": name, "method": "\(entry.method)"]))
        }
        guard output.count == entry.uncompressedSize else { throw .damagedDocx(Message("read.zip.unpackedSize", ["name": name])) }
        guard Data(output).crc32(checksum: 0) == entry.crc32 else { throw .damagedDocx(Message("read.zip.checksum", ["name": name])) }
        inflatedSoFar += output.count
        return output
    }

    private enum InflateStop: Error { case entryLimit, totalLimit, truncated }

    private func inflate(_ compressed: ArraySlice<UInt8>, name: String) throws(DocumentReadingError) -> [UInt8] {
        let chunk = 64 << 10
        var output: [UInt8] = []
        var served = compressed.startIndex
        let entryLimit = limits.entryBytes, totalRoom = limits.totalBytes - inflatedSoFar
        do {
            _ = try Data.decompress(size: Int64(compressed.count), bufferSize: chunk, skipCRC32: true, provider: { _, _ in
                // ZIPFoundation's Linux inflate gives zlib `bufferSize` bytes of input whatever the
                // chunk's length, so every chunk is padded to that length: zlib never reads past it.
                // Padding is only read by a stream that does not end where the entry does, and such a
                // stream fails the size or checksum test (or the next request, which throws).
                guard served < compressed.endIndex else { throw InflateStop.truncated }
                let next = min(served + chunk, compressed.endIndex)
                var data = Data(compressed[served..<next])
                served = next
                if data.count < chunk { data.append(Data(count: chunk - data.count)) }
                return data
            }, consumer: { data in
                output.append(contentsOf: data)
                if output.count > entryLimit { throw InflateStop.entryLimit }
                if output.count > totalRoom { throw InflateStop.totalLimit }
            })
        } catch InflateStop.entryLimit {
            throw .entryTooLarge(name, limit: entryLimit)
        } catch InflateStop.totalLimit {
            throw .totalTooLarge(limit: limits.totalBytes)
        } catch InflateStop.truncated {
            throw .damagedDocx(Message("read.zip.dataIncomplete", ["name": name]))
        } catch {
            throw .damagedDocx(Message("read.zip.dataDamaged", ["name": name]))
        }
        return output
    }
}
