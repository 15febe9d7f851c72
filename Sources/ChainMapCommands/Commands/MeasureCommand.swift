import ArgumentParser
import ChainAnalysis
import ChainModel
import ChainOutput
import ChainRender
import Foundation

/// `chainmap measure GRAPH`: times the core algorithms in-process, for side-by-side
/// comparisons with other graph libraries (see Benchmarks/peers).
struct MeasureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure",
        abstract: "Time loading, PageRank, components and betweenness on a graph (for comparisons).",
        discussion: """
            Loads the graph and runs each requested algorithm in this process, timing each \
            with a monotonic clock; the best of --repeat runs is reported, with the results \
            needed to check agreement with other libraries and the process's peak memory \
            (ru_maxrss).

            Algorithms (--algorithms, comma-separated):
              load         read + parse + CSR build (always done)
              pagerank     --iterations power iterations (tolerance 0),
                           or to convergence with --tolerance; Double
                           contributions unless --float-contributions
              wcc, scc     weakly / strongly connected components
              betweenness  raw sums of Brandes' dependencies from the
                           sources in --sources, or --sample with --seed
              render       (parks only, not in the default list) the park's
                           chain map laid out and rendered to SVG by Graphviz;
                           also reports how much this process's resident
                           memory grew after the first tenth of the runs

            --scores-out writes one line per node: label, then the PageRank score and/or \
            the betweenness sum (full precision), tab-separated, with a `#` header line.

            Examples:
              chainmap measure graph.txt
              chainmap measure graph.txt --algorithms pagerank --tolerance 1e-12 --scores-out pr.tsv
              chainmap measure graph.txt --algorithms betweenness --sources sources.txt --format json
              chainmap measure samples/beilun-nev.json --algorithms render --repeat 1000
            """)

    @OptionGroup var graphOptions: GraphOptions

    @Option(help: "Algorithms to run: load, pagerank, wcc, scc, betweenness, render (comma-separated).")
    var algorithms: String = "load,pagerank,wcc,scc,betweenness"

    @Option(help: "PageRank iterations (a fixed number unless --tolerance is given).")
    var iterations: Int = 20

    @Option(help: "Run PageRank to convergence: stop when the L1 change is below this (at most 1000 iterations).")
    var tolerance: Double?

    @Option(help: "PageRank damping factor.")
    var damping: Double = 0.85

    @Flag(
        help: """
            PageRank gathers Float contributions (half the bytes per random access, as GAPBS \
            pr_spmv; scores about 1e-7 relative from the Double ones).
            """)
    var floatContributions = false

    @Option(help: "Betweenness from the sources listed in this file (one label or id per line).")
    var sources: String?

    @Option(help: "Betweenness from this many sources sampled with --seed (when no --sources file).")
    var sample: Int = 100

    @Option(help: "Seed of the source sample.")
    var seed: UInt64 = 42

    @Option(help: "Runs of each algorithm; the best time is reported.")
    var `repeat`: Int = 3

    @Option(help: "Worker threads (default: all cores).")
    var threads: Int?

    @Option(help: "How many top nodes to print for PageRank and betweenness.")
    var top: Int = 20

    @Option(help: "Write every node's scores (PageRank, betweenness) to this file.")
    var scoresOut: String?

    @OptionGroup var output: OutputOptions

    func requested() throws -> Set<MeasuredAlgorithm> {
        let known = MeasuredAlgorithm.allCases.map(\.rawValue).joined(separator: ", ")
        var result = Set<MeasuredAlgorithm>()
        for word in algorithms.split(separator: ",") {
            let name = word.trimmingCharacters(in: .whitespaces).lowercased()
            if name.isEmpty { continue }
            guard let algorithm = MeasuredAlgorithm(rawValue: name) else {
                throw Usage.error(
                    Message("measure.error.unknownAlgorithm", ["name": .text(name), "known": .text(known)]))
            }
            result.insert(algorithm)
        }
        if result.isEmpty { throw Usage.error(Message("measure.error.noAlgorithm", ["known": .text(known)])) }
        return result
    }

    func validate() throws {
        if try requested().contains(.render), let path = graphOptions.input.source.path,
            NetworkInput.isEdgeList(path: path)
        {
            throw Usage.error("measure.error.renderNeedsPark")
        }
        if iterations < 1 { throw Usage.atLeast("--iterations", 1) }
        if let tolerance, !(tolerance > 0) { throw Usage.positive("--tolerance") }
        if !(0...1).contains(damping) { throw Usage.between("--damping", "0", "1") }
        if sample < 1 { throw Usage.atLeast("--sample", 1) }
        if `repeat` < 1 { throw Usage.atLeast("--repeat", 1) }
        if let threads, threads < 1 { throw Usage.atLeast("--threads", 1) }
        if top < 0 { throw Usage.notNegative("--top") }
    }

    func run() throws {
        let options = MeasureOptions(
            algorithms: try requested(), iterations: iterations, tolerance: tolerance, damping: damping,
            sourcesFile: sources,
            sample: sample, seed: seed, repeats: `repeat`, threads: threads, top: top,
            contributions: floatContributions ? .float : .double)
        let report = try MeasureReport.run(
            options, name: graphOptions.input.displayName,
            load: { try graphOptions.load(quiet: $0 > 0) },  // the warnings note once, not per run
            render: { park in
                let dot = DOTWriter().write(try ChainMapBuilder(park: park).build(MapOptions()))
                return { try GraphvizRenderer.shared.render(dot: dot, format: .svg).count }
            })
        if let scoresOut { try OutputFile.write(report.scores.tsv(), to: scoresOut, replace: output.force) }
        try output.emit(report)
    }
}
