import ArgumentParser
import ChainAnalysis
import ChainGraph
import Foundation
import ChainModel

/// `chainmap rank PARK --by MEASURE`: firms (or nodes of any edge list) by centrality.
struct RankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rank",
        abstract: "Rank firms by centrality: chain leaders, keystones and brokers.",
        discussion: """
            Measures: degree, in-degree (suppliers), out-degree (buyers), strength (link value),
            pagerank (where the chain's value converges), betweenness (brokers between stages;
            exact, or sampled with --sample and a printed error bound), closeness, harmonic,
            eigenvector, katz, hubs and authorities (HITS: suppliers vs buyers).
            Ties are broken by id; results are identical for any number of threads.
            How the numbers were obtained (iterations, convergence, error bound) goes to
            standard error.

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

    @Option(help: "Output format: table, json, or csv.")
    var format: OutputFormat = .table

    func validate() throws {
        if top < 0 { throw ValidationError("--top must be 0 or more") }
        if let sample, sample < 1 { throw ValidationError("--sample must be at least 1") }
        if sample != nil && measure != .betweenness { throw ValidationError("--sample applies to --by betweenness") }
        if !(0...1).contains(damping) { throw ValidationError("--damping must be between 0 and 1") }
        if !(tolerance > 0) { throw ValidationError("--tolerance must be positive") }
        if maxIterations < 1 { throw ValidationError("--max-iterations must be at least 1") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        let start = Date()
        let loaded = try graphOptions.load()
        let loadTime = Date().timeIntervalSince(start)
        var sourceNodes: [Int32]?
        if let sources {
            sourceNodes = try SourceList.read(sources, ids: loaded.ids)
        }
        let progress = ProgressLine("Computing \(measure.rawValue)")
        let options = RankingOptions(
            measure: measure, weighted: weighted, sample: sample, seed: seed, sources: sourceNodes, scaleSample: !raw,
            normalized: !raw, damping: damping, tolerance: tolerance, maxIterations: maxIterations, threads: threads,
            progress: { done, total in progress.update(done, total) })
        let computeStart = Date()
        let firmCount = loaded.parkGraph?.firmCount
        let ranking: NodeRanking
        do {
            ranking = try NodeRanking.rank(loaded.graph, ids: loaded.ids, options: options) { node in
                firmCount.map { Int(node) < $0 } ?? true
            }
        } catch {
            progress.finish()
            Console.err("error: \(error.description)\n")
            throw ExitCode.failure
        }
        let computeTime = Date().timeIntervalSince(computeStart)
        progress.finish()
        for note in ranking.notes { Console.err("note: \(note)\n") }
        if timings {
            Console.err(String(format: "timing: load %.4f s, compute %.4f s (%d nodes, %d edges)\n", loadTime, computeTime, loaded.graph.nodeCount, loaded.graph.edgeCount))
        }
        let shown = top == 0 ? ranking.entries[...] : ranking.entries.prefix(top)
        let context = FirmContext(loaded)
        switch format {
        case .table:
            var table = TextTable(["#", "name", "id", "stage", "leader", measure.rawValue], alignments: [.right, .left, .left, .left, .left, .right])
            for e in shown {
                let i = Int(e.node)
                table.add([String(e.rank), loaded.names[i], loaded.ids[i], context.stage(i), context.isLeader(i) ? "链主" : "", Self.format(e.score)])
            }
            Console.out(table.render())
        case .csv:
            var out = "rank,id,name,stage,leader,\(measure.rawValue)\n"
            for e in shown {
                let i = Int(e.node)
                out += [String(e.rank), loaded.ids[i], loaded.names[i], context.stage(i), context.isLeader(i) ? "true" : "false", "\(e.score)"]
                    .map(CSVField.quote).joined(separator: ",") + "\n"
            }
            Console.out(out)
        case .json:
            var w = JSONWriter()
            w.beginObject()
            w.key("measure"); w.string(measure.rawValue)
            w.key("nodes"); w.int(loaded.graph.nodeCount)
            w.key("edges"); w.int(loaded.graph.edgeCount)
            if let c = ranking.converged { w.key("converged"); w.bool(c) }
            if let b = ranking.errorBound { w.key("errorBound"); w.number(b) }
            w.key("notes"); w.inlineStrings(ranking.notes)
            w.key("ranking")
            w.beginArray()
            for e in shown {
                let i = Int(e.node)
                w.element()
                w.beginObject()
                w.key("rank"); w.int(e.rank)
                w.key("id"); w.string(loaded.ids[i])
                w.key("name"); w.string(loaded.names[i])
                let stage = context.stage(i)
                if !stage.isEmpty { w.key("stage"); w.string(stage) }
                if context.isLeader(i) { w.key("leader"); w.bool(true) }
                w.key("score"); w.exactNumber(e.score)
                w.endObject()
            }
            w.endArray()
            w.endObject()
            Console.out(bytes: w.finish())
        }
    }

    /// Six significant digits for people; JSON and CSV carry the full value.
    static func format(_ x: Double) -> String {
        if x == 0 { return "0" }
        if x == x.rounded() && abs(x) < 1e12 { return String(Int64(x)) }
        return String(format: abs(x) >= 1e-4 && abs(x) < 1e9 ? "%.6g" : "%.4e", x)
    }

}

/// Firm facts for listing graph nodes: stage names and chain-leader marks (parks only).
struct FirmContext {
    private var stages: [String] = []
    private var leaders: [Bool] = []

    init(_ loaded: LoadedGraph) {
        guard let park = loaded.park, let pg = loaded.parkGraph else { return }
        var stageName: [String: String] = [:]
        for c in park.chains { for s in c.stages { stageName[s.id] = s.name } }
        stages = Array(repeating: "", count: loaded.graph.nodeCount)
        leaders = Array(repeating: false, count: loaded.graph.nodeCount)
        for f in park.firms {
            guard let n = pg.node(ofFirm: f.id) else { continue }
            stages[Int(n)] = f.stages.compactMap { stageName[$0] }.joined(separator: "/")
            leaders[Int(n)] = f.isChainLeader
        }
    }

    func stage(_ i: Int) -> String { i < stages.count ? stages[i] : "" }
    func isLeader(_ i: Int) -> Bool { i < leaders.count ? leaders[i] : false }
}

extension CentralityMeasure: ExpressibleByArgument {}
