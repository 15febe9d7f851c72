import Foundation

/// The results of the Spark job (`spark/run.sh`), read back: a folder with
/// `_chainmap_results.json` (parameters and timings) and CSV tables written by Spark
/// (`nodes/`, `stages/`, `template_edges/`: `part-*.csv` with a header line each). Columns:
/// docs/SPARK.md.
///
/// ```swift
/// let results = try SparkResults.read("lake/results")
/// print(results.pageRank.iterations, results.nodes.pagerank.count)
/// ```
public struct SparkResults: Sendable {
    public static let format = "chainmap-spark-results/1"
    public static let summaryName = "_chainmap_results.json"

    /// PageRank parameters the job used and what it reached.
    public struct PageRankRun: Sendable {
        public var damping: Double
        public var weighted: Bool
        public var iterations: Int
        public var tolerance: Double
        /// L1 change of the last iteration.
        public var delta: Double
    }

    /// Per node (indexed by node number = firm position in the park).
    public struct Nodes: Sendable {
        public var id: [String] = []
        public var pagerank: [Double] = []
        /// Smallest node number of the node's weakly connected component (GraphX's label).
        public var component: [Int] = []
        public var inDegree: [Int] = []
        public var outDegree: [Int] = []
        public var inStrength: [Double] = []
        public var outStrength: [Double] = []
    }

    public var park: String
    public var master: String
    public var pageRank: PageRankRun
    /// Wall-clock seconds of the job's phases, in order (`load`, `pagerank`, …, `total`).
    public var seconds: [(phase: String, seconds: Double)]
    public var nodes: Nodes
    /// Per-stage rows, column → cell text (empty cell: absent), in stage order.
    public var stages: [[String: String]]
    /// Per-template-edge rows, column → cell text, in edge order.
    public var templateEdges: [[String: String]]

    /// Reads a results folder.
    /// - Parameter nodeCount: the park's firm count; rows with a node outside it are an error.
    /// - Throws: ``WriteError`` (used here as "a problem with a file", naming it) when a file is
    ///   missing or malformed.
    public static func read(_ path: String, nodeCount: Int) throws(WriteError) -> SparkResults {
        let summaryPath = (path as NSString).appendingPathComponent(summaryName)
        guard let data = FileManager.default.contents(atPath: summaryPath) else {
            throw WriteError(
                path: summaryPath, message: "not found", hint: "name the folder that spark/run.sh wrote with -o",
                text: "problem.spark.notFound", hintText: "problem.spark.notFound.hint")
        }
        var parser = JSONParser(bytes: Array(data))
        let root: JSONNode
        do { root = try parser.parse() } catch {
            throw WriteError(
                path: summaryPath, message: "line \(error.line): \(error.message)", hint: nil,
                text: Message("problem.spark.json", ["line": .integer(error.line), "detail": .message(error.detail)]))
        }
        func text(_ node: JSONNode?) -> String? { if case .string(let s)? = node?.value { return s }; return nil }
        func number(_ node: JSONNode?) -> Double? { if case .number(let d, _)? = node?.value { return d }; return nil }
        func bool(_ node: JSONNode?) -> Bool? { if case .bool(let b)? = node?.value { return b }; return nil }
        guard text(root["format"]) == format else {
            throw WriteError(
                path: summaryPath, message: "is not a \(format) summary",
                hint: "run spark/run.sh of this ChainMap version",
                text: Message("problem.spark.format", ["format": .text(format)]), hintText: "problem.spark.version.hint"
            )
        }
        let pr = root["pagerank"]
        guard let damping = number(pr?["damping"]), let iterations = number(pr?["iterations"]) else {
            throw WriteError(
                path: summaryPath, message: "pagerank parameters missing", hint: nil,
                text: "problem.spark.pagerankMissing", hintText: "problem.spark.version.hint")
        }
        var seconds: [(String, Double)] = []
        if case .object(let members)? = root["seconds"]?.value {
            for m in members { if let d = number(m.node) { seconds.append((m.key, d)) } }
        }
        var results = SparkResults(
            park: text(root["park"]) ?? "", master: text(root["master"]) ?? "",
            pageRank: PageRankRun(
                damping: damping, weighted: bool(pr?["weighted"]) ?? false, iterations: Int(iterations),
                tolerance: number(pr?["tolerance"]) ?? 0, delta: number(pr?["delta"]) ?? .nan),
            seconds: seconds, nodes: Nodes(), stages: [], templateEdges: [])

        var nodes = Nodes()
        nodes.id = Array(repeating: "", count: nodeCount)
        nodes.pagerank = Array(repeating: .nan, count: nodeCount)
        nodes.component = Array(repeating: -1, count: nodeCount)
        nodes.inDegree = Array(repeating: -1, count: nodeCount)
        nodes.outDegree = Array(repeating: -1, count: nodeCount)
        nodes.inStrength = Array(repeating: .nan, count: nodeCount)
        nodes.outStrength = Array(repeating: .nan, count: nodeCount)
        let nodeColumns = ["node", "id", "pagerank", "component", "inDegree", "outDegree", "inStrength", "outStrength"]
        var seen = 0
        try forEachRow(folder: (path as NSString).appendingPathComponent("nodes"), columns: nodeColumns) {
            (cells: [String], place: String) throws(WriteError) in
            guard let v = Int(cells[0]), v >= 0, v < nodeCount else {
                throw WriteError(
                    path: place, message: "node \(cells[0]) is not a node of the park (\(nodeCount) firms)",
                    hint: "import the results with the park that was exported",
                    text: Message("problem.spark.node", ["node": .text(cells[0]), "firms": .integer(nodeCount)]),
                    hintText: "problem.spark.park.hint")
            }
            nodes.id[v] = cells[1]
            nodes.pagerank[v] = Double(cells[2]) ?? .nan
            nodes.component[v] = Int(cells[3]) ?? -1
            nodes.inDegree[v] = Int(cells[4]) ?? -1
            nodes.outDegree[v] = Int(cells[5]) ?? -1
            nodes.inStrength[v] = Double(cells[6]) ?? .nan
            nodes.outStrength[v] = Double(cells[7]) ?? .nan
            seen += 1
        }
        if seen != nodeCount {
            throw WriteError(
                path: (path as NSString).appendingPathComponent("nodes"),
                message: "\(seen) node rows for \(nodeCount) firms",
                hint: "import the results with the park that was exported",
                text: Message("problem.spark.nodeCount", ["rows": .integer(seen), "firms": .integer(nodeCount)]),
                hintText: "problem.spark.park.hint")
        }
        results.nodes = nodes
        results.stages = try dictionaryRows((path as NSString).appendingPathComponent("stages"), key: "stage")
        results.templateEdges = try dictionaryRows(
            (path as NSString).appendingPathComponent("template_edges"), key: "edge")
        return results
    }

