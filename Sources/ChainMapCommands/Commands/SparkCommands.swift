import ArgumentParser
import ChainAnalysis
import ChainGraph
import ChainModel
import Foundation

/// `chainmap export PARK --to spark -o DIR`: the park as partitioned CSV tables for Spark.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a park as partitioned tables that Apache Spark reads (for spark/run.sh).",
        discussion: """
            Writes a folder of CSV tables with a manifest (_chainmap.json) giving each table's
            Spark schema: chains, stages, templates (template edges), nodes (firms), node_stages
            and links. Node, stage and template-edge numbers are ChainMap's own, so results map
            back without lookups. Columns: docs/SPARK.md. The park is validated first; the folder
            is written aside and renamed into place; an existing non-empty folder is replaced
            only when an earlier chainmap export wrote it.

            Examples:
              chainmap export big-park/ --to spark -o lake/park/
              spark/run.sh lake/park/ -o lake/results/
              chainmap import-results lake/results/ --park big-park/
            """)

    enum Target: String, ExpressibleByArgument { case spark }

    @OptionGroup var input: ParkOptions

    @Option(name: .customLong("to"), help: "Target: spark.")
    var target: Target

    @Option(name: [.short, .customLong("output")], help: "Output folder.")
    var output: String

    @Option(help: "Rows per part file of nodes, node_stages and links (each file is one Spark task).")
    var rowsPerFile: Int = 250_000

    func validate() throws {
        if rowsPerFile < 1 { throw ValidationError("--rows-per-file must be at least 1") }
    }

    func run() throws {
        let loaded = try input.load()
        let summary: SparkExport.Summary
        do {
            summary = try SparkExport.write(loaded.park, to: output, rowsPerFile: rowsPerFile)
        } catch {
            Console.err(error.description + "\n")
            throw ExitCode.failure
        }
        let parts = SparkExport.tables.map { "\($0.name) \(summary.rows[$0.name] ?? 0)" }.joined(separator: ", ")
        Console.err("wrote \(output) (spark: \(parts) rows)\n")
    }
}

