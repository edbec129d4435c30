import Support

/// One form table of a template, as cmark-gfm writes it (one `<td>` per line), with its merged
/// cells applied: trailing empty cells and `<` cells widen the cell to their left (`colspan`),
/// `^` cells lengthen the cell above (`rowspan`).
struct FormTable {
    private struct Cell {
        var line: [UInt8]
        var columnSpan = 1
        var rowSpan = 1
        var column = 0
    }

    private let head: [UInt8]
    private var rows: [[Cell]] = []
    /// The bytes between rows (`\n`, `<tbody>\n`) and after the last row, kept as they were.
    private var gaps: [[UInt8]] = []

    init(_ bytes: ArraySlice<UInt8>) {
        let table = Array(bytes)
        let newline = UInt8(ascii: "\n")
        var cursor = 0
        var rowLines: [[[UInt8]]] = []
        var head: [UInt8] = []
        var gaps: [[UInt8]] = []
        while let open = ByteSearch.firstIndex(of: "<tr>", in: table, from: cursor),
              let close = ByteSearch.firstIndex(of: "</tr>", in: table, from: open + 4) {
            if rowLines.isEmpty { head = Array(table[cursor..<open]) } else { gaps.append(Array(table[cursor..<open])) }
            rowLines.append(table[(open + 4)..<close].split(separator: newline, omittingEmptySubsequences: true).map(Array.init))
            cursor = close + 5
        }
        gaps.append(Array(table[cursor...]))
        if rowLines.isEmpty { head = [] }
        self.head = rowLines.isEmpty ? table : head
        self.gaps = gaps
        rows = rowLines.map { $0.map { Cell(line: $0) } }
        if !rowLines.isEmpty { merge() }
    }

    private static let emptyCell = Array("<td></td>".utf8)
    private static let leftMarker = Array("<td>&lt;</td>".utf8)
    private static let upMarker = Array("<td>^</td>".utf8)
    private static let cellStart = Array("<td".utf8)

    private mutating func merge() {
        // Which printed cell covers each grid column so far: a `^` lengthens that one.
        var owner: [Int: (row: Int, cell: Int)] = [:]
        for index in rows.indices {
            var merged: [Cell] = []
            var column = 0
            var continued: [Int] = []
            for var cell in rows[index] {
                defer { column += 1 }
                if cell.line == Self.leftMarker, !merged.isEmpty {
                    merged[merged.count - 1].columnSpan += 1
                    continue
                }
                if cell.line == Self.upMarker, let above = owner[column] {
                    if !continued.contains(above.cell) || above.row != index {
                        rows[above.row][above.cell].rowSpan += 1
                    }
                    continued.append(above.cell)
                    continue
                }
                cell.column = column
                merged.append(cell)
            }
            // Trailing empty cells widen the last cell, as before; an empty cell that is itself
            // merged (`|  | \< |`) is a blank to write in and stays.
            var span = 0
            while merged.count > 1, merged.last?.line == Self.emptyCell, merged.last?.columnSpan == 1, merged.last?.rowSpan == 1 {
                span += merged.removeLast().columnSpan
            }
            if span > 0 { merged[merged.count - 1].columnSpan += span }
            rows[index] = merged
            for (cellIndex, cell) in merged.enumerated() {
                for covered in cell.column..<(cell.column + cell.columnSpan) { owner[covered] = (index, cellIndex) }
            }
        }
    }

    func html() -> [UInt8] {
        guard !rows.isEmpty else { return head }
        let newline = UInt8(ascii: "\n")
        var output = head
        for (index, row) in rows.enumerated() {
            if index > 0 { output += gaps[index - 1] }
            output += "<tr>".utf8
            output.append(newline)
            for cell in row {
                var attributes = ""
                if cell.columnSpan > 1 { attributes += " colspan=\"\(cell.columnSpan)\"" }
                if cell.rowSpan > 1 { attributes += " rowspan=\"\(cell.rowSpan)\"" }
                if !attributes.isEmpty, cell.line.starts(with: Self.cellStart) {
                    output += Self.cellStart + attributes.utf8 + cell.line.dropFirst(Self.cellStart.count)
                } else {
                    output += cell.line
                }
                output.append(newline)
            }
            output += "</tr>".utf8
        }
        output += gaps[rows.count - 1]
        return output
    }
}
