import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Writes a park as a folder of partitioned CSV tables that Apache Spark reads natively
/// (`spark.read.schema(ddl).csv(folder/table)`), for the GraphX job in `spark/`. Layout and
/// every column: docs/SPARK.md.
///
/// - `_chainmap.json`: the manifest — format `chainmap-spark/1`, the park's id and name, and
///   per table its Spark DDL schema, row count and file count. Written last; it marks the
///   folder as written by ChainMap.
/// - `chains/`, `stages/`, `templates/`, `nodes/`, `node_stages/`, `links/`: one folder per
///   table with `part-NNNNN.csv` files (header line, UTF-8 without byte-order mark, LF line
///   ends, RFC 4180 quoting, an empty cell is null).
///
/// Node numbers are the firms' positions in the park, stage numbers and template-edge
/// numbers are those of ChainMap's gap analysis (chains in park order, stages in template
/// order, a stage's inputs in the order listed), so results map back without any id lookup.
///
/// ```swift
/// let summary = try SparkExport.write(park, to: "lake/park")
/// ```
/// - Complexity: O(size of the park); memory O(chunk size) beyond the park.
public enum SparkExport {
    public static let format = "chainmap-spark/1"
    public static let manifestName = "_chainmap.json"

    /// A table of the export: its name (folder), Spark DDL schema (SQL keywords used as
    /// column names in backquotes) and columns.
    public struct Table: Sendable {
        public let name: String
        public let ddl: String
        public var columns: [String] {
            ddl.split(separator: ",").map {
                String($0.trimmingCharacters(in: .whitespaces).split(separator: " ")[0]).replacingOccurrences(
                    of: "`", with: "")
            }
        }
    }

    public static let tables: [Table] = [
        Table(name: "chains", ddl: "chain INT, id STRING, name STRING"),
        Table(
            name: "stages",
            ddl:
                "stage INT, id STRING, name STRING, chain INT, chainId STRING, position INT, tier STRING, required BOOLEAN"
        ),
        Table(name: "templates", ddl: "edge INT, stage INT, input INT"),
        Table(
            name: "nodes",
            ddl: "node BIGINT, id STRING, name STRING, inPark BOOLEAN, output DOUBLE, leader BOOLEAN, zone STRING"),
        Table(name: "node_stages", ddl: "node BIGINT, stage INT"),
        Table(
            name: "links",
            ddl:
                "link BIGINT, src BIGINT, dst BIGINT, product STRING, value DOUBLE, share DOUBLE, status STRING, `local` BOOLEAN, `primary` BOOLEAN"
        ),
    ]

    /// What was written.
    public struct Summary: Sendable {
        public var path: String
        /// Rows and files per table, in the order of ``SparkExport/tables``.
        public var rows: [String: Int]
        public var files: [String: Int]
    }

