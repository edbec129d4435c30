import Foundation

/// Finding and replacing markup and words in UTF-8 text. Foundation's `range(of:)`, `contains` and
/// `replacingOccurrences` compare as UTF-16 with Unicode rules, which on a page of CJK text costs
/// more than everything else done to it. UTF-8 is self-synchronising (no byte of a multi-byte
/// sequence is ASCII, and no sequence starts inside another), so the bytes of a needle match only
/// where its characters do; what this does not do is treat canonically equivalent spellings (a
/// precomposed é and e + U+0301) as equal, which markup and the words searched for never need.
public enum ByteSearch {
    /// The offset of the first `needle` in `bytes[start...]`.
    public static func firstIndex(of needle: StaticString, in bytes: [UInt8], from start: Int = 0) -> Int? {
        bytes.withUnsafeBufferPointer { firstIndex(of: needle, in: $0, from: start) }
    }

    /// As above, for bytes a caller already holds (`withUTF8`, `withUnsafeBufferPointer`).
    public static func firstIndex(of needle: StaticString, in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        firstIndex(of: UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount), in: haystack, from: start)
    }

    /// The one search every other function here goes through.
    public static func firstIndex(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        let count = needle.count
        guard count > 0, start >= 0, haystack.count - start >= count, let base = haystack.baseAddress,
              let needleBase = needle.baseAddress else { return nil }
        let last = base + (haystack.count - count)
        var cursor = base + start
        let first = Int32(needleBase.pointee)
        // memchr finds each candidate first byte; memcmp checks the rest.
        while cursor <= last, let found = memchr(cursor, first, last - cursor + 1) {
            let candidate = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
            if memcmp(candidate, needleBase, count) == 0 { return candidate - base }
            cursor = candidate + 1
        }
        return nil
    }

    /// Whether `literal` stands at `position` in `bytes`.
    public static func hasLiteral(_ literal: StaticString, in bytes: [UInt8], at position: Int) -> Bool {
        bytes.withUnsafeBufferPointer { hasLiteral(literal, in: $0, at: position) }
    }

    /// As above, for bytes a caller already holds. Inlinable: the HTML post-processor asks this at
    /// every `<` of a page, and a call into another module each time would cost more than the check.
    @inlinable
    public static func hasLiteral(_ literal: StaticString, in bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard position >= 0, position + length <= bytes.count, let base = bytes.baseAddress else { return false }
        return memcmp(base + position, literal.utf8Start, length) == 0
    }

    /// The offset of the last `needle` in `bytes`.
    public static func lastIndex(of needle: StaticString, in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { haystack -> Int? in
            var offset = haystack.count - needle.utf8CodeUnitCount
            while offset >= 0 {
                if hasLiteral(needle, in: haystack, at: offset) { return offset }
                offset -= 1
            }
            return nil
        }
    }

    /// Whether `text` holds `needle`, without Foundation's UTF-16 pass.
    public static func contains(_ needle: StaticString, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { firstIndex(of: needle, in: $0) != nil }
    }

    /// Whether `text` holds `needle`, compared as UTF-8 bytes (a whole UTF-8 sequence only ever
    /// matches at a character's start, so this is `contains` without Foundation's UTF-16 pass).
    public static func contains(_ needle: String, in text: String) -> Bool {
        guard !needle.isEmpty else { return true }
        var needle = needle, text = text
        return needle.withUTF8 { needleBytes in text.withUTF8 { firstIndex(of: needleBytes, in: $0) != nil } }
    }

    /// `bytes` with every `needle` replaced by `replacement`, left to right, without overlaps.
    public static func replacing(_ needle: StaticString, with replacement: String, in bytes: [UInt8]) -> [UInt8] {
        guard var match = firstIndex(of: needle, in: bytes) else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var cursor = 0
        while true {
            output += bytes[cursor..<match]
            output += replacement.utf8
            cursor = match + needle.utf8CodeUnitCount
            guard let next = firstIndex(of: needle, in: bytes, from: cursor) else { break }
            match = next
        }
        output += bytes[cursor...]
        return output
    }
}
