import ChainGraph
import Foundation

/// A park read from disk, with the warnings found while reading and validating it.
public struct LoadedPark: Sendable {
    public enum Format: String, Sendable {
        case json
        case csvBundle = "csv"
        case xlsx
        /// A binary park snapshot (``ParkSnapshot``).
        case snapshot = "chainpark"
    }

    public var park: Park
    public var format: Format
    /// Non-fatal problems (unknown fields, firms without links…), sorted by file and line.
    public var warnings: [Diagnostic]
}

/// Loads parks from a JSON file, a CSV bundle folder or an Excel workbook (`.xlsx`): the only place where user text
/// becomes data. Every problem is collected and reported with file, line and field; a park
/// with any error is not returned.
///
/// ```swift
/// let loaded = try ParkLoader.load(path: "samples/yihuang-plastics.json")
/// print(loaded.park.firms.count, loaded.warnings.count)
/// ```
public enum ParkLoader {
    /// Loads and validates the park at `path` (a `.json` file or a folder of CSV files).
    /// `borrowedChains` stand in for the file's chains when it declares none (a file of
    /// candidate firms that names another park's stage ids).
    /// - Throws: ``ParkLoadError`` with every error and warning found.
    public static func load(path: String, borrowedChains: [Chain] = []) throws(ParkLoadError) -> LoadedPark {
        let kind: InputFile.Kind
        switch InputFile.kind(path) {
        case .success(let k): kind = k
        case .failure(let problem):
            // The real cause: a dangling link or a loop is not "no such file".
            let hint =
                problem.isMissing ? "check the path; run `chainmap samples` to list the bundled parks" : problem.hint
            var diagnostic = problem.diagnostic(file: path)
            diagnostic.hint = hint
            // The problem people meet most: a mistyped path or sample name (in their words).
            if problem.isMissing {
                diagnostic = diagnostic.with("problem.file.missing", hint: "problem.file.missing.hint")
            }
            throw ParkLoadError([diagnostic])
        }
        // A workbook by its name, or a regular file by its first bytes (a pipe is not sniffed:
        // what is read from it is gone).
        var regular = false
        if case .regular = kind { regular = true }
        if kind != .folder, ParkXLSX.isWorkbook(path: path, sniff: regular) {
            let bytes: [UInt8]
            switch InputFile.read(path, allowStream: true) {
            case .success(let b): bytes = b
            case .failure(let problem): throw ParkLoadError([problem.diagnostic(file: path)])
            }
            return try load(xlsx: bytes, name: path)
        }
        let sink = DiagnosticSink()
        var trace = PhaseTrace()
        if kind == .folder {
            let (park, lines) = ParkCSV.decode(folder: path, displayFolder: path, sink: sink)
            trace.mark("read and parse CSV bundle")
            defer { trace.mark("validate") }
            return try finish(park, format: .csvBundle, borrowedChains: borrowedChains, sink: sink) { place in
                csvLocation(place, folder: path, lines: lines)
            }
        }
        if case .regular = kind, ParkSnapshot.isSnapshotFile(path) {
            return try loadSnapshotFile(path: path)
        }
        var warnings: [Diagnostic] = []
        // A single file: a pipe (`<(zcat park.json.gz)`) is read too, with a bound.
        let bytes = try TextDecoding.readUTF8(
            path: path, displayName: path, warnings: &warnings, allowStream: true, json: true)
        warnings.forEach(sink.add)
        guard let (park, root) = ParkJSON.decode(bytes, file: path, sink: sink) else {
            throw ParkLoadError(sink.report())
        }
        return try finish(park, format: .json, borrowedChains: borrowedChains, sink: sink) { place in
            (path, jsonLine(place, root: root))
        }
    }

    /// Parses a park from JSON bytes (e.g. a bundled sample) and validates it.
    public static func load(json bytes: [UInt8], name: String) throws(ParkLoadError) -> LoadedPark {
        let sink = DiagnosticSink()
        var warnings: [Diagnostic] = []
        let utf8 = try TextDecoding.decode(bytes, displayName: name, warnings: &warnings, json: true)
        warnings.forEach(sink.add)
        guard let (park, root) = ParkJSON.decode(utf8, file: name, sink: sink) else {
            throw ParkLoadError(sink.report())
        }
        return try finish(park, format: .json, sink: sink) { (name, jsonLine($0, root: root)) }
    }

    /// Loads and validates the CSV bundle in `folder`, cutting every member file of at least
    /// `minimumParallelBytes` bytes into chunks parsed on all cores (default 4 MiB). For the
    /// fuzzer (Fuzz/) and tests: a threshold of 1 exercises the chunked path on tiny inputs.
    @_spi(Fuzzing)
    public static func load(csvFolder folder: String, minimumParallelBytes: Int) throws(ParkLoadError) -> LoadedPark {
        let sink = DiagnosticSink()
        let (park, lines) = ParkCSV.decode(
            folder: folder, displayFolder: folder, sink: sink, minimumParallelBytes: minimumParallelBytes)
        return try finish(park, format: .csvBundle, sink: sink) { place in
            csvLocation(place, folder: folder, lines: lines)
        }
    }

