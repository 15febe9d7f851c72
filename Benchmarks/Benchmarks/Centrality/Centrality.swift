import Benchmark
import BenchmarkSupport
import ChainGraph

/// Centrality and components: PageRank on the seeded G(100k, 1M), betweenness and components
/// on the supply graphs of generated parks (`ParkGraph(park, layers: [.supply])`: firms plus
/// outside-park nodes; cached by BenchmarkSupport so a 1M-firm graph costs one file read).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(5),
        maxIterations: 20
    )
    let huge = Benchmark.Configuration(
        timeUnits: .milliseconds, warmupIterations: 0, maxDuration: .seconds(10), maxIterations: 3)
    // Allocation gate (README, "Allocation gate"; scripts/bench-gate.sh): the p90 malloc count
    // may exceed the limit stored in Thresholds/ by at most `slack` mallocs (an absolute
    // tolerance, not `.relaxed`'s 10,000); wall time and memory never gate.
    // Gated benchmarks measure no peak memory: its sampling thread allocates as it runs, which
    // made the malloc count follow the machine's load (p90 252 and 181 in two runs).
    func allocationGate(slack: Int) -> Benchmark.Configuration {
        .init(
            metrics: [.wallClock, .mallocCountTotal],
            thresholds: [.mallocCountTotal: .init(absolute: [.p90: slack]), .wallClock: .none]
        )
    }

    // Fixed work (exactly 20 power iterations) and a fixed graph: its allocation count is
    // deterministic, so CI may gate on it (see README, "Allocation thresholds").
    Benchmark(
        "PageRank G(100k,1M) 20 iterations",
        configuration: allocationGate(slack: 10)
    ) { benchmark in
        let graph = try BenchParks.gnm(nodes: 100_000, edges: 1_000_000)
        benchmark.startMeasurement()
        blackHole(try graph.pageRank(tolerance: 0, maxIterations: 20).scores.count)
    }

    Benchmark("PageRank G(100k,1M) converged 1e-10") { benchmark in
        let graph = try BenchParks.gnm(nodes: 100_000, edges: 1_000_000)
        benchmark.startMeasurement()
        blackHole(try graph.pageRank().iterations)
    }

    Benchmark("Betweenness exact 10k firms (supply graph)", configuration: huge) { benchmark in
        let graph = try BenchParks.supplyGraph(firms: 10_000)
        benchmark.startMeasurement()
        blackHole(try graph.betweenness().nodeScores.count)
    } setup: {
        _ = try BenchParks.supplyGraph(firms: 10_000)
    }

    Benchmark("Betweenness sampled k=100 1M firms (supply graph)", configuration: huge) { benchmark in
        let graph = try BenchParks.supplyGraph(firms: 1_000_000)
        benchmark.startMeasurement()
        blackHole(try graph.approximateBetweenness(sampleCount: 100, seed: 42).nodeScores.count)
    } setup: {
        _ = try BenchParks.supplyGraph(firms: 1_000_000)
    }

    Benchmark("WCC 1M firms (supply graph)", configuration: huge) { benchmark in
        let graph = try BenchParks.supplyGraph(firms: 1_000_000)
        benchmark.startMeasurement()
        blackHole(graph.weaklyConnectedComponents().count)
    } setup: {
        _ = try BenchParks.supplyGraph(firms: 1_000_000)
    }

    Benchmark("SCC 1M firms (supply graph)", configuration: huge) { benchmark in
        let graph = try BenchParks.supplyGraph(firms: 1_000_000)
        benchmark.startMeasurement()
        blackHole(graph.stronglyConnectedComponents().count)
    } setup: {
        _ = try BenchParks.supplyGraph(firms: 1_000_000)
    }

    // R-MAT scale 20 (a=.57 b=.19 c=.19, ids permuted; 646,570 nodes, 16,087,204 edges):
    // the skewed graph of issue #16, the same as `Benchmarks/peers/compare.sh --rmat 20`.
    let rmat = Benchmark.Configuration(
        timeUnits: .milliseconds, warmupIterations: 1, maxDuration: .seconds(10), maxIterations: 5)

    Benchmark("PageRank R-MAT scale 20 20 iterations", configuration: rmat) { benchmark in
        let graph = try BenchParks.rmat(scale: 20)
        benchmark.startMeasurement()
        blackHole(try graph.pageRank(weighted: false, tolerance: 0, maxIterations: 20).scores.count)
    } setup: {
        _ = try BenchParks.rmat(scale: 20)
    }

    Benchmark("WCC R-MAT scale 20", configuration: rmat) { benchmark in
        let graph = try BenchParks.rmat(scale: 20)
        benchmark.startMeasurement()
        blackHole(graph.weaklyConnectedComponents().count)
    } setup: {
        _ = try BenchParks.rmat(scale: 20)
    }

    Benchmark("SCC R-MAT scale 20", configuration: rmat) { benchmark in
        let graph = try BenchParks.rmat(scale: 20)
        benchmark.startMeasurement()
        blackHole(graph.stronglyConnectedComponents().count)
    } setup: {
        _ = try BenchParks.rmat(scale: 20)
    }
}
