import ChainGraph
import Foundation

/// Reads a ``RecordReader``'s fields from one CSV row, by the file's header.
struct CSVRecordReader: RecordReader {
    let schema: RecordSchema
    let row: CSVReader.Row
    /// Column of each schema field in this file, -1 when absent.
    let columns: [Int]
    let file: String
    let sink: DiagnosticSink

    func report(_ key: FieldKey, _ message: String, hint: String?, text: Message?, hintText: Message?) {
        var d = Diagnostic(.error, file: file, line: row.line, field: key.name, message, hint: hint)
        d.text = text
        d.hintText = hintText
        sink.add(d)
    }

    /// The cell's text; a cell longer than `limit` bytes is reported and shortened before
    /// it becomes a string.
    private func cell(_ key: FieldKey, limit: Int) -> String? {
        guard key.index >= 0, key.index < columns.count else { return nil }
        let c = columns[key.index]
        guard c >= 0, !row.isEmpty(c) else { return nil }
        let raw = row.bytes(c)
        if raw.count > limit {
            let prefix = String(decoding: UnsafeBufferPointer(rebasing: raw[0..<16]), as: UTF8.self)
            return tooLong(key, count: raw.count, limit: limit, prefix: prefix)
        }
        return row.string(c)
    }

    func text(_ key: FieldKey) -> String? { cell(key, limit: key.byteLimit) }

    func list(_ key: FieldKey) -> [String] {
        guard let s = cell(key, limit: InputLimits.maxTextBytes) else { return [] }
        // Empty items carry nothing; both formats drop them.
        return CSVList.split(s).filter { !$0.isEmpty }.map { capped(key, $0, limit: InputLimits.maxLabelBytes) }
    }

    /// The cell's bytes without surrounding spaces and tabs; nil when absent or blank.
    private func trimmedBytes(_ key: FieldKey) -> UnsafeBufferPointer<UInt8>? {
        guard key.index >= 0, key.index < columns.count else { return nil }
        let c = columns[key.index]
        guard c >= 0, !row.isEmpty(c) else { return nil }
        let raw = row.bytes(c)
        var lo = 0
        var hi = raw.count
        while lo < hi && (raw[lo] == 0x20 || raw[lo] == 0x09) { lo += 1 }
        while hi > lo && (raw[hi - 1] == 0x20 || raw[hi - 1] == 0x09) { hi -= 1 }
        return lo < hi ? UnsafeBufferPointer(rebasing: raw[lo..<hi]) : nil
    }

    /// Numbers are parsed from the row's bytes: no Foundation string bridging per cell (this
    /// is the hot path of a 10-million-link bundle).
    func double(_ key: FieldKey) -> Double? {
        guard let bytes = trimmedBytes(key) else { return nil }
        if let i = Self.parseInt(bytes), abs(i) < (1 << 53) { return Double(i) }
        // Decimal only (Double(String) would also read 0x10 as 16).
        if let d = DecimalNumber.parse(bytes), d.isFinite { return d }
        report(
            key, "\"\(text(key) ?? "")\" is not a number",
            hint:
                "write a plain decimal number without units or thousands separators, e.g. 120000000 (not 1.2亿, 120,000,000 or 0x10)",
            text: Message("problem.field.notNumber", ["value": .text(text(key) ?? "")]),
            hintText: Message("problem.field.notNumber.hint"))
        return nil
    }

    func int(_ key: FieldKey) -> Int? {
        guard let bytes = trimmedBytes(key) else { return nil }
        if let i = Self.parseInt(bytes) { return i }
        if let d = DecimalNumber.parse(bytes), d.isFinite, d == d.rounded(), abs(d) < 9e15 { return Int(d) }
        report(
            key, "\"\(text(key) ?? "")\" is not a whole number", hint: "write a count such as 25",
            text: Message("problem.field.notWhole", ["value": .text(text(key) ?? "")]),
            hintText: Message("problem.field.notWhole.hint"))
        return nil
    }

