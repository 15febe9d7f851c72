import Benchmark
import BenchmarkSupport
import ChainAnalysis
@_spi(Internals) import ChainModel  // Park.resolution, warmed in setup
import Foundation

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

    // Issue 16: the other park verbs at 1M firms, what each runs after the load (the park
    // is generated in memory; `Load snapshot 1M firms` in ParkLoading times the load).
    Benchmark("Park summary (info) 1M firms", configuration: few) { benchmark in
        let park = try BenchParks.park(firms: 1_000_000)
        benchmark.startMeasurement()
        blackHole(ParkSummary(park).firms)
    } setup: {
        _ = try BenchParks.park(firms: 1_000_000).resolution
    }

    Benchmark("Rank PageRank 1M firms (supply graph, converged 1e-10)", configuration: few) { benchmark in
        let park = try BenchParks.park(firms: 1_000_000)
        benchmark.startMeasurement()
        let input = NetworkInput(park: park)
        blackHole(try RankReport(input, options: RankingOptions(measure: .pagerank), top: 20).nodes)
    } setup: {
        _ = try BenchParks.park(firms: 1_000_000).resolution
    }

    Benchmark("Structure 1M firms (supply graph)", configuration: once) { benchmark in
        let park = try BenchParks.park(firms: 1_000_000)
        benchmark.startMeasurement()
        blackHole(StructureSummary(NetworkInput(park: park), top: 20).nodes)
    } setup: {
        _ = try BenchParks.park(firms: 1_000_000).resolution
    }

    Benchmark("Organization report 1M firms", configuration: few) { benchmark in
        let park = try BenchParks.park(firms: 1_000_000)
        benchmark.startMeasurement()
        blackHole(OrganizationReport(park: park).coverage.count)
    } setup: {
        _ = try BenchParks.park(firms: 1_000_000)
    }

    // Issue 14: `chainmap diff` of two consecutive monthly snapshots (generator churn) and
    // `chainmap trend` over a series folder. Bars: diff 1M < 30 s (the command, loads
    // included: measured with /usr/bin/time on the release build), trend 12 × 100k < 30 s.
    func pair(_ firms: Int) throws -> (Park, Park) {
        try ProcessCache.shared.value(key: "pair-\(firms)") {
            var parks: [Park] = []
            try ParkGenerator.generateSeries(.init(firms: firms, seed: BenchParks.seed), count: 2) { park, _ in
                parks.append(park)
            }
            _ = parks[0].resolution
            _ = parks[1].resolution
            return (parks[0], parks[1])
        }
    }

    Benchmark("Diff two snapshots 100k firms", configuration: few) { benchmark in
        let (old, new) = try pair(100_000)
        benchmark.startMeasurement()
        blackHole(ParkDiff(old: old, new: new).totals.count)
    } setup: {
        _ = try pair(100_000)
    }

    Benchmark("Diff two snapshots 1M firms", configuration: once) { benchmark in
        let (old, new) = try pair(1_000_000)
        benchmark.startMeasurement()
        blackHole(ParkDiff(old: old, new: new).totals.count)
    } setup: {
        _ = try pair(1_000_000)
    }

    func series(_ firms: Int, _ count: Int) throws -> String {
        try ProcessCache.shared.value(key: "series-\(firms)-\(count)") {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "chainmap-bench-series-\(firms)-\(count)"
            ).path
            try ParkGenerator.writeSeries(
                .init(firms: firms, seed: BenchParks.seed), count: count, to: folder, format: .chainpark, replace: true)
            return folder
        }
    }

    Benchmark("Trend 12 snapshots 10k firms", configuration: few) { benchmark in
        let folder = try series(10_000, 12)
        benchmark.startMeasurement()
        blackHole(try TrendReport(sources: ParkSeries.members(of: folder)).rows.count)
    } setup: {
        _ = try series(10_000, 12)
    }

    Benchmark("Trend 12 snapshots 100k firms", configuration: once) { benchmark in
        let folder = try series(100_000, 12)
        benchmark.startMeasurement()
        blackHole(try TrendReport(sources: ParkSeries.members(of: folder)).rows.count)
    } setup: {
        _ = try series(100_000, 12)
    }
}
