import Benchmark
import BenchmarkSupport
import ChainModel
import Foundation

/// Park generation (`chainmap generate`) and writing the result as a CSV bundle.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 0,
        maxDuration: .seconds(10),
        maxIterations: 5
    )

    Benchmark("Generate park 100k firms") { _ in
        let result = try ParkGenerator.generate(.init(firms: 100_000, seed: BenchParks.seed))
        blackHole(result.park.links.count)
    }

    Benchmark(
        "Generate park 1M firms",
        configuration: .init(timeUnits: .milliseconds, maxDuration: .seconds(1), maxIterations: 1)
    ) { _ in
        let result = try ParkGenerator.generate(.init(firms: 1_000_000, seed: BenchParks.seed))
        blackHole(result.park.links.count)
    }

    Benchmark("Write CSV bundle 100k firms") { benchmark in
        let park = try BenchParks.generated(firms: 100_000)
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("chainmap-bench-write-\(ProcessInfo.processInfo.processIdentifier)").path
        benchmark.startMeasurement()
        try CSVBundleWriter.write(park, to: path, overwrite: true)
        benchmark.stopMeasurement()
        try? FileManager.default.removeItem(atPath: path)
    } setup: {
        _ = try BenchParks.generated(firms: 100_000)
    }
}
