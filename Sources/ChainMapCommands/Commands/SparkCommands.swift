import ArgumentParser
import ChainAnalysis
import ChainGraph
import ChainModel
import ChainOutput
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
        if rowsPerFile < 1 { throw Usage.atLeast("--rows-per-file", 1) }
    }

    func run() throws {
        let loaded = try input.load()
        let summary = try SparkExport.write(loaded.park, to: output, rowsPerFile: rowsPerFile)
        let parts = SparkExport.tables.map {
            Message.Argument.message(
                Message("cli.spark.table", ["table": .text($0.name), "rows": .integer(summary.rows[$0.name] ?? 0)]))
        }
        StderrText.say(Message("cli.spark.wrote", ["path": .text(output), "tables": .list(parts, limit: 20)]))
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
              chainmap import-results lake/results/ --park big-park/ --format xlsx -o 核对.xlsx
              chainmap import-results lake/results/ --park big-park/ --check   # exit 1 unless equal
            """)

    @Argument(help: "The results folder written by spark/run.sh.")
    var results: String

    @Option(help: "The park the results were computed from (the one exported).")
    var park: String

    @Option(
        help: "What to print: compare, ranking, stages, edges (table: all but edges; csv: one section, default stages)."
    )
    var section: SparkImportReport.Part?

    @Option(help: "Firms listed in the ranking (0: all).")
    var top: Int = 20

    @Flag(help: "Exit with status 1 unless Spark's results equal ChainMap's.")
    var check = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if top < 0 { throw Usage.notNegative("--top") }
    }

    func run() throws {
        let loaded = try ParkOptions.parse([park, "--no-warnings"]).load()
        let report = try SparkImportReport(results: results, park: loaded.park, part: section, top: top)
        try output.emit(report)
        if check && !report.equal {
            StderrText.say("cli.spark.differ")
            throw ExitCode.failure
        }
    }
}

extension SparkImportReport.Part: ExpressibleByArgument {}
