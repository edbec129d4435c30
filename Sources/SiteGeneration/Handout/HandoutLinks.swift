import Foundation

/// Rewrites the links of a page body for a handout, where every page of the notice is a view of
/// one file: a link to one of those pages becomes `#/VIEW` or `#/VIEW/ANCHOR` (the form of an
/// address inside a one-page app; a plain `#ANCHOR` inside the notice text, which is the view shown
/// first and works without JavaScript); a link to any other page of the
/// site becomes its web address when the site has one, and otherwise stops being a link, since
/// the handout must not lead to files that are not there.
struct HandoutLinks {
    /// Site page path (`2024/meitan-aksu/checklist/`) → view id (`checklist`).
    let views: [String: String]
    /// The view holding the notice text; its anchors stay plain `#ANCHOR`.
    let noticeView: String
    /// The site's web address with a trailing slash, if it has one.
    let baseURL: String?
    /// Files of the notice a handout carries as `data:` addresses (its calendar), by site path.
    var files: [String: String] = [:]

    /// The body with its links rewritten (its page scripts the template leaves out: `inHandout`).
    func rewrite(_ body: String, page: String) -> String {
        Self.replace(#" (href|action)="([^"]*)""#, in: body) { groups in
            let attribute = groups[1]
            guard let target = target(of: groups[2].replacingOccurrences(of: "&amp;", with: "&"), from: page) else {
                return " \(attribute)=\"\(groups[2])\""
            }
            guard let rewritten = target.isEmpty ? nil : target else { return "" }
            return " \(attribute)=\"\(rewritten.replacingOccurrences(of: "&", with: "&amp;"))\""
        }
    }

    /// The new link, "" to drop it, or nil to keep it as it is (fragments of the same view, web addresses).
    func target(of link: String, from page: String) -> String? {
        if link.hasPrefix("#") || link.range(of: #"^[A-Za-z][A-Za-z0-9+.-]*:"#, options: .regularExpression) != nil { return nil }
        let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let fragment = parts.count > 1 ? String(parts[1]) : ""
        // A view has no query of its own (`checklist/?level=fugao` is the checklist view, its level
        // chosen in its filter); a web address keeps it.
        let pathAndQuery = parts[0].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let query = pathAndQuery.count > 1 ? "?" + pathAndQuery[1] : ""
        let path = Self.resolve(String(pathAndQuery[0]), from: page)
        if let file = files[path] { return file }
        if let view = views[path] {
            if fragment.isEmpty { return "#/\(view)" }
            // Within the notice text a plain anchor works, JavaScript or not; from another view the
            // anchor is not in the page yet, so the address names its view too.
            return view == noticeView && views[page] == noticeView ? "#\(fragment)" : "#/\(view)/\(fragment)"
        }
        if let baseURL { return baseURL + path + query + (fragment.isEmpty ? "" : "#\(fragment)") }
        return ""
    }

    /// A relative link resolved against a page's folder, as a site page path: `../../` from
    /// `2024/x/templates/gongshi/` is `2024/x/`; a trailing `index.html` names its folder.
    static func resolve(_ link: String, from page: String) -> String {
        var folder = page.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if !page.isEmpty && !page.hasSuffix("/") { folder.removeLast() }
        var segments = link.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let isFolder = link.isEmpty || link.hasSuffix("/") || segments.last == "index.html" || segments.last == "." || segments.last == ".."
        if segments.last == "index.html" || segments.last == "" { segments.removeLast() }
        for segment in segments {
            switch segment {
            case "", ".": continue
            case "..": if !folder.isEmpty { folder.removeLast() }
            default: folder.append(segment)
            }
        }
        let joined = folder.joined(separator: "/")
        return joined.isEmpty ? "" : joined + (isFolder ? "/" : "")
    }

    /// Replaces every match of a pattern by what `transform` makes of its capture groups.
    static func replace(_ pattern: String, in text: String, _ transform: ([String]) -> String) -> String {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return text }
        let source = text as NSString
        var result = ""
        var last = 0
        for match in regex.matches(in: text, range: NSRange(location: 0, length: source.length)) {
            result += source.substring(with: NSRange(location: last, length: match.range.location - last))
            let groups = (0..<match.numberOfRanges).map { index -> String in
                let range = match.range(at: index)
                return range.location == NSNotFound ? "" : source.substring(with: range)
            }
            result += transform(groups)
            last = match.range.location + match.range.length
        }
        return result + source.substring(from: last)
    }
}
