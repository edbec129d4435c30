import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text of a .txt or .md, in whichever encoding the office saved it.
///
/// Windows' Notepad and WPS in a Chinese office save GB18030 (shown as "ANSI" or "GBK"); newer ones
/// save UTF-8, sometimes with a byte order mark; "Unicode" in Notepad is UTF-16 with a mark. The
/// order of trying matters: bytes valid as UTF-8 are taken as UTF-8 (a GB18030 Chinese text is
/// practically never valid UTF-8, while UTF-8 Chinese is often valid GB18030 as well, giving
/// nonsense), then GB18030, decoded strictly: a byte sequence GB18030 does not define is an error,
/// not a replacement character that would silently change a date or a fee.
enum TextDecoding {
    static func decode(_ bytes: [UInt8]) throws(DocumentReadingError) -> (text: String, encoding: String) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(validating: bytes.dropFirst(3), as: UTF8.self) else { throw .unknownEncoding }
            return (try checkText(text), "UTF-8")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return (try checkText(try utf16(bytes)), "UTF-16")
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return (try checkText(text), "UTF-8")
        }
        guard let text = gb18030(bytes) else { throw .unknownEncoding }
        return (try checkText(text), "GB18030")
    }

    /// A NUL or other control character (other than tab, line feed, carriage return, form feed) in
    /// the decoded text means a binary file or a UTF-16 file without a mark, not a notice.
    private static func checkText(_ text: String) throws(DocumentReadingError) -> String {
        var controls = 0
        for scalar in text.unicodeScalars where scalar.value < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains(scalar.value) {
            if scalar.value == 0 { throw .binaryText }
            controls += 1
        }
        if controls > 16 { throw .binaryText }
        return text
    }

    private static func utf16(_ bytes: [UInt8]) throws(DocumentReadingError) -> String {
        let littleEndian = bytes[0] == 0xFF
        let body = bytes.dropFirst(2)
        guard body.count % 2 == 0 else { throw .unknownEncoding }
        var units: [UInt16] = []
        units.reserveCapacity(body.count / 2)
        var index = body.startIndex
        while index < body.endIndex {
            let first = UInt16(body[index]), second = UInt16(body[index + 1])
            units.append(littleEndian ? first | second << 8 : first << 8 | second)
            index += 2
        }
        guard let text = String(validating: units, as: UTF16.self) else { throw .unknownEncoding }
        return text
    }

    /// GB18030 to UTF-8 through glibc's iconv, strictly: any invalid or incomplete sequence gives nil.
    static func gb18030(_ bytes: [UInt8]) -> String? {
        let converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        // One GB18030 byte gives one UTF-8 byte, two give at most three, four give four.
        var output = [UInt8](repeating: 0, count: bytes.count * 3 / 2 + 16)
        var input = bytes
        let written: Int? = input.withUnsafeMutableBufferPointer { inBuffer -> Int? in
            output.withUnsafeMutableBufferPointer { outBuffer -> Int? in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                guard result != -1, inLeft == 0 else { return nil }
                // Flush any shift state (none for GB18030, but the protocol asks for it).
                guard iconv(converter, nil, nil, &outPointer, &outLeft) != -1 else { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let written else { return nil }
        return String(validating: output[..<written], as: UTF8.self)
    }
}
