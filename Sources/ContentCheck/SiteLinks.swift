import Foundation
import MarkdownRendering
import NoticeModel
import Support

/// The files of a built site and the ids each HTML page declares, so links and `#anchors` can be
/// resolved the way a browser would resolve them.
public struct SiteIndex: Sendable {
    /// Site-relative path → the ids in that file (empty for files that are not HTML).
    public private(set) var files: [String: Set<String>] = [:]

    public init(files: [String: Set<String>]) {
        self.files = files
    }

    /// Reads every file below a built site.
    public init(directory: URL) throws {
        for relative in regularFiles(under: directory) {
            let url = directory.appendingPathComponent(relative)
            files[relative] = relative.hasSuffix(".html") ? HTMLScan(bytes: Array(try Data(contentsOf: url))).ids : []
        }
    }

    public enum Resolution: Equatable, Sendable {
        case external
        case ok
        case missingFile(String)
        case missingAnchor(file: String, anchor: String)
        case escapesSite
    }

    /// Resolves `href` as written on the page at `page` (a site-relative file such as
    /// `2024/meitan-aksu/index.html`).
    public func resolve(_ href: String, from page: String) -> Resolution {
        let link = decodeEntities(href)
        if isExternal(link) { return .external }
        var rest = Substring(link)
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        let path = String(rest).removingPercentEncoding ?? String(rest)
        let target: String
        if path.isEmpty {
            target = page
        } else {
            var parts = path.hasPrefix("/") ? [] : page.split(separator: "/").dropLast().map(String.init)
            for part in path.split(separator: "/", omittingEmptySubsequences: true) {
                switch part {
                case ".": continue
                case "..":
                    if parts.isEmpty { return .escapesSite }
                    parts.removeLast()
                default: parts.append(String(part))
                }
            }
            let joined = parts.joined(separator: "/")
            if path.hasSuffix("/") || joined.isEmpty {
                target = joined.isEmpty ? "index.html" : joined + "/index.html"
            } else if files[joined] != nil {
                target = joined
            } else if files[joined + "/index.html"] != nil {
                target = joined + "/index.html"
            } else {
                return .missingFile(joined)
            }
        }
        guard let ids = files[target] else { return .missingFile(target) }
        if let fragment, !fragment.isEmpty {
            let anchor = fragment.removingPercentEncoding ?? fragment
            if !ids.contains(anchor) { return .missingAnchor(file: target, anchor: anchor) }
        }
        return .ok
    }

    private func isExternal(_ link: String) -> Bool {
        if link.hasPrefix("//") { return true }
        // A scheme: letters, digits, + - . before the first ':' that comes before any / ? #.
        guard let colon = link.firstIndex(of: ":") else { return false }
        let scheme = link[..<colon]
        return !scheme.isEmpty && scheme.first!.isLetter && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
    }
}

/// One link found in a built page, with where it stands.
public struct FoundLink: Sendable, Equatable {
    public var attribute: String
    public var value: String
    public var line: Int
    public var column: Int
}

/// A small scanner for the HTML the theme writes: tags and their quoted attributes, skipping
/// comments and the contents of `<script>` and `<style>`. Enough to find every `href`, `src`,
/// `action` and `id` without a DOM.
struct HTMLScan {
    private(set) var ids = Set<String>()
    private(set) var links: [FoundLink] = []

    init(bytes: [UInt8]) {
        var index = 0
        var line = 1
        var lineStart = 0
        let count = bytes.count
        func advanceLines(to end: Int) {
            while index < end {
                if bytes[index] == 0x0A { line += 1; lineStart = index + 1 }
                index += 1
            }
        }
        while index < count {
            guard bytes[index] == UInt8(ascii: "<") else {
                if bytes[index] == 0x0A { line += 1; lineStart = index + 1 }
                index += 1
                continue
            }
            if ByteSearch.hasLiteral("<!--", in: bytes, at: index) {
                let end = ByteSearch.firstIndex(of: "-->", in: bytes, from: index + 4).map { $0 + 3 } ?? count
                advanceLines(to: end)
                continue
            }
            // Tag name.
            var cursor = index + 1
            while cursor < count, bytes[cursor] != UInt8(ascii: ">"), !isSpace(bytes[cursor]) { cursor += 1 }
            let name = String(decoding: bytes[(index + 1)..<cursor], as: UTF8.self).lowercased()
            advanceLines(to: cursor)
            // Attributes until '>'.
            while index < count, bytes[index] != UInt8(ascii: ">") {
                if isSpace(bytes[index]) {
                    if bytes[index] == 0x0A { line += 1; lineStart = index + 1 }
                    index += 1
                    continue
                }
                let nameStart = index
                while index < count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ">") { index += 1 }
                let attribute = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
                guard index < count, bytes[index] == UInt8(ascii: "=") else { continue }
                index += 1
                guard index < count else { break }
                let quote = bytes[index]
                var valueStart = index, valueEnd = index
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    valueStart = index + 1
                    valueEnd = valueStart
                    while valueEnd < count, bytes[valueEnd] != quote { valueEnd += 1 }
                } else {
                    while valueEnd < count, !isSpace(bytes[valueEnd]), bytes[valueEnd] != UInt8(ascii: ">") { valueEnd += 1 }
                }
                let value = String(decoding: bytes[valueStart..<min(valueEnd, count)], as: UTF8.self)
                let column = String(decoding: bytes[lineStart..<valueStart], as: UTF8.self).unicodeScalars.count + 1
                let valueLine = line
                switch attribute {
                case "id": ids.insert(decodeEntities(value))
                case "href", "src", "action": links.append(FoundLink(attribute: attribute, value: value, line: valueLine, column: column))
                default: break
                }
                advanceLines(to: min(valueEnd + (valueStart == index + 1 ? 1 : 0), count))
            }
            index += 1
            let closing: StaticString? = name == "script" ? "</script" : name == "style" ? "</style" : nil
            if let closing, let end = ByteSearch.firstIndex(of: closing, in: bytes, from: index) {
                advanceLines(to: end)
            }
        }
    }

    private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C }
}

/// The few character references the theme and cmark-gfm write into attributes.
func decodeEntities(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var result = text
    for (entity, character) in [("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
        result = result.replacingOccurrences(of: entity, with: character)
    }
    return result
}
