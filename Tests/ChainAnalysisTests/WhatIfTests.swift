import Testing
@testable import ChainAnalysis

@Suite struct WhatIfTests {
    let whatIf = WhatIf(park: plantedPark())

    @Test func losingTheOnlySteelSupplierCascades() throws {
        let r = whatIf.run(removing: ["gR1"])
        #expect(r.removed.map(\.id) == ["gR1"])
        // gM1 and gM2 lose all 钢 (round 1); gE1, gE2 all 部件 and gK1 its 部件 (round 2); gK2 (round 3).
        #expect(r.cut.map(\.firm.id) == ["gM1", "gM2", "gE1", "gE2", "gK1", "gK2"])
        #expect(r.cut.map(\.round) == [1, 1, 2, 2, 2, 3])
        #expect(r.cut[0].input == "钢" && r.cut[0].lostSuppliers == ["gR1"])
        #expect(r.cut[2].lostSuppliers == ["gM1", "gM2"])
        #expect(r.brokenStages == ["g-mid", "g-end"])
        #expect(r.removedOutput == 100)
        #expect(r.cutOutput == 300 + 200 + 1000 + 800 + 30 + 20)
        #expect(r.outputAtRisk == 2450)
        let raw = try #require(r.stages.first { $0.stage == "g-raw" })
        #expect(raw.firmsBefore == 2 && raw.firmsAfter == 1 && !raw.broken)
        #expect(r.weakened.isEmpty)
    }

    @Test func partialLossWeakens() {
        let r = whatIf.run(removing: ["gM1"])
        #expect(r.cut.map(\.firm.id) == ["gK1", "gK2"])
        #expect(r.weakened.map(\.id) == ["gE1", "gE2"])
        #expect(r.brokenStages.isEmpty)
        #expect(r.lostLinks == 3 + 1)  // gM1's three links, then gK1 → gK2
    }

    @Test func completeChainSurvivesAnySingleLoss() {
        for id in ["R1", "R2", "P1", "P2"] {
            let r = whatIf.run(removing: [id])
            #expect(r.cut.isEmpty, "\(id)")
        }
        let both = whatIf.run(removing: ["P1", "P2"])
        #expect(both.cut.map(\.firm.id) == ["E1", "E2"])
        #expect(both.brokenStages == ["ok-part", "ok-end"])
    }

    @Test func setsZonesAndUnknownIds() {
        var park = plantedPark()
        for i in park.firms.indices where ["R1", "R2"].contains(park.firms[i].id) { park.firms[i].zone = "北区" }
        let w = WhatIf(park: park)
        #expect(w.firms(inZone: "北区") == ["R1", "R2"])
        let r = w.run(removing: w.firms(inZone: "北区") + ["nobody"])
        #expect(r.unknown == ["nobody"])
        #expect(r.cut.map(\.firm.id) == ["P1", "P2", "E1", "E2"])
        #expect(r.json() == w.run(removing: ["R2", "R1", "nobody"]).json())
    }
}
