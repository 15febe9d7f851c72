import Foundation

/// Reads a ``RecordReader``'s fields from one worksheet row, by the sheet's header: the same
/// record rules and messages as the CSV bundle, located by sheet, row and column.
struct XLSXRecordReader: RecordReader {
    let schema: RecordSchema
    /// The row's cell for each schema field (by field index), nil when empty.
    let cells: [XLSXCell?]
    /// The sheet column of each schema field, -1 when the sheet has no such column.
    let columns: [Int]
    let row: Int
    let sheet: String
    let file: String
    let sink: DiagnosticSink

    func report(_ key: FieldKey, _ message: String, hint: String?, text: Message?, hintText: Message?) {
        let column = key.index >= 0 && key.index < columns.count && columns[key.index] >= 0 ? columns[key.index] : nil
        var d = Diagnostic(
            .error, file: file, sheet: sheet, line: row, column: column.map { $0 + 1 }, field: key.name, message,
            hint: hint)
        d.text = text
        d.hintText = hintText
        sink.add(d)
    }

    private func cell(_ key: FieldKey) -> XLSXCell? {
        guard key.index >= 0, key.index < cells.count, let c = cells[key.index] else { return nil }
        switch c.kind {
        case .error:
            report(
                key, "the cell holds the error value \(c.value)", hint: "correct the formula or type the value itself",
                text: Message("problem.xlsx.errorValue", ["value": .text(c.value)]),
                hintText: "problem.xlsx.errorValue.hint")
            return nil
        case .formulaWithoutValue:
            report(
                key, "the cell holds a formula whose result was never saved",
                hint: "open the workbook in Excel, WPS or LibreOffice and save it, or type the value itself",
                text: "problem.xlsx.formula", hintText: "problem.xlsx.formula.hint")
            return nil
        default:
            return c.value.isEmpty ? nil : c
        }
    }

    func text(_ key: FieldKey) -> String? { cell(key)?.value }

    func list(_ key: FieldKey) -> [String] {
        guard let s = cell(key)?.value else { return [] }
        return CSVList.split(s).filter { !$0.isEmpty }
    }

    func double(_ key: FieldKey) -> Double? {
        guard let c = cell(key) else { return nil }
        if c.kind == .date {
            report(
                key, "\"\(c.value)\" is a date, not a number",
                hint: "format the column as Number (数值) and type the plain number, e.g. 120000000",
                text: Message("problem.xlsx.dateNotNumber", ["value": .text(c.value)]),
                hintText: "problem.xlsx.dateNotNumber.hint")
            return nil
        }
        let s = c.value.trimmingSpaces()
        if let d = Double(s), d.isFinite { return d }
        report(
            key, "\"\(c.value)\" is not a number",
            hint:
                "write a plain number without units or thousands separators, e.g. 120000000 (not 1.2亿 or 120,000,000)",
            text: Message("problem.field.notNumber", ["value": .text(c.value)]),
            hintText: "problem.field.notNumber.hint")
        return nil
    }

    func int(_ key: FieldKey) -> Int? {
        guard let c = cell(key) else { return nil }
        if c.kind == .date {
            report(
                key, "\"\(c.value)\" is a date, not a whole number",
                hint: "format the column as Number (数值) and type a count such as 25",
                text: Message("problem.xlsx.dateNotWhole", ["value": .text(c.value)]),
                hintText: "problem.xlsx.dateNotWhole.hint")
            return nil
        }
        let s = c.value.trimmingSpaces()
        if let i = Int(s) { return i }
        if let d = Double(s), d.isFinite, d == d.rounded(), abs(d) < 9e15 { return Int(d) }
        report(
            key, "\"\(c.value)\" is not a whole number", hint: "write a count such as 25",
            text: Message("problem.field.notWhole", ["value": .text(c.value)]), hintText: "problem.field.notWhole.hint")
        return nil
    }

