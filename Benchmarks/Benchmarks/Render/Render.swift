import Benchmark
import BenchmarkSupport
import ChainModel
import ChainRender

/// Chain maps: scene + DOT + Graphviz layout + SVG post-processing, in process
/// (`ChainMap.render`). Bars (issue 8): a 200-firm chain under 2 s, the stage-aggregated view
/// of a 1M-firm park under 5 s (the park loaded beforehand; peak memory includes it).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(5),
        maxIterations: 20
    )

    Benchmark("Render beilun-nev SVG (206 firms)") { benchmark in
        let path = BenchSamples.path("beilun-nev")
        let park = try ParkLoader.load(path: path).park
        benchmark.startMeasurement()
        blackHole(try ChainMap.render(park: park, options: MapOptions(), format: .svg).bytes.count)
    }

    // The machinery chain of a generated 1k-firm park: its stages' firms plus their direct
    // outside suppliers: 212 + 16 = 228 firms (seed 42).
    Benchmark("Render chain machinery of 1k-firm park SVG (228 firms)") { benchmark in
        let park = try BenchParks.generated(firms: 1_000)
        benchmark.startMeasurement()
        blackHole(try ChainMap.render(park: park, options: MapOptions(chain: "machinery"), format: .svg).bytes.count)
    }

    Benchmark(
        "Render stage-aggregated SVG 100k firms",
        configuration: .init(warmupIterations: 0, maxDuration: .seconds(10), maxIterations: 5)
    ) { benchmark in
        let park = try BenchParks.park(firms: 100_000)
        benchmark.startMeasurement()
        blackHole(try ChainMap.render(park: park, options: MapOptions(aggregate: .stage), format: .svg).bytes.count)
    } setup: {
        _ = try BenchParks.park(firms: 100_000)
    }

    Benchmark(
        "Render stage-aggregated SVG 1M firms",
        configuration: .init(warmupIterations: 0, maxDuration: .seconds(10), maxIterations: 3)
    ) { benchmark in
        let park = try BenchParks.park(firms: 1_000_000)
        benchmark.startMeasurement()
        blackHole(try ChainMap.render(park: park, options: MapOptions(aggregate: .stage), format: .svg).bytes.count)
    } setup: {
        _ = try BenchParks.park(firms: 1_000_000)
    }
}
