import Foundation
import FuzzDriver
import SearchIndex

/// libFuzzer target for the search tokenizer (the browser's search.js follows the same rules,
/// held to it by Tests/Vectors/tokenize.json). For any text: no crash, the same terms every time,
/// every term is a piece of the normalised text (a Han character or two adjacent ones, or a run of
/// ASCII letters and digits), and pinyin readings are lower-case ASCII.
let pinyin = Pinyin()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSearchTokenizer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let terms = SearchTokenizer.terms(text)
    guard terms == SearchTokenizer.terms(text) else { fatalError("terms differ between two runs") }
    let normalizedScalars = Array(SearchTokenizer.normalize(text).unicodeScalars)
    for (term, count) in terms {
        guard count >= 1, !term.isEmpty else { fatalError("empty term or count for \(term)") }
        let scalars = Array(term.unicodeScalars)
        if scalars.allSatisfy(SearchTokenizer.isHan) {
            guard (1...2).contains(term.count) else { fatalError("Han term of \(term.count) characters: \(term)") }
        } else {
            guard scalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) }) else {
                fatalError("Latin term with other characters: \(term.debugDescription)")
            }
        }
        // Compared scalar by scalar, as the tokenizer reads: "dic" is in "dic\u{316}" although the
        // String "dic\u{316}" (whose last Character is c with a mark) does not contain "dic".
        guard containsScalars(normalizedScalars, Array(term.unicodeScalars)) else {
            fatalError("term \(term.debugDescription) is not in the normalised text")
        }
    }
    for run in SearchTokenizer.runs(text) {
        if case let .han(characters) = run {
            for character in characters {
                for reading in pinyin.readings(character) where !reading.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) }) || reading.isEmpty {
                    fatalError("reading \(reading.debugDescription) of \(character)")
                }
            }
        }
    }
    return 0
}

func containsScalars(_ haystack: [Unicode.Scalar], _ needle: [Unicode.Scalar]) -> Bool {
    guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
    return (0...(haystack.count - needle.count)).contains { start in haystack[start..<start + needle.count].elementsEqual(needle) }
}

// SwiftPM links an executable's entry point under its own name and points `main` at it; this one
// hands the command line to libFuzzer's driver (libFuzzer's own `main` would do the same through
// LLVMFuzzerTestOneInput, whichever the linker keeps: see `--allow-multiple-definition` in Makefile).
@main
enum FuzzMain {
    static func main() { runLibFuzzer(fuzzSearchTokenizer) }
}
