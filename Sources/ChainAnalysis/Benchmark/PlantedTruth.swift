import ChainModel

/// Whether an analysis found what the generator planted (``PlantedGap``): the rule of the gap
/// benchmark (``GapBenchmark``) and of the planted-gap tests.
///
/// A planted gap is found when a finding of its kind sits at its place:
///
/// | planted | found by |
/// |---|---|
/// | `broken` (missing stage) | a `broken` finding at that stage |
/// | `broken` (`lost-link`), `weak` (`outside-sourcing`) | a finding of that kind on the template edge (buying stage ← input stage) |
/// | `thin` | a `thin` finding at the stage or with it as input stage |
/// | `short` | the chain's `short` finding listing every planted stage as missing |
/// | `blocking-need` | a `blocking-need` finding of that need |
/// | `single-point-of-failure` | a `thin` finding naming the firm (its concentration, articulation point or bridge) |
///
/// A finding is *explained* when some planted gap finds it; the others are false findings
/// (on generated parks, where the planted gaps are the only weaknesses meant).
public enum PlantedTruth {
    /// The kind of finding a planted gap is found as (nil for truths that are not gaps).
    public static func findingKind(_ kind: PlantedGap.Kind) -> GapKind? {
        switch kind {
        case .broken: .broken
        case .weak: .weak
        case .thin, .singlePointOfFailure: .thin
        case .short: .short
        case .blockingNeed: .blockingNeed
        case .capabilityMatch, .shouldBuild: nil
        }
    }

    /// Whether `finding` reports `gap` (its kind at its place).
    public static func matches(_ gap: PlantedGap, _ f: GapFinding) -> Bool {
        guard let kind = findingKind(gap.kind), f.kind == kind else { return false }
        let stages = gap.place.stages
        switch gap.kind {
        case .short:
            guard f.place.chain == gap.place.chain else { return false }
            var missing: [String] = []
            for key in ["missingUpstream", "missingMidstream", "missingDownstream"] {
                if case .list(let l)? = f.evidence.fact(key) { missing += l }
            }
            return Set(stages).isSubset(of: Set(missing))
        case .blockingNeed:
            return f.evidence.fact("need") == .text(gap.place.needs.first ?? "")
        case .singlePointOfFailure:
            return f.place.firm != nil && f.place.firm == gap.place.firms.first
        case .broken where gap.rule == nil:
            return f.place.stage == stages.first && f.place.inputStage == nil
        case .broken, .weak:
            guard stages.count >= 2 else { return f.place.stage == stages.first }
            return f.place.stage == stages[0] && f.place.inputStage == stages[1]
        case .thin:
            return f.place.stage == stages.first || f.place.inputStage == stages.first
        case .capabilityMatch, .shouldBuild:
            return false
        }
    }

    /// The first finding of `report` that reports `gap`, if any.
    public static func finding(for gap: PlantedGap, in report: GapReport) -> GapFinding? {
        report.findings.first { matches(gap, $0) }
    }

    /// Missing-stage findings at a stage that is not mid-chain by the template: an end stage
    /// (no required stage takes it as input) or a source stage (no inputs). Always 0 when the
    /// rules keep a missing end stage as 短链.
    public static func brokenAtChainEnds(_ report: GapReport, park: Park) -> Int {
        let stages = park.chains.flatMap(\.stages)
        var count = 0
        for f in report.findings where f.rule == .missingStage {
            guard let id = f.place.stage, let stage = stages.first(where: { $0.id == id }) else { continue }
            let fedRequired = stages.contains { $0.required && $0.inputs.contains(id) }
            if !fedRequired || (stage.tier == .upstream && stage.inputs.isEmpty) { count += 1 }
        }
        return count
    }
}
