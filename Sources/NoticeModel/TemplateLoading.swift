import Foundation
import Support

/// Reads each template's document from its file and checks its placeholders, so an office learns
/// of a missing file or a misspelt `{{nmae}}` with its position, before anyone prints a form.
enum TemplateLoading {
    static func load(_ notice: inout Notice, contentDirectory: URL, display: (String) -> String, log: inout DiagnosticLog) {
        for index in notice.templates.indices {
            var template = notice.templates[index]
            let relative: String
            if let shared = template.shared {
                guard isSlug(shared), template.file == nil else {
                    log.error(template.location, Message("loading.template.sharedName", ["id": template.id]), hint: Message("loading.template.sharedName.hint"))
                    continue
                }
                relative = "templates/\(shared).md"
            } else {
                let file = template.file ?? "templates/\(template.id).md"
                guard !file.hasPrefix("/"), !file.split(separator: "/").contains(".."), file.hasSuffix(".md") else {
                    log.error(template.location, Message("loading.template.fileOutside", ["id": template.id, "file": file]),
                              hint: Message("loading.template.fileOutside.hint", ["id": template.id]))
                    continue
                }
                relative = "\(notice.directory)/\(file)"
            }
            let path = display(relative)
            guard let text = ContentLoader.readText(contentDirectory.appendingPathComponent(relative), display: path, log: &log, required: true,
                                                    missingHint: Message("loading.template.fileMissing.hint")) else {
                continue
            }
            template.body = text
            template.bodyPath = path
            var keys: [String] = []
            for occurrence in TemplatePlaceholders.scan(text) {
                let at = SourceLocation(file: path, line: occurrence.line, column: occurrence.column)
                guard TemplateField.named(occurrence.key) != nil else {
                    let known = TemplateField.all.map(\.key)
                    log.error(at, Message("loading.template.unknownPlaceholder", ["key": occurrence.key]),
                              hint: closestMatch(to: occurrence.key, in: known).map { Message("loading.template.placeholderDidYouMean", ["suggestion": $0]) }
                                  ?? Message("loading.template.placeholders", ["keys": known.joined(separator: ", ")]))
                    continue
                }
                if !keys.contains(occurrence.key) { keys.append(occurrence.key) }
            }
            if !hasTitleLine(text) {
                log.warning(SourceLocation(file: path, line: 1, column: 1), Message("loading.template.noTitle", ["id": template.id]),
                            hint: Message("loading.template.noTitle.hint"))
            }
            template.fields = keys
            notice.templates[index] = template
        }
    }
}
