import Foundation
import Testing

@testable import ChainModel

/// Generated parks are shared between tests (generation is deterministic).
enum GeneratedFixture {
    static let options = ParkGenerator.Options(firms: 5000, seed: 42, plantGaps: true)
    static let result: ParkGenerator.Result? = try? ParkGenerator.generate(options)
}

@Suite struct GeneratorTests {
    func generated() throws -> ParkGenerator.Result {
        try #require(GeneratedFixture.result, "the generator failed")
    }

    /// That the same seed gives the same bytes is checked across processes (two runs in one
    /// process share one hash seed and cannot see hash-order dependence):
    /// `CrossProcessDeterminismTests.writtenFilesAreTheSameInEveryProcess` runs
    /// `chainmap generate` twice, with different hash seeds, and compares the files.
    @Test func differentSeedsGiveDifferentParks() throws {
        let a = try ParkGenerator.generate(.init(firms: 3000, seed: 7, plantGaps: true))
        let c = try ParkGenerator.generate(.init(firms: 3000, seed: 8, plantGaps: true))
        #expect(ParkWriter.encode(c.park, format: .json) != ParkWriter.encode(a.park, format: .json))
    }

    @Test func generatedParkValidatesCleanly() throws {
        let park = try generated().park
        let issues = ParkValidator.validate(park)
        #expect(issues.filter { $0.severity == .error }.isEmpty, "\(issues.prefix(5))")
        #expect(issues.isEmpty, "warnings: \(issues.prefix(5))")
        #expect(park.firms.count == 5000)
        // Without gaps too, and with one chain.
        let plain = try ParkGenerator.generate(.init(firms: 1000, seed: 3, chains: ["plastics"]))
        #expect(ParkValidator.validate(plain.park).isEmpty)
        #expect(plain.gaps.isEmpty)
        #expect(plain.park.chains.map(\.id) == ["plastics"])
    }

