import Foundation
import Support

/// Loads a content folder: `site.yml`, `taxonomy.yml` and `notices/<id>/{notice.yml, notice.md}`.
///
/// It never stops at the first problem: every file is read and checked, and the caller gets the
/// content (when it is usable) together with every diagnostic.
public enum ContentLoader {
    public struct Result: Sendable {
        public var content: Content?
        public var diagnostics: [Diagnostic]
        /// Notice folders found, those that could not be read included: what "N notices" counts,
        /// so a notice with a syntax error is still counted (and its errors shown).
        public var noticeFolderCount = 0
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// - Parameter displayRoot: how paths are printed in diagnostics (the folder as the user typed it).
    public static func load(from directory: URL, displayRoot: String? = nil) -> Result {
        let root = displayRoot ?? directory.path
        var log = DiagnosticLog()
        @Sendable func display(_ relative: String) -> String { root.hasSuffix("/") ? root + relative : root + "/" + relative }

        let siteFile = display("site.yml")
        let site = readYAML(directory.appendingPathComponent("site.yml"), display: siteFile, log: &log, required: true)
            .flatMap { decodeSite($0.node, reader: $0.reader, log: &log) }
        let taxonomyFile = display("taxonomy.yml")
        let taxonomy = readYAML(directory.appendingPathComponent("taxonomy.yml"), display: taxonomyFile, log: &log, required: true)
            .flatMap { decodeTaxonomy($0.node, reader: $0.reader, log: &log) }

        let calendarURL = directory.appendingPathComponent("calendar.yml")
        let calendar = FileManager.default.fileExists(atPath: calendarURL.path)
            ? readYAML(calendarURL, display: display("calendar.yml"), log: &log, required: false).map { parsed -> WorkingCalendar in
                let calendar = WorkingCalendar.decode(parsed.node, reader: parsed.reader)
                log.append(contentsOf: parsed.reader.log.all)
                return calendar
            } ?? WorkingCalendar()
            : WorkingCalendar()

        var notices: [Notice] = []
        let noticesDir = directory.appendingPathComponent("notices")
        let folders = noticeFolderNames(in: noticesDir)
        if folders.isEmpty {
            log.warning(SourceLocation(file: display("notices"), line: 1, column: 1), Message("loading.noNotices"), hint: Message("loading.noNotices.hint"))
        }
        // Each notice folder is read and decoded on its own (YAML parsing is most of loading), on
        // all cores; results and diagnostics are then taken in folder order.
        let loadedFolders = Parallel.map(folders.count) { index -> (Notice?, [Diagnostic]) in
            var folderLog = DiagnosticLog()
            let notice = loadNotice(folder: folders[index], noticesDir: noticesDir, contentDirectory: directory, display: display, log: &folderLog)
            return (notice, folderLog.all)
        }
        for (notice, diagnostics) in loadedFolders {
            log.append(contentsOf: diagnostics)
            if let notice { notices.append(notice) }
        }

        let noticeFolderCount = zip(folders, loadedFolders).count { folder, loaded in
            loaded.0 != nil || isFolder(noticesDir.appendingPathComponent(folder))
        }
        guard let site, var taxonomy else { return Result(content: nil, diagnostics: log.sorted, noticeFolderCount: noticeFolderCount) }
        taxonomy = withProposals(taxonomy, folders: folders, noticesDir: noticesDir, display: display, log: &log)
        var validator = NoticeValidator(taxonomy: taxonomy)
        validator.validate(notices)
        log.append(contentsOf: validator.log.all)
        var content = Content(site: site, taxonomy: taxonomy, notices: notices, calendar: calendar)
        content.noticeFolderCount = noticeFolderCount
        return Result(content: content, diagnostics: log.sorted, noticeFolderCount: noticeFolderCount)
    }