    func bool(_ key: FieldKey) -> Bool? {
        guard let c = cell(key) else { return nil }
        switch c.value.trimmingSpaces().lowercased() {
        case "true", "yes", "y", "1", "是": return true
        case "false", "no", "n", "0", "否": return false
        default:
            report(
                key, "\"\(c.value)\" is not true or false", hint: "write true or false (yes/no, 1/0, 是/否 also work)",
                text: Message("problem.field.notBool", ["value": .text(c.value)]),
                hintText: "problem.field.notBool.hint")
            return nil
        }
    }
}

/// The park workbook: one `.xlsx` with a sheet per record kind (see docs/FORMAT.md,
/// "Excel workbook").
enum ParkXLSX {
    /// Where each record was read: the sheet (index into ``Places/sheets``) and the row.
    struct Place: Sendable {
        var sheet: Int32
        var row: Int32
    }

    /// Where the records were read, for locating validation messages.
    struct Places: Sendable {
        /// Names of the sheets read, and for each the sheet column of every schema field.
        var sheets: [(name: String, kind: RecordKind, columns: [Int])] = []
        var byKind: [RecordKind: [Place]] = [:]
        /// For each chain, the place of each of its stages.
        var stages: [[Place]] = []
    }

    /// Sheet names for each kind, English first (what ChainMap writes), then Chinese.
    static let sheetNames: [RecordKind: [String]] = [
        .park: ["park", "园区"],
        .chain: ["chains", "产业链", "链条"],
        .stage: ["stages", "环节", "产业链环节"],
        .firm: ["firms", "企业"],
        .link: ["links", "供应关系", "供应链接", "配套关系"],
        .organization: ["organizations", "组织", "党组织"],
        .pairing: ["pairings", "结对", "结对共建"],
        .need: ["needs", "诉求", "需求", "需求清单"],
        .resource: ["resources", "资源清单", "资源"],
        .project: ["projects", "项目清单", "项目"],
    ]

    /// Column headers accepted besides the field names, for sheets typed by hand in Chinese.
    static let columnAliases: [RecordKind: [String: [String]]] = {
        let common = ["id": ["编号", "代码"], "name": ["名称"], "illustrative": ["示意"], "note": ["备注"]]
        func with(_ extra: [String: [String]]) -> [String: [String]] { common.merging(extra) { $1 } }
        return [
            .park: with(["format": ["格式"], "region": ["地区"], "dataDate": ["数据日期"], "source": ["来源"]]),
            .chain: common,
            .stage: with(["chain": ["产业链"], "tier": ["层级", "上中下游"], "inputs": ["上游环节"], "required": ["必需"]]),
            .firm: with([
                "name": ["名称", "企业名称"], "stages": ["环节"], "leads": ["链主"], "products": ["产品"], "capabilities": ["能力"],
                "output": ["产值"], "employees": ["员工数", "职工人数"], "capacity": ["产能"], "capacityUnit": ["产能单位"],
                "zone": ["片区", "区域"], "inPark": ["园区内"], "partyMembers": ["党员数"], "organization": ["党组织", "组织"],
                "workCovered": ["工作覆盖"],
            ]),
            .link: with([
                "supplier": ["供应方", "供应商"], "buyer": ["采购方", "客户"], "product": ["产品"], "value": ["金额"],
                "share": ["份额", "占比"], "status": ["状态"], "local": ["就近配套", "本地"], "primary": ["主配套"],
            ]),
            .organization: with([
                "kind": ["类型"], "parent": ["上级组织", "上级"], "hostFirm": ["所在企业"], "members": ["成员企业", "成员"],
                "chains": ["产业链"],
            ]),
            .pairing: with(["a": ["甲方"], "b": ["乙方"], "kind": ["类型"], "since": ["开始时间"], "outcome": ["成效"]]),
            .need: with([
                "firm": ["企业"], "kind": ["类型"], "tags": ["标签"], "product": ["产品"], "quantity": ["数量"],
                "text": ["内容", "诉求内容"],
                "status": ["状态"], "responder": ["响应方", "响应部门", "责任单位"], "raised": ["提出日期", "提出时间"],
                "solved": ["解决日期", "解决时间"],
            ]),
            .resource: with([
                "name": ["名称", "资源名称"], "department": ["部门", "责任单位", "提供单位"], "kind": ["类型"], "tags": ["标签"],
                "needs": ["诉求", "对应诉求"],
            ]),
            .project: with([
                "name": ["名称", "项目名称"], "department": ["部门", "牵头单位", "责任单位"], "needs": ["诉求", "对应诉求"],
                "resources": ["资源", "使用资源"], "status": ["状态"],
            ]),
        ]
    }()

