import ArgumentParser
import ChainAnalysis
import ChainGraph
import ChainModel
import ChainOutput
import Foundation

/// `chainmap rank PARK --by MEASURE`: firms (or nodes of any edge list) by centrality.
struct RankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rank",
        abstract: "Rank firms by centrality: chain leaders, keystones and brokers.",
        discussion: """
            Measures: degree, in-degree (suppliers), out-degree (buyers), strength (link value),
            pagerank (where the chain's value converges), betweenness (brokers between stages;
            exact, or sampled with --sample and an error bound stated against the top score;
            a bound as wide as the scores is computed exactly on graphs up to 20,000 nodes),
            closeness, harmonic,
            eigenvector, katz, hubs and authorities (HITS: suppliers vs buyers).
            Ties are broken by id; results are identical for any number of threads.
            How the numbers were obtained (iterations, convergence, error bound) is printed
            under the ranking. A measure that does not converge is an error (exit 1) that
            says which option to change, never an approximate ranking.

            The input is a park, or any plain edge list (`u v [weight]` per line).

            Examples:
              chainmap rank samples/beilun-nev.json --by pagerank --top 20
              chainmap rank samples/beilun-nev.json --by betweenness --layer supply --format csv
              chainmap rank big-park/ --by betweenness --sample 1000 --seed 7
              chainmap rank graph.txt --by pagerank --format json
            """)

    @OptionGroup var graphOptions: GraphOptions

    @Option(name: .customLong("by"), help: "The measure (see above).")
    var measure: CentralityMeasure = .pagerank

    @Option(help: "How many to list (0: all).")
    var top: Int = 20

    @Flag(help: "Use link values as weights (PageRank, strength, HITS) or as lengths (betweenness, closeness).")
    var weighted = false

    @Option(help: "Betweenness from this many sampled sources (an estimate with an error bound).")
    var sample: Int?

    @Option(help: "Seed of the source sample.")
    var seed: UInt64 = 0

    @Option(help: "Betweenness from the sources listed in this file (one id or label per line).")
    var sources: String?

    @Flag(help: "Raw scores: no normalization, and sampled betweenness not scaled by n/k.")
    var raw = false

    @Option(help: "PageRank damping factor.")
    var damping: Double = 0.85

    @Option(help: "Convergence tolerance (L1 change) for iterative measures.")
    var tolerance: Double = 1e-10

    @Option(help: "Iteration limit for iterative measures.")
    var maxIterations: Int = 1000

    @Option(help: "Worker threads (default: all cores).")
    var threads: Int?

    @Flag(help: "Print load and compute times to standard error.")
    var timings = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if top < 0 { throw Usage.notNegative("--top") }
        if let sample, sample < 1 { throw Usage.atLeast("--sample", 1) }
        if sample != nil && measure != .betweenness { throw Usage.error("cli.usage.sampleNeedsBetweenness") }
        if !(0...1).contains(damping) { throw Usage.between("--damping", "0", "1") }
        if !(tolerance > 0) { throw Usage.positive("--tolerance") }
        if maxIterations < 1 { throw Usage.atLeast("--max-iterations", 1) }
        if let threads, threads < 1 { throw Usage.atLeast("--threads", 1) }
    }

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let input = try graphOptions.load()
        let loaded = clock.now
        let progress = ProgressLine(output.catalog(Message("rank.progress", ["measure": .message(measure.term)])))
        let options = RankingOptions(
            measure: measure, weighted: weighted, sample: sample, seed: seed,
            sources: try sources.map { try input.sources(fromFile: $0) }, scaleSample: !raw, normalized: !raw,
            damping: damping, tolerance: tolerance, maxIterations: maxIterations, threads: threads,
            progress: { done, total in progress.update(done, total) })
        let report = try RankReport(input, options: options, top: top)
        progress.finish()
        if timings {
            Console.err(
                output.catalog(
                    Message(
                        "rank.timing",
                        [
                            "load": .number((loaded - start).inSeconds),
                            "compute": .number((clock.now - loaded).inSeconds),
                            "nodes": .integer(input.graph.nodeCount), "edges": .integer(input.graph.edgeCount),
                        ])) + "\n")
        }
        try output.emit(report)
    }
}

extension CentralityMeasure: ExpressibleByArgument {}