    /// Reads a park from the bytes of an Excel workbook (`.xlsx`) and validates it; `name`
    /// is the file name used in messages (`park.xlsx:firms!G12: error: …`). Never traps on
    /// damaged or hostile bytes (the fuzz targets call this); `limits` bound what the
    /// workbook may expand to.
    public static func load(xlsx bytes: [UInt8], name: String, limits: XLSXLimits = .standard) throws(ParkLoadError)
        -> LoadedPark
    {
        let sink = DiagnosticSink()
        var trace = PhaseTrace()
        guard let (park, places) = ParkXLSX.decode(bytes, file: name, sink: sink, limits: limits) else {
            throw ParkLoadError(sink.report())
        }
        trace.mark("read and parse workbook")
        defer { trace.mark("validate") }
        for issue in ParkValidator.validate(park) {
            let (sheet, row, column) = ParkXLSX.location(issue.place, places: places)
            var diagnostic = Diagnostic(
                issue.severity, file: name, sheet: sheet, line: row, column: column, field: issue.place.field,
                issue.message, hint: issue.hint)
            diagnostic.text = issue.text
            diagnostic.hintText = issue.hintText
            sink.add(diagnostic)
        }
        let report = sink.report()
        if sink.errorCount > 0 { throw ParkLoadError(report) }
        return LoadedPark(park: park, format: .xlsx, warnings: report)
    }

    /// Reads a park snapshot (`.chainpark`, see ``ParkSnapshot``) from bytes: no parsing and no
    /// validation (the park was valid when written); the version, both checksums and every
    /// offset and length are checked, and a damaged file is refused with what is wrong.
    public static func load(snapshot bytes: [UInt8], name: String) throws(ParkLoadError) -> LoadedPark {
        var trace = PhaseTrace()
        let park = try ParkSnapshot.decode(bytes, name: name, trace: &trace)
        return LoadedPark(park: park, format: .snapshot, warnings: [])
    }

    private static func finish(
        _ park: Park, format: LoadedPark.Format, borrowedChains: [Chain] = [], sink: DiagnosticSink,
        locate: (RecordPlace) -> (String, Int?)
    ) throws(ParkLoadError) -> LoadedPark {
        var park = park
        if park.chains.isEmpty && !borrowedChains.isEmpty { park.chains = borrowedChains }
        for issue in ParkValidator.validate(park) {
            let (file, line) = locate(issue.place)
            let field = issue.place.field.map { format == .json ? issue.place.description : $0 }
            var diagnostic = Diagnostic(
                issue.severity, file: file, line: line, field: field, issue.message, hint: issue.hint)
            diagnostic.text = issue.text
            diagnostic.hintText = issue.hintText
            sink.add(diagnostic)
        }
        let report = sink.report()
        if sink.errorCount > 0 { throw ParkLoadError(report) }
        return LoadedPark(park: park, format: format, warnings: report)
    }

    /// The firms of a file of outside candidates (a park file or CSV bundle) to rank against
    /// `park`: a file without chains of its own borrows `park`'s, so its firms can name the
    /// park's stage ids. Every problem is located in the candidates file.
    /// - Throws: ``ParkLoadError`` with every problem found.
    public static func candidates(_ source: ParkSource, for park: Park) throws(ParkLoadError) -> [Firm] {
        switch source {
        case .file(let path): try load(path: path, borrowedChains: park.chains).park.firms
        case .sample: try source.load().park.firms
        }
    }

    /// Line of a record (or its field) in the JSON tree.
    static func jsonLine(_ place: RecordPlace, root: JSONNode) -> Int? {
        var node: JSONNode? = root
        switch place.kind {
        case .park:
            break
        case .stage:
            node = element(root["chains"], place.index)?["stages"]
            node = element(node, place.stageIndex ?? 0)
        default:
            node = element(root[place.kind.jsonKey], place.index)
        }
        guard let record = node else { return nil }
        if let field = place.field, let child = record[field] { return child.line }
        return record.line
    }

    private static func element(_ node: JSONNode?, _ i: Int) -> JSONNode? {
        guard let node, case .array(let items) = node.value, items.indices.contains(i) else { return nil }
        return items[i]
    }

    static func csvLocation(_ place: RecordPlace, folder: String, lines: ParkCSV.Lines) -> (String, Int?) {
        let file = (folder as NSString).appendingPathComponent(place.kind.csvFile)
        switch place.kind {
        case .park:
            return (file, 2)
        case .stage:
            guard lines.stageLines.indices.contains(place.index),
                let si = place.stageIndex, lines.stageLines[place.index].indices.contains(si)
            else { return (file, nil) }
            return (file, lines.stageLines[place.index][si])
        default:
            guard let list = lines.byKind[place.kind], list.indices.contains(place.index) else { return (file, nil) }
            return (file, list[place.index])
        }
    }
}