    /// Reads and checks one notice folder on its own (what `serve` does when one notice changes):
    /// the same diagnostics as a full load gives for that folder, including the checks against the
    /// taxonomy. Nil when the folder holds no usable notice.
    public static func loadNotice(folder: String, from directory: URL, displayRoot: String? = nil, taxonomy: Taxonomy) -> (notice: Notice?, diagnostics: [Diagnostic]) {
        let root = displayRoot ?? directory.path
        let display: @Sendable (String) -> String = { root.hasSuffix("/") ? root + $0 : root + "/" + $0 }
        var log = DiagnosticLog()
        let notice = loadNotice(folder: folder, noticesDir: directory.appendingPathComponent("notices"), contentDirectory: directory,
                                display: display, log: &log)
        if let notice {
            var validator = NoticeValidator(taxonomy: taxonomy)
            validator.validate(notice)
            log.append(contentsOf: validator.log.all)
        }
        return (notice, log.sorted)
    }

    /// The notice folders of a content folder, those whose notice cannot be read included: what
    /// "N notices" counts when the content as a whole could not be loaded (`Result.noticeFolderCount`
    /// and `Content.noticeFolderCount` count the same).
    public static func noticeFolderCount(in contentDirectory: URL) -> Int {
        let noticesDir = contentDirectory.appendingPathComponent("notices")
        return noticeFolderNames(in: noticesDir).count { isFolder(noticesDir.appendingPathComponent($0)) }
    }

