import ChainAnalysis
import ChainModel
import Testing

/// `chainmap diff` and `trend`: the Beilun pair reproduces the article's 58% → 70%, and on a
/// generated series every change the generator planted is reported, and nothing else.
@Suite struct ParkDiffTests {
    @Test func beilunCoverage58To70() throws {
        let old = try OrganizationSampleTests.sample("beilun-nev-2023"),
            new = try OrganizationSampleTests.sample("beilun-nev")
        let diff = ParkDiff(old: old, new: new)
        let park = try #require(diff.coverage.first)
        #expect(park.scope == .park)
        #expect(park.before.firms == 140 && park.before.withOrganization == 81)
        #expect(park.after.firms == 140 && park.after.withOrganization == 98)
        #expect(
            ((park.before.organizationRate ?? 0) * 100).rounded() == 58
                && ((park.after.organizationRate ?? 0) * 100).rounded() == 70)
        #expect(diff.firms.enteredInPark == 3 && diff.firms.leftInPark == 0)
        #expect(diff.organizations.opened.count == 18 && diff.organizations.closed.isEmpty)
        #expect(diff.needs.raised.count == 51 && diff.needs.solved.count == 24 && diff.needs.removed.isEmpty)
        #expect(diff.pairings.added.map(\.key) == ["tuopu-green"])
        #expect(diff.pairings.turnedIntoSupply.count == 2)
        #expect(diff.changedMeaning.isEmpty)
    }

    @Test func sameParkHasNoChanges() throws {
        let park = try OrganizationSampleTests.sample("beilun-nev")
        let diff = ParkDiff(old: park, new: park)
        #expect(diff.totals.filter { $0.key != "needsStillOpen" }.values.allSatisfy { $0 == 0 })
        #expect(diff.totals["needsStillOpen"] == park.needs.filter { $0.status != .solved }.count)
        #expect(diff.before == diff.after)
    }

    @Test func changedMeaningIsNotPaired() throws {
        var old = Park(id: "p", name: "p", dataDate: "2024-01", chains: [])
        old.firms = [Firm(id: "a", name: "甲", stages: ["s1"]), Firm(id: "b", name: "乙")]
        var new = old
        new.dataDate = "2024-02"
        new.firms[0] = Firm(id: "a", name: "丙", stages: ["s2"])
        let diff = ParkDiff(old: old, new: new)
        #expect(diff.changedMeaning.map(\.id) == ["a"])
        #expect(diff.firms.entered.isEmpty && diff.firms.left.isEmpty)
    }

    @Test func seriesDates() throws {
        #expect(SnapshotDate("2024-06") == SnapshotDate(year: 2024, month: 6))
        #expect(SnapshotDate("2024/6/3") == SnapshotDate(year: 2024, month: 6, day: 3))
        #expect(SnapshotDate("June") == nil && SnapshotDate("2024-13") == nil)
        #expect(SnapshotDate(year: 2024, month: 11).adding(months: 3).description == "2025-02")
        #expect(SnapshotDate("2024")! < SnapshotDate("2024-01")!)
    }

    /// The acceptance test of the generator: each consecutive pair's diff equals the log.
    @Test func generatedSeriesDiffEqualsChangeLog() throws {
        var previous: Park?
        var checked = 0
        try ParkGenerator.generateSeries(.init(firms: 3000, seed: 11), count: 4) { park, changes in
            defer { previous = park }
            guard let old = previous, let log = changes else { return }
            let diff = ParkDiff(old: old, new: park)
            func key(_ l: ParkDiff.LinkChange) -> ParkGenerator.LinkKey {
                .init(supplier: l.supplier, buyer: l.buyer, product: l.product)
            }
            #expect(diff.oldDate == log.from && diff.newDate == log.to)
            #expect(diff.firms.entered.map(\.id) == log.firmsEntered)
            #expect(diff.firms.left.map(\.id) == log.firmsLeft)
            #expect(diff.links.added.map(key) == log.linksAdded)
            #expect(diff.links.removed.map(key) == log.linksRemoved)
            #expect(
                diff.links.statusChanged.map {
                    ParkGenerator.LinkStatusChange(
                        link: key($0), from: $0.statusBefore ?? .active, to: $0.statusAfter ?? .active)
                }
                    == log.linkStatusChanges)
            #expect(diff.links.valueChanged.isEmpty)
            #expect(
                diff.organizations.opened.map(\.id) == log.organizationsFounded && diff.organizations.closed.isEmpty)
            #expect(diff.pairings.added.map(\.key) == log.pairingsAdded && diff.pairings.removed.isEmpty)
            #expect(diff.needs.raised.map(\.id) == log.needsRaised)
            #expect(diff.needs.solved.map(\.id) == log.needsSolved)
            #expect(diff.needs.reopened.isEmpty && diff.needs.removed.isEmpty && diff.changedMeaning.isEmpty)
            // Something was planted in every month.
            #expect(!log.firmsEntered.isEmpty && !log.linkStatusChanges.isEmpty && !log.needsSolved.isEmpty)
            checked += 1
        }
        #expect(checked == 3)
    }

    @Test func seriesIsDeterministic() throws {
        func run() throws -> [[UInt8]] {
            var out: [[UInt8]] = []
            var logs: [ParkGenerator.SnapshotChanges] = []
            try ParkGenerator.generateSeries(.init(firms: 500, seed: 5), count: 3) { park, changes in
                out.append(Array(String(describing: park).utf8))
                if let changes { logs.append(changes) }
            }
            return out + [ParkGenerator.changeLogJSON(logs)]
        }
        #expect(try run() == run())
    }
}
