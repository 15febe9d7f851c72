import ChainGraph
import ChainModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An algorithm `chainmap measure` can time.
public enum MeasuredAlgorithm: String, Sendable, CaseIterable, Encodable, Comparable {
    /// Read + parse + CSR build (always done, reported when asked for).
    case load
    case pagerank
    /// Weakly connected components.
    case wcc
    /// Strongly connected components.
    case scc
    /// Raw sums of Brandes' dependencies from chosen or sampled sources.
    case betweenness
    /// A park's chain map laid out and rendered to SVG (parks only).
    case render

    public static func < (a: Self, b: Self) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}

/// What `chainmap measure` runs, and how often.
public struct MeasureOptions: Sendable {
    public var algorithms: Set<MeasuredAlgorithm>
    /// PageRank iterations when no ``tolerance`` is given (tolerance 0: a fixed count).
    public var iterations: Int
    /// Run PageRank to an L1 change below this (at most 1,000 iterations).
    public var tolerance: Double?
    public var damping: Double
    /// Betweenness from the nodes this file names (one per line), else ``sample`` sampled.
    public var sourcesFile: String?
    public var sample: Int
    public var seed: UInt64
    /// Runs of each algorithm; the best is reported.
    public var repeats: Int
    /// Worker threads (nil: all cores).
    public var threads: Int?
    /// Top nodes listed for PageRank and betweenness.
    public var top: Int
    /// How PageRank stores the values it gathers (`.float`: half the bytes, ~1e-7 relative
    /// error; see `PageRankContributions`).
    public var contributions: PageRankContributions

    public init(
        algorithms: Set<MeasuredAlgorithm> = [.load, .pagerank, .wcc, .scc, .betweenness], iterations: Int = 20,
        tolerance: Double? = nil, damping: Double = 0.85, sourcesFile: String? = nil, sample: Int = 100,
        seed: UInt64 = 42,
        repeats: Int = 3, threads: Int? = nil, top: Int = 20, contributions: PageRankContributions = .double
    ) {
        self.algorithms = algorithms
        self.iterations = iterations
        self.tolerance = tolerance
        self.damping = damping
        self.sourcesFile = sourcesFile
        self.sample = sample
        self.seed = seed
        self.repeats = repeats
        self.threads = threads
        self.top = top
        self.contributions = contributions
    }
}

/// `chainmap measure`: the core algorithms timed in this process (best of several runs), with
/// the results a comparison with other graph libraries checks, and the peak memory.
public struct MeasureReport: Sendable, Encodable {
    /// A node and its score.
    public struct Scored: Sendable, Encodable, Equatable {
        public var id: String
        public var score: Double
    }

    /// What an algorithm found (the figures other libraries must agree on).
    public enum Outcome: Sendable, Equatable {
        case load
        /// `tolerance` nil: a fixed number of iterations (tolerance 0).
        /// `floatContributions`: run with `PageRankContributions.float`.
        case pagerank(iterations: Int, delta: Double, converged: Bool, tolerance: Double?, floatContributions: Bool)
        /// `nontrivial`: components with more than one node.
        case components(count: Int, largest: Int, nontrivial: Int)
        /// `seed` for sampled sources, `sourcesFile` for listed ones; `total` is the sum of all scores.
        case betweenness(sources: Int, seed: UInt64?, sourcesFile: String?, total: Double)
        /// `residentGrowthBytes` over the last `measuredRuns` runs (after a warm-up tenth).
        case render(firms: Int, svgBytes: Int, residentGrowthBytes: Int?, measuredRuns: Int)
    }

    /// Timings and results of one algorithm.
    public struct Measurement: Sendable, Encodable {
        public var algorithm: MeasuredAlgorithm
        /// Seconds of each run, in order.
        public var runs: [Double]
        public var outcome: Outcome
        /// The highest scores (PageRank and betweenness), ties by node id.
        public var top: [Scored]?
        /// The best (shortest) run.
        public var best: Double { runs.min() ?? 0 }

        /// The figures of ``outcome`` as named numbers, for programs.
        public var fields: [(String, Double)] {
            switch outcome {
            case .load: []
            case .pagerank(let iterations, let delta, let converged, _, let float):
                [("iterations", Double(iterations)), ("delta", delta), ("converged", converged ? 1 : 0)]
                    + (float ? [("contributionBytes", 4)] : [])
            case .components(let count, let largest, let nontrivial):
                [("count", Double(count)), ("largest", Double(largest)), ("nontrivial", Double(nontrivial))]
            case .betweenness(let sources, _, _, let total): [("sources", Double(sources)), ("total", total)]
            case .render(_, let bytes, let growth, _):
                [("svgBytes", Double(bytes))] + (growth.map { [("residentGrowthBytes", Double($0))] } ?? [])
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: AnyKey.self)
            try c.encode(best, forKey: AnyKey("seconds"))
            try c.encode(runs, forKey: AnyKey("runs"))
            for (key, value) in fields { try c.encode(value, forKey: AnyKey(key)) }
            if let top { try c.encode(top, forKey: AnyKey("top")) }
        }
    }

