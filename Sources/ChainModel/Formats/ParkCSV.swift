import Foundation

/// Reads a ``RecordReader``'s fields from one CSV row, by the file's header.
struct CSVRecordReader: RecordReader {
    let schema: RecordSchema
    let row: CSVReader.Row
    /// Column of each schema field in this file, -1 when absent.
    let columns: [Int]
    let file: String
    let sink: DiagnosticSink

    func report(_ key: FieldKey, _ message: String, hint: String?) {
        sink.add(Diagnostic(.error, file: file, line: row.line, field: key.name, message, hint: hint))
    }

    private func cell(_ key: FieldKey) -> String? {
        guard key.index >= 0, key.index < columns.count else { return nil }
        let c = columns[key.index]
        guard c >= 0, !row.isEmpty(c) else { return nil }
        return row.string(c)
    }

    func text(_ key: FieldKey) -> String? { cell(key) }

    func list(_ key: FieldKey) -> [String] {
        guard let s = cell(key) else { return [] }
        // Empty items carry nothing; both formats drop them.
        return CSVList.split(s).filter { !$0.isEmpty }
    }

    func double(_ key: FieldKey) -> Double? {
        guard let raw = cell(key) else { return nil }
        let s = raw.trimmingCharacters(in: .whitespaces)
        if s.isEmpty { return nil }
        if let d = Double(s), d.isFinite { return d }
        report(key, "\"\(raw)\" is not a number", hint: "write a plain number without units or thousands separators, e.g. 120000000 (not 1.2亿 or 120,000,000)")
        return nil
    }

    func int(_ key: FieldKey) -> Int? {
        guard let raw = cell(key) else { return nil }
        let s = raw.trimmingCharacters(in: .whitespaces)
        if s.isEmpty { return nil }
        if let i = Int(s) { return i }
        if let d = Double(s), d.isFinite, d == d.rounded(), abs(d) < 9e15 { return Int(d) }
        report(key, "\"\(raw)\" is not a whole number", hint: "write a count such as 25")
        return nil
    }

    func bool(_ key: FieldKey) -> Bool? {
        guard let raw = cell(key) else { return nil }
        switch raw.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true", "yes", "y", "1", "是": return true
        case "false", "no", "n", "0", "否": return false
        case "": return nil
        default:
            report(key, "\"\(raw)\" is not true or false", hint: "write true or false (yes/no, 1/0, 是/否 also work)")
            return nil
        }
    }
}

/// Writes a ``RecordWriter``'s fields as one CSV row in schema column order.
struct CSVRecordWriter: RecordWriter {
    let schema: RecordSchema
    var cells: [String]

    init(schema: RecordSchema) {
        self.schema = schema
        self.cells = Array(repeating: "", count: schema.keys.count)
    }

    private mutating func set(_ name: String, _ value: String) {
        let i = schema[name].index
        if i >= 0 { cells[i] = value }
    }

    mutating func text(_ name: String, _ value: String?) { set(name, value ?? "") }
    mutating func list(_ name: String, _ value: [String]) { set(name, CSVList.join(value)) }
    mutating func double(_ name: String, _ value: Double?) { set(name, value.map(NumberFormat.shortest) ?? "") }
    mutating func int(_ name: String, _ value: Int?) { set(name, value.map(String.init) ?? "") }
    mutating func bool(_ name: String, _ value: Bool, default d: Bool) { set(name, value ? "true" : "false") }
    mutating func optionalBool(_ name: String, _ value: Bool?) { set(name, value.map { $0 ? "true" : "false" } ?? "") }
}

/// The CSV bundle: a folder with one file per record kind (see docs/FORMAT.md).
enum ParkCSV {
    /// Lines of the records read from each file, for locating validation messages.
    struct Lines: Sendable {
        var byKind: [RecordKind: [Int]] = [:]
        /// For each chain, the stages.csv line of each of its stages.
        var stageLines: [[Int]] = []
    }

