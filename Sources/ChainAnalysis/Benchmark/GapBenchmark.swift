import ChainModel

/// What ``GapBenchmark`` runs: every template set × seed × firm count is one generated park
/// with planted gaps.
public struct GapBenchmarkOptions: Sendable, Equatable {
    /// Template sets, one park each per seed and size: `[["pv"], ["nev", "battery"]]`.
    public var templateSets: [[String]] = ChainTemplate.industryNames.map { [$0] }
    public var seeds: [UInt64] = Array(1...20)
    public var firms: [Int] = [500, 5_000, 50_000]
    /// Templates of the user's that the sets may name (``ChainTemplate/load(path:)``).
    public var templates: [ChainTemplate] = []
    public var gaps = GapOptions()
    /// A planted capability match is found when an offerer of the needed capability is among
    /// the needer's first `capabilityTop` capability suggestions. Default 3.
    public var capabilityTop = 3

    public init() {}
}

/// The held-out gap benchmark: generates parks from chain templates with planted truths
/// (``PlantedGap``) over many seeds and sizes, runs ``GapReport`` (and matchmaking and the
/// organization report for the planted capability matches and should-build firms) on each,
/// and reports the share of planted truths found at the right place with the right kind
/// (``PlantedTruth``), the false findings per park and the findings per planted gap.
///
/// ```swift
/// var options = GapBenchmarkOptions()
/// options.seeds = [1, 2]; options.firms = [500]
/// let bench = try GapBenchmark(options: options)
/// print(bench.total.foundShare, bench.total.falsePerPark)
/// ```
/// - Complexity: per park one generation, one `GapReport`, one `MatchIndex` build with one
///   query, one `OrganizationReport`: O(firms + links) each.
public struct GapBenchmark: Sendable, Encodable {
    /// One generated park.
    public struct Run: Sendable, Equatable, Encodable {
        public var templates: String
        public var seed: UInt64
        public var firms: Int
        /// Planted gaps (kinds found by `gaps`, with single points of failure).
        public var planted: Int
        public var found: Int
        /// Planted truths of every kind: gaps, capability matches, should-build firms.
        public var truths: Int
        public var truthsFound: Int
        public var findings: Int
        /// Findings no planted gap explains.
        public var falseFindings: Int
        /// Missing-stage findings at a chain end (must be 0).
        public var brokenAtEnds: Int
        /// The planted truths not found, as `kind@stage`.
        public var missed: [String]
    }

    /// Planted and found per truth kind.
    public struct KindRow: Sendable, Equatable, Encodable {
        public var kind: String
        public var planted: Int
        public var found: Int
        public var share: Double
    }

    /// Totals over the parks of one template set (or all: `templates` empty).
    public struct Summary: Sendable, Equatable, Encodable {
        public var templates: String
        public var parks: Int
        public var planted: Int
        public var found: Int
        public var foundShare: Double
        public var truths: Int
        public var truthsFound: Int
        public var findings: Int
        public var falseFindings: Int
        public var falsePerPark: Double
        /// Findings per planted gap (all findings / planted gaps).
        public var ratio: Double
        /// The largest findings / planted of any one park.
        public var maxRatio: Double
        public var brokenAtEnds: Int
    }

    public var options: Options
    public var runs: [Run]
    public var byKind: [KindRow]
    public var byTemplates: [Summary]
    public var total: Summary

    /// The options as reported (`Encodable`).
    public struct Options: Sendable, Equatable, Encodable {
        public var templateSets: [String]
        public var seeds: [UInt64]
        public var firms: [Int]
        public var capabilityTop: Int
    }

    /// Runs the benchmark; `progress` gets parks done and the total.
    ///
    /// - Throws: ``GeneratorError`` for a template set the generator refuses (an unknown name,
    ///   a firm count out of range).
    public init(options: GapBenchmarkOptions, progress: ((Int, Int) -> Void)? = nil) throws(GeneratorError) {
        self.options = Options(
            templateSets: options.templateSets.map { $0.joined(separator: ",") }, seeds: options.seeds,
            firms: options.firms,
            capabilityTop: options.capabilityTop)
        var runs: [Run] = []
        var kindCounts: [PlantedGap.Kind: (Int, Int)] = [:]
        let total = options.templateSets.count * options.seeds.count * options.firms.count
        for set in options.templateSets {
            for firms in options.firms {
                for seed in options.seeds {
                    var g = ParkGenerator.Options(firms: firms, seed: seed, chains: set, plantGaps: true)
                    g.templates = options.templates
                    let result = try ParkGenerator.generate(g)
                    let (run, perKind) = Self.score(
                        result, templates: set.joined(separator: ","), seed: seed, options: options)
                    runs.append(run)
                    for (k, v) in perKind {
                        let old = kindCounts[k] ?? (0, 0)
                        kindCounts[k] = (old.0 + v.0, old.1 + v.1)
                    }
                    progress?(runs.count, total)
                }
            }
        }
        self.runs = runs
        byKind = PlantedGap.Kind.allCases.compactMap { k in
            guard let (p, f) = kindCounts[k], p > 0 else { return nil }
            return KindRow(kind: k.rawValue, planted: p, found: f, share: Double(f) / Double(p))
        }
        byTemplates = self.options.templateSets.map { t in Self.summary(runs.filter { $0.templates == t }, templates: t)
        }
        self.total = Self.summary(runs, templates: "")
    }

