import Foundation
import FuzzDriver
@testable import MarkdownRendering
@testable import NoticeModel

/// libFuzzer target: one input is a notice, `notice.yml` then a line `%%%%` then `notice.md` (no
/// such line: all of it is the YAML). It goes through what `noticeboard build` does with a notice
/// before the theme: ContentLoader (strict UTF-8, YAML with positions, decoding, templates, the
/// validator) and MarkdownRenderer. Any input must give content or diagnostics; a crash, a trap
/// or a hang is a finding. Every diagnostic must carry a line and column inside the file.
let folder: URL = {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("nb-fuzz-notice-\(getpid())")
    let notice = root.appendingPathComponent("notices/2024-fuzz")
    try! FileManager.default.createDirectory(at: notice.appendingPathComponent("templates"), withIntermediateDirectories: true)
    try! "title: 模糊测试\n".write(to: root.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
    try! """
    series:
      - id: gongcheng
        name: 工程系列
        specialties:
          - {id: meitan, name: 煤炭}
          - {id: shuili, name: 水利}
    """.write(to: root.appendingPathComponent("taxonomy.yml"), atomically: true, encoding: .utf8)
    try! "# 公示\n\n{{name}}同志\n".write(to: notice.appendingPathComponent("templates/gongshi.md"), atomically: true, encoding: .utf8)
    return root
}()

let separator = Array("\n%%%%\n".utf8)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNoticeLoading(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    var yaml = bytes[...], markdown: ArraySlice<UInt8> = Array("## 一、时间安排\n".utf8)[...]
    if let cut = firstIndex(of: separator, in: bytes) {
        yaml = bytes[..<cut]
        markdown = bytes[(cut + separator.count)...]
    }
    let notice = folder.appendingPathComponent("notices/2024-fuzz")
    try! Data(yaml).write(to: notice.appendingPathComponent("notice.yml"))
    try! Data(markdown).write(to: notice.appendingPathComponent("notice.md"))

    let result = ContentLoader.load(from: folder, displayRoot: "content")
    for diagnostic in result.diagnostics where diagnostic.line < 1 || diagnostic.column < 1 {
        fatalError("diagnostic without a position: \(diagnostic)")
    }
    if !result.hasErrors, result.content == nil { fatalError("no content and no error") }
    for loaded in result.content?.notices ?? [] {
        assertInert(MarkdownRenderer.render(loaded.markdown, allowRawHTML: loaded.rawHTML, headingOffset: 1).html, "the notice")
    }
    // The raw Markdown on its own too, both ways (the YAML may have failed).
    let text = String(decoding: markdown, as: UTF8.self)
    assertInert(MarkdownRenderer.render(text).html, "Markdown")
    assertInert(MarkdownRenderer.render(text, allowRawHTML: true).html, "Markdown with raw HTML")
    return 0
}

/// No script, frame or embedding element, no event attribute and no script address in any tag of
/// the rendered HTML (text that merely shows `&lt;script>` is fine).
func assertInert(_ html: String, _ what: String) {
    let scalars = Array(html.unicodeScalars)
    var index = 0
    while let open = scalars[index...].firstIndex(of: "<") {
        index = open + 1
        // Start and end tags alike: an end tag is skipped whole too, so what a browser ignores in it
        // is not read as a tag of its own.
        let nameAt = index < scalars.count && scalars[index] == "/" ? index + 1 : index
        guard nameAt < scalars.count, ("a"..."z").contains(scalars[nameAt]) || ("A"..."Z").contains(scalars[nameAt]),
              let tag = RawHTMLSanitizer.parseTag(scalars, from: open) else { continue }
        let context = String(String.UnicodeScalarView(scalars[open..<min(tag.end, open + 200)]))
        if ["script", "iframe", "object", "embed", "base", "meta", "link", "style", "frame", "form"].contains(tag.name) {
            fatalError("\(what): a <\(tag.name)> element survived rendering: \(context)")
        }
        for attribute in tag.attributes where !RawHTMLSanitizer.isSafe(attribute) {
            fatalError("\(what): attribute \(attribute.name)=\"\(attribute.value.prefix(80))\" survived rendering: \(context)")
        }
        index = tag.end
    }
}

func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard haystack.count >= needle.count else { return nil }
    for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
        if Array(haystack[start..<start + needle.count]) == needle { return start }
    }
    return nil
}

// SwiftPM links an executable's entry point under its own name and points `main` at it; this one
// hands the command line to libFuzzer's driver (libFuzzer's own `main` would do the same through
// LLVMFuzzerTestOneInput, whichever the linker keeps: see `--allow-multiple-definition` in Makefile).
@main
enum FuzzMain {
    static func main() { runLibFuzzer(fuzzNoticeLoading) }
}