    /// Reads every record of `kind` from `folder/kind.csvFile`. Returns false when the file is
    /// absent.
    @discardableResult
    static func readFile(
        folder: String, displayFolder: String, kind: RecordKind, sink: DiagnosticSink,
        body: (CSVRecordReader) -> Void
    ) -> Bool {
        let path = (folder as NSString).appendingPathComponent(kind.csvFile)
        let display = (displayFolder as NSString).appendingPathComponent(kind.csvFile)
        guard FileManager.default.fileExists(atPath: path) else { return false }
        var warnings: [Diagnostic] = []
        let bytes: [UInt8]
        do {
            bytes = try TextDecoding.readUTF8(path: path, displayName: display, warnings: &warnings)
        } catch {
            error.diagnostics.forEach(sink.add)
            return true
        }
        warnings.forEach(sink.add)
        let schema = Schemas.schema(for: kind)
        var columns: [Int]? = nil
        var headerCount = 0
        var sawHeader = false
        do {
            try CSVReader.forEachRow(bytes) { row throws(CSVSyntaxError) in
                if row.isBlank { return }
                guard sawHeader else {
                    sawHeader = true
                    headerCount = row.count
                    columns = header(row, schema: schema, file: display, sink: sink)
                    return
                }
                guard let columns else { return }
                if row.count != headerCount {
                    sink.add(Diagnostic(
                        .error, file: display, line: row.line,
                        "row has \(row.count) fields but the header has \(headerCount)",
                        hint: "check for a missing or extra comma; quote text that contains commas"))
                    return
                }
                body(CSVRecordReader(schema: schema, row: row, columns: columns, file: display, sink: sink))
            }
        } catch {
            sink.add(Diagnostic(.error, file: display, line: error.line, error.message, hint: "fix the quoting (RFC 4180)"))
        }
        if !sawHeader {
            sink.add(Diagnostic(
                .error, file: display, line: 1, "file is empty",
                hint: "the first line must be a header: " + schema.keys.map(\.name).filter { kind == .stage || $0 != "chain" }.joined(separator: ",")))
        }
        return true
    }

    /// Maps the header row to schema columns; reports missing required and unknown columns.
    private static func header(_ row: CSVReader.Row, schema: RecordSchema, file: String, sink: DiagnosticSink) -> [Int]? {
        var columns = [Int](repeating: -1, count: schema.keys.count)
        var ok = true
        let names = schema.keys.map(\.name)
        for c in 0..<row.count {
            let name = row.string(c).trimmingCharacters(in: .whitespaces)
            let key = schema.keys.first { $0.name == name } ?? schema.keys.first { $0.name.lowercased() == name.lowercased() }
            guard let key else {
                if !name.isEmpty {
                    let hint = Suggest.closest(to: name, in: names).map { "did you mean \"\($0)\"?" } ?? "known columns: " + names.joined(separator: ", ")
                    sink.add(Diagnostic(.warning, file: file, line: row.line, field: name, "unknown column, ignored", hint: hint))
                }
                continue
            }
            if columns[key.index] >= 0 {
                sink.add(Diagnostic(.error, file: file, line: row.line, field: name, "column appears twice in the header", hint: "keep one of them"))
                ok = false
            }
            columns[key.index] = c
        }
        var required = schema.required
        if schema.kind == .stage { required.insert("chain") }
        for name in names where required.contains(name) && columns[schema[name].index] < 0 {
            sink.add(Diagnostic(.error, file: file, line: row.line, field: name, "required column is missing", hint: "add a column named \(name) to the header"))
            ok = false
        }
        return ok ? columns : nil
    }

