import Foundation
import Support
import Testing

/// The one JSON writer must write what each of its users wrote before: JSONSerialization's bytes
/// (sorted keys, no escaped `/`), with `<` escaped in pages and U+2028/U+2029 in the index's scripts.
@Suite("JSON writer")
struct JSONWriterTests {
    /// Objects of the shapes pages, the index, `serve` and `check` write (made afresh where used:
    /// an array of `Any` is not Sendable).
    static var objects: [Any] { [
        ["levels": ["fugao", "zhongji"], "notRequiredFor": ["民营企业"], "general": [2018, 2022], "hoursPerYear": 90,
         "specialtyHoursMin": 60, "platformGeneralFrom": 2022, "Zeta": true, "alpha": false],
        ["fugao": 500, "zhongji2": 300, "zhongji10": 200, "ji-1": 1],
        ["text": "a \"quoted\" </script> \\ back/slash\n\t\u{01}\u{1F} 职称\u{2028}", "empty": [Any](), "nested": ["b": ["c": "<"]]],
        [["label": "网上申报", "end": "2024-09-10T18:00:00+08:00"]],
        ["中级": 1, "副高级": 2, "Éa": 3, "eb": 4, "a10": 5, "a9": 6, "B": 7, "b": 8, "_x": 9, "日期/时间": [[String: Any]]()],
        "top-level <string>", 42, true, [String](),
    ] }

    @Test("every object is byte for byte what JSONSerialization writes, with each option's escapes",
          arguments: [JSONWriter.Options(), [.escapingLessThan], [.escapingLineSeparators], [.escapingLessThan, .escapingSlashes], [.prettyPrinted],
                      [.escapingLessThan, .escapingSlashes, .escapingLineSeparators, .prettyPrinted]])
    func sameAsFoundation(_ options: JSONWriter.Options) {
        let writer = JSONWriter(options)
        for object in Self.objects {
            #expect(writer.encode(object) == writer.foundationEncode(object), "\(object)")
        }
    }

    @Test("keys come in JSONSerialization's order: case-insensitive, numbers by value, non-ASCII keys too")
    func keyOrder() {
        let json = JSONWriter().encode(["b": 1, "A": 2, "a10": 3, "a9": 4, "副高级": 5, "中级": 6, "é": 7] as [String: Any])
        let serialized = try! JSONSerialization.data(withJSONObject: ["b": 1, "A": 2, "a10": 3, "a9": 4, "副高级": 5, "中级": 6, "é": 7],
                                                     options: [.sortedKeys])
        #expect(json == String(decoding: serialized, as: UTF8.self))
        #expect(json.hasPrefix(#"{"A":2,"a9":4,"a10":3,"b":1,"#))
    }

    @Test("in a page, `</script>` in content cannot end the block: `<` is \\u003c")
    func scriptBlockCannotBeClosed() {
        let json = JSONWriter.page.encode(["note": "见</script><script>alert(1)</script>"])
        #expect(!json.contains("<"))
        #expect(json == #"{"note":"见\u003c/script>\u003cscript>alert(1)\u003c/script>"}"#)
    }

    @Test("strings as JSONSerialization writes them: control characters, quotes, backslash; U+2028 and U+2029 only on request")
    func strings() throws {
        var samples = (0..<0x80).map { String(UnicodeScalar($0)!) }
        samples += ["职称 \"评审\" a/b \\ \u{2028}\u{2029} 😀 “—…”", "", "\r\n", "e\u{301}"]
        for sample in samples {
            let data = try JSONSerialization.data(withJSONObject: [sample], options: [.withoutEscapingSlashes])
            let plain = String(decoding: data, as: UTF8.self).dropFirst().dropLast()
            var text = ""
            JSONWriter().appendString(sample, to: &text)
            #expect(text == plain, "\(sample.unicodeScalars.map { $0.value })")
            text = ""
            JSONWriter(.escapingLineSeparators).appendString(sample, to: &text)
            #expect(text == plain.replacingOccurrences(of: "\u{2028}", with: "\\u2028").replacingOccurrences(of: "\u{2029}", with: "\\u2029"))
        }
        #expect(JSONWriter(.escapingLineSeparators).encode(["a\u{2028}b\u{2029}"]) == #"["a\u2028b\u2029"]"#)
        #expect(JSONWriter().encode(["a\u{2028}b"]) == "[\"a\u{2028}b\"]")
    }

    @Test("pretty printing is JSONEncoder's layout, as `check --format json` wrote it")
    func prettyLikeJSONEncoder() throws {
        struct Entry: Encodable { var file: String, line: Int, hint: String? }
        struct Body: Encodable { var diagnostics: [Entry], errors: Int, siteChecked: Bool, empty: [Entry] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let body = Body(diagnostics: [Entry(file: "content/a.yml", line: 3, hint: nil), Entry(file: "\"b\"\n\u{1}", line: 4, hint: "提示")],
                        errors: 2, siteChecked: true, empty: [])
        let expected = String(decoding: try encoder.encode(body), as: UTF8.self)
        let object: [String: Any] = ["diagnostics": [["file": "content/a.yml", "line": 3], ["file": "\"b\"\n\u{1}", "line": 4, "hint": "提示"]],
                                     "errors": 2, "siteChecked": true, "empty": [Any]()]
        #expect(JSONWriter(.prettyPrinted).encode(object) == expected)
    }

    @Test("decimal digits as interpolation writes them")
    func decimals() {
        for value: UInt64 in [0, 7, 9, 10, 99, 100, 4095, 65_536, 4_294_967_295, UInt64.max] {
            var bytes: [UInt8] = []
            JSONWriter.appendDecimal(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == "\(value)")
        }
    }
}
