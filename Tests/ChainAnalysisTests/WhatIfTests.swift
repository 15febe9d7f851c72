import Foundation
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

    @Test func setsZonesAndUnknownIds() throws {
        var park = plantedPark()
        for i in park.firms.indices where ["R1", "R2"].contains(park.firms[i].id) { park.firms[i].zone = "北区" }
        let w = WhatIf(park: park)
        #expect(w.firms(inZone: "北区") == ["R1", "R2"])
        let r = w.run(removing: w.firms(inZone: "北区") + ["nobody"])
        #expect(r.unknown == ["nobody"])
        #expect(r.cut.map(\.firm.id) == ["P1", "P2", "E1", "E2"])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try encoder.encode(r) == encoder.encode(w.run(removing: ["R2", "R1", "nobody"])))
    }

    @Test func optionsTakeNamesZonesAChainAndALimit() throws {
        var park = plantedPark()
        for i in park.firms.indices where ["R1", "R2"].contains(park.firms[i].id) { park.firms[i].zone = "北区" }
        let w = WhatIf(park: park)
        var options = WhatIfOptions()
        options.remove = ["企业gR1"]  // by name
        options.chain = "g"
        options.limit = 2
        let r = try w.run(options)
        #expect(r.removed.map(\.id) == ["gR1"])
        #expect(r.cutTotal == 6)
        #expect(r.cut.map(\.firm.id) == ["gM1", "gM2"])
        #expect(Set(r.stages.map(\.chain)) == ["g"])
        #expect(r.chain == "g")
        // The zone adds its firms; the totals cover the whole park.
        var zone = WhatIfOptions()
        zone.zone = "北区"
        #expect(try w.run(zone).removed.map(\.id) == ["R1", "R2"])
    }

    @Test func unknownNamesAreLocatedErrorsWithTheNearestNames() {
        let w = WhatIf(park: plantedPark())
        var options = WhatIfOptions()
        options.remove = ["企业gR9"]
        #expect(throws: LookupError.self) { try w.run(options) }
        do {
            _ = try w.run(options)
        } catch {
            #expect(error.kind == .firm && error.field == "remove" && error.query == "企业gR9")
            #expect(error.candidates.map(\.id).contains("gR1"))
            #expect(error.message.id == "lookup.firm.unknown")
        }
        options.remove = []
        options.chain = "gg"
        do {
            _ = try w.run(options)
            Issue.record("no error for an unknown chain")
        } catch {
            #expect(error.field == "chain" && error.candidates.map(\.id) == ["g"])
        }
        options.chain = nil
        options.zone = "南区"
        do {
            _ = try w.run(options)
            Issue.record("no error for an unknown zone")
        } catch {
            #expect(error.kind == .zone && error.message.id == "lookup.zone.unknown" && error.hint == nil)
            // A ChainMapError: one diagnostic located at the option.
            #expect(error.diagnostics.map(\.field) == ["--zone"])
        }
    }
}
