import Benchmark
import BenchmarkSupport
import ChainAnalysis
@_spi(Internals) import ChainModel  // Park.resolution, warmed in setup

/// Park analyses on generated parks (seed 42): gaps, what-if, matchmaking and the
/// organization report. The park (and any index a benchmark does not measure) is made once
/// per process in the benchmark's `setup` hook (not counted in `maxDuration`), generated in
/// memory (about 6 s at 1M firms), and fetched from the process cache in the closure. Peak
/// memory includes the park.
///
/// Bars (issue 8): gaps 1M < 60 s, what-if 1M < 5 s, matches for one firm 1M < 200 ms,
/// agenda 100k < 2 min, organization report 1M < 10 s.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 0,
        maxDuration: .seconds(10),
        maxIterations: 5
    )
    let once = Benchmark.Configuration(timeUnits: .milliseconds, maxDuration: .seconds(1), maxIterations: 1)
    let few = Benchmark.Configuration(maxDuration: .seconds(5), maxIterations: 3)
    let many = Benchmark.Configuration(maxDuration: .seconds(5), maxIterations: 50)

    // A firm in the middle of the park (ids are park order; the generator mixes chains).
    func middleFirm(_ park: Park) -> String { park.firms[park.firms.count / 2].id }

    Benchmark("Gaps (all kinds) 100k firms") { benchmark in
        let park = try BenchParks.park(firms: 100_000)
        benchmark.startMeasurement()
        blackHole(GapReport(park: park).findings.count)
    } setup: {
        _ = try BenchParks.park(firms: 100_000)
    }

    Benchmark("Gaps (all kinds) 1M firms", configuration: once) { benchmark in
        let park = try BenchParks.park(firms: 1_000_000)
        benchmark.startMeasurement()
        blackHole(GapReport(park: park).findings.count)
    } setup: {
        _ = try BenchParks.park(firms: 1_000_000)
    }

    // A park given to `chainmap whatif` is loaded and validated, and validation resolves its
    // ids (`Park.resolution`); the generated park is not validated, so resolve them in setup.
    Benchmark("What-if index build 1M firms", configuration: once) { benchmark in
        let park = try BenchParks.park(firms: 1_000_000)
        benchmark.startMeasurement()
        blackHole(WhatIf(park: park))
    } setup: {
        _ = try BenchParks.park(firms: 1_000_000).resolution
    }

    Benchmark("What-if one firm removed 1M firms", configuration: many) { benchmark in
        let park = try BenchParks.park(firms: 1_000_000)
        let whatIf = try ProcessCache.shared.value(key: "whatif-1M") { WhatIf(park: park) }
        let firm = middleFirm(park)
        benchmark.startMeasurement()
        blackHole(whatIf.run(removing: [firm]).cut.count)
    } setup: {
        _ = try ProcessCache.shared.value(key: "whatif-1M") { WhatIf(park: try BenchParks.park(firms: 1_000_000)) }
    }

    Benchmark("Match index build 1M firms", configuration: once) { benchmark in
        let park = try BenchParks.park(firms: 1_000_000)
        benchmark.startMeasurement()
        blackHole(MatchIndex(park: park))
    } setup: {
        _ = try BenchParks.park(firms: 1_000_000)
    }

    Benchmark("Matches for one firm 1M firms", configuration: many) { benchmark in
        let park = try BenchParks.park(firms: 1_000_000)
        let index = try ProcessCache.shared.value(key: "match-1M") { MatchIndex(park: park) }
        let firm = middleFirm(park)
        benchmark.startMeasurement()
        blackHole(try index.matches(forFirm: firm).suggestions.count)
    } setup: {
        _ = try ProcessCache.shared.value(key: "match-1M") { MatchIndex(park: try BenchParks.park(firms: 1_000_000)) }
    }

    Benchmark("Agenda 10k firms", configuration: few) { benchmark in
        let park = try BenchParks.park(firms: 10_000)
        let index = try ProcessCache.shared.value(key: "match-10k") { MatchIndex(park: park) }
        benchmark.startMeasurement()
        blackHole(index.agenda().meetings.count)
    } setup: {
        _ = try ProcessCache.shared.value(key: "match-10k") { MatchIndex(park: try BenchParks.park(firms: 10_000)) }
    }

    Benchmark("Agenda 100k firms", configuration: once) { benchmark in
        let park = try BenchParks.park(firms: 100_000)
        let index = try ProcessCache.shared.value(key: "match-100k") { MatchIndex(park: park) }
        benchmark.startMeasurement()
        blackHole(index.agenda().meetings.count)
    } setup: {
        _ = try ProcessCache.shared.value(key: "match-100k") { MatchIndex(park: try BenchParks.park(firms: 100_000)) }
    }

    Benchmark("Organization report 100k firms") { benchmark in
        let park = try BenchParks.park(firms: 100_000)
        benchmark.startMeasurement()
        blackHole(OrganizationReport(park: park).coverage.count)
    } setup: {
        _ = try BenchParks.park(firms: 100_000)
    }

    Benchmark("Organization report 1M firms", configuration: few) { benchmark in
        let park = try BenchParks.park(firms: 1_000_000)
        benchmark.startMeasurement()
        blackHole(OrganizationReport(park: park).coverage.count)
    } setup: {
        _ = try BenchParks.park(firms: 1_000_000)
    }
}
