import Foundation
import NoticeModel

/// Links written in a notice's text or a template (`[附件1](#附件1)`, `[去年的通知](../../2023/guotu/)`),
/// found in the Markdown source so a broken one is reported where the office wrote it.
enum MarkdownLinks {
    struct Link: Equatable {
        var destination: String
        var line: Int
        var column: Int
    }

    /// Inline links and images `[text](dest "title")` and reference definitions `[label]: dest`,
    /// outside fenced code blocks and code spans.
    static func scan(_ markdown: String) -> [Link] {
        var links: [Link] = []
        var inFence = false
        forEachLine(of: markdown) { rawLine, number in
            let line = Array(rawLine.unicodeScalars)
            let trimmed = rawLine.drop { $0 == " " }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle(); return }
            if inFence { return }
            // Reference definition.
            if trimmed.hasPrefix("["), let close = trimmed.range(of: "]:") {
                let rest = trimmed[close.upperBound...].drop { $0 == " " }
                let destination = rest.prefix { $0 != " " }
                if !destination.isEmpty {
                    let column = rawLine[rawLine.startIndex..<destination.startIndex].unicodeScalars.count + 1
                    links.append(Link(destination: String(destination).trimmingCharacters(in: CharacterSet(charactersIn: "<>")), line: number, column: column))
                    return
                }
            }
            var index = 0
            var inCode = false
            while index < line.count {
                let scalar = line[index]
                if scalar == "`" { inCode.toggle(); index += 1; continue }
                if !inCode, scalar == "]", index + 1 < line.count, line[index + 1] == "(" {
                    var end = index + 2
                    var depth = 0
                    while end < line.count {
                        if line[end] == "(" { depth += 1 }
                        if line[end] == ")" { if depth == 0 { break }; depth -= 1 }
                        end += 1
                    }
                    var inside = String(String.UnicodeScalarView(line[(index + 2)..<min(end, line.count)])).trimmingCharacters(in: .whitespaces)
                    if inside.hasPrefix("<"), let close = inside.firstIndex(of: ">") {
                        inside = String(inside[inside.index(after: inside.startIndex)..<close])
                    } else if let space = inside.firstIndex(of: " ") {
                        inside = String(inside[..<space])
                    }
                    links.append(Link(destination: inside, line: number, column: index + 3))
                    index = end
                    continue
                }
                index += 1
            }
        }
        return links
    }
}
