import ChainAnalysis
import ChainModel
import Foundation
import Testing

/// A small park whose every rate and list is worked out by hand (see the comments).
///
/// Chains: c (stages s1, s2, s3), d (stage d1), e (stage e1, no firms).
/// Organizations: brA (A's branch), brL (L's branch under cm), jb1 (joint branch, member D;
/// I names it), cm (committee of c, member A), al (alliance of d, members A and G), ag (agency).
///
/// | firm | stages | pm  | in park | organization        | workCovered | other           |
/// |------|--------|-----|---------|---------------------|-------------|-----------------|
/// | A    | s1     | 10  | yes     | hosts brA           | nil         | leads c         |
/// | B    | s1     | 5   | yes     | none                | true        | output 100      |
/// | C    | s2     | 5   | yes     | none                | nil         | output 200      |
/// | D    | s2     | 2   | yes     | member of jb1       | nil         |                 |
/// | E    | s2     | 1   | yes     | none                | nil         | zone z1         |
/// | F    | s2     | 2   | yes     | none                | false       | zone z1         |
/// | G    | d1     | 0   | yes     | none                | nil         | leads d         |
/// | H    | s1     | 3   | no      | none                |             |                 |
/// | I    | d1     | nil | yes     | names jb1           | nil         |                 |
/// | J    | s1     | 4   | yes     | names brA (A's)     | nil         |                 |
/// | L    | s1     | 0   | yes     | hosts brL           | nil         | leads c         |
/// | N    | s3     | 0   | yes     | none                | nil         |                 |
func smallPark() -> Park {
    let c = Chain(
        id: "c", name: "链C",
        stages: [
            Stage(id: "s1", name: "上游", tier: .upstream),
            Stage(id: "s2", name: "中游", tier: .midstream, inputs: ["s1"]),
            Stage(id: "s3", name: "下游", tier: .downstream, inputs: ["s2"]),
        ])
    let d = Chain(id: "d", name: "链D", stages: [Stage(id: "d1", name: "D1", tier: .upstream)])
    let e = Chain(id: "e", name: "链E", stages: [Stage(id: "e1", name: "E1", tier: .upstream)])
    let firms = [
        Firm(id: "A", name: "甲", stages: ["s1"], leads: ["c"], partyMembers: 10),
        Firm(id: "B", name: "乙", stages: ["s1"], output: 100, partyMembers: 5, workCovered: true),
        Firm(id: "C", name: "丙", stages: ["s2"], output: 200, partyMembers: 5),
        Firm(id: "D", name: "丁", stages: ["s2"], partyMembers: 2),
        Firm(id: "E", name: "戊", stages: ["s2"], zone: "z1", partyMembers: 1),
        Firm(id: "F", name: "己", stages: ["s2"], zone: "z1", partyMembers: 2, workCovered: false),
        Firm(id: "G", name: "庚", stages: ["d1"], leads: ["d"], partyMembers: 0),
        Firm(id: "H", name: "辛", stages: ["s1"], inPark: false, partyMembers: 3),
        Firm(id: "I", name: "壬", stages: ["d1"], organization: "jb1"),
        Firm(id: "J", name: "癸", stages: ["s1"], partyMembers: 4, organization: "brA"),
        Firm(id: "L", name: "子", stages: ["s1"], leads: ["c"], partyMembers: 0),
        Firm(id: "N", name: "丑", stages: ["s3"], partyMembers: 0),
    ]
    let orgs = [
        Organization(id: "cm", name: "链C党委", kind: .committee, members: ["A"], chains: ["c"]),
        Organization(id: "al", name: "链D联盟", kind: .alliance, members: ["A", "G"], chains: ["d"]),
        Organization(id: "brA", name: "甲支部", kind: .branch, hostFirm: "A"),
        Organization(id: "brL", name: "子支部", kind: .branch, parent: "cm", hostFirm: "L"),
        Organization(id: "jb1", name: "联合支部1", kind: .jointBranch, members: ["D"]),
        Organization(id: "ag", name: "机关", kind: .agency),
    ]
    let links = [
        SupplyLink(supplier: "A", buyer: "C", value: 100),
        SupplyLink(supplier: "B", buyer: "C", value: 50, primary: true),
        SupplyLink(supplier: "C", buyer: "J", value: 10),
        SupplyLink(supplier: "H", buyer: "A", value: 1000, primary: true),
    ]
    let pairings = [
        Pairing(id: "P1", a: "brA", b: "C", kind: .coBuilding),
        Pairing(id: "P2", a: "brA", b: "B", kind: .branch),
        Pairing(id: "P3", a: "ag", b: "A", kind: .service),
        Pairing(id: "P4", a: "jb1", b: "J", kind: .rnd),
    ]
    let needs = [
        Need(id: "n1", firm: "J", kind: .capability, tags: ["Automation"]),
        Need(id: "n2", firm: "D", kind: .capability, tags: ["automation"], status: .solved, responder: "jb1"),
        Need(id: "n3", firm: "B", kind: .finance, status: .inProgress, responder: "ag"),
        Need(id: "n4", firm: "G", kind: .policy, status: .solved, responder: "ag"),
        Need(id: "n5", firm: "E", kind: .talent, responder: "ag"),
    ]
    return Park(
        id: "small", name: "小园区", chains: [c, d, e], firms: firms, links: links, organizations: orgs,
        pairings: pairings, needs: needs)
}