    /// Whether `path` is a folder written by this export (it holds the manifest).
    public static func isExport(_ path: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: (path as NSString).appendingPathComponent(manifestName))
        else { return false }
        return String(decoding: data, as: UTF8.self).contains("\"\(format)\"")
    }

    /// Writes `park` into a new folder at `path`, atomically (filled aside, then renamed).
    /// An existing empty folder, or a folder written by this export, is replaced; any other
    /// existing file or non-empty folder is refused.
    /// - Parameters:
    ///   - rowsPerFile: rows per part file of the large tables (nodes, node_stages, links);
    ///     each file is one Spark task. Default 250,000.
    /// - Throws: ``WriteError`` naming the place.
    @discardableResult
    public static func write(_ park: Park, to path: String, rowsPerFile: Int = 250_000) throws(WriteError) -> Summary {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        let exists = fm.fileExists(atPath: path, isDirectory: &isDir)
        if exists && !isDir.boolValue {
            throw WriteError(
                path: path, message: "is a file, not a folder", hint: "name a folder for the Spark export",
                text: "problem.spark.exportFile", hintText: "problem.spark.exportFile.hint")
        }
        if exists, let items = try? fm.contentsOfDirectory(atPath: path), !items.isEmpty, !isExport(path) {
            throw WriteError(
                path: path, message: "folder is not empty and was not written by chainmap export",
                hint: "choose a new folder; ChainMap replaces only its own exports",
                text: "problem.spark.foreignFolder", hintText: "problem.spark.foreignFolder.hint")
        }
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let pid = ProcessInfo.processInfo.processIdentifier
        let tmp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(pid).tmp")
        let old = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(pid).old")
        var summary = Summary(path: path, rows: [:], files: [:])
        do {
            try? fm.removeItem(at: tmp)
            try fm.createDirectory(at: tmp, withIntermediateDirectories: true)
            let perFile = max(1, rowsPerFile)
            for table in tables {
                let dir = tmp.appendingPathComponent(table.name)
                try fm.createDirectory(at: dir, withIntermediateDirectories: true)
                let (rows, files) = try writeTable(table, of: park, into: dir.path, rowsPerFile: perFile)
                summary.rows[table.name] = rows
                summary.files[table.name] = files
            }
            try Data(manifest(park, summary)).write(to: tmp.appendingPathComponent(manifestName))
            if exists {
                try fm.moveItem(at: url, to: old)
                try fm.moveItem(at: tmp, to: url)
                try? fm.removeItem(at: old)
            } else {
                try fm.moveItem(at: tmp, to: url)
            }
        } catch let error as WriteError {
            try? fm.removeItem(at: tmp)
            throw error
        } catch {
            try? fm.removeItem(at: tmp)
            if fm.fileExists(atPath: old.path) && !fm.fileExists(atPath: url.path) {
                try? fm.moveItem(at: old, to: url)
            }
            throw WriteError(
                path: path, message: "cannot write (\(error.localizedDescription))",
                hint: "check that the parent folder exists and is writable, and the free disk space",
                text: Message("problem.spark.cannotWrite", ["reason": .text(error.localizedDescription)]),
                hintText: "problem.spark.cannotWrite.hint")
        }
        return summary
    }

    /// The manifest: format, park, CSV conventions, and each table's schema, rows and files.
    static func manifest(_ park: Park, _ summary: Summary) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.key("format"); w.string(format)
        w.key("park"); w.string(park.id)
        w.key("name"); w.string(park.name)
        w.key("csv")
        w.beginObject()
        w.key("header"); w.bool(true)
        w.key("encoding"); w.string("UTF-8")
        w.key("lineSep"); w.string("\n")
        w.key("quote"); w.string("\"")
        w.key("escape"); w.string("\"")
        w.key("nullValue"); w.string("")
        w.key("multiLine"); w.bool(true)
        w.endObject()
        w.key("tables")
        w.beginArray()
        for t in tables {
            w.element()
            w.beginObject()
            w.key("name"); w.string(t.name)
            w.key("ddl"); w.string(t.ddl)
            w.key("rows"); w.int(summary.rows[t.name] ?? 0)
            w.key("files"); w.int(summary.files[t.name] ?? 0)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.finish() + [0x0A]
    }

    /// Stage numbering shared with the gap analysis: chains in order, stages in template
    /// order, the first stage of an id wins.
    struct Stages {
        var stages: [(stage: Stage, chain: Int, position: Int)] = []
        var index: [String: Int32] = [:]
        /// Template edges `(stage, input)` in the order of the stage-input CSR.
        var edges: [(stage: Int32, input: Int32)] = []

        init(_ park: Park) {
            for (c, chain) in park.chains.enumerated() {
                for (p, s) in chain.stages.enumerated() where index[s.id] == nil {
                    index[s.id] = Int32(stages.count)
                    stages.append((s, c, p))
                }
            }
            for (g, entry) in stages.enumerated() {
                for i in entry.stage.inputs {
                    if let k = index[i], stages[Int(k)].chain == entry.chain { edges.append((Int32(g), k)) }
                }
            }
        }
    }

    /// Writes one table into `dir` as part files; returns (rows, files).
    static func writeTable(_ table: Table, of park: Park, into dir: String, rowsPerFile: Int) throws(WriteError) -> (
        Int, Int
    ) {
        var files = 0
        var rowsInFile = 0
        var rows = 0
        var fd: Int32 = -1
        var sink: CSVByteSink?
        var currentFile = ""
        func closeFile() throws(WriteError) {
            guard let s = sink else { return }
            s.flush()
            let failure = s.failure
            if close(fd) != 0 || failure != 0 {
                let reason = String(cString: strerror(failure != 0 ? failure : errno))
                throw WriteError(
                    path: currentFile, message: "cannot write (\(reason))", hint: "check the free disk space",
                    text: Message("problem.spark.cannotWrite", ["reason": .text(reason)]),
                    hintText: "problem.spark.diskSpace.hint")
            }
            sink = nil
        }
        func openFile() throws(WriteError) {
            currentFile = (dir as NSString).appendingPathComponent(String(format: "part-%05d.csv", files))
            fd = open(currentFile, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            if fd < 0 {
                let reason = String(cString: strerror(errno))
                throw WriteError(
                    path: currentFile, message: "cannot create (\(reason))", hint: "check that the folder is writable",
                    text: Message("problem.spark.cannotCreate", ["reason": .text(reason)]),
                    hintText: "problem.spark.writable.hint")
            }
            let s = CSVByteSink(fd: fd)
            s.crlf = false
            s.row(table.columns)
            sink = s
            files += 1
            rowsInFile = 0
        }
        /// The sink for the next row, starting a new file when the current one is full.
        func next() throws(WriteError) -> CSVByteSink {
            if sink == nil || rowsInFile >= rowsPerFile {
                try closeFile()
                try openFile()
            }
            rowsInFile += 1
            rows += 1
            return sink!
        }
        func int<T: BinaryInteger>(_ s: CSVByteSink, _ v: T) { s.field(String(v)) }
        func num(_ s: CSVByteSink, _ v: Double?) { if let v { s.field(NumberFormat.shortest(v)) } }
        func bool(_ s: CSVByteSink, _ v: Bool?) { if let v { s.field(v ? "true" : "false") } }

        let stages = Stages(park)
        switch table.name {
        case "chains":
            for (c, chain) in park.chains.enumerated() {
                let s = try next()
                int(s, c); s.comma(); s.field(chain.id); s.comma(); s.field(chain.name); s.endRow()
            }
        case "stages":
            for (g, e) in stages.stages.enumerated() {
                let s = try next()
                int(s, g); s.comma(); s.field(e.stage.id); s.comma(); s.field(e.stage.name); s.comma()
                int(s, e.chain); s.comma(); s.field(park.chains[e.chain].id); s.comma(); int(s, e.position); s.comma()
                s.field(e.stage.tier.rawValue); s.comma(); bool(s, e.stage.required); s.endRow()
            }
        case "templates":
            for (q, e) in stages.edges.enumerated() {
                let s = try next()
                int(s, q); s.comma(); int(s, e.stage); s.comma(); int(s, e.input); s.endRow()
            }
        case "nodes":
            for (i, f) in park.firms.enumerated() {
                let s = try next()
                int(s, i); s.comma(); s.field(f.id); s.comma(); s.field(f.name); s.comma(); bool(s, f.inPark); s.comma()
                num(s, f.output); s.comma(); bool(s, f.isChainLeader); s.comma(); s.field(f.zone); s.endRow()
            }
        case "node_stages":
            var scratch: [Int32] = []
            for (i, f) in park.firms.enumerated() {
                scratch.removeAll(keepingCapacity: true)
                for id in f.stages { if let g = stages.index[id] { scratch.append(g) } }
                scratch.sort()
                var last: Int32 = -1
                for g in scratch where g != last {
                    last = g
                    let s = try next()
                    int(s, i); s.comma(); int(s, g); s.endRow()
                }
            }
        case "links":
            let resolution = park.resolution
            for (i, l) in park.links.enumerated() {
                let a = resolution.linkSupplier[i], b = resolution.linkBuyer[i]
                guard a >= 0, b >= 0 else { continue }
                let s = try next()
                int(s, i); s.comma(); int(s, a); s.comma(); int(s, b); s.comma(); s.field(l.product); s.comma()
                num(s, l.value); s.comma(); num(s, l.share); s.comma(); s.field(l.status.rawValue); s.comma()
                bool(s, l.local); s.comma(); bool(s, l.primary); s.endRow()
            }
        default:
            break
        }
        if sink == nil { try openFile() }  // a header-only file: Spark then knows the columns
        try closeFile()
        return (rows, files)
    }
}
