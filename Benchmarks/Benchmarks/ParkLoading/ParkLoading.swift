import Benchmark
import ChainModel

/// Loading and validating parks: the bundled samples in JSON and as a CSV bundle.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(5),
        maxIterations: 200
    )

    Benchmark("Load beilun-nev.json (206 firms)") { benchmark in
        guard let path = Samples.path("beilun-nev") else { return }
        benchmark.startMeasurement()
        blackHole(try ParkLoader.load(path: path).park.firms.count)
    }

    Benchmark("Load yihuang-plastics CSV bundle (118 firms)") { benchmark in
        guard let folder = Samples.folder?.appendingPathComponent("yihuang-plastics").path else { return }
        benchmark.startMeasurement()
        blackHole(try ParkLoader.load(path: folder).park.firms.count)
    }

    Benchmark("ParkGraph beilun-nev (all layers)") { benchmark in
        guard let path = Samples.path("beilun-nev"), let park = try? ParkLoader.load(path: path).park else { return }
        benchmark.startMeasurement()
        blackHole(ParkGraph(park, layers: [.supply, .pairing, .membership]).graph.edgeCount)
    }
}