    func bool(_ key: FieldKey) -> Bool? {
        guard let bytes = trimmedBytes(key) else { return nil }
        switch bytes.count {
        case 1:
            switch bytes[0] | 0x20 {
            case UInt8(ascii: "1") | 0x20, UInt8(ascii: "y"): return true
            case UInt8(ascii: "0") | 0x20, UInt8(ascii: "n"): return false
            default: break
            }
        case 2 where (bytes[0] | 0x20) == UInt8(ascii: "n") && (bytes[1] | 0x20) == UInt8(ascii: "o"): return false
        case 3 where Self.equalsFolded(bytes, "yes"): return true
        case 3 where Array(bytes) == Array("是".utf8): return true
        case 3 where Array(bytes) == Array("否".utf8): return false
        case 4 where Self.equalsFolded(bytes, "true"): return true
        case 5 where Self.equalsFolded(bytes, "false"): return false
        default: break
        }
        report(
            key, "\"\(text(key) ?? "")\" is not true or false",
            hint: "write true or false (yes/no, 1/0, 是/否 also work)",
            text: Message("problem.field.notBool", ["value": .text(text(key) ?? "")]),
            hintText: Message("problem.field.notBool.hint"))
        return nil
    }

    /// A plain decimal integer (optional sign, digits only), or nil.
    static func parseInt(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            i = 1
        }
        guard i < bytes.count, bytes.count - i <= 18 else { return nil }
        var value = 0
        while i < bytes.count {
            let d = Int(bytes[i]) - 48
            guard d >= 0 && d <= 9 else { return nil }
            value = value * 10 + d
            i += 1
        }
        return negative ? -value : value
    }

    /// ASCII case-insensitive comparison with a lower-case word.
    static func equalsFolded(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        word.withUTF8Buffer { w in
            w.count == bytes.count && (0..<w.count).allSatisfy { (bytes[$0] | 0x20) == w[$0] }
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

    /// One chunk's output when a file is parsed on several cores.
    private final class Chunk<T>: @unchecked Sendable {
        /// Records parsed into this chunk's region.
        var count = 0
        let sink = DiagnosticSink()
    }

    /// Reads every record of `kind` from `folder/kind.csvFile`, parsing large files in chunks
    /// on all cores (split at row boundaries; records, lines and diagnostics come back in file
    /// order, so the result is the same as a sequential read). Nil when the file is absent.
    static func readRecords<T>(
        folder: String, displayFolder: String, kind: RecordKind, sink: DiagnosticSink,
        minimumParallelBytes: Int = 4 << 20, decode: @escaping @Sendable (CSVRecordReader) -> T
    ) -> (records: [T], lines: [Int])? {
        let path = (folder as NSString).appendingPathComponent(kind.csvFile)
        let display = (displayFolder as NSString).appendingPathComponent(kind.csvFile)
        // Absent only when nothing is there: a dangling or looping link, a FIFO or an
        // unreadable file is an error that names the path and the reason.
        guard InputFile.exists(path) else { return nil }
        var warnings: [Diagnostic] = []
        let bytes: [UInt8]
        do {
            bytes = try TextDecoding.readUTF8(path: path, displayName: display, warnings: &warnings)
        } catch {
            error.diagnostics.forEach(sink.add)
            return ([], [])
        }
        var trace = PhaseTrace()
        trace.mark("  read \(kind.csvFile) (\(bytes.count >> 20) MiB)")
        defer { trace.mark("  parse \(kind.csvFile)") }
        warnings.forEach(sink.add)
        let schema = Schemas.schema(for: kind)
        // The buffer is read through CSVReader, whose scans stop at buf.count (row grammar).
        return bytes.withUnsafeBufferPointer { buf -> (records: [T], lines: [Int]) in
            // The header: the first non-blank row.
            var columns: [Int]?
            var headerCount = 0
            var sawHeader = false
            var bodyStart = 0
            var bodyLine = 1
            while !sawHeader && bodyStart < buf.count {
                let (end, breaks) = CSVReader.rowEnd(buf, from: bodyStart)
                do throws(CSVSyntaxError) {
                    try CSVReader.forEachRow(buf, range: bodyStart..<end, firstLine: bodyLine) {
                        row throws(CSVSyntaxError) in
                        if row.isBlank || sawHeader { return }
                        sawHeader = true
                        headerCount = row.count
                        columns = header(row, schema: schema, file: display, sink: sink)
                    }
                } catch {
                    sink.add(
                        Diagnostic(
                            .error, file: display, line: error.line, error.message, hint: "fix the quoting (RFC 4180)"
                        )
                        .with(
                            Message(
                                error.id.isEmpty ? "problem.csv.syntax" : error.id, ["detail": .text(error.message)]),
                            hint: "problem.csv.quoting.hint"))
                    return ([], [])
                }
                bodyStart = end
                bodyLine += breaks
            }
            guard sawHeader else {
                sink.add(
                    Diagnostic(
                        .error, file: display, line: 1, "file is empty",
                        hint: "the first line must be a header: "
                            + schema.keys.map(\.name).filter { kind == .stage || $0 != "chain" }.joined(separator: ",")
                    )
                    .with(
                        "problem.file.empty",
                        hint: Message(
                            "problem.csv.empty.hint",
                            [
                                "columns": .text(
                                    schema.keys.map(\.name).filter { kind == .stage || $0 != "chain" }.joined(
                                        separator: ","))
                            ])))
                return ([], [])
            }
            guard let columns, bodyStart < buf.count else { return ([], []) }

            let parts = buf.count - bodyStart >= minimumParallelBytes ? Parallel.processorCount * 4 : 1
            let bounds = CSVReader.chunkBoundaries(buf, from: bodyStart, parts: parts)
            let ends = bounds.indices.map { c in c + 1 < bounds.count ? bounds[c + 1].offset : buf.count }
            // The bytes are only read while the chunks run.
            nonisolated(unsafe) let buf = buf
            // Each chunk parses into its own region of the final arrays, sized by its line
            // ends + 1 (an upper bound on its rows, counted by the row grammar's rule); the regions are then moved together.
            // No per-chunk arrays to concatenate: one allocation, no copy of the records.
            var capacity = [Int](repeating: 0, count: bounds.count)
            // Iteration c writes cap[c] only, c < bounds.count == cap.count.
            capacity.withUnsafeMutableBufferPointer { cap in
                nonisolated(unsafe) let cap = cap
                Parallel.forEach(iterations: bounds.count) { c in
                    // The same line-end rule as the row grammar (LF, CRLF or a lone CR).
                    cap[c] = CSVReader.rowBound(buf, bounds[c].offset..<ends[c])
                }
            }
            var starts = [Int](repeating: 0, count: bounds.count)
            for c in 1..<max(1, bounds.count) { starts[c] = starts[c - 1] + capacity[c - 1] }
            let regionStart = starts
            let regionCapacity = capacity
            let total = (regionStart.last ?? 0) + (capacity.last ?? 0)
            let chunks = bounds.map { _ in Chunk<T>() }
            let (fieldCount, firstBodyLine) = (headerCount, bodyLine)
            var lines = [Int](repeating: 0, count: total)
            let records = [T](unsafeUninitializedCapacity: total) { recordBuffer, initialized in
                lines.withUnsafeMutableBufferPointer { lineBuffer in
                    nonisolated(unsafe) let recordBase = recordBuffer.baseAddress
                    nonisolated(unsafe) let lineBuffer = lineBuffer
                    let work: @Sendable (Int) -> Void = { c in
                        guard let recordBase else { return }
                        let chunk = chunks[c]
                        // Each chunk reads through its own copies of the shared objects: one reader
                        // is made per row, and retaining one array or string from both cores 10
                        // million times makes its reference count bounce between them.
                        let columns = columns.map { $0 }
                        let schema = RecordSchema(
                            schema.kind, schema.keys.map(\.name), required: Set(schema.required.map { $0 }))
                        let display = String(decoding: Array(display.utf8), as: UTF8.self)
                        let base = regionStart[c]
                        do throws(CSVSyntaxError) {
                            try CSVReader.forEachRow(
                                buf, range: bounds[c].offset..<ends[c], firstLine: firstBodyLine + bounds[c].linesBefore
                            ) { row throws(CSVSyntaxError) in
                                if row.isBlank { return }
                                if row.count != fieldCount {
                                    chunk.sink.add(
                                        Diagnostic(
                                            .error, file: display, line: row.line,
                                            "row has \(row.count) fields but the header has \(fieldCount)",
                                            hint: "check for a missing or extra comma; quote text that contains commas"
                                        )
                                        .with(
                                            Message(
                                                "problem.csv.ragged",
                                                ["count": .integer(row.count), "header": .integer(fieldCount)]),
                                            hint: "problem.csv.ragged.hint"))
                                    return
                                }
                                // Never past the region (the bound is proven by the row grammar;
                                // this keeps a future mistake an error, not memory corruption).
                                assert(chunk.count < regionCapacity[c], "chunk \(c) has more rows than its region")
                                guard chunk.count < regionCapacity[c] else {
                                    chunk.sink.add(
                                        Diagnostic(
                                            .error, file: display, line: row.line,
                                            "internal error: more rows than line ends", hint: "please report this file")
                                    )
                                    return
                                }
                                let slot = base + chunk.count
                                (recordBase + slot).initialize(
                                    to: decode(
                                        CSVRecordReader(
                                            schema: schema, row: row, columns: columns, file: display, sink: chunk.sink)
                                    ))
                                lineBuffer[slot] = row.line
                                chunk.count += 1
                            }
                        } catch {
                            chunk.sink.add(
                                Diagnostic(
                                    .error, file: display, line: error.line, error.message,
                                    hint: "fix the quoting (RFC 4180)"
                                )
                                .with(
                                    Message(
                                        error.id.isEmpty ? "problem.csv.syntax" : error.id,
                                        ["detail": .text(error.message)]), hint: "problem.csv.quoting.hint"))
                        }
                    }
                    Parallel.forEach(iterations: chunks.count, work)
                    // Close the gaps between regions (moves; regions only shift down).
                    // In bounds: chunk c initialized slots regionStart[c] ..< regionStart[c] + count,
                    // inside its region (the guard above), and filled <= regionStart[c], so every
                    // move stays below total and exactly `filled` records are initialized at the
                    // end, which is what the array is told.
                    var filled = 0
                    if let recordBase {
                        for (c, chunk) in chunks.enumerated() {
                            assert(filled <= regionStart[c] && chunk.count <= regionCapacity[c])
                            if regionStart[c] != filled {
                                (recordBase + filled).moveInitialize(
                                    from: recordBase + regionStart[c], count: chunk.count)
                                for k in 0..<chunk.count { lineBuffer[filled + k] = lineBuffer[regionStart[c] + k] }
                            }
                            filled += chunk.count
                        }
                    }
                    initialized = filled
                }
            }
            lines.removeLast(lines.count - records.count)
            for chunk in chunks { chunk.sink.diagnostics.forEach(sink.add) }
            return (records, lines)
        }
    }

    /// Maps the header row to schema columns; reports missing required and unknown columns.
    private static func header(_ row: CSVReader.Row, schema: RecordSchema, file: String, sink: DiagnosticSink) -> [Int]?
    {
        var columns = [Int](repeating: -1, count: schema.keys.count)
        var ok = true
        let names = schema.keys.map(\.name)
        for c in 0..<row.count {
            if row.bytes(c).count > InputLimits.maxLabelBytes {
                sink.add(
                    Diagnostic(
                        .error, file: file, line: row.line,
                        "column \(c + 1) of the header is \(row.bytes(c).count) bytes long; at most \(InputLimits.maxLabelBytes) are allowed",
                        hint: "the first row must be the column names"))
                ok = false
                continue
            }
            let name = row.string(c).trimmingCharacters(in: .whitespaces)
            let key =
                schema.keys.first { $0.name == name } ?? schema.keys.first { $0.name.lowercased() == name.lowercased() }
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
                            .warning, file: file, line: row.line, field: name, "unknown column, ignored", hint: hint
                        )
                        .with("problem.csv.unknownColumn", hint: hintText))
                }
                continue
            }
            if columns[key.index] >= 0 {
                sink.add(
                    Diagnostic(
                        .error, file: file, line: row.line, field: name, "column appears twice in the header",
                        hint: "keep one of them"
                    )
                    .with("problem.csv.columnTwice", hint: "problem.keepOne"))
                ok = false
            }
            columns[key.index] = c
        }
        var required = schema.required
        if schema.kind == .stage { required.insert("chain") }
        for name in names where required.contains(name) && columns[schema[name].index] < 0 {
            sink.add(
                Diagnostic(
                    .error, file: file, line: row.line, field: name, "required column is missing",
                    hint: "add a column named \(name) to the header"
                )
                .with(
                    "problem.csv.columnMissing",
                    hint: Message("problem.csv.columnMissing.hint", ["column": .text(name)])))
            ok = false
        }
        return ok ? columns : nil
    }

    /// Reads a CSV bundle folder.
    /// Files of at least `minimumParallelBytes` are parsed in chunks on all cores (every member
    /// file; park, chains and stages files are small in practice, so only tests and the fuzzer,
    /// which lower the threshold, chunk them).
    static func decode(folder: String, displayFolder: String, sink: DiagnosticSink, minimumParallelBytes: Int = 4 << 20)
        -> (Park, Lines)
    {
        var lines = Lines()
        let folderName = (folder as NSString).lastPathComponent
        var park = Park(id: folderName, name: folderName)
        let parkRows = readRecords(
            folder: folder, displayFolder: displayFolder, kind: .park, sink: sink,
            minimumParallelBytes: minimumParallelBytes
        ) { r in
            if let tag = r.text("format"), tag != ParkFormat.formatTag {
                r.report(
                    Schemas.park["format"], "unsupported format \"\(tag)\"",
                    hint: "this version reads \"\(ParkFormat.formatTag)\"",
                    text: Message("problem.format.unsupported", ["tag": .text(tag)]),
                    hintText: Message("problem.format.unsupported.hint", ["tag": .text(ParkFormat.formatTag)]))
            }
            return Park(
                id: r.requiredText("id"), name: r.requiredText("name"), region: r.text("region"),
                dataDate: r.text("dataDate"),
                source: r.text("source"), note: r.text("note"))
        }
        if let meta = parkRows?.records.last {
            park = meta
        } else {
            sink.add(
                Diagnostic(
                    .warning, file: (displayFolder as NSString).appendingPathComponent("park.csv"),
                    "no park.csv; the park is named after the folder",
                    hint: "add park.csv with columns id,name,region,dataDate"
                )
                .with("problem.csv.noPark", hint: "problem.csv.noPark.hint"))
        }
        var chainIndex: [String: Int] = [:]
        let hasChainsFile = InputFile.exists((folder as NSString).appendingPathComponent("chains.csv"))
        if let (chains, chainLines) = readRecords(
            folder: folder, displayFolder: displayFolder, kind: .chain, sink: sink,
            minimumParallelBytes: minimumParallelBytes, decode: RecordCoding.chain)
        {
            park.chains = chains
            lines.byKind[.chain] = chainLines
            lines.stageLines = chains.map { _ in [] }
            for (i, chain) in chains.enumerated() where chainIndex[chain.id] == nil { chainIndex[chain.id] = i }
        }
        let stageRows = readRecords(
            folder: folder, displayFolder: displayFolder, kind: .stage, sink: sink,
            minimumParallelBytes: minimumParallelBytes
        ) { r in
            (chain: r.requiredText("chain"), stage: RecordCoding.stage(r))
        }
        for (k, row) in (stageRows?.records ?? []).enumerated() where !row.chain.isEmpty {
            let line = stageRows?.lines[k] ?? 0
            let ci: Int
            if let known = chainIndex[row.chain] {
                ci = known
            } else {
                // A chain named only in stages.csv: created, named by its id.
                ci = park.chains.count
                chainIndex[row.chain] = ci
                park.chains.append(Chain(id: row.chain, name: row.chain))
                lines.byKind[.chain, default: []].append(line)
                lines.stageLines.append([])
                if hasChainsFile {
                    sink.add(
                        Diagnostic(
                            .error, file: (displayFolder as NSString).appendingPathComponent("stages.csv"), line: line,
                            field: "chain",
                            "unknown chain \"\(row.chain)\"", hint: "add it to chains.csv or fix the id"))
                }
            }
            park.chains[ci].stages.append(row.stage)
            lines.stageLines[ci].append(line)
        }
        if let (firms, firmLines) = readRecords(
            folder: folder, displayFolder: displayFolder, kind: .firm, sink: sink,
            minimumParallelBytes: minimumParallelBytes, decode: RecordCoding.firm)
        {
            park.firms = firms
            lines.byKind[.firm] = firmLines
        } else {
            sink.add(
                Diagnostic(
                    .error, file: (displayFolder as NSString).appendingPathComponent("firms.csv"),
                    "missing: a park bundle needs firms.csv", hint: "add firms.csv with at least the columns id,name"
                )
                .with("problem.csv.noFirms", hint: "problem.csv.noFirms.hint"))
        }
        if let (links, linkLines) = readRecords(
            folder: folder, displayFolder: displayFolder, kind: .link, sink: sink,
            minimumParallelBytes: minimumParallelBytes, decode: RecordCoding.link)
        {
            park.links = LinkTable(links)
            lines.byKind[.link] = linkLines
        }
        if let (orgs, orgLines) = readRecords(
            folder: folder, displayFolder: displayFolder, kind: .organization, sink: sink,
            minimumParallelBytes: minimumParallelBytes, decode: RecordCoding.organization)
        {
            park.organizations = orgs
            lines.byKind[.organization] = orgLines
        }
        if let (pairings, pairingLines) = readRecords(
            folder: folder, displayFolder: displayFolder, kind: .pairing, sink: sink,
            minimumParallelBytes: minimumParallelBytes, decode: RecordCoding.pairing)
        {
            park.pairings = pairings
            lines.byKind[.pairing] = pairingLines
        }
        if let (needs, needLines) = readRecords(
            folder: folder, displayFolder: displayFolder, kind: .need, sink: sink,
            minimumParallelBytes: minimumParallelBytes, decode: RecordCoding.need)
        {
            park.needs = needs
            lines.byKind[.need] = needLines
        }
        if let (resources, resourceLines) = readRecords(
            folder: folder, displayFolder: displayFolder, kind: .resource, sink: sink,
            minimumParallelBytes: minimumParallelBytes, decode: RecordCoding.resource)
        {
            park.resources = resources
            lines.byKind[.resource] = resourceLines
        }
        if let (projects, projectLines) = readRecords(
            folder: folder, displayFolder: displayFolder, kind: .project, sink: sink,
            minimumParallelBytes: minimumParallelBytes, decode: RecordCoding.project)
        {
            park.projects = projects
            lines.byKind[.project] = projectLines
        }
        return (park, lines)
    }
}