    @Test(.tags(.slow), .enabled(if: Slow.allowed)) func csvBundleLoadsBackUnchanged() throws {
        let park = try generated().park
        let folder = Fixture.temporaryFolder().appendingPathComponent("bundle")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try CSVBundleWriter.write(park, to: folder.path)
        let loaded = try ParkLoader.load(path: folder.path)
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.park == park)
    }

    @Test func badOptionsAreRefused() {
        #expect(throws: GeneratorError.self) { try ParkGenerator.generate(.init(firms: 10, seed: 1)) }
        #expect(throws: GeneratorError.self) {
            try ParkGenerator.generate(.init(firms: 1000, seed: 1, chains: ["robots"]))
        }
        #expect(throws: GeneratorError.self) {
            try ParkGenerator.generate(.init(firms: 1000, seed: 1, chains: ["nev", "nev"]))
        }
        #expect(throws: GeneratorError.self) { try ParkGenerator.generate(.init(firms: 1000, seed: 1, chains: [])) }
    }

    @Test func everyGapKindIsPlantedWhereItSays() throws {
        let result = try generated()
        let park = result.park
        // Every kind, broken twice (a missing stage and a lost edge).
        #expect(Set(result.gaps.map(\.kind)) == Set(PlantedGap.Kind.allCases))
        #expect(result.gaps.contains { $0.kind == .broken && $0.rule == "lost-link" })
        let firmById = Dictionary(uniqueKeysWithValues: park.firms.map { ($0.id, $0) })
        let stageById = Dictionary(
            uniqueKeysWithValues: park.chains.flatMap { c in c.stages.map { ($0.id, (c.id, $0)) } })
        func firms(in stage: String) -> [Firm] { park.firms.filter { $0.stages.contains(stage) } }
        for gap in result.gaps {
            #expect(!gap.sentence.isEmpty)
            for s in gap.place.stages { #expect(stageById[s]?.0 == gap.place.chain, "\(gap.kind) \(s)") }
            switch gap.kind {
            case .broken where gap.rule == "lost-link", .weak:
                // A template edge [T, I]: lost — no active in-park link from I into T is left;
                // weak — I has two in-park firms and T's buyers get most of I from outside.
                #expect(gap.place.stages.count == 2)
                let t = gap.place.stages[0], i = gap.place.stages[1]
                #expect(stageById[t]?.1.inputs.contains(i) == true)
                let suppliers = Set(firms(in: i).map(\.id))
                let buyers = Set(park.firms.filter { $0.inPark && $0.stages.first == t }.map(\.id))
                let edge = park.links.filter { suppliers.contains($0.supplier) && buyers.contains($0.buyer) }
                let inPark = edge.filter { firmById[$0.supplier]?.inPark == true }
                if gap.kind == .broken {
                    #expect(!inPark.isEmpty && inPark.allSatisfy { $0.status == .lost })
                } else {
                    #expect(firms(in: i).filter(\.inPark).count == 2)
                    #expect(Double(inPark.count) < 0.5 * Double(edge.count), "\(inPark.count) of \(edge.count)")
                }
            case .singlePointOfFailure:
                let s = try #require(gap.place.stages.first)
                #expect(firms(in: s).map(\.id) == gap.place.firms)
            case .capabilityMatch:
                #expect(gap.place.firms.count == 2)
                let need = try #require(park.needs.first { $0.id == gap.place.needs.first })
                #expect(need.kind == .capability && need.status == .open && need.firm == gap.place.firms[0])
                let offerer = try #require(firmById[gap.place.firms[1]])
                #expect(offerer.inPark && offerer.capabilities.contains(need.tags.first ?? ""))
            case .shouldBuild:
                let f = try #require(firmById[gap.place.firms.first ?? ""])
                #expect(f.inPark && (f.partyMembers ?? 0) >= 3 && f.organization == nil)
            case .broken:
                let s = try #require(gap.place.stages.first)
                #expect(stageById[s]?.1.required == true)
                #expect(firms(in: s).isEmpty)
            case .thin where gap.place.links.isEmpty:
                let s = try #require(gap.place.stages.first)
                let f = try #require(gap.place.firms.first)
                #expect(firms(in: s).map(\.id) == [f])
                #expect(firmById[f]?.inPark == true)
                // Every firm of a stage fed by s buys from f, and from nobody else in s.
                let consumers = park.chains.flatMap(\.stages).filter { $0.inputs.contains(s) }.map(\.id)
                let buyers = park.firms.filter { $0.inPark && $0.stages.contains { consumers.contains($0) } }
                #expect(!buyers.isEmpty)
                let fromF = Set(park.links.filter { $0.supplier == f && $0.status == .active }.map(\.buyer))
                for b in buyers where consumers.contains(b.stages[0]) { #expect(fromF.contains(b.id), "\(b.id)") }
            case .thin:
                let s = try #require(gap.place.stages.first)
                let inStage = firms(in: s)
                #expect(Set(inStage.map(\.id)) == Set(gap.place.firms))
                #expect(inStage.count <= 3)
                let out = park.links.filter { gap.place.firms.contains($0.supplier) && $0.status == .active }
                #expect(Set(out.compactMap(\.id)) == Set(gap.place.links))
                // One link per thin firm, or per consumer stage when there are more.
                let consumers = park.chains.flatMap(\.stages).filter { $0.inputs.contains(s) }.count
                #expect(out.count == gap.place.links.count && out.count <= max(3, consumers) && !out.isEmpty)
                // Low capacity: below the chain's median output.
                let chainStages = Set(park.chains.first { $0.id == gap.place.chain }?.stages.map(\.id) ?? [])
                let outputs = park.firms.filter { $0.stages.contains { chainStages.contains($0) } }.compactMap(\.output)
                    .sorted()
                let median = outputs[outputs.count / 2]
                for f in inStage { #expect((f.output ?? 0) < median) }
            case .short:
                // Upstream stages not fed by an in-park stage and optional stages, unless another
                // planted gap keeps them in the park.
                #expect(!gap.place.stages.isEmpty)
                for s in gap.place.stages {
                    let stage = try #require(stageById[s]?.1)
                    #expect(stage.tier == .upstream || !stage.required, "\(s)")
                }
                for s in gap.place.stages {
                    #expect(firms(in: s).allSatisfy { !$0.inPark }, "\(s)")
                    if stageById[s]?.1.required == false { #expect(firms(in: s).isEmpty) }
                }
            case .blockingNeed:
                let id = try #require(gap.place.needs.first)
                let need = try #require(park.needs.first { $0.id == id })
                #expect(need.status == .open)
                #expect(need.kind == .finance || need.kind == .talent)
                #expect(gap.place.firms == [need.firm])
                let single = result.gaps.first { $0.kind == .thin && $0.place.links.isEmpty }
                #expect(single?.place.firms == [need.firm])
            }
        }
    }

    @Test func distributionsLookRealistic() throws {
        let park = try generated().park
        let n = Double(park.firms.count)
        let mean = Double(park.links.count) / n
        #expect(abs(mean - 10) <= 2, "mean links per firm \(mean)")
        // Heavy tail: the biggest supplier has at least 20× the median supplier's buyers.
        var out: [String: Int] = [:]
        for l in park.links { out[l.supplier, default: 0] += 1 }
        let degrees = out.values.sorted()
        let median = degrees[degrees.count / 2]
        let top = try #require(degrees.last)
        #expect(top >= 20 * median, "max \(top), median \(median)")
        // Local links (in a park without the planted short chain, whose upstream is outside).
        let plain = try ParkGenerator.generate(.init(firms: 3000, seed: 5)).park
        let inPark = Set(plain.firms.filter(\.inPark).map(\.id))
        let local =
            Double(plain.links.filter { inPark.contains($0.supplier) && inPark.contains($0.buyer) }.count)
            / Double(plain.links.count)
        #expect(local > 0.72 && local < 0.88, "local \(local)")
        let planned = Double(park.links.filter { $0.status == .planned }.count) / Double(park.links.count)
        let lost = Double(park.links.filter { $0.status == .lost }.count) / Double(park.links.count)
        #expect(planned > 0.01 && planned < 0.03, "planned \(planned)")
        #expect(lost > 0.004 && lost < 0.02, "lost \(lost)")
        #expect(park.firms.contains { !$0.inPark })
        // More upstream and midstream firms than end-product firms.
        let tier = Dictionary(uniqueKeysWithValues: park.chains.flatMap(\.stages).map { ($0.id, $0.tier) })
        let down = park.firms.filter { tier[$0.stages[0]] == .downstream }.count
        #expect(Double(down) < n / 2)
        // Leaders: a few per chain, big output.
        for chain in park.chains {
            let leaders = park.firms.filter { $0.leads.contains(chain.id) }
            #expect((1...5).contains(leaders.count), "\(chain.id)")
            let outputs = park.firms.compactMap(\.output).sorted()
            for l in leaders { #expect((l.output ?? 0) > 10 * outputs[outputs.count / 2]) }
        }
    }

    @Test func organizationCoverageIsInTheArticlesBand() throws {
        let park = try generated().park
        let withMembers = park.firms.filter { $0.inPark && ($0.partyMembers ?? 0) > 0 }
        let covered = Double(withMembers.filter { $0.organization != nil }.count) / Double(withMembers.count)
        #expect(covered >= 0.70 && covered <= 0.85, "coverage \(covered)")
        let few = park.firms.filter { ($0.partyMembers ?? 0) == 0 }.count
        let many = park.firms.filter { ($0.partyMembers ?? 0) >= 3 }.count
        #expect(few > many && many > 0)
        let kinds = Set(park.organizations.map(\.kind))
        #expect(kinds == Set(OrganizationKind.allCases))
        for chain in park.chains {
            #expect(park.organizations.contains { $0.kind == .committee && $0.chains == [chain.id] })
            #expect(park.organizations.contains { $0.kind == .alliance && $0.chains == [chain.id] })
        }
        // Own branches are for firms with 3 or more members.
        let orgById = Dictionary(uniqueKeysWithValues: park.organizations.map { ($0.id, $0) })
        for f in park.firms {
            guard let o = f.organization.flatMap({ orgById[$0] }) else { continue }
            if o.kind == .branch || o.kind == .generalBranch {
                #expect((f.partyMembers ?? 0) >= 3 && o.hostFirm == f.id)
            } else {
                #expect((1...2).contains(f.partyMembers ?? 0) && o.members.contains(f.id))
            }
        }
        // One-to-many pairing: the tech centre with about 50 firms.
        let centre = park.pairings.filter { $0.a == "ag-techcentre" }
        #expect(centre.count >= 40 && centre.count <= 50)
        #expect(Set(park.pairings.map(\.kind)).count >= 6)
        // Needs: about half open, several kinds.
        let open = Double(park.needs.filter { $0.status == .open }.count) / Double(park.needs.count)
        #expect(open > 0.4 && open < 0.6, "open \(open)")
        #expect(Set(park.needs.map(\.kind)) == Set(NeedKind.allCases))
    }
}
