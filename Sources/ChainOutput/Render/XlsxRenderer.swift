import CXlsxWriter
import ChainModel
import Foundation

/// Writes a ``Document`` as an Excel workbook (through libxlsxwriter) that opens in Excel and
/// WPS as a committee's staff expect: one sheet per section named in the reader's language,
/// typed numeric cells (money in 万元 with a thousands format, shares as percentages), a bold
/// and frozen header row on each table, column widths that fit Chinese text.
///
/// Money is written in 万元 (the unit Chinese statistical tables use) and the column title says
/// so; everything else keeps its value. A table longer than a sheet's 1,048,576 rows continues
/// on further sheets.
public struct XlsxRenderer: Sendable {
    public let catalog: Catalog

    public init(_ catalog: Catalog) { self.catalog = catalog }

    /// Rows a sheet holds, header included (Excel's limit).
    static let maxRows = 1_048_576
    /// Widest column, in Excel's character units.
    static let maxWidth = 60.0

    /// The workbook's bytes: written to a private temporary file, read back and removed, so
    /// that callers place it like any other output (atomically, or on standard output).
    ///
    /// - Throws: ``OutputError/notRepresentable(_:)`` when the temporary file cannot be written.
    public func render(_ document: Document) throws(OutputError) -> [UInt8] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("chainmap-\(UUID().uuidString).xlsx")
            .path
        defer { unlink(path) }
        try write(document, to: path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .notRepresentable(catalog.render(Message("xlsx.error.create", ["path": .text(path)])))
        }
        return [UInt8](data)
    }

    /// Writes `document` to the file at `path` (replacing it; callers write to a temporary
    /// file and move it into place).
    ///
    /// - Throws: ``OutputError/notRepresentable(_:)`` with libxlsxwriter's reason when the file
    ///   cannot be written.
    /// - Complexity: O(cells); memory O(one row) (libxlsxwriter's constant-memory mode).
    public func write(_ document: Document, to path: String) throws(OutputError) {
        var options = lxw_workbook_options(constant_memory: 1, tmpdir: nil, use_zip64: 1)
        guard let workbook = workbook_new_opt(path, &options) else {
            throw .notRepresentable(catalog.render(Message("xlsx.error.create", ["path": .text(path)])))
        }
        var sheets = Sheets(workbook: workbook, catalog: catalog)
        for section in document.sections {
            let sheet = sheets.add(catalog.render(section.title))
            var writer = SheetWriter(sheet: sheet, formats: sheets.formats, catalog: catalog)
            writer.plan(section.blocks)
            writer.title(catalog.render(section.title))
            for block in section.blocks {
                switch block {
                case .paragraph(let m), .note(let m): writer.line(catalog.render(m))
                case .facts(let facts): for f in facts { writer.fact(catalog.render(f.label), f.value) }
                case .table(let table): writer.table(table) { sheets.add(catalog.render(section.title)) }
                }
            }
        }
        if let data = document.dataTable {
            let title = catalog.render(Message("xlsx.sheet.data"))
            var writer = SheetWriter(sheet: sheets.add(title), formats: sheets.formats, catalog: catalog)
            writer.plan([.table(data)])
            writer.table(data) { sheets.add(title) }
        }
        if sheets.count == 0 { _ = sheets.add(catalog.render(document.title)) }
        let status = workbook_close(workbook)
        guard status == LXW_NO_ERROR else {
            throw .notRepresentable(
                catalog.render(
                    Message(
                        "xlsx.error.write",
                        [
                            "path": .text(path), "reason": .text(String(cString: lxw_strerror(status))),
                        ])))
        }
    }
}

/// The formats a workbook shares.
struct XlsxFormats {
    let bold, header, integer, number, money, percent: UnsafeMutablePointer<lxw_format>?

    init(_ workbook: UnsafeMutablePointer<lxw_workbook>) {
        func make(_ setup: (UnsafeMutablePointer<lxw_format>) -> Void) -> UnsafeMutablePointer<lxw_format>? {
            guard let f = workbook_add_format(workbook) else { return nil }
            setup(f)
            return f
        }
        bold = make { format_set_bold($0) }
        header = make {
            format_set_bold($0)
            format_set_bg_color($0, 0xDDEBF7)
            format_set_text_wrap($0)
        }
        integer = make { format_set_num_format($0, "#,##0") }
        number = make { format_set_num_format($0, "0.000000") }
        money = make { format_set_num_format($0, "#,##0.00") }
        percent = make { format_set_num_format($0, "0.0%") }
    }
}

/// The workbook's sheets, with names Excel accepts: at most 31 characters, none of `[]:*?/\`,
/// unique regardless of case.
struct Sheets {
    let workbook: UnsafeMutablePointer<lxw_workbook>
    let formats: XlsxFormats
    let catalog: Catalog
    private var used: Set<String> = []
    private(set) var count = 0

    init(workbook: UnsafeMutablePointer<lxw_workbook>, catalog: Catalog) {
        self.workbook = workbook
        self.catalog = catalog
        self.formats = XlsxFormats(workbook)
    }