@Suite struct OrganizationReportTests {
    func row(_ r: OrganizationReport, _ scope: OrganizationReport.Scope, _ id: String? = nil) throws
        -> OrganizationReport.CoverageRow
    {
        try #require(
            r.coverage.first {
                $0.scope == scope && (scope == .park || (scope == .chain ? $0.chain == id : $0.stage == id))
            })
    }

    @Test func coverageWithPartyMembers() throws {
        let r = OrganizationReport(park: smallPark())
        // Counted: in park with pm > 0: A B C D E F J = 7 (G, L, N have 0, I unknown, H outside).
        // Organization: A (hosts brA), D (member of jb1), J (names brA) = 3 → 42.86%.
        // Work: those 3 + B (workCovered true) = 4 → 57.14%; unknown: C, E (F is false).
        let park = try row(r, .park)
        #expect(park.firms == 7 && park.withOrganization == 3 && park.workCovered == 4 && park.workUnknown == 2)
        #expect(park.organizationPercent == 42.86 && park.workPercent == 57.14)
        // Standalone firms whatever the denominator: A and L; joint branches: jb1.
        #expect(park.standaloneFirms == 2 && park.jointBranches == 1)
        // s1: A B J; organization A J; work A B J.
        let s1 = try row(r, .stage, "s1")
        #expect(s1.firms == 3 && s1.withOrganization == 2 && s1.workCovered == 3 && s1.organizationPercent == 66.67)
        // s2: C D E F; organization D; work D; unknown C, E.
        let s2 = try row(r, .stage, "s2")
        #expect(
            s2.firms == 4 && s2.withOrganization == 1 && s2.workCovered == 1 && s2.workUnknown == 2
                && s2.jointBranches == 1)
        // s3 has only N (pm 0): no firms counted, no rate.
        let s3 = try row(r, .stage, "s3")
        #expect(s3.firms == 0 && s3.organizationRate == nil)
        // Chain c = park here; chain d: G (0) and I (unknown) → none counted; jb1 counts (I names it).
        #expect(try row(r, .chain, "c").firms == 7)
        let d = try row(r, .chain, "d")
        #expect(d.firms == 0 && d.jointBranches == 1)
        // Order: park, c, s1, s2, s3, d, d1, e, e1.
        #expect(
            r.coverage.map { $0.stage ?? $0.chain ?? "park" } == ["park", "c", "s1", "s2", "s3", "d", "d1", "e", "e1"])
    }

    @Test func coverageAllInPark() throws {
        var options = OrganizationOptions()
        options.denominator = .allInPark
        let r = OrganizationReport(park: smallPark(), options: options)
        // All in-park firms: 7 above + G, I, L, N = 11. Organization: A D J I L = 5 → 45.45%.
        // Work: 5 + B = 6 → 54.55%; unknown: C E G N = 4.
        let park = try row(r, .park)
        #expect(park.firms == 11 && park.withOrganization == 5 && park.workCovered == 6 && park.workUnknown == 4)
        #expect(park.organizationPercent == 45.45 && park.workPercent == 54.55)
    }

    @Test func shouldBuildAndJoin() {
        let r = OrganizationReport(park: smallPark())
        // pm ≥ 3, in park, no own branch: B 5, C 5, J 4 (J sits in A's branch: not its own).
        // B and C tie on members; neither leads; C has the larger output.
        #expect(r.shouldBuild.map(\.firm.id) == ["C", "B", "J"])
        #expect(r.shouldBuild.last?.currentOrganization == "brA")
        // pm 1–2 without organization: F 2, E 1 (D is in jb1).
        #expect(r.shouldJoin.map(\.firm.id) == ["F", "E"])
        #expect(r.shouldJoin.first?.stage == "s2" && r.shouldJoin.first?.zone == "z1")
        #expect(r.groups.isEmpty)  // not asked for
        // Threshold 5: J (4) drops out of build and, having an organization, is not to join.
        var options = OrganizationOptions()
        options.threshold = 5
        let r5 = OrganizationReport(park: smallPark(), options: options)
        #expect(r5.shouldBuild.map(\.firm.id) == ["C", "B"])
        #expect(r5.shouldJoin.map(\.firm.id) == ["F", "E"])
    }

    @Test func groupsJoinExistingBranchOfTheStage() throws {
        var options = OrganizationOptions()
        options.suggestJoint = true
        let r = OrganizationReport(park: smallPark(), options: options)
        // jb1 has a firm in s2 (D) and 2 firms (D, I) < 8: F then E join it.
        // Total: D 2 + I 0 + F 2 + E 1 = 5.
        #expect(r.groups.count == 1)
        let g = try #require(r.groups.first)
        #expect(g.existing == "jb1" && g.firms.map(\.id) == ["F", "E"])
        #expect(g.partyMembers == 3 && g.totalPartyMembers == 5 && g.reachesThreshold && g.zone == "z1")
    }

    @Test func groupsFormNewBranchWhenExistingIsFull() throws {
        var options = OrganizationOptions()
        options.suggestJoint = true
        options.maxGroupFirms = 2  // jb1 already has 2 firms
        let r = OrganizationReport(park: smallPark(), options: options)
        // F (2) + E (1) = 3 reaches the threshold: a new joint branch of c/s2 in z1.
        let g = try #require(r.groups.first)
        #expect(r.groups.count == 1 && g.existing == nil && g.firms.map(\.id) == ["F", "E"])
        #expect(g.partyMembers == 3 && g.reachesThreshold && g.stage == "s2")
    }

    @Test func groupsLeftoverBelowThreshold() throws {
        var options = OrganizationOptions()
        options.suggestJoint = true
        options.maxGroupFirms = 2
        options.threshold = 4
        let r = OrganizationReport(park: smallPark(), options: options)
        // Candidates pm 1–3 without organization: F 2, E 1 = 3 < 4; no other bucket of c has a
        // group, jb1 is full, no joint organization in z1: pooled, below the threshold.
        let g = try #require(r.groups.first)
        #expect(r.groups.count == 1 && g.existing == nil && g.partyMembers == 3 && !g.reachesThreshold)
    }

    @Test func groupsLeftoverMergesIntoNearestStage() throws {
        // Three 1-member firms in s1 and one in s3 (no joint organization at all): s1 forms a
        // group of 3; the s3 firm alone is a leftover and joins the nearest stage with a
        // group, s1 (distance 2; s2 has none).
        var park = smallPark()
        park.organizations.removeAll { $0.id == "jb1" }
        park.firms = [
            Firm(id: "p1", name: "p1", stages: ["s1"], partyMembers: 1),
            Firm(id: "p2", name: "p2", stages: ["s1"], partyMembers: 1),
            Firm(id: "p3", name: "p3", stages: ["s1"], partyMembers: 1),
            Firm(id: "q1", name: "q1", stages: ["s3"], partyMembers: 1),
        ]
        var options = OrganizationOptions()
        options.suggestJoint = true
        let r = OrganizationReport(park: park, options: options)
        #expect(r.groups.count == 1)
        #expect(r.groups.first?.firms.map(\.id) == ["p1", "p2", "p3", "q1"])
        #expect(r.groups.first?.partyMembers == 4)
        // q1 came from s3, the nearest stage of the same chain with a group.
        #expect(r.groups.first?.merged.map(\.id) == ["q1"])
        #expect(r.groups.first?.basis == .stage)
        #expect(r.groups.first?.reason.id == "orgs.group.new")
        #expect(
            r.groups.first?.reason.arguments["firms"] == .integer(3)
                && r.groups.first?.reason.arguments["members"] == .integer(3))
    }

    @Test func structureChecks() throws {
        let checks = OrganizationReport(park: smallPark()).checks
        // c: cm; d: al; e: none.
        #expect(checks.chainOrganizations.map(\.organizations) == [["cm"], ["al"], []])
        // Leaders by chain then id: A of c (member of cm), L of c (brL → cm), G of d (member of al).
        #expect(
            checks.leaders.map { "\($0.chain):\($0.firm.id):\($0.placed)" } == ["c:A:true", "c:L:true", "d:G:true"])
        #expect(checks.leaders[1].placement == .path && checks.leaders[1].organizations == ["brL", "cm"])
        #expect(
            checks.leaders[1].detail
                == Message(
                    "orgs.leader.path", ["path": .message(Message("orgs.path.step", ["from": "brL", "to": "cm"]))]))
        // s3 has N only, without organization and not in cm: unreached. e1 has no firms.
        #expect(checks.unreachedStages.map(\.stage) == ["s3"])
        // al spans d but A is only in c.
        #expect(checks.mismatches.count == 1)
        #expect(
            checks.mismatches.first?.organization == "al" && checks.mismatches.first?.offChain.map(\.firm.id) == ["A"])
    }

    @Test func leaderOutsideItsCommittee() {
        var park = smallPark()
        // Take A out of cm; brA has no parent: A is not placed. L still is, through brL → cm.
        park.organizations[0].members = []
        let leaders = OrganizationReport(park: park).checks.leaders
        #expect(leaders.first { $0.firm.id == "A" }?.placed == false)
        #expect(leaders.first { $0.firm.id == "A" }?.placement == .notLinked)
        #expect(leaders.first { $0.firm.id == "L" }?.placed == true)
    }

    @Test func pairingsAgainstBusiness() throws {
        var options = OrganizationOptions()
        options.strongLinks = 2
        options.oneToMany = 2
        let p = OrganizationReport(park: smallPark(), options: options).pairings
        // P3 has an agency side: not compared. P1 brA(A)–C: link A→C. P4 jb1(D, I)–J: D and J
        // share the need tag automation. P2 brA(A)–B: nothing.
        #expect(p.compared == 3 && p.notCompared == 1)
        #expect(p.withoutBusiness.map { $0.id ?? "" } == ["P2"])
        // Strong: A→C (top value) and B→C (primary and 2nd); H→A is outside the park.
        // A→C is paired by P1; B→C is not.
        #expect(p.strongLinksWithoutPairing.map { "\($0.supplier.id)>\($0.buyer.id)" } == ["B>C"])
        // With the default 20, C→J (10) is strong too, and unpaired.
        let all = OrganizationReport(park: smallPark()).pairings
        #expect(all.strongLinksWithoutPairing.map { "\($0.supplier.id)>\($0.buyer.id)" } == ["B>C", "C>J"])
        // brA has 2 pairings: co-building 1, branch 1.
        #expect(p.oneToMany.map(\.party) == ["brA"])
        #expect(p.oneToMany.first?.byKind.map { "\($0.kind.rawValue) \($0.count)" } == ["co-building 1", "branch 1"])
    }

    @Test func needsLists() {
        let n = OrganizationReport(park: smallPark()).needs
        // open n1 n5, in progress n3, solved n2 n4 → 2/5 = 40%.
        #expect(n.total.open == 2 && n.total.inProgress == 1 && n.total.solved == 2 && n.total.solvedPercent == 40)
        #expect(n.firmsWithNeeds == 5)
        #expect(n.byKind.map(\.key) == ["capability", "finance", "talent", "policy"])
        #expect(n.byKind.first?.solvedPercent == 50)
        // c: n1 n2 n3 n5; d: n4; e: none.
        #expect(n.byChain.map(\.total) == [4, 1, 0])
        // ag 3, then (none) 1 and jb1 1 by key.
        #expect(n.byResponder.map(\.key) == ["ag", "(none)", "jb1"])
        #expect(n.openWithoutResponder.map(\.id) == ["n1"])
    }

    /// (Determinism is checked across processes, `chainmap orgs --suggest-joint` on every
    /// sample, in `CrossProcessDeterminismTests`; the report cites pairings and links by record
    /// index, so shuffled records legitimately change it.)
    @Test func jsonIsComplete() throws {
        var options = OrganizationOptions()
        options.suggestJoint = true
        let a = try Self.json(OrganizationReport(park: smallPark(), options: options))
        #expect(a.contains("\"organizationPercent\":42.86"))
        #expect(a.contains("\"groups\""))
        #expect(a.contains("\"placement\":\"path\""))
    }

    @Test func limitCutsListsAndKeepsTotals() {
        var options = OrganizationOptions()
        options.limit = 1
        let r = OrganizationReport(park: smallPark(), options: options)
        let all = OrganizationReport(park: smallPark())
        #expect(r.needs.byResponder.map(\.key) == ["ag"])
        #expect(r.totals["byResponder"] == all.needs.byResponder.count)
        #expect(r.coverage == all.coverage)
    }

    /// The report as compact JSON with sorted keys.
    static func json(_ report: OrganizationReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }
}
