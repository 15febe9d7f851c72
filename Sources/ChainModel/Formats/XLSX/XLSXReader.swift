/// One cell's content as a park reader needs it: the text Excel shows for text, the stored
/// number's digits for numbers, `true`/`false` for booleans.
struct XLSXCell {
    enum Kind: UInt8 {
        case text, number, boolean
        /// A number formatted as a date or time; ``XLSXCell/value`` is its ISO 8601 form.
        case date
        /// An error value such as `#N/A`.
        case error
        /// A formula whose result was never saved (files written by scripts, not Excel).
        case formulaWithoutValue
    }

    var column: Int
    var kind: Kind
    var value: String
}

/// Reads an `.xlsx` workbook: the sheet names and order (`xl/workbook.xml` and its
/// relationships), the shared strings, the styles that make a number a date, and each
/// worksheet row by row into ``XLSXCell``s. See docs/FORMAT.md ("Excel workbook").
struct XLSXReader {
    struct Sheet {
        var name: String
        /// The worksheet's part in the archive, e.g. `xl/worksheets/sheet1.xml`.
        var part: String
    }

    private(set) var archive: ZipArchive
    private(set) var sheets: [Sheet] = []
    private(set) var sharedStrings: [String] = []
    /// For each cell style index (`s`), whether its number format is a date or time.
    private(set) var dateStyles: [Bool] = []
    private(set) var date1904 = false
    /// Sheets that are not worksheets (chart sheets, dialogs): their names.
    private(set) var otherSheets: [String] = []

    init(_ bytes: [UInt8], limits: XLSXLimits = .standard) throws(XLSXProblem) {
        archive = try ZipArchive(bytes, limits: limits)
        var workbookPart = "xl/workbook.xml"
        if let rels = try archive.read("_rels/.rels") {
            for r in Self.relationships(rels, base: "") where r.type.hasSuffix("/officeDocument") {
                workbookPart = r.target
            }
        }
        guard let workbook = try archive.read(workbookPart) else {
            if archive.contains("content.xml") {
                throw XLSXProblem(
                    "this is an OpenDocument spreadsheet (.ods), not an .xlsx workbook",
                    hint: "save it as Excel 2007-365 (.xlsx)",
                    text: "problem.xlsx.ods", hintText: "problem.xlsx.ods.hint")
            }
            throw XLSXProblem(
                "not an Excel workbook: the zip archive has no \(workbookPart)",
                hint: "save the file as an Excel workbook (.xlsx)",
                text: Message("problem.xlsx.noWorkbook", ["part": .text(workbookPart)]),
                hintText: "problem.xlsx.saveAgain.hint")
        }
        let folder = workbookPart.split(separator: "/").dropLast().joined(separator: "/")
        let relsPart =
            (folder.isEmpty ? "" : folder + "/") + "_rels/"
            + (workbookPart.split(separator: "/").last.map(String.init) ?? "") + ".rels"
        let rels = try archive.read(relsPart).map { Self.relationships($0, base: folder) } ?? []
        var targets: [String: (type: String, target: String)] = [:]
        var sharedPart = folder + "/sharedStrings.xml"
        var stylesPart = folder + "/styles.xml"
        for r in rels {
            targets[r.id] = (r.type, r.target)
            if r.type.hasSuffix("/sharedStrings") { sharedPart = r.target }
            if r.type.hasSuffix("/styles") { stylesPart = r.target }
        }
        parseWorkbook(workbook, targets: targets)
        if let shared = try archive.read(sharedPart) { sharedStrings = Self.sharedStrings(shared) }
        if let styles = try archive.read(stylesPart) { dateStyles = Self.dateStyles(styles) }
    }

    // MARK: Workbook and relationships

    struct Relationship {
        var id: String
        var type: String
        var target: String
    }

    /// The relationships of a part; targets resolved to archive paths against `base`.
    static func relationships(_ bytes: [UInt8], base: String) -> [Relationship] {
        bytes.withUnsafeBufferPointer { buf in
            var x = XMLScanner(buf)
            var out: [Relationship] = []
            loop: while true {
                switch x.next() {
                case .start(let name, let attrs, _) where x.isName(name, "Relationship"):
                    guard let id = x.attribute(attrs, "Id"), let target = x.attribute(attrs, "Target") else { continue }
                    let mode = x.attribute(attrs, "TargetMode").map { x.string($0) }
                    if mode == "External" { continue }
                    out.append(
                        Relationship(
                            id: x.string(id), type: x.attribute(attrs, "Type").map { x.string($0) } ?? "",
                            target: resolve(x.string(target), base: base)))
                case .eof, .malformed: break loop
                default: continue
                }
            }
            return out
        }
    }

