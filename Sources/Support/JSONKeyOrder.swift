import Foundation

extension JSONWriter {
    /// JSONSerialization's order of `.sortedKeys`: case-insensitive, digit runs by value. Keys of
    /// ASCII letters only (almost all keys written here) compare as lower-cased ASCII, which gives
    /// the same order without Foundation's Unicode comparison; other keys (fee levels like
    /// `zhongji10`, Chinese names) compare as Foundation does.
    static func sortedKeys(_ keys: Dictionary<String, Any>.Keys) -> [String] {
        if keys.allSatisfy({ $0.utf8.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) } }) {
            return keys.sorted { a, b in
                let (x, y) = (a.lowercased(), b.lowercased())
                return x != y ? x < y : a < b
            }
        }
        return keys.sorted { a, b in
            a.compare(b, options: [.numeric, .caseInsensitive, .forcedOrdering], range: a.startIndex..<a.endIndex, locale: NSLocale.system) == .orderedAscending
        }
    }
}
