import ChainGraph
import Foundation

/// A park read from disk, with the warnings found while reading and validating it.
public struct LoadedPark: Sendable {
    public enum Format: String, Sendable {
        case json
        case csvBundle = "csv"
        /// A binary park snapshot (``ParkSnapshot``).
        case snapshot = "chainpark"
    }

    public var park: Park
    public var format: Format
    /// Non-fatal problems (unknown fields, firms without links…), sorted by file and line.
    public var warnings: [Diagnostic]
}

/// Loads parks from a JSON file or a CSV bundle folder: the only place where user text
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
            let hint = problem.isMissing ? "check the path; run `chainmap samples` to list the bundled parks" : problem.hint
            throw ParkLoadError([Diagnostic(.error, file: path, problem.message, hint: hint)])
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
        let bytes = try TextDecoding.readUTF8(path: path, displayName: path, warnings: &warnings, allowStream: true, json: true)
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
            sink.add(Diagnostic(issue.severity, file: file, line: line, field: field, issue.message, hint: issue.hint))
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
