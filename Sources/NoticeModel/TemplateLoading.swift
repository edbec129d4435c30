import Foundation

/// Reads each template's document from its file and checks its placeholders, so an office learns
/// of a missing file or a misspelt `{{nmae}}` with its position, before anyone prints a form.
enum TemplateLoading {
    static func load(_ notice: inout Notice, contentDirectory: URL, display: (String) -> String, log: inout DiagnosticLog) {
        for index in notice.templates.indices {
            var template = notice.templates[index]
            let relative: String
            if let shared = template.shared {
                guard isSlug(shared), template.file == nil else {
                    log.error(template.location, "template '\(template.id)': 'shared' must be the name of a file in content/templates/, and comes without 'file'",
                              hint: "e.g. `shared: gongshi` for content/templates/gongshi.md")
                    continue
                }
                relative = "templates/\(shared).md"
            } else {
                let file = template.file ?? "templates/\(template.id).md"
                guard !file.hasPrefix("/"), !file.split(separator: "/").contains(".."), file.hasSuffix(".md") else {
                    log.error(template.location, "template '\(template.id)': file '\(file)' must be a .md file inside the notice folder",
                              hint: "e.g. `file: templates/\(template.id).md`")
                    continue
                }
                relative = "\(notice.directory)/\(file)"
            }
            let path = display(relative)
            guard let text = ContentLoader.readText(contentDirectory.appendingPathComponent(relative), display: path, log: &log, required: true,
                                                    missingHint: "write the template's text there, or point 'file' at it") else {
                continue
            }
            template.body = text
            template.bodyPath = path
            var keys: [String] = []
            for occurrence in TemplatePlaceholders.scan(text) {
                let at = SourceLocation(file: path, line: occurrence.line, column: occurrence.column)
                guard TemplateField.named(occurrence.key) != nil else {
                    let known = TemplateField.all.map(\.key)
                    log.error(at, "unknown placeholder '{{\(occurrence.key)}}'",
                              hint: closestMatch(to: occurrence.key, in: known).map { "did you mean '{{\($0)}}'?" }
                                  ?? "placeholders: \(known.joined(separator: ", "))")
                    continue
                }
                if !keys.contains(occurrence.key) { keys.append(occurrence.key) }
            }
            if !hasTitleLine(text) {
                log.warning(SourceLocation(file: path, line: 1, column: 1), "template '\(template.id)' has no title line",
                            hint: "start it with `# ` and the document's title, e.g. `# 关于{{name}}同志申报……的公示`")
            }
            template.fields = keys
            notice.templates[index] = template
        }
    }
}