    /// An archive path for a relationship target: absolute (`/xl/…`) or relative to `base`.
    static func resolve(_ target: String, base: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : base.split(separator: "/")
        for piece in target.split(separator: "/") {
            if piece == ".." { if !parts.isEmpty { parts.removeLast() } } else if piece != "." { parts.append(piece) }
        }
        return parts.joined(separator: "/")
    }

    private mutating func parseWorkbook(_ bytes: [UInt8], targets: [String: (type: String, target: String)]) {
        bytes.withUnsafeBufferPointer { buf in
            var x = XMLScanner(buf)
            loop: while true {
                switch x.next() {
                case .start(let name, let attrs, _) where x.isName(name, "workbookPr"):
                    if let v = x.attribute(attrs, "date1904") { date1904 = ["1", "true"].contains(x.string(v)) }
                case .start(let name, let attrs, _) where x.isName(name, "sheet"):
                    guard let n = x.attribute(attrs, "name"), let rid = x.attribute(attrs, "id", prefixed: true) else {
                        continue
                    }
                    let sheetName = x.string(n)
                    if let t = targets[x.string(rid)], t.type.hasSuffix("/worksheet") {
                        sheets.append(Sheet(name: sheetName, part: t.target))
                    } else {
                        otherSheets.append(sheetName)
                    }
                case .eof, .malformed: break loop
                default: continue
                }
            }
        }
    }

    // MARK: Shared strings and styles

    /// The shared string table: each `<si>`'s text, rich-text runs joined, phonetic runs
    /// (`<rPh>`) left out.
    static func sharedStrings(_ bytes: [UInt8]) -> [String] {
        bytes.withUnsafeBufferPointer { buf in
            var x = XMLScanner(buf)
            var out: [String] = []
            var current = ""
            var inItem = false, inText = false, phonetic = 0
            loop: while true {
                switch x.next() {
                case .start(let name, _, let empty):
                    if x.isName(name, "si") {
                        current = ""
                        inItem = !empty
                        if empty { out.append("") }
                    } else if x.isName(name, "rPh") {
                        if !empty { phonetic += 1 }
                    } else if x.isName(name, "t") {
                        inText = !empty
                    }
                case .end(let name):
                    if x.isName(name, "si") {
                        if inItem { out.append(current.decodingOOXMLEscapes()) }
                        inItem = false
                    } else if x.isName(name, "rPh") {
                        phonetic = max(0, phonetic - 1)
                    } else if x.isName(name, "t") {
                        inText = false
                    }
                case .text(let r):
                    if inItem && inText && phonetic == 0 { current += x.string(r) }
                case .cdata(let r):
                    if inItem && inText && phonetic == 0 { current += x.string(r, raw: true) }
                case .eof, .malformed: break loop
                }
            }
            return out
        }
    }

    /// Built-in number formats that show dates or times (ECMA-376 §18.8.30, with the
    /// East Asian ids 27–36 and 50–58 Excel uses in Chinese locales).
    static let builtinDateFormats: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    /// Whether a custom number format code shows a date or time: a d, m, y, h or s outside
    /// quotes, brackets and escapes.
    static func isDateFormat(_ code: String) -> Bool {
        var inQuote = false, inBracket = false, escaped = false
        for c in code.lowercased() {
            if escaped { escaped = false; continue }
            switch c {
            case "\\": escaped = true
            case "\"": inQuote.toggle()
            case "[" where !inQuote: inBracket = true
            case "]" where !inQuote: inBracket = false
            case "d", "m", "y", "h", "s":
                if !inQuote && !inBracket { return true }
            default: break
            }
        }
        return false
    }

    static func dateStyles(_ bytes: [UInt8]) -> [Bool] {
        bytes.withUnsafeBufferPointer { buf in
            var x = XMLScanner(buf)
            var custom: [Int: Bool] = [:]
            var styles: [Bool] = []
            var inCellXfs = false
            loop: while true {
                switch x.next() {
                case .start(let name, let attrs, let empty):
                    if x.isName(name, "numFmt"), let id = x.attribute(attrs, "numFmtId").flatMap({ Int(x.string($0)) })
                    {
                        custom[id] = isDateFormat(x.attribute(attrs, "formatCode").map { x.string($0) } ?? "")
                    } else if x.isName(name, "cellXfs") {
                        inCellXfs = !empty
                    } else if inCellXfs && x.isName(name, "xf") {
                        let id = x.attribute(attrs, "numFmtId").flatMap { Int(x.string($0)) } ?? 0
                        styles.append(custom[id] ?? builtinDateFormats.contains(id))
                    }
                case .end(let name):
                    if x.isName(name, "cellXfs") { inCellXfs = false }
                case .eof, .malformed: break loop
                default: continue
                }
            }
            return styles
        }
    }

