import Benchmark
import BenchmarkSupport
import ChainModel
import ChainOutput
import ChainReport

/// The committee's HTML report (`chainmap report`): analyses, cards, map and page, in process
/// (`CommitteeReportFile.html`). Bars (issue 18): a 100,000-firm park under 30 s with loading
/// (measured with the release build, docs/REPORT.md); here a 10,000-firm park in the stage view
/// and the Beilun sample firm by firm. Peak memory includes the park.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 0,
        maxDuration: .seconds(10),
        maxIterations: 5
    )

    Benchmark("Report HTML beilun-nev (206 firms)") { benchmark in
        let path = BenchSamples.path("beilun-nev")
        let park = try ParkLoader.load(path: path).park
        benchmark.startMeasurement()
        blackHole(try CommitteeReportFile.html(park: park, language: .zh).count)
    }

    Benchmark("Report HTML 10k firms (stage view)") { benchmark in
        let park = try BenchParks.park(firms: 10_000)
        benchmark.startMeasurement()
        blackHole(try CommitteeReportFile.html(park: park, language: .zh).count)
    } setup: {
        _ = try BenchParks.park(firms: 10_000)
    }
}
