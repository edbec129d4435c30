import Foundation

/// What a handout leaves out of the site's scripts and styles it carries inline: comments, leading
/// indentation and blank lines, bytes a reader's browser never uses (docs/benchmark.md). (The
/// site's own asset files keep them: they are what a theme author reads.)
///
/// Line-based on purpose: the theme's scripts are classic ES5 without template literals or strings
/// that span lines, so a line whose first characters open a comment is a comment. A comment after
/// code on the same line is kept, since telling it from `//` inside a string or a regular
/// expression would take a parser.
enum HandoutCompaction {
    static func script(_ source: String) -> String {
        var kept: [Substring] = []
        var inComment = false
        for rawLine in source.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = rawLine.drop { $0 == " " || $0 == "\t" }
            if inComment {
                guard let end = line.range(of: "*/") else { continue }
                inComment = false
                line = line[end.upperBound...].drop { $0 == " " }
            }
            while line.hasPrefix("/*") {
                guard let end = line.range(of: "*/") else { inComment = true; line = ""; break }
                line = line[end.upperBound...].drop { $0 == " " }
            }
            if line.hasPrefix("//") || line.isEmpty { continue }
            kept.append(line)
        }
        return kept.joined(separator: "\n")
    }

    /// CSS has only block comments, and none of ours sits inside a string.
    static func style(_ source: String) -> String {
        var text = Substring(source)
        var out = ""
        while let start = text.range(of: "/*") {
            out += text[..<start.lowerBound]
            guard let end = text[start.upperBound...].range(of: "*/") else { text = ""; break }
            text = text[end.upperBound...]
        }
        out += text
        return out.split(separator: "\n").map { $0.drop { $0 == " " || $0 == "\t" } }.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