    /// The kind a sheet name stands for, and whether it continues an earlier sheet of that
    /// kind (`links 2`, `links (2)`, `links_2`: a kind with more rows than one sheet holds).
    static func kind(ofSheet raw: String) -> RecordKind? {
        let name = raw.trimmingSpaces()
        func match(_ s: String) -> RecordKind? {
            RecordKind.allCases.first { k in sheetNames[k]!.contains { $0.lowercased() == s.lowercased() } }
        }
        if let k = match(name) { return k }
        var base = Substring(name)
        if base.hasSuffix(")"), let open = base.lastIndex(of: "(") {
            let inner = base[base.index(after: open)..<base.index(before: base.endIndex)]
            guard !inner.isEmpty, inner.allSatisfy(\.isNumber) else { return nil }
            base = base[..<open]
        } else {
            let digits = base.reversed().prefix { $0.isASCII && $0.isNumber }.count
            guard digits > 0 else { return nil }
            base = base.dropLast(digits)
        }
        while let last = base.last, last == " " || last == "_" || last == "-" { base = base.dropLast() }
        return match(String(base))
    }

    /// Reads and validates nothing yet: the park's records and where each was read. File-level
    /// problems (not a zip, a damaged part, a merged header) go to `sink`; nil when the
    /// workbook cannot be read at all.
    static func decode(_ bytes: [UInt8], file: String, sink: DiagnosticSink, limits: XLSXLimits = .standard) -> (
        Park, Places
    )? {
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            sink.add(
                Diagnostic(
                    .error, file: file,
                    "this is an old binary Excel (.xls) or WPS (.et) file, or a password-protected workbook",
                    hint: "save it as Excel Workbook (.xlsx) without a password (WPS: 文件 → 另存为 → .xlsx)"
                ).with("problem.xlsx.legacy", hint: "problem.xlsx.legacy.hint"))
            return nil
        }
        if !bytes.starts(with: [0x50, 0x4B]) {
            sink.add(
                Diagnostic(
                    .error, file: file, "not an Excel workbook (.xlsx is a zip archive; this file is not one)",
                    hint: "save the file as Excel Workbook (.xlsx), or give a .json file or a CSV folder"
                )
                .with("problem.xlsx.notZip", hint: "problem.xlsx.notZip.hint"))
            return nil
        }
        var reader: XLSXReader
        do {
            reader = try XLSXReader(bytes, limits: limits)
        } catch {
            sink.add(error.diagnostic(file: file, sheet: error.sheet))
            return nil
        }
        var places = Places()
        var sheetsByKind: [RecordKind: [XLSXReader.Sheet]] = [:]
        for sheet in reader.sheets {
            if let k = kind(ofSheet: sheet.name) {
                sheetsByKind[k, default: []].append(sheet)
            } else {
                let known = RecordKind.allCases.flatMap { sheetNames[$0]! }
                let suggestion = Suggest.closest(to: sheet.name, in: known)
                let hint =
                    suggestion.map { "did you mean \"\($0)\"? Otherwise the sheet is not read" }
                    ?? "sheets read: "
                    + RecordKind.allCases.map { sheetNames[$0]!.joined(separator: "/") }.joined(separator: ", ")
                let hintText =
                    suggestion.map { Message("problem.xlsx.sheetDidYouMean", ["suggestion": .text($0)]) }
                    ?? Message(
                        "problem.xlsx.sheetsRead",
                        [
                            "sheets": .list(
                                RecordKind.allCases.map { .text(sheetNames[$0]!.joined(separator: "/")) }, limit: 20)
                        ])
                sink.add(
                    Diagnostic(.warning, file: file, sheet: sheet.name, "unknown sheet, ignored", hint: hint).with(
                        "problem.xlsx.unknownSheet", hint: hintText))
            }
        }
        for name in reader.otherSheets {
            sink.add(
                Diagnostic(
                    .warning, file: file, sheet: name, "not a worksheet (a chart or dialog sheet), ignored", hint: nil
                ).with("problem.xlsx.notWorksheet"))
        }

