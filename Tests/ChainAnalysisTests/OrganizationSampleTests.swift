import ChainAnalysis
import ChainModel
import Testing

/// The bundled samples reproduce the articles' figures.
@Suite struct OrganizationSampleTests {
    static func sample(_ name: String) throws -> Park {
        try ParkLoader.load(path: SampleFiles.path(name)).park
    }

    @Test func beilunCoverageAndNeeds() throws {
        let r = OrganizationReport(park: try Self.sample("beilun-nev"))
        // Article: coverage of firms with party members 58% → 70%; 103 firms raised 111 needs.
        let park = try #require(r.coverage.first)
        #expect(park.firms == 140 && park.withOrganization == 98 && park.organizationPercent == 70)
        #expect(r.needs.total.total == 111 && r.needs.firmsWithNeeds == 103)
        // The mold tech centre's 52 pairings.
        #expect(r.pairings.oneToMany.first?.party == "br-moldctr" && r.pairings.oneToMany.first?.pairings == 52)
    }

    @Test func ningxiangDoubleCoverage() throws {
        let r = OrganizationReport(park: try Self.sample("ningxiang-storage"))
        let park = try #require(r.coverage.first)
        // Article: organization coverage 85.16%, work coverage 100%.
        #expect(park.withOrganization == 109 && park.firms == 128)
        #expect(park.organizationPercent == 85.16 && park.workPercent == 100)
    }

    @Test func yihuangNeedsAndBranches() throws {
        let r = OrganizationReport(park: try Self.sample("yihuang-plastics"))
        // Article: 72 problems raised, 38 solved; plastics chain 7 standalone + 5 joint branches.
        #expect(r.needs.total.total == 72 && r.needs.total.solved == 38)
        let plastics = try #require(r.coverage.first { $0.scope == .chain && $0.chain == "plastics" })
        #expect(plastics.standaloneFirms == 7 && plastics.jointBranches == 5)
        let electronics = try #require(r.coverage.first { $0.scope == .chain && $0.chain == "electronics" })
        #expect(electronics.standaloneFirms == 3 && electronics.jointBranches == 1)
    }

    @Test func groupsPlaceEveryCandidateOnce() throws {
        var options = OrganizationOptions()
        options.suggestJoint = true
        for name in Samples.names {
            let r = OrganizationReport(park: try Self.sample(name), options: options)
            let grouped = r.groups.flatMap { $0.firms.map(\.id) }
            #expect(grouped.sorted() == r.shouldJoin.map(\.firm.id).sorted(), "\(name)")
            #expect(Set(grouped).count == grouped.count)
        }
    }
}
