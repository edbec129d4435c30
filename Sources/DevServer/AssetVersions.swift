import Foundation

/// `serve` lets a browser keep the theme's files (`assets/site.css`, `assets/status.js`…) between
/// reloads: each page it serves asks for them as `assets/site.css?v=<version>`, and those addresses
/// may be kept for good. The version changes with every full build, which is what a changed theme
/// file causes, so a reload after a theme edit asks for the new files. Without it every reload
/// after a save fetched the page's five scripts and its style sheet again: a notice page took
/// 78 ms to load in Chromium from `serve` against 56 ms with them kept (docs/benchmark.md).
enum AssetVersions {
    /// The `Cache-Control` of an asset asked for with `?v=`.
    static let keptForGood = "max-age=31536000, immutable"

    /// The page with `?v=<version>` added to each attribute value naming the site's own assets:
    /// `"assets/…"` or `"../../assets/…"`, without a query or fragment of its own.
    static func versioned(_ html: String, version: Int) -> String {
        let bytes = Array(html.utf8)
        let needle = Array("assets/".utf8)
        let suffix = Array("?v=\(version)".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 256)
        var copied = 0
        var index = 0
        let quote = UInt8(ascii: "\""), equals = UInt8(ascii: "="), dot = UInt8(ascii: "."), slash = UInt8(ascii: "/")
        while index + needle.count <= bytes.count {
            guard bytes[index] == needle[0], bytes[index..<index + needle.count].elementsEqual(needle) else {
                index += 1
                continue
            }
            var start = index
            while start >= 3, bytes[start - 3] == dot, bytes[start - 2] == dot, bytes[start - 1] == slash { start -= 3 }
            let end = bytes[index...].firstIndex(of: quote)
            index += needle.count
            guard start >= 2, bytes[start - 1] == quote, bytes[start - 2] == equals, let end,
                  !bytes[start..<end].contains(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "<") })
            else { continue }
            out += bytes[copied..<end]
            out += suffix
            copied = end
            index = end
        }
        out += bytes[copied...]
        return String(decoding: out, as: UTF8.self)
    }
}