        /// Reads every record of `kind` from its sheets, in workbook order. Nil when there is no such sheet.
        func records<T>(_ kind: RecordKind, _ decode: (XLSXRecordReader) -> T) -> (records: [T], places: [Place])? {
            guard let sheets = sheetsByKind[kind] else { return nil }
            let schema = Schemas.schema(for: kind)
            var out: [T] = []
            var outPlaces: [Place] = []
            for sheet in sheets {
                let xml: [UInt8]
                do {
                    xml = try reader.worksheetBytes(sheet)
                } catch {
                    sink.add(error.diagnostic(file: file, sheet: error.sheet ?? sheet.name))
                    continue
                }
                let sheetIndex = Int32(places.sheets.count)
                var columns: [Int]?
                var headerRow = 0
                var merged: [(ref: String, top: Int, left: Int, bottom: Int, right: Int)] = []
                var failed = false
                do {
                    try xml.withUnsafeBufferPointer { buf throws(XLSXProblem) in
                        merged = XLSXReader.mergedRanges(buf)
                        try reader.forEachRow(buf, sheet: sheet.name) { row, cells in
                            if failed { return }
                            guard let columns else {
                                headerRow = row
                                if let m = merged.first(where: { $0.top <= row && row <= $0.bottom }) {
                                    sink.add(
                                        Diagnostic(
                                            .error, file: file, sheet: sheet.name, line: row, column: m.left + 1,
                                            "the header has merged cells (\(m.ref))",
                                            hint:
                                                "unmerge them (Home → Merge & Center → Unmerge Cells) and give each column its own name in one header row"
                                        )
                                        .with(
                                            Message("problem.xlsx.mergedHeader", ["range": .text(m.ref)]),
                                            hint: "problem.xlsx.mergedHeader.hint"))
                                    failed = true
                                    return
                                }
                                let map = header(
                                    cells, row: row, kind: kind, schema: schema, file: file, sheet: sheet.name,
                                    sink: sink)
                                if let map { columns = map } else { failed = true }
                                return
                            }
                            var values = [XLSXCell?](repeating: nil, count: schema.keys.count)
                            var k = 0
                            // Cells are in column order; so is the field lookup below.
                            for (field, column) in columns.enumerated() where column >= 0 {
                                while k < cells.count && cells[k].column < column { k += 1 }
                                if k < cells.count && cells[k].column == column { values[field] = cells[k] }
                            }
                            out.append(
                                decode(
                                    XLSXRecordReader(
                                        schema: schema, cells: values, columns: columns, row: row, sheet: sheet.name,
                                        file: file, sink: sink)))
                            outPlaces.append(Place(sheet: sheetIndex, row: Int32(clamping: row)))
                        }
                    }
                } catch {
                    sink.add(error.diagnostic(file: file, sheet: error.sheet ?? sheet.name))
                    continue
                }
                // Merged cells in the data: their value sits in the first cell only.
                if !failed, let m = merged.first(where: { $0.top > headerRow }) {
                    sink.add(
                        Diagnostic(
                            .warning, file: file, sheet: sheet.name, line: m.top, column: m.left + 1,
                            "merged cells (\(m.ref)): only the first cell of a merged range holds a value",
                            hint: "unmerge them and fill every cell"
                        ).with(
                            Message("problem.xlsx.mergedData", ["range": .text(m.ref)]),
                            hint: "problem.xlsx.mergedData.hint"))
                }
                places.sheets.append((sheet.name, kind, columns ?? []))
            }
            return (out, outPlaces)
        }