/// `chainmap import-results RESULTS --park PARK`: Spark's results as ChainMap reports,
/// checked against ChainMap's in-process answers.
struct ImportResultsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-results",
        abstract: "Read the Spark job's results and compare them with ChainMap's own.",
        discussion: """
            Reads the folder spark/run.sh wrote (PageRank, components, degrees and strengths per
            firm; metrics per stage and per template edge) and recomputes each in-process from
            the park with the same parameters and iterations: PageRank L1 distance (allowed
            1e-9), identical components, degrees and strengths, identical stage metrics
            (shares and HHI within a relative 1e-12). Definitions: docs/SPARK.md.

            Sections: compare (the checks), ranking (firms by Spark's PageRank), stages,
            edges (template edges). Table shows compare, the top of the ranking and the stages.

            Examples:
              chainmap import-results lake/results/ --park big-park/
              chainmap import-results lake/results/ --park big-park/ --format json
              chainmap import-results lake/results/ --park big-park/ --section edges --format csv
              chainmap import-results lake/results/ --park big-park/ --check   # exit 1 unless equal
            """)

    enum Section: String, ExpressibleByArgument, CaseIterable { case compare, ranking, stages, edges }

    /// Formats of this command (not yet on the shared output model).
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

    @Argument(help: "The results folder written by spark/run.sh.")
    var results: String

    @Option(help: "The park the results were computed from (the one exported).")
    var park: String

    @Option(help: "Output format: table, json, or csv.")
    var format: Format = .table

    @Option(help: "What to print: compare, ranking, stages, edges (table: all but edges; csv: one section, default stages).")
    var section: Section?

    @Option(help: "Firms listed in the ranking (0: all).")
    var top: Int = 20

    @Flag(help: "Exit with status 1 unless Spark's results equal ChainMap's.")
    var check = false

    func run() throws {
        let loaded = try ParkOptions.parse([park, "--no-warnings"]).load()
        let spark: SparkResults
        let comparison: SparkComparison
        do {
            spark = try SparkResults.read(results, nodeCount: loaded.park.firms.count)
            comparison = try SparkComparison(park: loaded.park, spark: spark)
        } catch let error as WriteError {
            Console.err(error.description + "\n")
            throw ExitCode.failure
        } catch {
            Console.err("error: \(error)\n")
            throw ExitCode.failure
        }
        let ranking = (0..<comparison.nodes).sorted { a, b in
            let x = spark.nodes.pagerank[a], y = spark.nodes.pagerank[b]
            return x != y ? x > y : loaded.park.firms[a].id < loaded.park.firms[b].id
        }
        let shown = top == 0 ? ranking[...] : ranking.prefix(top)
        switch format {
        case .table: Console.out(table(comparison, spark, loaded.park, shown))
        case .csv: Console.out(csv(comparison, spark, loaded.park, shown))
        case .json: Console.out(bytes: json(comparison, spark, loaded.park, shown))
        }
        if check && !comparison.passed {
            Console.err("error: Spark's results differ from ChainMap's (see the compare section)\n")
            throw ExitCode.failure
        }
    }

    static let textColumns: Set<String> = ["id", "chain", "tier", "stageId", "inputId", "topSupplier"]

    /// A cell as ChainMap writes numbers (Spark writes 1.2E7 for 12000000).
    static func cell(_ column: String, _ text: String?) -> String {
        guard let text, !textColumns.contains(column), let d = Double(text) else { return text ?? "" }
        return NumberFormat.shortest(d)
    }

    func compareLines(_ c: SparkComparison) -> [(check: String, result: String, ok: Bool)] {
        var lines: [(String, String, Bool)] = [
            ("PageRank L1 (\(c.pageRank.iterations) iterations, damping \(c.pageRank.damping)\(c.pageRank.weighted ? ", weighted" : ""))",
             String(format: "%.3e (max %.3e; allowed %.0e)", c.pageRankL1, c.pageRankMaxAbs, SparkComparison.pageRankTolerance),
             c.pageRankL1 <= SparkComparison.pageRankTolerance),
            ("components", "\(c.sparkComponents) vs \(c.chainMapComponents), \(c.componentMismatches) nodes differ", c.componentMismatches == 0),
            ("in/out-degree", "\(c.degreeMismatches) nodes differ", c.degreeMismatches == 0),
            ("in/out-strength", "max difference \(c.strengthMaxAbs)", c.strengthMaxAbs == 0),
        ]
        for table in ["stages", "template_edges"] {
            let checks = c.stageChecks.filter { $0.table == table }
            let bad = checks.filter { $0.mismatches > 0 }
            let rel = checks.map(\.maxRelative).max() ?? 0
            var text = "\(checks.count) columns, \(bad.count) differ; largest relative difference \(String(format: "%.1e", rel))"
            if let first = bad.first { text += "; \(first.column) \(first.example ?? "")" }
            lines.append(("\(table) metrics", text, bad.isEmpty))
        }
        return lines
    }

    func table(_ c: SparkComparison, _ spark: SparkResults, _ park: Park, _ shown: ArraySlice<Int>) -> String {
        var out = ""
        let sections: [Section] = section.map { [$0] } ?? [.compare, .ranking, .stages]
        for s in sections {
            switch s {
            case .compare:
                out += "Spark (\(spark.master), \(c.nodes) firms, \(c.edges) active links) vs ChainMap in-process\n"
                var t = TextTable(["check", "result", "equal"])
                for l in compareLines(c) { t.add([l.check, l.result, l.ok ? "yes" : "NO"]) }
                out += t.render()
                if !spark.seconds.isEmpty {
                    out += "Spark time: " + spark.seconds.map { "\($0.phase) \(String(format: "%.1f", $0.seconds)) s" }.joined(separator: ", ") + "\n"
                }
                out += "ChainMap time (park loaded): " + c.seconds.map { "\($0.phase) \(String(format: "%.3f", $0.seconds)) s" }.joined(separator: ", ")
                    + String(format: ", total %.3f s\n", c.seconds.reduce(0) { $0 + $1.seconds })
                out += "\n"
            case .ranking:
                var t = TextTable(["#", "id", "name", "pagerank", "component", "in", "out"], alignments: [.right, .left, .left, .right, .right, .right, .right])
                for (i, v) in shown.enumerated() {
                    t.add([String(i + 1), park.firms[v].id, park.firms[v].name, String(format: "%.6g", spark.nodes.pagerank[v]),
                           String(spark.nodes.component[v]), String(spark.nodes.inDegree[v]), String(spark.nodes.outDegree[v])])
                }
                out += t.render() + "\n"
            case .stages, .edges:
                let (columns, rows) = s == .stages
                    ? (StageMetrics.stageColumns, spark.stages) : (StageMetrics.edgeColumns, spark.templateEdges)
                var t = TextTable(columns)
                for r in rows { t.add(columns.map { Self.cell($0, r[$0]) }) }
                out += t.render() + "\n"
            }
        }
        return out
    }

    func csv(_ c: SparkComparison, _ spark: SparkResults, _ park: Park, _ shown: ArraySlice<Int>) -> String {
        func line(_ cells: [String]) -> String { cells.map(CSVField.quote).joined(separator: ",") + "\n" }
        switch section ?? .stages {
        case .compare:
            return line(["check", "result", "equal"]) + compareLines(c).map { line([$0.check, $0.result, $0.ok ? "true" : "false"]) }.joined()
        case .ranking:
            var out = line(["rank", "id", "name", "pagerank", "chainmapPagerank", "component", "inDegree", "outDegree", "inStrength", "outStrength"])
            for (i, v) in shown.enumerated() {
                out += line([String(i + 1), park.firms[v].id, park.firms[v].name, "\(spark.nodes.pagerank[v])", "\(c.chainMapPageRank[v])",
                             String(spark.nodes.component[v]), String(spark.nodes.inDegree[v]), String(spark.nodes.outDegree[v]),
                             NumberFormat.shortest(spark.nodes.inStrength[v]), NumberFormat.shortest(spark.nodes.outStrength[v])])
            }
            return out
        case .stages, .edges:
            let (columns, rows) = section == .edges
                ? (StageMetrics.edgeColumns, spark.templateEdges) : (StageMetrics.stageColumns, spark.stages)
            return line(columns) + rows.map { r in line(columns.map { Self.cell($0, r[$0]) }) }.joined()
        }
    }

    func json(_ c: SparkComparison, _ spark: SparkResults, _ park: Park, _ shown: ArraySlice<Int>) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.key("park"); w.string(park.id)
        w.key("master"); w.string(spark.master)
        w.key("firms"); w.int(c.nodes)
        w.key("activeLinks"); w.int(c.edges)
        w.key("equal"); w.bool(c.passed)
        w.key("compare")
        w.beginObject()
        w.key("pagerank")
        w.beginObject()
        w.key("iterations"); w.int(c.pageRank.iterations)
        w.key("damping"); w.number(c.pageRank.damping)
        w.key("weighted"); w.bool(c.pageRank.weighted)
        w.key("l1"); w.exactNumber(c.pageRankL1)
        w.key("maxAbs"); w.exactNumber(c.pageRankMaxAbs)
        w.key("allowedL1"); w.exactNumber(SparkComparison.pageRankTolerance)
        w.key("sparkDelta"); w.exactNumber(c.pageRank.delta)
        w.key("chainmapDelta"); w.exactNumber(c.chainMapDelta)
        w.endObject()
        w.key("components")
        w.beginObject()
        w.key("spark"); w.int(c.sparkComponents)
        w.key("chainmap"); w.int(c.chainMapComponents)
        w.key("nodesDiffering"); w.int(c.componentMismatches)
        w.endObject()
        w.key("degreeNodesDiffering"); w.int(c.degreeMismatches)
        w.key("strengthMaxAbs"); w.exactNumber(c.strengthMaxAbs)
        w.key("columns")
        w.beginArray()
        for k in c.stageChecks {
            w.element()
            w.beginObject()
            w.key("table"); w.string(k.table)
            w.key("column"); w.string(k.column)
            w.key("mismatches"); w.int(k.mismatches)
            w.key("maxRelative"); w.exactNumber(k.maxRelative)
            if let e = k.example { w.key("example"); w.string(e) }
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.key("seconds")
        w.beginObject()
        for s in spark.seconds { w.key(s.phase); w.number(s.seconds) }
        w.endObject()
        w.key("chainmapSeconds")
        w.beginObject()
        for s in c.seconds { w.key(s.phase); w.number(s.seconds) }
        w.endObject()
        if section == nil || section == .ranking {
            w.key("ranking")
            w.beginArray()
            for v in shown {
                w.element()
                w.beginObject()
                w.key("id"); w.string(park.firms[v].id)
                w.key("pagerank"); w.exactNumber(spark.nodes.pagerank[v])
                w.key("component"); w.int(spark.nodes.component[v])
                w.key("inDegree"); w.int(spark.nodes.inDegree[v])
                w.key("outDegree"); w.int(spark.nodes.outDegree[v])
                w.endObject()
            }
            w.endArray()
        }
        for (name, columns, rows, wanted) in [
            ("stages", StageMetrics.stageColumns, spark.stages, section == nil || section == .stages),
            ("templateEdges", StageMetrics.edgeColumns, spark.templateEdges, section == nil || section == .edges),
        ] where wanted {
            w.key(name)
            w.beginArray()
            for r in rows {
                w.element()
                w.beginObject()
                for col in columns {
                    guard let cell = r[col], !cell.isEmpty else { continue }
                    w.key(col)
                    if cell == "true" || cell == "false" { w.bool(cell == "true") }
                    else if let d = Double(cell), !Self.textColumns.contains(col) { w.exactNumber(d) }
                    else { w.string(cell) }
                }
                w.endObject()
            }
            w.endArray()
        }
        w.endObject()
        return w.finish() + [0x0A]
    }
}
