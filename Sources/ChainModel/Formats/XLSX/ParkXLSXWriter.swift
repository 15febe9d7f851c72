import CXlsxWriter
import Foundation

/// One cell as the park workbook writes it: typed where the schema is numeric or boolean.
enum XLSXOutCell {
    case empty
    case text(String)
    case number(Double)
    case boolean(Bool)

    /// The text a reader sees, for column widths.
    var shown: String {
        switch self {
        case .empty: ""
        case .text(let s): s
        case .number(let d): NumberFormat.shortest(d)
        case .boolean(let b): b ? "TRUE" : "FALSE"
        }
    }
}

/// Writes a ``RecordWriter``'s fields as one worksheet row in schema column order.
struct XLSXRecordWriter: RecordWriter {
    let schema: RecordSchema
    var cells: [XLSXOutCell]

    init(schema: RecordSchema) {
        self.schema = schema
        self.cells = Array(repeating: .empty, count: schema.keys.count)
    }

    private mutating func set(_ name: String, _ value: XLSXOutCell) {
        let i = schema[name].index
        if i >= 0 { cells[i] = value }
    }

    mutating func text(_ name: String, _ value: String?) { set(name, value.map { .text($0) } ?? .empty) }
    mutating func list(_ name: String, _ value: [String]) {
        set(name, value.isEmpty ? .empty : .text(CSVList.join(value)))
    }
    mutating func double(_ name: String, _ value: Double?) { set(name, value.map { .number($0) } ?? .empty) }
    mutating func int(_ name: String, _ value: Int?) { set(name, value.map { .number(Double($0)) } ?? .empty) }
    mutating func bool(_ name: String, _ value: Bool, default d: Bool) { set(name, .boolean(value)) }
    mutating func optionalBool(_ name: String, _ value: Bool?) { set(name, value.map { .boolean($0) } ?? .empty) }
}

/// Writes a park as one `.xlsx` workbook through libxlsxwriter: a sheet per record kind with
/// the CSV bundle's columns, typed number and boolean cells, a bold frozen header row,
/// column widths that fit Chinese text. `ParkLoader` reads it back without loss.
///
/// A number whose digits libxlsxwriter would shorten (it writes 16 significant digits) is
/// written as text with all its digits, so that the park comes back the same; a kind with
/// more records than a sheet holds continues on `links 2`, `links 3`…
enum ParkXLSXWriter {
    /// Data rows a sheet holds below its header (Excel's limit of 1,048,576 rows).
    static let rowsPerSheet = Int(LXW_ROW_MAX) - 1
    /// Excel's longest text in a cell.
    static let maxTextLength = 32_767