    mutating func add(_ title: String) -> UnsafeMutablePointer<lxw_worksheet>? {
        let cleaned = String(title.map { "[]:*?/\\".contains($0) ? "_" : $0 }).trimmingApostrophes()
        var base = String(cleaned.prefix(28))
        if base.isEmpty { base = String(count + 1) }
        var name = base
        var n = 2
        while used.contains(name.lowercased()) {
            name = String(base.prefix(31 - String(n).count - 1)) + "_" + String(n)
            n += 1
        }
        used.insert(name.lowercased())
        count += 1
        return workbook_add_worksheet(workbook, name)
    }
}

extension String {
    /// Excel refuses sheet names that begin or end with an apostrophe.
    fileprivate func trimmingApostrophes() -> String {
        var s = Substring(self)
        while s.first == "'" { s = s.dropFirst() }
        while s.last == "'" { s = s.dropLast() }
        return String(s)
    }
}

/// Writes one sheet row by row (libxlsxwriter's constant-memory mode needs rows in order).
struct SheetWriter {
    var sheet: UnsafeMutablePointer<lxw_worksheet>?
    let formats: XlsxFormats
    let catalog: Catalog
    var row: UInt32 = 0
    private var frozen = false
    /// Whether the last row written is the sheet's title (a table then follows without a gap).
    private var afterTitle = false

    init(sheet: UnsafeMutablePointer<lxw_worksheet>?, formats: XlsxFormats, catalog: Catalog) {
        self.sheet = sheet
        self.formats = formats
        self.catalog = catalog
    }

    /// Sets column widths for the blocks about to be written: the widest text of each column
    /// (Chinese characters count two), within bounds.
    mutating func plan(_ blocks: [Block]) {
        var widths: [Int] = []
        func fit(_ column: Int, _ text: String) {
            while widths.count <= column { widths.append(8) }
            widths[column] = max(widths[column], displayWidth(text) + 2)
        }
        for block in blocks {
            switch block {
            case .paragraph, .note: break
            case .facts(let facts):
                for f in facts {
                    fit(0, catalog.render(f.label))
                    fit(1, f.value.text(catalog))
                }
            case .table(let table):
                for (i, c) in table.columns.enumerated() { fit(i, columnTitle(c)) }
                for r in table.rows.prefix(2_000) {
                    for (i, cell) in r.enumerated() { fit(i, cell.text(catalog)) }
                }
            }
        }
        for (i, w) in widths.enumerated() {
            worksheet_set_column(sheet, lxw_col_t(i), lxw_col_t(i), min(Double(w), XlsxRenderer.maxWidth), nil)
        }
    }

    mutating func title(_ text: String) {
        worksheet_write_string(sheet, row, 0, text, formats.bold)
        row += 2
        afterTitle = true
    }

    mutating func line(_ text: String) {
        worksheet_write_string(sheet, row, 0, text, nil)
        row += 1
        afterTitle = false
    }

    mutating func fact(_ label: String, _ value: Cell) {
        worksheet_write_string(sheet, row, 0, label, formats.bold)
        write(value, column: 1)
        row += 1
        afterTitle = false
    }

    /// A table: its header (bold, frozen when it is the sheet's first), then its rows; rows past
    /// the sheet's limit continue on sheets from `nextSheet`.
    mutating func table(_ table: Table, nextSheet: () -> UnsafeMutablePointer<lxw_worksheet>?) {
        if row > 0 && !afterTitle { row += 1 }
        afterTitle = false
        header(table)
        for r in table.rows {
            if row >= XlsxRenderer.maxRows {
                sheet = nextSheet()
                row = 0
                frozen = false
                header(table)
            }
            for (i, cell) in r.enumerated() { write(cell, column: i) }
            row += 1
        }
        if table.omittedRows > 0 {
            line(catalog.render(Message("xlsx.omitted", ["count": .integer(table.omittedRows)])))
        }
    }

    private mutating func header(_ table: Table) {
        for (i, c) in table.columns.enumerated() {
            worksheet_write_string(sheet, row, lxw_col_t(i), columnTitle(c), formats.header)
        }
        if !frozen {
            worksheet_freeze_panes(sheet, row + 1, 0)
            frozen = true
        }
        row += 1
    }

    /// The column's title; money columns say their unit (万元).
    private func columnTitle(_ c: Column) -> String {
        let title = catalog.render(c.title)
        return c.kind == .money ? catalog.render(Message("xlsx.moneyColumn", ["title": .text(title)])) : title
    }

    private func write(_ cell: Cell, column: Int) {
        let col = lxw_col_t(column)
        switch cell {
        case .integer(let n): worksheet_write_number(sheet, row, col, Double(n), formats.integer)
        case .number(let d, _): number(d, col, formats.number)
        case .money(let d): number(d / 1e4, col, formats.money)
        case .percent(let d): number(d, col, formats.percent)
        case .empty: break
        default:
            let text = cell.text(catalog)
            if !text.isEmpty { worksheet_write_string(sheet, row, col, text, nil) }
        }
    }

    /// A finite number as a typed cell; a non-finite one as an empty cell.
    private func number(_ d: Double, _ col: lxw_col_t, _ format: UnsafeMutablePointer<lxw_format>?) {
        guard d.isFinite else { return }
        worksheet_write_number(sheet, row, col, d, format)
    }
}