    // MARK: Worksheets

    /// The worksheet's XML, inflated.
    mutating func worksheetBytes(_ sheet: Sheet) throws(XLSXProblem) -> [UInt8] {
        guard let bytes = try archive.read(sheet.part) else {
            throw XLSXProblem(
                "the sheet's data (\(sheet.part)) is missing from the workbook", hint: ZipArchive.corruptHint,
                sheet: sheet.name,
                text: Message("problem.xlsx.sheetMissing", ["part": .text(sheet.part)]))
        }
        return bytes
    }

    /// The merged ranges of a worksheet (`<mergeCell ref="A1:B1"/>`), as (first row, first
    /// column, last row, last column), 1-based rows and 0-based columns.
    static func mergedRanges(_ buf: UnsafeBufferPointer<UInt8>) -> [(
        ref: String, top: Int, left: Int, bottom: Int, right: Int
    )] {
        // They follow the cell data: scan from the end of <sheetData>.
        var x = XMLScanner(buf)
        x.p = lastSheetDataEnd(buf)
        var out: [(ref: String, top: Int, left: Int, bottom: Int, right: Int)] = []
        loop: while true {
            switch x.next() {
            case .start(let name, let attrs, _) where x.isName(name, "mergeCell"):
                guard let r = x.attribute(attrs, "ref") else { continue }
                let ref = x.string(r)
                let ends = ref.split(separator: ":")
                guard let a = ends.first.flatMap({ cellReference(Substring($0)) }) else { continue }
                let b = ends.count > 1 ? cellReference(ends[1]) ?? a : a
                out.append(
                    (ref, min(a.row, b.row), min(a.column, b.column), max(a.row, b.row), max(a.column, b.column)))
            case .eof, .malformed: break loop
            default: continue
            }
        }
        return out
    }

    /// Where the scan for content after the cell data may start: just past the last
    /// `sheetData>`, or 0.
    private static func lastSheetDataEnd(_ buf: UnsafeBufferPointer<UInt8>) -> Int {
        let pattern = Array("sheetData>".utf8)
        var i = buf.count - pattern.count
        while i >= 0 {
            if buf[i] == pattern[0] && (0..<pattern.count).allSatisfy({ buf[i + $0] == pattern[$0] }) {
                return i + pattern.count
            }
            i -= 1
        }
        return 0
    }

