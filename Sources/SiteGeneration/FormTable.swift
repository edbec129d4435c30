/// How a template's form table lays out its cells. GFM tables have no merged cells, so a form says
/// with its cells' content what Word merged (what `noticeboard import` writes): the empty cells that
/// end a row belong to the cell before them, as on the printed form (`| 免学理由 | {{reason}} | | | |`
/// spans the row); inside a row, a cell holding only `<` widens the cell to its left (`colspan`),
/// and one holding only `^` lengthens the cell above (`rowspan`).
struct FormTable {
    /// What a cell of the table as written holds, as far as the layout is concerned.
    enum Content {
        case empty, mergeLeft, mergeUp, other
    }

    /// A cell as the page prints it.
    struct Cell: Equatable {
        /// Its place in its row as written.
        var index: Int
        /// The first grid column it covers.
        var column = 0
        var columnSpan = 1
        var rowSpan = 1
    }

    /// The printed cells of each row, in order.
    private(set) var rows: [[Cell]] = []

    /// `contents` holds each row's cells as written, the header row (when it was not dropped for
    /// being empty) first: a form is a layout of labels and blanks, with no header.
    init(_ contents: [[Content]]) {
        // Which printed cell covers each grid column so far: a `^` lengthens that one.
        var owner: [Int: (row: Int, cell: Int)] = [:]
        for (rowIndex, row) in contents.enumerated() {
            var merged: [(cell: Cell, content: Content)] = []
            var continued: [Int] = []
            for (column, content) in row.enumerated() {
                if content == .mergeLeft, !merged.isEmpty {
                    merged[merged.count - 1].cell.columnSpan += 1
                    continue
                }
                if content == .mergeUp, let above = owner[column] {
                    if !continued.contains(above.cell) || above.row != rowIndex {
                        rows[above.row][above.cell].rowSpan += 1
                    }
                    continued.append(above.cell)
                    continue
                }
                merged.append((Cell(index: column, column: column), content))
            }
            // Trailing empty cells widen the last cell, as before; an empty cell that is itself
            // merged (`|  | \< |`) is a blank to write in and stays.
            var span = 0
            while merged.count > 1, let last = merged.last, last.content == .empty, last.cell.columnSpan == 1, last.cell.rowSpan == 1 {
                span += merged.removeLast().cell.columnSpan
            }
            if span > 0 { merged[merged.count - 1].cell.columnSpan += span }
            rows.append(merged.map(\.cell))
            for (cellIndex, cell) in rows[rowIndex].enumerated() {
                for covered in cell.column..<(cell.column + cell.columnSpan) { owner[covered] = (rowIndex, cellIndex) }
            }
        }
    }
}