        let base = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        var park = Park(id: base, name: base)
        let parkRows = records(.park) { r in
            if let tag = r.text("format"), tag != ParkFormat.formatTag {
                r.report(
                    Schemas.park["format"], "unsupported format \"\(tag)\"",
                    hint: "this version reads \"\(ParkFormat.formatTag)\"",
                    text: Message("problem.xlsx.formatTag", ["tag": .text(tag)]),
                    hintText: Message("problem.xlsx.formatTag.hint", ["expected": .text(ParkFormat.formatTag)]))
            }
            return Park(
                id: r.requiredText("id"), name: r.requiredText("name"), region: r.text("region"),
                dataDate: r.text("dataDate"),
                source: r.text("source"), note: r.text("note"))
        }
        if let meta = parkRows?.records.last {
            park = meta
            places.byKind[.park] = parkRows?.places
        } else {
            sink.add(
                Diagnostic(
                    .warning, file: file, "no park sheet; the park is named after the file",
                    hint: "add a sheet named park with columns id,name,region,dataDate"
                )
                .with("problem.xlsx.noPark", hint: "problem.xlsx.noPark.hint"))
        }
        var chainIndex: [String: Int] = [:]
        let hasChainsSheet = sheetsByKind[.chain] != nil
        if let (chains, chainPlaces) = records(.chain, RecordCoding.chain) {
            park.chains = chains
            places.byKind[.chain] = chainPlaces
            places.stages = chains.map { _ in [] }
            for (i, chain) in chains.enumerated() where chainIndex[chain.id] == nil { chainIndex[chain.id] = i }
        }
        let stageRows = records(.stage) { r in (chain: r.requiredText("chain"), stage: RecordCoding.stage(r), reader: r)
        }
        for (k, row) in (stageRows?.records ?? []).enumerated() where !row.chain.isEmpty {
            let place = stageRows?.places[k] ?? Place(sheet: 0, row: 0)
            let ci: Int
            if let known = chainIndex[row.chain] {
                ci = known
            } else {
                // A chain named only in the stages sheet: created, named by its id.
                ci = park.chains.count
                chainIndex[row.chain] = ci
                park.chains.append(Chain(id: row.chain, name: row.chain))
                places.byKind[.chain, default: []].append(place)
                places.stages.append([])
                if hasChainsSheet {
                    row.reader.report(
                        Schemas.stage["chain"], "unknown chain \"\(row.chain)\"",
                        hint: "add it to the chains sheet or fix the id",
                        text: Message("problem.xlsx.unknownChain", ["chain": .text(row.chain)]),
                        hintText: "problem.xlsx.unknownChain.hint")
                }
            }
            park.chains[ci].stages.append(row.stage)
            places.stages[ci].append(place)
        }
        if let (firms, firmPlaces) = records(.firm, RecordCoding.firm) {
            park.firms = firms
            places.byKind[.firm] = firmPlaces
        } else {
            sink.add(
                Diagnostic(
                    .error, file: file, "missing: a park workbook needs a firms sheet",
                    hint: "add a sheet named firms (or 企业) with at least the columns id,name"
                )
                .with("problem.xlsx.noFirms", hint: "problem.xlsx.noFirms.hint"))
        }
        if let (links, p) = records(.link, RecordCoding.link) {
            park.links = LinkTable(links); places.byKind[.link] = p
        }
        if let (orgs, p) = records(.organization, RecordCoding.organization) {
            park.organizations = orgs; places.byKind[.organization] = p
        }
        if let (pairings, p) = records(.pairing, RecordCoding.pairing) {
            park.pairings = pairings; places.byKind[.pairing] = p
        }
        if let (needs, p) = records(.need, RecordCoding.need) { park.needs = needs; places.byKind[.need] = p }
        if let (resources, p) = records(.resource, RecordCoding.resource) {
            park.resources = resources; places.byKind[.resource] = p
        }
        if let (projects, p) = records(.project, RecordCoding.project) {
            park.projects = projects; places.byKind[.project] = p
        }
        return (park, places)
    }

    /// Maps the header row to schema columns (field names, any case, or their Chinese
    /// aliases); reports missing required and unknown columns. Nil when the sheet cannot be read.
    static func header(
        _ cells: [XLSXCell], row: Int, kind: RecordKind, schema: RecordSchema, file: String, sheet: String,
        sink: DiagnosticSink
    ) -> [Int]? {
        var columns = [Int](repeating: -1, count: schema.keys.count)
        var ok = true
        let names = schema.keys.map(\.name)
        let aliases = columnAliases[kind] ?? [:]
        for cell in cells {
            let name = cell.value.trimmingSpaces()
            let key =
                schema.keys.first { $0.name == name }
                ?? schema.keys.first { $0.name.lowercased() == name.lowercased() }
                ?? schema.keys.first { aliases[$0.name]?.contains(name) ?? false }
            guard let key else {
                if !name.isEmpty {
                    let suggestion = Suggest.closest(to: name, in: names)
                    let hint =
                        suggestion.map { "did you mean \"\($0)\"?" } ?? "known columns: "
                        + names.joined(separator: ", ")
                    let hintText =
                        suggestion.map { Message("problem.didYouMean", ["suggestion": .text($0)]) }
                        ?? Message("problem.csv.knownColumns", ["columns": .list(names.map { .text($0) }, limit: 100)])
                    sink.add(
                        Diagnostic(
                            .warning, file: file, sheet: sheet, line: row, column: cell.column + 1, field: name,
                            "unknown column, ignored", hint: hint
                        )
                        .with("problem.csv.unknownColumn", hint: hintText))
                }
                continue
            }
            if columns[key.index] >= 0 {
                sink.add(
                    Diagnostic(
                        .error, file: file, sheet: sheet, line: row, column: cell.column + 1, field: key.name,
                        "column appears twice in the header", hint: "keep one of them"
                    )
                    .with("problem.csv.columnTwice", hint: "problem.keepOne"))
                ok = false
            }
            columns[key.index] = cell.column
        }
        var required = schema.required
        if kind == .stage { required.insert("chain") }
        for name in names where required.contains(name) && columns[schema[name].index] < 0 {
            sink.add(
                Diagnostic(
                    .error, file: file, sheet: sheet, line: row, field: name, "required column is missing",
                    hint: "add a column named \(name) to the header row"
                )
                .with(
                    "problem.csv.columnMissing",
                    hint: Message("problem.csv.columnMissing.hint", ["column": .text(name)])))
            ok = false
        }
        return ok ? columns : nil
    }

    /// Sheet, row and column of a validation issue.
    static func location(_ place: RecordPlace, places: Places) -> (sheet: String?, row: Int?, column: Int?) {
        let at: Place?
        switch place.kind {
        case .stage:
            if places.stages.indices.contains(place.index), let si = place.stageIndex,
                places.stages[place.index].indices.contains(si)
            {
                at = places.stages[place.index][si]
            } else {
                at = nil
            }
        default:
            let list = places.byKind[place.kind] ?? []
            at = place.kind == .park ? list.last : (list.indices.contains(place.index) ? list[place.index] : nil)
        }
        guard let at, places.sheets.indices.contains(Int(at.sheet)) else {
            return (sheetNames[place.kind]?.first, nil, nil)
        }
        let sheet = places.sheets[Int(at.sheet)]
        var column: Int?
        if let field = place.field {
            let key = Schemas.schema(for: place.kind)[field]
            if key.index >= 0, key.index < sheet.columns.count, sheet.columns[key.index] >= 0 {
                column = sheet.columns[key.index] + 1
            }
        }
        return (sheet.name, Int(at.row), column)
    }
}

extension ParkXLSX {
    /// Whether the file at `path` is to be read as a workbook: named `.xlsx`/`.xlsm`, or (when
    /// `sniff`, for regular files only) a zip archive by its first bytes. An old binary `.xls`
    /// (or WPS `.et`) is taken too, so that the reader can say what to do with it.
    static func isWorkbook(path: String, sniff: Bool) -> Bool {
        let ext = (path as NSString).pathExtension.lowercased()
        if ["xlsx", "xlsm", "xls", "et"].contains(ext) { return true }
        guard sniff, let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 4)) ?? Data())
        return head == [0x50, 0x4B, 0x03, 0x04] || head == [0xD0, 0xCF, 0x11, 0xE0]
    }
}
