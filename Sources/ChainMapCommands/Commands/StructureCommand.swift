import ArgumentParser
import ChainAnalysis
import ChainGraph
import ChainOutput

/// `chainmap structure PARK`: components, cut firms, bridge links, cores and depth.
struct StructureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "structure",
        abstract: "What the network stands on: components, cut firms, bridge links, k-cores, depth.",
        discussion: """
            Cut firms are articulation points of the undirected supply network (losing one
            splits it); bridge links are links whose loss splits it; the innermost k-core is its
            densely tied centre; depth is the longest supply path when there are no cycles (the
            cycles are listed otherwise). The input is a park or a plain edge list.

            Examples:
              chainmap structure samples/wujin-machinery.json
              chainmap structure samples/beilun-nev.json --format json
              chainmap structure graph.txt --format csv > nodes.csv       # one row per node
            """)

    @OptionGroup var graphOptions: GraphOptions

    @Option(help: "How many cut firms, bridges and core members to list (0: all).")
    var top: Int = 20

    @OptionGroup var output: OutputOptions

    func run() throws {
        let input = try graphOptions.load()
        let progress = ProgressLine("Analysing structure")
        let report = StructureSummary(input, top: top) { progress.update($0, $1) }
        progress.finish()
        try output.emit(report)
    }
}
