import Foundation
import Support
import Testing

/// Markup found and replaced in UTF-8 bytes must be found where Foundation finds it in characters.
@Suite("Byte search")
struct ByteSearchTests {
    let text = Array("<p>申报材料{{name}}</p>\n<tr>\n<td></td>\n</tr>\n<hr />签名<hr />日期".utf8)

    @Test("first and last matches, from an offset, and no match")
    func finding() {
        #expect(ByteSearch.firstIndex(of: "{{", in: text) == 15)
        #expect(ByteSearch.firstIndex(of: "}}", in: text, from: 17) == 21)
        #expect(ByteSearch.firstIndex(of: "{{", in: text, from: 16) == nil)
        #expect(ByteSearch.lastIndex(of: "<hr />", in: text) == text.count - 6 - 6)
        #expect(ByteSearch.firstIndex(of: "<table>", in: text) == nil)
        #expect(ByteSearch.firstIndex(of: "x", in: []) == nil)
        #expect(ByteSearch.contains("<td></td>", in: String(decoding: text, as: UTF8.self)))
    }

    @Test("every occurrence replaced, left to right, CJK text untouched")
    func replacing() {
        let replaced = ByteSearch.replacing("<hr />", with: "——", in: text)
        #expect(String(decoding: replaced, as: UTF8.self).hasSuffix("——签名——日期"))
        #expect(ByteSearch.replacing("<table>", with: "x", in: text) == text)
        #expect(String(decoding: ByteSearch.replacing("aa", with: "b", in: Array("aaa".utf8)), as: UTF8.self) == "ba")
    }
}