    /// The graph's name as given (a path or a sample name).
    public var graph: String
    public var nodes: Int
    public var edges: Int
    public var directed: Bool
    public var threads: Int
    public var repeats: Int
    /// Peak resident memory of the process (`ru_maxrss`), in bytes.
    public var peakRSSBytes: Int
    /// One entry per algorithm run, in ``MeasuredAlgorithm`` order.
    public var measurements: [Measurement]
    /// Every node's id and scores, for `--scores-out` (not part of the JSON).
    public var scores: NodeScores

    /// Every node's scores, for a file of one line per node.
    public struct NodeScores: Sendable {
        public var ids: [String]
        public var pageRank: [Double]?
        public var betweenness: [Double]?

        /// `# id`, `pagerank`, `betweenness` columns, tab-separated, full precision, one line
        /// per node.
        public func tsv() -> [UInt8] {
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
            return Array(text.utf8)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case graph, nodes, edges, directed, threads, `repeat`, peakRSSBytes, algorithms
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(graph, forKey: .graph)
        try c.encode(nodes, forKey: .nodes)
        try c.encode(edges, forKey: .edges)
        try c.encode(directed, forKey: .directed)
        try c.encode(threads, forKey: .threads)
        try c.encode(repeats, forKey: .repeat)
        try c.encode(peakRSSBytes, forKey: .peakRSSBytes)
        var algorithms = c.nestedContainer(keyedBy: AnyKey.self, forKey: .algorithms)
        for m in measurements { try algorithms.encode(m, forKey: AnyKey(m.algorithm.rawValue)) }
    }

    /// Loads the graph (`load(run)`, once per run when the load is measured; the previous
    /// graph is released first, so the peak memory is one graph's) and times each requested
    /// algorithm `options.repeats` times.
    ///
    /// - Parameters:
    ///   - options: the algorithms, their parameters and the number of runs.
    ///   - name: how the report names the graph.
    ///   - load: reads the graph; called with the run's number (0 first).
    ///   - render: for ``MeasuredAlgorithm/render``: prepares a park's map once and returns
    ///     one render, which gives the bytes written (the renderer lives above this module).
    /// - Throws: what `load` or `render` throw; ``SourceListError`` for a bad sources file;
    ///   ``RankingError/invalid(_:)`` for parameters the algorithms refuse;
    ///   ``MeasureError/renderNeedsPark`` for a render of an edge list.
    public static func run(
        _ options: MeasureOptions, name: String, load: (_ run: Int) throws -> NetworkInput,
        render: ((Park) throws -> () throws -> Int)? = nil
    ) throws -> MeasureReport {
        let wanted = options.algorithms
        let repeats = max(1, options.repeats)
        var results: [Measurement] = []

        var loadRuns: [Double] = []
        var maybeLoaded: NetworkInput?
        for run in 0..<(wanted.contains(.load) ? repeats : 1) {
            maybeLoaded = nil
            let start = ContinuousClock.now
            maybeLoaded = try load(run)
            loadRuns.append(seconds(since: start))
        }
        guard let loaded = maybeLoaded else { throw MeasureError.nothingLoaded }
        let graph = loaded.graph
        if wanted.contains(.load) { results.append(Measurement(algorithm: .load, runs: loadRuns, outcome: .load)) }

        var scores = NodeScores(ids: loaded.ids)
        if wanted.contains(.pagerank) {
            let limit = options.tolerance == nil ? options.iterations : 1000
            var runs: [Double] = []
            var last: IterativeCentrality?
            for _ in 0..<repeats {
                last = nil
                let start = ContinuousClock.now
                do {
                    last = try graph.pageRank(
                        damping: options.damping, weighted: false, tolerance: options.tolerance ?? 0,
                        maxIterations: limit,
                        threads: options.threads, contributions: options.contributions)
                } catch {
                    throw RankingError.invalid(error)
                }
                runs.append(seconds(since: start))
            }
            if let pr = last {
                scores.pageRank = pr.scores
                results.append(
                    Measurement(
                        algorithm: .pagerank, runs: runs,
                        outcome: .pagerank(
                            iterations: pr.iterations, delta: pr.delta, converged: pr.converged,
                            tolerance: options.tolerance, floatContributions: options.contributions == .float),
                        top: topNodes(pr.scores, options.top, ids: loaded.ids)))
            }
        }

        for algorithm in [MeasuredAlgorithm.wcc, .scc] where wanted.contains(algorithm) {
            var runs: [Double] = []
            var last: ComponentPartition?
            for _ in 0..<repeats {
                last = nil
                let start = ContinuousClock.now
                last =
                    algorithm == .wcc
                    ? graph.weaklyConnectedComponents(threads: options.threads)
                    : graph.stronglyConnectedComponents(threads: options.threads)
                runs.append(seconds(since: start))
            }
            if let parts = last {
                results.append(
                    Measurement(
                        algorithm: algorithm, runs: runs,
                        outcome: .components(
                            count: parts.count, largest: parts.sizes.max() ?? 0,
                            nontrivial: parts.sizes.count { $0 > 1 })))
            }
        }

        if wanted.contains(.betweenness) {
            let chosen =
                try options.sourcesFile.map { try loaded.sources(fromFile: $0) }
                ?? sampleSources(
                    nodeCount: graph.nodeCount, count: min(options.sample, graph.nodeCount), seed: options.seed)
            var runs: [Double] = []
            var last: BetweennessResult?
            for _ in 0..<repeats {
                last = nil
                let start = ContinuousClock.now
                do {
                    last = try graph.betweenness(
                        sources: chosen, normalized: false, scaled: false, threads: options.threads)
                } catch {
                    throw RankingError.invalid(error)
                }
                runs.append(seconds(since: start))
            }
            if let bc = last {
                var total = 0.0
                for x in bc.nodeScores { total += x }
                scores.betweenness = bc.nodeScores
                results.append(
                    Measurement(
                        algorithm: .betweenness, runs: runs,
                        outcome: .betweenness(
                            sources: Set(chosen).count, seed: options.sourcesFile == nil ? options.seed : nil,
                            sourcesFile: options.sourcesFile, total: total),
                        top: topNodes(bc.nodeScores, options.top, ids: loaded.ids)))
            }
        }

        if wanted.contains(.render) {
            guard let park = loaded.park, let render else { throw MeasureError.renderNeedsPark }
            results.append(try measureRender(park, repeats: repeats, render: try render(park)))
        }

        return MeasureReport(
            graph: name, nodes: graph.nodeCount, edges: graph.edgeCount, directed: graph.isDirected,
            threads: options.threads ?? Parallel.processorCount, repeats: repeats,
            peakRSSBytes: ProcessMemory.peakResidentBytes(),
            measurements: results, scores: scores)
    }

