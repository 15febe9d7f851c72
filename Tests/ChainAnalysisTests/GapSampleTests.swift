import ChainModel
import Testing

@testable import ChainAnalysis

/// What the bundled samples show (see docs/GAPS.md).
@Suite struct GapSampleTests {
    static func sample(_ name: String) throws -> Park {
        try ParkLoader.load(path: SampleFiles.path(name)).park
    }

    @Test func jinchangHasNoAnodeMaker() throws {
        let r = GapReport(park: try Self.sample("jinchang-battery"))
        #expect(r.findings.first?.rule == .missingStage)
        #expect(r.findings.first?.place.stage == "bt-anode")
    }

    @Test func wujinPowertrainComesFromOutside() throws {
        let r = GapReport(park: try Self.sample("wujin-machinery"))
        // One finding for the place: no link from the in-park powertrain firms (broken), the
        // purchases from outside folded into its evidence.
        let here = r.findings.filter { $0.place.stage == "em-machine" && $0.place.inputStage == "em-powertrain" }
        #expect(here.map(\.rule) == [.noStageLink])
        if case .number(let outside)? = here.first?.evidence.fact("outsidePurchases") {
            #expect(outside > 0)
        } else {
            Issue.record("no outsidePurchases")
        }
        let w = WhatIf(park: try Self.sample("wujin-machinery")).run(removing: ["hengli"])
        #expect(w.cut.contains { $0.firm.id == "liugong" })
    }

    @Test func beilunRecyclingIsEmpty() throws {
        var options = GapOptions()
        options.chain = "nev"
        let r = GapReport(park: try Self.sample("beilun-nev"), options: options)
        let short = try #require(r.findings.first { $0.rule == .shortChain })
        #expect(short.evidence.facts.contains { $0.key == "missingDownstream" && $0.value == .list(["nev-recycle"]) })
        #expect(!r.findings.contains { $0.rule == .missingStage })
    }

    /// Every figure in every sentence is one of the finding's structured numbers, and no
    /// sentence calls a firm the only supplier where others supply too.
    @Test func everyFigureInASentenceIsAField() throws {
        for name in ["beilun-nev", "jinchang-battery", "ningxiang-storage", "wujin-machinery", "yihuang-plastics"] {
            let r = GapReport(park: try Self.sample(name))
            for f in r.findings { expectFiguresAreFields(f, name) }
        }
    }

    /// A park that stops before its end stage is short, not broken (Yihuang has no motorcycle
    /// assembler: its parts go to assemblers outside).
    @Test func aMissingEndStageIsShort() throws {
        let r = GapReport(park: try Self.sample("yihuang-plastics"))
        #expect(!r.findings.contains { $0.rule == .missingStage && $0.place.stage == "mt-vehicle" })
        let short = try #require(
            r.findings.first {
                $0.rule == .shortChain
                    && $0.evidence.fact("missingDownstream").map {
                        if case .list(let l) = $0 { l.contains("mt-vehicle") } else { false }
                    } == true
            })
        #expect(short.severity.atRisk > 0)
    }

    /// (Determinism of the report: `CrossProcessDeterminismTests` runs `chainmap gaps` on every
    /// sample in two processes with different hash seeds.)
    @Test func cutsAgreeWithBiconnectivity() throws {
        for name in ["beilun-nev", "jinchang-battery", "ningxiang-storage", "wujin-machinery", "yihuang-plastics"] {
            let park = try Self.sample(name)
            let index = ChainIndex(park)
            let cuts = SupplyCuts(
                graph: index.graph, weight: .init(repeating: 1, count: index.firmCount), output: index.output)
            let reference = index.graph.biconnectivity()
            #expect(cuts.articulationPoints.map { Int32($0.id) } == reference.articulationPoints, "\(name)")
            #expect(cuts.bridges.map(\.id) == reference.bridges, "\(name)")
        }
    }
}