    /// Rows of a folder of part files as dictionaries, ordered by the number in column `key`.
    static func dictionaryRows(_ folder: String, key: String) throws(WriteError) -> [[String: String]] {
        var rows: [[String: String]] = []
        try forEachRow(folder: folder, columns: nil) { (cells: [String], header: String) throws(WriteError) in
            let names = header.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            var row: [String: String] = [:]
            for (i, n) in names.enumerated() where i < cells.count { row[n] = cells[i] }
            rows.append(row)
        }
        rows.sort { (Int($0[key] ?? "") ?? -1) < (Int($1[key] ?? "") ?? -1) }
        return rows
    }

    /// Calls `body` with each data row of each `part-*.csv` in `folder` (sorted by name).
    /// With `columns`, cells come in that order (a missing column is an error) and the second
    /// argument names the file; without, cells in file order and the second argument is the
    /// header joined by commas.
    static func forEachRow(
        folder: String, columns: [String]?, _ body: ([String], String) throws(WriteError) -> Void
    ) throws(WriteError) {
        let fm = FileManager.default
        guard let items = try? fm.contentsOfDirectory(atPath: folder) else {
            throw WriteError(
                path: folder, message: "not found", hint: "name the folder that spark/run.sh wrote with -o",
                text: "problem.spark.notFound", hintText: "problem.spark.notFound.hint")
        }
        let parts = items.filter { $0.hasPrefix("part-") && $0.hasSuffix(".csv") }.sorted()
        for part in parts {
            let file = (folder as NSString).appendingPathComponent(part)
            guard let data = fm.contents(atPath: file) else {
                throw WriteError(path: file, message: "cannot read", hint: nil, text: "problem.spark.unreadable")
            }
            var header: [String]?
            var order: [Int] = []
            var failure: WriteError?
            do {
                try CSVReader.forEachRow(Array(data)) { (row: borrowing CSVReader.Row) throws(CSVSyntaxError) in
                    if failure != nil || row.isBlank { return }
                    var cells: [String] = []
                    cells.reserveCapacity(row.count)
                    for i in 0..<row.count { cells.append(row.string(i)) }
                    guard let h = header else {
                        header = cells
                        if let columns {
                            for c in columns {
                                guard let k = cells.firstIndex(of: c) else {
                                    failure = WriteError(
                                        path: file, message: "column \(c) missing",
                                        hint: "run spark/run.sh of this ChainMap version",
                                        text: Message("problem.spark.column", ["column": .text(c)]),
                                        hintText: "problem.spark.version.hint")
                                    return
                                }
                                order.append(k)
                            }
                        }
                        return
                    }
                    do {
                        if columns != nil {
                            try body(order.map { $0 < cells.count ? cells[$0] : "" }, "\(file):\(row.line)")
                        } else {
                            try body(cells, h.joined(separator: ","))
                        }
                    } catch let error as WriteError {
                        failure = error
                    } catch {
                        failure = WriteError(path: file, message: "\(error)", hint: nil)
                    }
                }
            } catch {
                throw WriteError(
                    path: "\(file):\(error.line)", message: error.message, hint: nil,
                    text: Message("problem.csv.syntax", ["detail": .text(error.message)]))
            }
            if let failure { throw failure }
        }
    }
}