    /// Reads a CSV bundle folder.
    static func decode(folder: String, displayFolder: String, sink: DiagnosticSink) -> (Park, Lines) {
        var lines = Lines()
        let folderName = (folder as NSString).lastPathComponent
        var park = Park(id: folderName, name: folderName)
        let hasPark = readFile(folder: folder, displayFolder: displayFolder, kind: .park, sink: sink) { r in
            if let tag = r.text("format"), tag != ParkFormat.formatTag {
                r.report(Schemas.park["format"], "unsupported format \"\(tag)\"", hint: "this version reads \"\(ParkFormat.formatTag)\"")
            }
            park.id = r.requiredText("id")
            park.name = r.requiredText("name")
            park.region = r.text("region")
            park.dataDate = r.text("dataDate")
            park.source = r.text("source")
            park.note = r.text("note")
        }
        if !hasPark {
            sink.add(Diagnostic(.warning, file: (displayFolder as NSString).appendingPathComponent("park.csv"), "no park.csv; the park is named after the folder", hint: "add park.csv with columns id,name,region,dataDate"))
        }
        var chainIndex: [String: Int] = [:]
        readFile(folder: folder, displayFolder: displayFolder, kind: .chain, sink: sink) { r in
            let chain = RecordCoding.chain(r)
            if chainIndex[chain.id] == nil { chainIndex[chain.id] = park.chains.count }
            park.chains.append(chain)
            lines.byKind[.chain, default: []].append(r.row.line)
            lines.stageLines.append([])
        }
        readFile(folder: folder, displayFolder: displayFolder, kind: .stage, sink: sink) { r in
            let chainId = r.requiredText("chain")
            let stage = RecordCoding.stage(r)
            guard !chainId.isEmpty else { return }
            let ci: Int
            if let known = chainIndex[chainId] {
                ci = known
            } else {
                // A chain named only in stages.csv: create it, named by its id.
                ci = park.chains.count
                chainIndex[chainId] = ci
                park.chains.append(Chain(id: chainId, name: chainId))
                lines.byKind[.chain, default: []].append(r.row.line)
                lines.stageLines.append([])
                if !park.chains.isEmpty, FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("chains.csv")) {
                    r.report(Schemas.stage["chain"], "unknown chain \"\(chainId)\"", hint: "add it to chains.csv or fix the id")
                }
            }
            park.chains[ci].stages.append(stage)
            lines.stageLines[ci].append(r.row.line)
        }
        let hasFirms = readFile(folder: folder, displayFolder: displayFolder, kind: .firm, sink: sink) { r in
            park.firms.append(RecordCoding.firm(r))
            lines.byKind[.firm, default: []].append(r.row.line)
        }
        if !hasFirms {
            sink.add(Diagnostic(.error, file: (displayFolder as NSString).appendingPathComponent("firms.csv"), "missing: a park bundle needs firms.csv", hint: "add firms.csv with at least the columns id,name"))
        }
        readFile(folder: folder, displayFolder: displayFolder, kind: .link, sink: sink) { r in
            park.links.append(RecordCoding.link(r))
            lines.byKind[.link, default: []].append(r.row.line)
        }
        readFile(folder: folder, displayFolder: displayFolder, kind: .organization, sink: sink) { r in
            park.organizations.append(RecordCoding.organization(r))
            lines.byKind[.organization, default: []].append(r.row.line)
        }
        readFile(folder: folder, displayFolder: displayFolder, kind: .pairing, sink: sink) { r in
            park.pairings.append(RecordCoding.pairing(r))
            lines.byKind[.pairing, default: []].append(r.row.line)
        }
        readFile(folder: folder, displayFolder: displayFolder, kind: .need, sink: sink) { r in
            park.needs.append(RecordCoding.need(r))
            lines.byKind[.need, default: []].append(r.row.line)
        }
        return (park, lines)
    }

    /// The files of a CSV bundle, by file name, deterministic byte for byte.
    static func encode(_ park: Park) -> [(name: String, bytes: [UInt8])] {
        func file<T>(_ kind: RecordKind, _ items: [T], _ body: (T, inout CSVRecordWriter) -> Void) -> (String, [UInt8]) {
            let schema = Schemas.schema(for: kind)
            var csv = CSVWriter()
            csv.row(schema.keys.map(\.name))
            for item in items {
                var w = CSVRecordWriter(schema: schema)
                body(item, &w)
                csv.row(w.cells)
            }
            return (kind.csvFile, csv.output)
        }
        let stages = park.chains.flatMap { c in c.stages.map { (c.id, $0) } }
        return [
            file(.park, [park]) { RecordCoding.encode(park: $0, into: &$1) },
            file(.chain, park.chains) { RecordCoding.encode($0, into: &$1) },
            file(.stage, stages) { RecordCoding.encode($0.1, chain: $0.0, into: &$1) },
            file(.firm, park.firms) { RecordCoding.encode($0, into: &$1) },
            file(.link, park.links) { RecordCoding.encode($0, into: &$1) },
            file(.organization, park.organizations) { RecordCoding.encode($0, into: &$1) },
            file(.pairing, park.pairings) { RecordCoding.encode($0, into: &$1) },
            file(.need, park.needs) { RecordCoding.encode($0, into: &$1) },
        ]
    }
}
