/// Stable anchors for headings, made from the heading text so a link keeps working as long as
/// the heading says the same thing: ASCII lower-cased, punctuation and symbols other than `-`
/// and `_` removed, white space runs turned into one `-`. Chinese text stays as it is.
public enum HeadingAnchor {
    public static func slug(_ text: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            // CJK Unified Ideographs are all letters (Lo), never space: kept without looking up
            // their properties, which most of a Chinese heading would otherwise cost.
            let isIdeograph = scalar.value >= 0x4E00 && scalar.value <= 0x9FFF
            if !isIdeograph {
                if scalar.properties.isWhitespace {
                    pendingSpace = !result.isEmpty
                    continue
                }
                let isKept = scalar == "-" || scalar == "_"
                if !isKept && isPunctuationOrSymbol(scalar) { continue }
            }
            if pendingSpace { result.append(UInt8(ascii: "-")); pendingSpace = false }
            if scalar.isASCII { result.append(UInt8(ascii: scalar).lowercasedASCII) }
            else { UTF8.encode(scalar) { result.append($0) } }
        }
        return result.isEmpty ? "section" : String(decoding: result, as: UTF8.self)
    }

    /// Gives repeats `-2`, `-3`, … in document order.
    public struct Deduplicator {
        private var used: [String: Int] = [:]
        public init() {}

        public mutating func unique(_ slug: String) -> String {
            guard let count = used[slug] else {
                used[slug] = 1
                return slug
            }
            var next = count + 1
            while used["\(slug)-\(next)"] != nil { next += 1 }
            used[slug] = next
            used["\(slug)-\(next)"] = 1
            return "\(slug)-\(next)"
        }
    }

    static func isPunctuationOrSymbol(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }
}

private extension Unicode.Scalar {
    init(ascii scalar: Unicode.Scalar) { self = scalar }
}

private extension UInt8 {
    init(ascii scalar: Unicode.Scalar) { self = UInt8(scalar.value) }
    var lowercasedASCII: UInt8 { (65...90).contains(self) ? self + 32 : self }
}
