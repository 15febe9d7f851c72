import ChainModel
import Testing
@testable import ChainAnalysis

/// Gaps found on generated parks against the generator's planted gaps (`--plant-gaps`).
@Suite struct GapPlantedTests {
    /// A planted gap's stage is where the finding is: its place's stage or input stage (a
    /// concentrated stage is named as the input of the stage it supplies), or, for a short
    /// chain, one of the stages it lists as missing.
    static func finds(_ gap: PlantedGap, in report: GapReport) -> Bool {
        let expected: GapKind
        switch gap.kind {
        case .broken: expected = .broken
        case .weak: expected = .weak
        case .thin: expected = .thin
        case .short: expected = .short
        case .blockingNeed: expected = .blockingNeed
        }
        let stage = gap.place.stages.first
        return report.findings.contains { f in
            guard f.kind == expected else { return false }
            switch gap.kind {
            case .short:
                guard f.place.chain == gap.place.chain else { return false }
                var missing: [String] = []
                for key in ["missingUpstream", "missingMidstream", "missingDownstream"] {
                    if case .list(let l)? = f.evidence.fact(key) { missing += l }
                }
                return Set(gap.place.stages).isSubset(of: Set(missing))
            case .blockingNeed:
                return f.evidence.fact("need") == .text(gap.place.needs.first ?? "")
            default:
                return f.place.stage == stage || f.place.inputStage == stage
            }
        }
    }

    static func check(firms: Int, seed: UInt64, chains: [String]? = nil) throws -> (planted: Int, findings: Int) {
        var options = ParkGenerator.Options(firms: firms, seed: seed, plantGaps: true)
        if let chains { options.chains = chains }
        let result = try ParkGenerator.generate(options)
        let report = GapReport(park: result.park)
        let label = "firms \(firms) seed \(seed) chains \(chains ?? [])"
        for gap in result.gaps {
            #expect(finds(gap, in: report), "\(label): planted \(gap.kind) at \(gap.place.stages) not found")
        }
        // A missing end stage is short, never broken.
        for f in report.findings where f.rule == .missingStage {
            let stage = result.park.chains.flatMap(\.stages).first { $0.id == f.place.stage }
            #expect(stage?.tier != .upstream, "\(label): \(f.place.id)")
            let consumers = result.park.chains.flatMap(\.stages).filter { $0.required && $0.inputs.contains(f.place.stage ?? "") }
            #expect(!consumers.isEmpty, "\(label): \(f.place.id) is an end stage")
        }
        for f in report.findings { expectFiguresAreFields(f, label) }
        // Few findings per planted gap (197 for 5 before one finding per place).
        #expect(report.findingsTotal <= 4 * max(1, result.gaps.count), "\(label): \(report.findingsTotal) findings for \(result.gaps.count) planted")
        return (result.gaps.count, report.findingsTotal)
    }

    @Test(arguments: [(500, UInt64(1)), (2000, 1), (5000, 1), (500, 7), (2000, 7), (5000, 7)])
    func plantedGapsAreFound(firms: Int, seed: UInt64) throws {
        _ = try Self.check(firms: firms, seed: seed)
    }

    @Test(arguments: ["nev", "battery", "machinery", "plastics"])
    func plantedGapsAreFoundPerTemplate(chain: String) throws {
        _ = try Self.check(firms: 2000, seed: 7, chains: [chain])
    }
}