    /// Scores one generated park.
    static func score(
        _ result: ParkGenerator.Result, templates: String, seed: UInt64, options: GapBenchmarkOptions
    ) -> (Run, [PlantedGap.Kind: (Int, Int)]) {
        let park = result.park
        let report = GapReport(park: park, options: options.gaps)
        var perKind: [PlantedGap.Kind: (Int, Int)] = [:]
        var missed: [String] = []
        var planted = 0, found = 0, truthsFound = 0
        var explained = [Bool](repeating: false, count: report.findings.count)
        var match: MatchIndex?
        var organizations: OrganizationReport?
        for gap in result.gaps {
            var ok: Bool
            switch gap.kind {
            case .capabilityMatch:
                if match == nil { match = MatchIndex(park: park) }
                ok = match.map { capabilityFound(gap, index: $0, park: park, top: options.capabilityTop) } ?? false
            case .shouldBuild:
                if organizations == nil { organizations = OrganizationReport(park: park) }
                ok = organizations?.shouldBuild.contains { $0.firm.id == gap.place.firms.first } ?? false
            default:
                ok = false
                for (k, f) in report.findings.enumerated() where PlantedTruth.matches(gap, f) {
                    ok = true
                    explained[k] = true
                }
                planted += 1
                if ok { found += 1 }
            }
            if ok {
                truthsFound += 1
            } else {
                missed.append("\(gap.kind.rawValue)@\(gap.place.stages.joined(separator: "<-"))")
            }
            let old = perKind[gap.kind] ?? (0, 0)
            perKind[gap.kind] = (old.0 + 1, old.1 + (ok ? 1 : 0))
        }
        let run = Run(
            templates: templates, seed: seed, firms: park.firms.count, planted: planted, found: found,
            truths: result.gaps.count,
            truthsFound: truthsFound, findings: report.findingsTotal, falseFindings: explained.filter { !$0 }.count,
            brokenAtEnds: PlantedTruth.brokenAtChainEnds(report, park: park), missed: missed)
        return (run, perKind)
    }

    /// Whether an in-park offerer of the planted need's capability is among the needer's first
    /// `top` capability suggestions.
    static func capabilityFound(_ gap: PlantedGap, index: MatchIndex, park: Park, top: Int) -> Bool {
        guard let needer = gap.place.firms.first, let needId = gap.place.needs.first,
            let need = park.needs.first(where: { $0.id == needId }), let wanted = need.tags.first,
            let matches = try? index.matches(forFirm: needer)
        else { return false }
        let offerers = Set(park.firms.lazy.filter { $0.inPark && $0.capabilities.contains(wanted) }.map(\.id))
        return matches.suggestions(.capability).prefix(top).contains { offerers.contains($0.candidate) }
    }

    static func summary(_ runs: [Run], templates: String) -> Summary {
        let planted = runs.reduce(0) { $0 + $1.planted }
        let found = runs.reduce(0) { $0 + $1.found }
        let findings = runs.reduce(0) { $0 + $1.findings }
        let falseFindings = runs.reduce(0) { $0 + $1.falseFindings }
        return Summary(
            templates: templates, parks: runs.count, planted: planted, found: found,
            foundShare: planted > 0 ? Double(found) / Double(planted) : 0,
            truths: runs.reduce(0) { $0 + $1.truths }, truthsFound: runs.reduce(0) { $0 + $1.truthsFound },
            findings: findings, falseFindings: falseFindings,
            falsePerPark: runs.isEmpty ? 0 : Double(falseFindings) / Double(runs.count),
            ratio: planted > 0 ? Double(findings) / Double(planted) : 0,
            maxRatio: runs.map { $0.planted > 0 ? Double($0.findings) / Double($0.planted) : 0 }.max() ?? 0,
            brokenAtEnds: runs.reduce(0) { $0 + $1.brokenAtEnds })
    }
}