    /// `C12` → (row 12, column 2). Nil when it is not a cell reference.
    static func cellReference(_ s: Substring) -> (row: Int, column: Int)? {
        var column = 0, row = 0, letters = 0, digits = 0
        for u in s.utf8 {
            switch u {
            case UInt8(ascii: "$"): continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                column = column * 26 + Int(u - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
                column = column * 26 + Int(u - UInt8(ascii: "a")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                row = row * 10 + Int(u - UInt8(ascii: "0"))
                digits += 1
            default: return nil
            }
            if letters > 3 || digits > 7 { return nil }
        }
        guard letters > 0, digits > 0 else { return nil }
        return (row, column - 1)
    }

    /// The 0-based column of a cell reference's bytes (`C12` → 2), or nil.
    @inline(__always)
    static func column(of range: Range<Int>, in buf: UnsafeBufferPointer<UInt8>) -> Int? {
        var column = 0
        var letters = 0
        for i in range {
            let u = buf[i] | 0x20
            if u >= UInt8(ascii: "a") && u <= UInt8(ascii: "z") {
                column = column * 26 + Int(u - UInt8(ascii: "a")) + 1
                letters += 1
                if letters > 3 { return nil }
            } else if buf[i] != UInt8(ascii: "$") {
                break
            }
        }
        return letters > 0 ? column - 1 : nil
    }

    /// Excel's column letters for a 0-based column: 0 → A, 26 → AA.
    static func columnName(_ column: Int) -> String {
        var n = column + 1
        var s: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            s.insert(Character(Unicode.Scalar(UInt8(65 + r))), at: 0)
            n = (n - 1) / 26
        }
        return String(s)
    }

    /// Calls `body` with each row that has at least one non-empty cell: its 1-based row
    /// number and its cells in column order. Rows without content are skipped.
    func forEachRow(
        _ buf: UnsafeBufferPointer<UInt8>, sheet: String, _ body: (_ row: Int, _ cells: [XLSXCell]) -> Void
    ) throws(XLSXProblem) {
        var x = XMLScanner(buf)
        var cells: [XLSXCell] = []
        var rowNumber = 0
        var inRow = false
        var column = -1
        // The current cell.
        var inCell = false
        // The cell's `t` attribute: a code read from the bytes (a string compare per cell
        // showed in profiles).
        var type = CellType.number
        var style = 0
        var value: String?
        var inlineText: String?
        var hasFormula = false
        var inValue = false, inText = false, inInline = false, phonetic = 0
        var cellRef: String { Self.columnName(column) + String(rowNumber) }

        func finishCell() throws(XLSXProblem) {
            defer { inCell = false }
            var kind = XLSXCell.Kind.text
            var text: String
            switch type {
            case .shared:
                guard let v = value, let i = Self.index(v), i >= 0, i < sharedStrings.count else {
                    throw XLSXProblem(
                        "cell \(cellRef) refers to a shared string that is not in the workbook",
                        hint: ZipArchive.corruptHint, sheet: sheet,
                        text: Message("problem.xlsx.sharedString", ["cell": .text(cellRef)]))
                }
                text = sharedStrings[i]
            case .inline:
                text = (inlineText ?? "").decodingOOXMLEscapes()
            case .formulaString:
                text = (value ?? "").decodingOOXMLEscapes()
            case .boolean:
                guard let v = value else { text = ""; break }
                kind = .boolean
                text = v.trimmingSpaces() == "1" || v.trimmingSpaces() == "true" ? "true" : "false"
            case .error:
                kind = .error
                text = value ?? "#VALUE!"
            case .date:
                kind = .date
                text = value ?? ""
            case .number, .other:
                guard let v = value?.trimmingSpaces(), !v.isEmpty else {
                    if hasFormula { kind = .formulaWithoutValue; text = "="; break }
                    text = ""
                    break
                }
                text = v
                kind = .number
                if style < dateStyles.count, dateStyles[style], let serial = Double(v),
                    let iso = Self.isoDate(serial: serial, date1904: date1904)
                {
                    kind = .date
                    text = iso
                }
            }
            if text.isEmpty && kind != .formulaWithoutValue { return }
            cells.append(XLSXCell(column: column, kind: kind, value: text))
        }

        loop: while true {
            switch x.next() {
            case .start(let name, let attrs, let empty):
                if inCell {
                    if x.isName(name, "v") {
                        inValue = !empty; if empty { value = "" }
                    } else if x.isName(name, "f") {
                        hasFormula = true
                    } else if x.isName(name, "is") {
                        inInline = !empty
                    } else if x.isName(name, "rPh") {
                        if !empty { phonetic += 1 }
                    } else if x.isName(name, "t") {
                        inText = !empty
                    }
                } else if x.isName(name, "c") {
                    guard inRow else { continue }
                    // The hot path of a large sheet: attributes are read from the bytes.
                    var refColumn: Int?
                    type = .number
                    style = 0
                    x.forEachAttribute(attrs) { n, v in
                        if x.isName(n, "r") {
                            refColumn = Self.column(of: v, in: buf)
                        } else if x.isName(n, "t") {
                            type = CellType(buf, v)
                        } else if x.isName(n, "s") {
                            var k = 0
                            for i in v {
                                let d = Int(buf[i]) - 48
                                guard d >= 0 && d <= 9, k < 100_000_000 else { k = 0; break }
                                k = k * 10 + d
                            }
                            style = k
                        }
                    }
                    column = refColumn ?? column + 1
                    value = nil
                    inlineText = nil
                    hasFormula = false
                    inValue = false; inText = false; inInline = false; phonetic = 0
                    inCell = true
                    if empty { try finishCell() }
                } else if x.isName(name, "row") {
                    let r = x.attribute(attrs, "r").flatMap { Int(x.string($0)) }
                    rowNumber = r ?? rowNumber + 1
                    column = -1
                    cells.removeAll(keepingCapacity: true)
                    inRow = !empty
                }
            case .end(let name):
                if inCell {
                    if x.isName(name, "c") {
                        try finishCell()
                    } else if x.isName(name, "v") {
                        inValue = false
                    } else if x.isName(name, "is") {
                        inInline = false
                    } else if x.isName(name, "rPh") {
                        phonetic = max(0, phonetic - 1)
                    } else if x.isName(name, "t") {
                        inText = false
                    }
                } else if x.isName(name, "row") {
                    if inRow && !cells.isEmpty {
                        if !cells.isSorted(by: { $0.column < $1.column }) { cells.sort { $0.column < $1.column } }
                        body(rowNumber, cells)
                    }
                    inRow = false
                } else if x.isName(name, "sheetData") {
                    break loop
                }
            case .text(let r):
                guard inCell else { continue }
                if inValue {
                    value = value.map { $0 + x.string(r) } ?? x.string(r)
                } else if inInline && inText && phonetic == 0 {
                    inlineText = inlineText.map { $0 + x.string(r) } ?? x.string(r)
                }
            case .cdata(let r):
                guard inCell else { continue }
                if inValue {
                    value = (value ?? "") + x.string(r, raw: true)
                } else if inInline && inText && phonetic == 0 {
                    inlineText = (inlineText ?? "") + x.string(r, raw: true)
                }
            case .eof:
                break loop
            case .malformed(let at):
                throw XLSXProblem(
                    "the sheet's XML is malformed near byte \(at) of \(buf.count)", hint: ZipArchive.corruptHint,
                    sheet: sheet,
                    text: Message("problem.xlsx.malformed", ["at": .integer(at), "size": .integer(buf.count)]))
            }
        }
    }

    /// A cell's type (`t` attribute): shared string, inline string, formula string, boolean,
    /// error, ISO date, or a number (none, `n`, or a value ChainMap does not know, read as one).
    enum CellType {
        case shared, inline, formulaString, boolean, error, date, number, other

        init(_ buf: UnsafeBufferPointer<UInt8>, _ v: Range<Int>) {
            func equals(_ word: StaticString) -> Bool {
                word.withUTF8Buffer { w in
                    v.count == w.count && (0..<w.count).allSatisfy { buf[v.lowerBound + $0] == w[$0] }
                }
            }
            if equals("s") {
                self = .shared
            } else if equals("n") {
                self = .number
            } else if equals("inlineStr") {
                self = .inline
            } else if equals("str") {
                self = .formulaString
            } else if equals("b") {
                self = .boolean
            } else if equals("e") {
                self = .error
            } else if equals("d") {
                self = .date
            } else {
                self = .other
            }
        }
    }

    /// A shared-string index: decimal digits, spaces around them allowed.
    static func index(_ text: String) -> Int? {
        var n = 0, digits = 0, ended = false
        for c in text.utf8 {
            if c >= 0x30 && c <= 0x39 {
                guard !ended, digits < 10 else { return nil }
                n = n * 10 + Int(c - 0x30)
                digits += 1
            } else if XMLScanner.isSpace(c) {
                ended = digits > 0
            } else {
                return nil
            }
        }
        return digits > 0 ? n : nil
    }

    /// A date serial number as ISO 8601 text: `2024-06-01`, or `2024-06-01T08:30:00` with a
    /// time of day. Nil outside years 1900–9999.
    static func isoDate(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if seconds >= 86_400 { days += 1; seconds -= 86_400 }
        // Days since 1970-01-01. The 1900 system counts a 29 February 1900 that never was.
        let unixDays: Int
        if date1904 {
            unixDays = days - 24_107
        } else {
            unixDays = days - (days < 61 ? 25_568 : 25_569)
        }
        // Civil date from days (Howard Hinnant's algorithm).
        let z = unixDays + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var s = "\(y)-\(two(m))-\(two(d))"
        if seconds > 0 {
            s += "T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
        }
        return s
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    func trimmingSpaces() -> String {
        let u = utf8
        guard let first = u.first, let last = u.last, XMLScanner.isSpace(first) || XMLScanner.isSpace(last) else {
            return self
        }
        var s = Substring(self)
        while let c = s.utf8.first, XMLScanner.isSpace(c) { s = s.dropFirst() }
        while let c = s.utf8.last, XMLScanner.isSpace(c) { s = s.dropLast() }
        return String(s)
    }
}

extension Array {
    fileprivate func isSorted(by less: (Element, Element) -> Bool) -> Bool {
        var i = 1
        while i < count {
            if less(self[i], self[i - 1]) { return false }
            i += 1
        }
        return true
    }
}