    /// The workbook's bytes.
    static func encode(_ park: Park, rowsPerSheet: Int = rowsPerSheet) throws(WriteError) -> [UInt8] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "chainmap-park-\(UUID().uuidString).xlsx"
        ).path
        let token = TemporaryFiles.register(path)
        defer {
            unlink(path)
            TemporaryFiles.unregister(token)
        }
        try write(park, toTemporary: path, rowsPerSheet: rowsPerSheet)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WriteError(
                path: path, message: "the workbook could not be read back from the temporary folder",
                hint: "check the free space in \(NSTemporaryDirectory())")
        }
        return [UInt8](data)
    }

    /// Writes `park` to `path` under ``OutputFile``'s rule (atomic; `overwrite` is `--force`).
    static func write(_ park: Park, to path: String, overwrite: Bool) throws(WriteError) {
        // Refuse before the work when the output may not be written.
        _ = try OutputFile.check(path, replace: overwrite)
        try OutputFile.write(encode(park), to: path, replace: overwrite)
    }

    private static func write(_ park: Park, toTemporary path: String, rowsPerSheet: Int) throws(WriteError) {
        var options = lxw_workbook_options(constant_memory: 1, tmpdir: nil, use_zip64: 1)
        guard let workbook = workbook_new_opt(path, &options) else {
            throw WriteError(
                path: path, message: "cannot create the workbook", hint: "check the free space in the temporary folder")
        }
        let header = workbook_add_format(workbook)
        format_set_bold(header)
        format_set_bg_color(header, 0xDDEBF7)
        var failure: WriteError?

        func sheet<C: RandomAccessCollection>(
            _ kind: RecordKind, _ items: C, encode: (C.Element, inout XLSXRecordWriter) -> Void
        ) where C.Index == Int {
            guard failure == nil else { return }
            let schema = Schemas.schema(for: kind)
            let names = schema.keys.map(\.name)
            let title = ParkXLSX.sheetNames[kind]![0]
            func row(_ i: Int) -> [XLSXOutCell] {
                var w = XLSXRecordWriter(schema: schema)
                encode(items[i], &w)
                return w.cells
            }
            // Widths from the header and the first rows; CJK characters count two.
            var widths = names.map { displayWidth($0) + 2 }
            for i in 0..<min(items.count, 2_000) {
                for (c, cell) in row(i).enumerated() { widths[c] = max(widths[c], displayWidth(cell.shown) + 2) }
            }
            var part = 1
            var start = 0
            repeat {
                let name = part == 1 ? title : "\(title) \(part)"
                guard let ws = workbook_add_worksheet(workbook, name) else {
                    failure = WriteError(path: path, message: "cannot add the sheet \(name)", hint: nil)
                    return
                }
                for (c, w) in widths.enumerated() {
                    worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), Double(min(max(w, 8), 60)), nil)
                }
                for (c, n) in names.enumerated() { worksheet_write_string(ws, 0, lxw_col_t(c), n, header) }
                worksheet_freeze_panes(ws, 1, 0)
                let end = min(items.count, start + rowsPerSheet)
                var r: UInt32 = 1
                for i in start..<end {
                    for (c, cell) in row(i).enumerated() {
                        let col = lxw_col_t(c)
                        switch cell {
                        case .empty: break
                        case .boolean(let b): worksheet_write_boolean(ws, r, col, b ? 1 : 0, nil)
                        case .number(let d):
                            // libxlsxwriter keeps 16 significant digits; a value that needs 17 is
                            // written as text with all of them (and read back as the same number).
                            if keepsAllDigits(d) {
                                worksheet_write_number(ws, r, col, d, nil)
                            } else {
                                worksheet_write_string(ws, r, col, NumberFormat.shortest(d), nil)
                            }
                        case .text(let s):
                            if s.utf16.count > maxTextLength {
                                failure = WriteError(
                                    path: path,
                                    message:
                                        "\(title) row \(i + 1), \(names[c]): the text is longer than \(maxTextLength) characters, Excel's limit for a cell",
                                    hint: "shorten it, or keep this park as JSON or a CSV bundle")
                                return
                            }
                            worksheet_write_string(ws, r, col, s, nil)
                        }
                    }
                    r += 1
                }
                start = end
                part += 1
            } while start < items.count
        }

        sheet(.park, [park]) { p, w in RecordCoding.encode(park: p, into: &w) }
        sheet(.chain, park.chains) { c, w in RecordCoding.encode(c, into: &w) }
        let stages = park.chains.flatMap { c in c.stages.map { (chain: c.id, stage: $0) } }
        sheet(.stage, stages) { s, w in RecordCoding.encode(s.stage, chain: s.chain, into: &w) }
        sheet(.firm, park.firms) { f, w in RecordCoding.encode(f, into: &w) }
        sheet(.link, park.links) { l, w in RecordCoding.encode(l, into: &w) }
        sheet(.organization, park.organizations) { o, w in RecordCoding.encode(o, into: &w) }
        sheet(.pairing, park.pairings) { p, w in RecordCoding.encode(p, into: &w) }
        sheet(.need, park.needs) { n, w in RecordCoding.encode(n, into: &w) }
        // Written only when there are any, as in JSON and CSV.
        if !park.resources.isEmpty { sheet(.resource, park.resources) { x, w in RecordCoding.encode(x, into: &w) } }
        if !park.projects.isEmpty { sheet(.project, park.projects) { p, w in RecordCoding.encode(p, into: &w) } }
        let status = workbook_close(workbook)
        if let failure { throw failure }
        guard status == LXW_NO_ERROR else {
            throw WriteError(
                path: path, message: "cannot write the workbook (\(String(cString: lxw_strerror(status))))",
                hint: "check the free space in the temporary folder")
        }
    }

    /// Whether libxlsxwriter's `%.16G` gives back `d` exactly. Whole numbers below 10^15 always
    /// do (the common case: money, counts), without formatting them.
    static func keepsAllDigits(_ d: Double) -> Bool {
        if d == d.rounded(), abs(d) < 1e15 { return true }
        return Double(String(format: "%.16G", d)) == d
    }

    /// Columns a text takes in a spreadsheet: East Asian wide characters count two.
    static func displayWidth(_ s: String) -> Int {
        var n = 0
        for u in s.unicodeScalars {
            let v = u.value
            let wide =
                (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
            n += wide ? 2 : 1
            if n > 200 { break }
        }
        return n
    }
}