    private static func noticeFolderNames(in noticesDir: URL) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: noticesDir.path))?.filter { !$0.hasPrefix(".") }.sorted() ?? []
    }

    private static func isFolder(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// One notice folder: its data, text and templates, or nil when it is not a folder or its data cannot be read.
    private static func loadNotice(folder: String, noticesDir: URL, contentDirectory: URL, display: @Sendable (String) -> String,
                                   log: inout DiagnosticLog) -> Notice? {
        let folderURL = noticesDir.appendingPathComponent(folder)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folderURL.path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        let dataFile = display("notices/\(folder)/notice.yml")
        let textFile = display("notices/\(folder)/notice.md")
        guard let yaml = readYAML(folderURL.appendingPathComponent("notice.yml"), display: dataFile, log: &log, required: true) else { return nil }
        let markdown = readText(folderURL.appendingPathComponent("notice.md"), display: textFile, log: &log, required: true) ?? ""
        let decoder = NoticeDecoder(reader: yaml.reader)
        let notice = decoder.decode(yaml.node, directory: "notices/\(folder)", markdown: markdown, markdownPath: textFile)
        log.append(contentsOf: yaml.reader.log.all)
        guard var notice else { return nil }
        TemplateLoading.load(&notice, contentDirectory: contentDirectory, display: display, log: &log)
        if notice.id != folder {
            log.error(yaml.locationOfKey("id"), Message("loading.idDiffersFromFolder", ["id": notice.id, "folder": folder]),
                      hint: Message("loading.idDiffersFromFolder.hint", ["id": notice.id]))
        }
        return notice
    }

    struct ParsedYAML {
        let node: Node
        let reader: YAMLReader

        func locationOfKey(_ key: String) -> SourceLocation {
            if case let .mapping(mapping) = node {
                for (keyNode, value) in mapping where keyNode.string == key { return reader.location(of: value) }
            }
            return reader.location(of: node)
        }
    }

    static func readYAML(_ url: URL, display: String, log: inout DiagnosticLog, required: Bool) -> ParsedYAML? {
        guard let text = readText(url, display: display, log: &log, required: required) else { return nil }
        let reader = YAMLReader(file: display)
        guard let node = reader.compose(text) else {
            log.append(contentsOf: reader.log.all)
            if reader.log.all.isEmpty {
                log.error(SourceLocation(file: display, line: 1, column: 1), Message("loading.emptyFile"), hint: Message("loading.emptyFile.hint"))
            }
            return nil
        }
        return ParsedYAML(node: node, reader: reader)
    }

    /// No notice, template or settings file comes near this; a larger one is a mistake (or an
    /// attack) that would make a page too heavy for a phone and the build slow.
    static let maximumFileSize = 4 * 1_048_576

    /// Reads a file as strict UTF-8, reporting where the first invalid byte is.
    static func readText(_ url: URL, display: String, log: inout DiagnosticLog, required: Bool,
                         missingHint: Message = Message("loading.fileMissing.hint")) -> String? {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            if required {
                log.error(SourceLocation(file: display, line: 1, column: 1), Message("loading.fileMissing"), hint: missingHint)
            }
            return nil
        }
        guard data.count <= maximumFileSize else {
            log.error(SourceLocation(file: display, line: 1, column: 1),
                      Message("loading.fileTooLarge", ["size": String(format: "%.1f", Double(data.count) / 1_048_576), "limit": "\(maximumFileSize / 1_048_576)"]),
                      hint: Message("loading.fileTooLarge.hint"))
            return nil
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = firstInvalidUTF8(bytes)
            log.error(SourceLocation(file: display, line: line, column: column), Message("loading.notUTF8"), hint: Message("loading.notUTF8.hint"))
            return nil
        }
        return text
    }

    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int) {
        var line = 1, lineStart = 0, index = 0
        while index < bytes.count {
            let length: Int
            switch bytes[index] {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            if length == 0 || index + length > bytes.count
                || String(validating: bytes[index..<index + length], as: UTF8.self) == nil {
                let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).unicodeScalars.count + 1
                return (line, column)
            }
            if bytes[index] == 0x0A { line += 1; lineStart = index + 1 }
            index += length
        }
        return (line, 1)
    }

    static func decodeSite(_ node: Node, reader: YAMLReader, log: inout DiagnosticLog) -> SiteConfig? {
        defer { log.append(contentsOf: reader.log.all) }
        guard let map = reader.map(node, .file("site.yml"), allowed: ["title", "description", "language", "base_url", "theme", "page_size"]),
              let title = reader.string(map, "title", required: true, example: "职称申报指南") else { return nil }
        let baseURL = reader.string(map, "base_url").map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        if let theme = map["theme"], let name = reader.text(theme, "theme"), !isSlug(name) {
            reader.error(theme, Message("loading.theme.notSlug", ["name": name]), hint: Message("loading.theme.notSlug.hint"))
        }
        if let baseURL, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) {
            reader.error(at: map.keyLocation("base_url") ?? map.location, Message("loading.baseURL.scheme"))
        }
        return SiteConfig(title: title, description: reader.string(map, "description"),
                          language: reader.string(map, "language") ?? "zh-CN", baseURL: baseURL, theme: reader.string(map, "theme"),
                          pageSize: reader.int(map, "page_size", range: SiteConfig.pageSizes, example: "50") ?? SiteConfig.defaultPageSize)
    }

    /// The site's own taxonomy.yml, without the proposals of drafts: what `import` matches a new
    /// notice against. Nil when it is missing or has errors.
    public static func siteTaxonomy(from directory: URL) -> Taxonomy? {
        var log = DiagnosticLog()
        let file = directory.appendingPathComponent("taxonomy.yml")
        let taxonomy = readYAML(file, display: file.path, log: &log, required: true).flatMap { decodeTaxonomy($0.node, reader: $0.reader, log: &log) }
        return log.hasErrors ? nil : taxonomy
    }

    /// A draft from `noticeboard import` names a series or specialty the site does not have yet in
    /// its own `taxonomy-proposal.yml` (the importer writes nothing outside the notice's folder).
    /// The draft builds with it, and every build says to move it into taxonomy.yml.
    static func withProposals(_ taxonomy: Taxonomy, folders: [String], noticesDir: URL, display: @Sendable (String) -> String,
                              log: inout DiagnosticLog) -> Taxonomy {
        var merged = taxonomy
        for folder in folders {
            let url = noticesDir.appendingPathComponent(folder).appendingPathComponent("taxonomy-proposal.yml")
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            let file = display("notices/\(folder)/taxonomy-proposal.yml")
            guard let parsed = readYAML(url, display: file, log: &log, required: false),
                  let proposal = decodeTaxonomy(parsed.node, reader: parsed.reader, log: &log) else { continue }
            for series in proposal.series {
                if let index = merged.series.firstIndex(where: { $0.id == series.id }) {
                    for specialty in series.specialties where !merged.series[index].specialties.contains(where: { $0.id == specialty.id }) {
                        merged.series[index].specialties.append(specialty)
                    }
                } else {
                    merged.series.append(series)
                }
                let names = [series.name] + series.specialties.map(\.name)
                log.warning(SourceLocation(file: file, line: 1, column: 1), Message("loading.taxonomyProposal", ["names": names.joined(separator: "、")]),
                            hint: Message("loading.taxonomyProposal.hint"))
            }
        }
        return merged
    }

    static func decodeTaxonomy(_ node: Node, reader: YAMLReader, log: inout DiagnosticLog) -> Taxonomy? {
        defer { log.append(contentsOf: reader.log.all) }
        guard let map = reader.map(node, .file("taxonomy.yml"), allowed: ["series"]) else { return nil }
        var seen = Set<String>()
        let series: [Taxonomy.Series] = reader.list(map, "series").compactMap { node in
            guard let entry = reader.map(node, .entry("series"), allowed: ["id", "name", "specialties"]),
                  let id = reader.string(entry, "id", required: true, example: "gongcheng"),
                  let name = reader.string(entry, "name", required: true, example: "工程系列") else { return nil }
            if !isSlug(id) { reader.error(node, Message("loading.seriesID.notSlug", ["id": id]), hint: Message("loading.id.becomesURL")) }
            if !seen.insert(id).inserted { reader.error(node, Message("loading.seriesID.twice", ["id": id])) }
            var specialtySeen = Set<String>()
            let specialties: [Taxonomy.Specialty] = reader.list(entry, "specialties").compactMap { node in
                guard let spec = reader.map(node, .entry("specialties"), allowed: ["id", "name"]),
                      let sid = reader.string(spec, "id", required: true, example: "shuili"),
                      let sname = reader.string(spec, "name", required: true, example: "水利") else { return nil }
                if !isSlug(sid) { reader.error(node, Message("loading.specialtyID.notSlug", ["id": sid]), hint: Message("loading.id.becomesURL")) }
                if reservedPageNames.contains(sid) {
                    reader.error(node, Message("loading.specialtyID.reserved", ["id": sid]), hint: Message("loading.reservedName.hint", ["name": sid]))
                }
                if !specialtySeen.insert(sid).inserted { reader.error(node, Message("loading.specialtyID.twice", ["id": sid, "series": id])) }
                return Taxonomy.Specialty(id: sid, name: sname, seriesID: id)
            }
            return Taxonomy.Series(id: id, name: name, specialties: specialties)
        }
        return Taxonomy(series: series)
    }
}

/// A notice id: a four-digit year, `-`, and a slug (`2024-meitan-aksu`). The validator and
/// `noticeboard import --id` hold ids to the same rule.
public func isNoticeID(_ id: String) -> Bool {
    isSlug(id) && id.count >= 6 && id.prefix(4).allSatisfy(\.isNumber) && id.dropFirst(4).first == "-"
}

/// Folder names the site gives its own pages below a year, series or specialty (a long listing's
/// `page/2/`, a hub's `checklist/`): a notice slug or specialty id may not take them.
let reservedPageNames: Set<String> = ["page", "checklist"]

/// Lower-case ASCII letters and digits in groups joined by single hyphens.
func isSlug(_ text: String) -> Bool {
    guard !text.isEmpty, !text.hasPrefix("-"), !text.hasSuffix("-"), !text.contains("--") else { return false }
    return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
}
