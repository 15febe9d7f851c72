import ArgumentParser
import ChainAnalysis
import ChainGraph
import ChainModel
import ChainRender
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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
                           or to convergence with --tolerance
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

    @Flag(help: "Replace an existing --scores-out file.")
    var force = false

    @Option(help: "Output format: table or json.")
    var format: MeasureFormat = .table

    static let known = ["load", "pagerank", "wcc", "scc", "betweenness", "render"]

    func requested() throws -> Set<String> {
        var result = Set<String>()
        for word in algorithms.split(separator: ",") {
            let name = word.trimmingCharacters(in: .whitespaces).lowercased()
            if name.isEmpty { continue }
            guard Self.known.contains(name) else {
                throw ValidationError("unknown algorithm '\(name)'; use \(Self.known.joined(separator: ", "))")
            }
            result.insert(name)
        }
        if result.isEmpty { throw ValidationError("--algorithms is empty; use \(Self.known.joined(separator: ", "))") }
        return result
    }

    func validate() throws {
        _ = try requested()
        if iterations < 1 { throw ValidationError("--iterations must be at least 1") }
        if let tolerance, !(tolerance > 0) { throw ValidationError("--tolerance must be positive") }
        if !(0...1).contains(damping) { throw ValidationError("--damping must be between 0 and 1") }
        if sample < 1 { throw ValidationError("--sample must be at least 1") }
        if `repeat` < 1 { throw ValidationError("--repeat must be at least 1") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        if top < 0 { throw ValidationError("--top must be 0 or more") }
    }

    /// Timings and results of one algorithm.
    struct Measurement {
        var name: String
        var runs: [Double] = []
        var summary: String = ""
        var fields: [(String, Double)] = []
        var notes: [String] = []
        var best: Double { runs.min() ?? 0 }
    }

    func run() throws {
        let wanted = try requested()
        var results: [Measurement] = []

        // Load: read + parse + CSR build. The previous graph is released before each reload
        // so that peak memory reflects one graph.
        var load = Measurement(name: "load")
        var maybeLoaded: NetworkInput?
        for run in 0..<(wanted.contains("load") ? `repeat` : 1) {
            maybeLoaded = nil
            let start = ContinuousClock.now
            maybeLoaded = try graphOptions.load(quiet: run > 0)  // the warnings note once, not per run
            load.runs.append(Self.seconds(since: start))
        }
        guard let loaded = maybeLoaded else { throw ExitCode.failure }
        let graph = loaded.graph
        load.summary = "read + parse + CSR build"
        if wanted.contains("load") { results.append(load) }

        let workerCount = threads ?? Parallel.processorCount
        var pageRankScores: [Double]?
        var betweennessScores: [Double]?
        var pageRankTop: [(Int32, Double)] = []
        var betweennessTop: [(Int32, Double)] = []

        if wanted.contains("pagerank") {
            var m = Measurement(name: "pagerank")
            let tol = tolerance ?? 0
            let limit = tolerance == nil ? iterations : 1000
            var last: IterativeCentrality?
            for _ in 0..<`repeat` {
                last = nil
                let start = ContinuousClock.now
                do {
                    last = try graph.pageRank(damping: damping, weighted: false, tolerance: tol, maxIterations: limit, threads: threads)
                } catch {
                    Console.err("error: \(error.description)\n")
                    throw ExitCode.failure
                }
                m.runs.append(Self.seconds(since: start))
            }
            if let pr = last {
                if tolerance == nil {
                    m.summary = "\(pr.iterations) iterations (fixed: tolerance 0), last L1 change \(Self.short(pr.delta))"
                } else {
                    m.summary = "\(pr.iterations) iterations to L1 change \(Self.short(pr.delta))"
                        + (pr.converged ? " < \(Self.short(tol))" : ", not converged")
                }
                m.fields = [("iterations", Double(pr.iterations)), ("delta", pr.delta), ("converged", pr.converged ? 1 : 0)]
                pageRankScores = pr.scores
                pageRankTop = Self.topNodes(pr.scores, top)
            }
            results.append(m)
        }

        for name in ["wcc", "scc"] where wanted.contains(name) {
            var m = Measurement(name: name)
            var last: ComponentPartition?
            for _ in 0..<`repeat` {
                last = nil
                let start = ContinuousClock.now
                last = name == "wcc" ? graph.weaklyConnectedComponents(threads: threads) : graph.stronglyConnectedComponents(threads: threads)
                m.runs.append(Self.seconds(since: start))
            }
            if let parts = last {
                let largest = parts.sizes.max() ?? 0
                let nontrivial = parts.sizes.count { $0 > 1 }
                m.summary = "\(parts.count) component\(parts.count == 1 ? "" : "s"), largest \(largest)"
                    + (name == "scc" ? ", \(nontrivial) with more than one node" : "")
                m.fields = [("count", Double(parts.count)), ("largest", Double(largest)), ("nontrivial", Double(nontrivial))]
            }
            results.append(m)
        }

        if wanted.contains("betweenness") {
            var m = Measurement(name: "betweenness")
            let chosen: [Int32]
            if let sources {
                chosen = try loaded.sources(fromFile: sources)
            } else {
                chosen = Self.sampleSources(nodeCount: graph.nodeCount, count: min(sample, graph.nodeCount), seed: seed)
            }
            let distinct = Set(chosen).count
            var last: BetweennessResult?
            for _ in 0..<`repeat` {
                last = nil
                let start = ContinuousClock.now
                do {
                    last = try graph.betweenness(sources: chosen, normalized: false, scaled: false, threads: threads)
                } catch {
                    Console.err("error: \(error.description)\n")
                    throw ExitCode.failure
                }
                m.runs.append(Self.seconds(since: start))
            }
            if let bc = last {
                var total = 0.0
                for x in bc.nodeScores { total += x }
                m.summary = "\(distinct) sources (\(sources == nil ? "sampled, seed \(seed)" : "from \(sources ?? "")")), raw sums"
                m.fields = [("sources", Double(distinct)), ("total", total)]
                betweennessScores = bc.nodeScores
                betweennessTop = Self.topNodes(bc.nodeScores, top)
            }
            results.append(m)
        }

        if wanted.contains("render") {
            results.append(try measureRender(loaded))
        }

        if let scoresOut {
            try Self.writeScores(scoresOut, ids: loaded.ids, pageRank: pageRankScores, betweenness: betweennessScores, replace: force)
        }
        let peak = Self.peakResidentBytes()

        switch format {
        case .json:
            var w = JSONWriter()
            w.beginObject()
            w.key("graph"); w.string(graphOptions.input.displayName)
            w.key("nodes"); w.int(graph.nodeCount)
            w.key("edges"); w.int(graph.edgeCount)
            w.key("directed"); w.bool(graph.isDirected)
            w.key("threads"); w.int(workerCount)
            w.key("repeat"); w.int(`repeat`)
            w.key("peakRSSBytes"); w.int(peak)
            w.key("algorithms")
            w.beginObject()
            for m in results {
                w.key(m.name)
                w.beginObject()
                w.key("seconds"); w.exactNumber(m.best)
                w.key("runs")
                w.beginArray()
                for r in m.runs { w.element(); w.exactNumber(r) }
                w.endArray()
                w.key("summary"); w.string(m.summary)
                for (k, v) in m.fields { w.key(k); w.exactNumber(v) }
                let topList = m.name == "pagerank" ? pageRankTop : m.name == "betweenness" ? betweennessTop : []
                if m.name == "pagerank" || m.name == "betweenness" {
                    w.key("top")
                    w.beginArray()
                    for (node, score) in topList {
                        w.element()
                        w.beginObject()
                        w.key("id"); w.string(loaded.ids[Int(node)])
                        w.key("score"); w.exactNumber(score)
                        w.endObject()
                    }
                    w.endArray()
                }
                w.endObject()
            }
            w.endObject()
            w.endObject()
            Console.out(bytes: w.finish())
        case .table:
            var out = "\(graphOptions.input.displayName): \(graph.nodeCount) nodes, \(graph.edgeCount) edges, "
                + "\(graph.isDirected ? "directed" : "undirected"); \(workerCount) thread\(workerCount == 1 ? "" : "s"), "
                + "best of \(`repeat`)\n\n"
            var table = TextTable(["algorithm", "best (s)", "runs (s)", "result"], alignments: [.left, .right, .left, .left])
            for m in results {
                // Long series are cut in the table (the JSON has every run).
                var runs = m.runs.prefix(10).map { String(format: "%.4f", $0) }.joined(separator: " ")
                if m.runs.count > 10 { runs += " … (\(m.runs.count) runs)" }
                table.add([m.name, String(format: "%.4f", m.best), runs, m.summary])
            }
            out += table.render()
            out += String(format: "\npeak memory: %.1f MiB (getrusage ru_maxrss)\n", Double(peak) / 1_048_576)
            for (title, list) in [("PageRank", pageRankTop), ("Betweenness (raw sums)", betweennessTop)] where !list.isEmpty {
                out += "\n\(title), top \(list.count):\n"
                var t = TextTable(["#", "id", "score"], alignments: [.right, .left, .right])
                for (i, (node, score)) in list.enumerated() {
                    t.add([String(i + 1), loaded.ids[Int(node)], String(format: "%.12g", score)])
                }
                out += t.render()
            }
            Console.out(out)
        }
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    static func short(_ x: Double) -> String { String(format: "%.3g", x) }

    /// The `k` highest scores, ties broken by node id.
    static func topNodes(_ scores: [Double], _ k: Int) -> [(Int32, Double)] {
        let order = (0..<Int32(scores.count)).sorted { a, b in
            let x = scores[Int(a)], y = scores[Int(b)]
            return x > y || (x == y && a < b)
        }
        return order.prefix(k).map { ($0, scores[Int($0)]) }
    }

    /// `count` distinct nodes drawn with SplitMix64(seed), as `chainmap rank --sample` does.
    static func sampleSources(nodeCount n: Int, count: Int, seed: UInt64) -> [Int32] {
        var rng = ChainGraph.SplitMix64(seed: seed)
        var pool = (0..<Int32(n)).map { $0 }
        for i in 0..<count {
            let j = i + Int(rng.below(UInt64(n - i)))
            pool.swapAt(i, j)
        }
        return pool[0..<count].sorted()
    }


    static func writeScores(_ path: String, ids: [String], pageRank: [Double]?, betweenness: [Double]?, replace: Bool) throws {
        var text = "# id"
        if pageRank != nil { text += "\tpagerank" }
        if betweenness != nil { text += "\tbetweenness" }
        text += "\n"
        text.reserveCapacity(ids.count * 48)
        for i in 0..<ids.count {
            text += ids[i]
            if let pageRank { text += "\t\(pageRank[i])" }
            if let betweenness { text += "\t\(betweenness[i])" }
            text += "\n"
        }
        do {
            try OutputFile.write(Array(text.utf8), to: path, replace: replace)
        } catch {
            Console.err(error.description + "\n")
            throw ExitCode.failure
        }
    }

    /// Renders the park's chain map to SVG `repeat` times; the growth of resident memory is
    /// taken from after the first tenth of the runs (warm-up: plugins, the render worker,
    /// allocator pools) to the end.
    func measureRender(_ loaded: NetworkInput) throws -> Measurement {
        guard let park = loaded.park else {
            throw ValidationError("render needs a park (a .json file or a CSV bundle folder), not an edge list")
        }
        var m = Measurement(name: "render")
        let dot: String
        do {
            dot = DOTWriter().write(try ChainMapBuilder(park: park).build(MapOptions()))
        } catch {
            Console.err("error: \(error)\n")
            throw ExitCode.failure
        }
        let warmUp = max(1, `repeat` / 10)
        var start: Int?
        var bytes = 0
        for run in 0..<`repeat` {
            if run == warmUp { start = Self.residentBytes() }
            let begin = ContinuousClock.now
            do {
                bytes = try GraphvizRenderer.shared.render(dot: dot, format: .svg).count
            } catch {
                Console.err("error: \(error.description)\n")
                throw ExitCode.failure
            }
            m.runs.append(Self.seconds(since: begin))
        }
        m.summary = "\(park.firms.count) firms to \(bytes) bytes of SVG"
        m.fields = [("svgBytes", Double(bytes))]
        if let start, let end = Self.residentBytes() {
            let growth = end - start
            m.fields.append(("residentGrowthBytes", Double(growth)))
            m.summary += String(format: "; resident memory grew %.1f KiB over the last %d runs", Double(growth) / 1024, `repeat` - warmUp)
        }
        return m
    }

    /// Resident set size of this process now, in bytes (Linux: /proc/self/statm); nil elsewhere.
    static func residentBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Peak resident set size of this process in bytes (`ru_maxrss`: KiB on Linux, bytes on
    /// macOS).
    static func peakResidentBytes() -> Int {
        var usage = rusage()
        #if canImport(Glibc)
        let who = __rusage_who_t(RUSAGE_SELF.rawValue)
        #else
        let who = RUSAGE_SELF
        #endif
        guard getrusage(who, &usage) == 0 else { return 0 }
        #if canImport(Darwin)
        return Int(usage.ru_maxrss)
        #else
        return Int(usage.ru_maxrss) * 1024
        #endif
    }
}

/// What `measure` prints: only the formats it has (a timing table is not a data table, so no
/// csv — offering one and refusing it was a papercut).
enum MeasureFormat: String, ExpressibleByArgument, CaseIterable {
    /// Aligned columns for people (the default).
    case table
    /// JSON for programs and the bench gate.
    case json
}