    /// Renders `repeats` times; resident memory growth is taken from after the first tenth of
    /// the runs (warm-up: plugins, the render worker, allocator pools) to the end.
    static func measureRender(_ park: Park, repeats: Int, render: () throws -> Int) throws -> Measurement {
        let warmUp = max(1, repeats / 10)
        var start: Int?
        var bytes = 0
        var runs: [Double] = []
        for run in 0..<repeats {
            if run == warmUp { start = ProcessMemory.residentBytes() }
            let begin = ContinuousClock.now
            bytes = try render()
            runs.append(seconds(since: begin))
        }
        var growth: Int?
        if let start, let end = ProcessMemory.residentBytes() { growth = end - start }
        return Measurement(
            algorithm: .render, runs: runs,
            outcome: .render(
                firms: park.firms.count, svgBytes: bytes, residentGrowthBytes: growth, measuredRuns: repeats - warmUp))
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        (ContinuousClock.now - start).inSeconds
    }

    /// The `k` highest scores, ties broken by node id.
    static func topNodes(_ scores: [Double], _ k: Int, ids: [String]) -> [Scored] {
        let order = (0..<Int32(scores.count)).sorted { a, b in
            let x = scores[Int(a)], y = scores[Int(b)]
            return x > y || (x == y && a < b)
        }
        return order.prefix(k).map { Scored(id: ids[Int($0)], score: scores[Int($0)]) }
    }

    /// `count` distinct nodes drawn with SplitMix64(seed), as `chainmap rank --sample` does.
    static func sampleSources(nodeCount n: Int, count: Int, seed: UInt64) -> [Int32] {
        var rng = SplitMix64(seed: seed)
        var pool = (0..<Int32(n)).map { $0 }
        for i in 0..<count {
            let j = i + Int(rng.below(UInt64(n - i)))
            pool.swapAt(i, j)
        }
        return pool[0..<count].sorted()
    }
}

/// Why a measurement could not be made.
public enum MeasureError: Error, Sendable, Equatable {
    /// `render` was asked of an edge list (it draws a park's chain map).
    case renderNeedsPark
    /// The load closure returned no graph.
    case nothingLoaded
}

extension MeasureError: ChainMapError {
    public var diagnostics: [Diagnostic] {
        switch self {
        case .renderNeedsPark:
            [Diagnostic(.error, text: "measure.error.renderNeedsPark", hint: "measure.error.renderNeedsPark.hint")]
        case .nothingLoaded: [Diagnostic(.error, text: "measure.error.nothingLoaded")]
        }
    }
}

/// The memory of this process, as the operating system counts it.
enum ProcessMemory {
    /// Resident set size now, in bytes (Linux: `/proc/self/statm`); nil elsewhere.
    static func residentBytes() -> Int? {
        let fd = open("/proc/self/statm", O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        let fields = buffer[0..<count].split(separator: UInt8(ascii: " "))
        guard fields.count > 1, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Peak resident set size in bytes (`ru_maxrss`: KiB on Linux, bytes on macOS).
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

/// A coding key made from any string (keys chosen at run time: algorithm names, figures).
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
