import ChainAnalysis
import ChainModel
import Testing

/// Needs that age, worked out by hand: data date 2024-06 (ages to 2024-06-30).
///
/// | need | firm (chain) | kind    | status      | raised     | solved     | responder | age / days to solve |
/// |------|--------------|---------|-------------|------------|------------|-----------|---------------------|
/// | n1   | A (c)        | talent  | open        | 2024-06-10 |            | ag        | age 20              |
/// | n2   | A (c)        | talent  | in-progress | 2024-04-01 |            | ag        | age 90 (overdue)    |
/// | n3   | B (c)        | finance | solved      | 2024-01-01 | 2024-01-11 | ag        | 10 to solve         |
/// | n4   | C (d)        | finance | solved      | 2024-02-01 | 2024-03-02 | bank      | 30 (leap February)  |
/// | n5   | C (d)        | supply  | solved      |            |            |           | undated             |
/// | n6   | X (none)     | policy  | open        |            |            |           | undated             |
/// | n7   | B (c)        | policy  | open        | 2024-05-31 |            | bank      | age 30 (not > 30)   |
///
/// Resources: r1 answers n1; r2 answers nothing; r3 answers nothing itself but project p1
/// (on n2) uses it; r4 is used only by p2, which names no need. Projects: p1 on n2, p2 on none.
func ageingPark() -> Park {
    let chains = [
        Chain(id: "c", name: "链C", stages: [Stage(id: "s1", name: "S1", tier: .upstream)]),
        Chain(id: "d", name: "链D", stages: [Stage(id: "d1", name: "D1", tier: .upstream)]),
    ]
    let firms = [
        Firm(id: "A", name: "甲", stages: ["s1"]), Firm(id: "B", name: "乙", stages: ["s1"]),
        Firm(id: "C", name: "丙", stages: ["d1"]), Firm(id: "X", name: "戌"),
    ]
    let orgs = [Organization(id: "ag", name: "经发局", kind: .agency)]
    let needs = [
        Need(id: "n1", firm: "A", kind: .talent, responder: "ag", raised: "2024-06-10"),
        Need(id: "n2", firm: "A", kind: .talent, status: .inProgress, responder: "ag", raised: "2024-04-01"),
        Need(
            id: "n3", firm: "B", kind: .finance, status: .solved, responder: "ag", raised: "2024-01-01",
            solved: "2024-01-11"),
        Need(
            id: "n4", firm: "C", kind: .finance, status: .solved, responder: "bank", raised: "2024-02-01",
            solved: "2024-03-02"),
        Need(id: "n5", firm: "C", kind: .supply, status: .solved),
        Need(id: "n6", firm: "X", kind: .policy),
        Need(id: "n7", firm: "B", kind: .policy, responder: "bank", raised: "2024-05-31"),
    ]
    let resources = [
        DepartmentResource(id: "r1", name: "人才公寓", department: "ag", needs: ["n1"]),
        DepartmentResource(id: "r2", name: "贴息贷款", department: "bank"),
        DepartmentResource(id: "r3", name: "技能培训", department: "ag"),
        DepartmentResource(id: "r4", name: "展会补贴", department: "ag"),
    ]
    let projects = [
        ActionProject(id: "p1", name: "人才专项", department: "ag", needs: ["n2"], resources: ["r3"]),
        ActionProject(id: "p2", name: "参展行动", department: "ag", resources: ["r4"]),
    ]
    return Park(
        id: "age", name: "诉求园", dataDate: "2024-06", chains: chains, firms: firms, organizations: orgs,
        needs: needs, resources: resources, projects: projects)
}

@Suite struct NeedsAgeingTests {
    @Test func parkIsValid() {
        #expect(ParkValidator.validate(ageingPark()).filter { $0.severity == .error }.isEmpty)
    }

    @Test func totalsAgesAndMedian() {
        let n = OrganizationReport(park: ageingPark()).needs
        #expect(n.asOf == "2024-06-30" && n.overdueDays == 30)
        #expect(n.total.open == 3 && n.total.inProgress == 1 && n.total.solved == 3 && n.total.total == 7)
        #expect(n.total.solvedPercent == 42.86)
        // Days to solve 10 and 30: median 20; n5 has no dates.
        #expect(n.total.solvedWithDates == 2 && n.total.medianDaysToSolve == 20)
        #expect(n.total.overdue == 1 && n.total.oldestOpenDays == 90)
        #expect(n.overdue == 1 && n.undatedOpen == 1)
        #expect(n.openNeeds.map(\.id) == ["n2", "n7", "n1", "n6"])
        #expect(n.openNeeds.map(\.ageDays) == [90, 30, 20, nil])
        #expect(n.openNeeds.map(\.overdue) == [true, false, false, false])
        #expect(n.openNeeds.first?.responderName == "经发局")
        #expect(n.openWithoutResponder.map(\.id) == ["n6"])
    }

    @Test func byKindChainAndResponder() {
        let n = OrganizationReport(park: ageingPark()).needs
        func row(_ rows: [OrganizationReport.NeedRow], _ key: String) -> OrganizationReport.NeedRow? {
            rows.first { $0.key == key }
        }
        #expect(n.byKind.map(\.key) == ["supply", "finance", "talent", "policy"])
        #expect(
            row(n.byKind, "talent").map { ($0.overdue, $0.oldestOpenDays, $0.medianDaysToSolve) } ?? (0, nil, nil) == (
                1, 90, nil
            ))
        #expect(row(n.byKind, "finance")?.medianDaysToSolve == 20)
        #expect(row(n.byKind, "supply").map { ($0.solved, $0.solvedWithDates) } ?? (0, 0) == (1, 0))
        #expect(row(n.byKind, "policy").map { ($0.overdue, $0.oldestOpenDays) } ?? (0, nil) == (0, 30))
        #expect(n.byChain.map(\.key) == ["c", "d", "(none)"])
        #expect(
            row(n.byChain, "c").map { ($0.total, $0.medianDaysToSolve, $0.overdue, $0.oldestOpenDays) } ?? (
                0, nil, 0, nil
            ) == (4, 10, 1, 90))
        #expect(row(n.byChain, "d")?.medianDaysToSolve == 30)
        #expect(n.byResponder.map(\.key) == ["ag", "(none)", "bank"])
        #expect(
            row(n.byResponder, "ag").map { ($0.total, $0.medianDaysToSolve, $0.overdue) } ?? (0, nil, 0) == (3, 10, 1))
        #expect(row(n.byResponder, "bank").map { ($0.medianDaysToSolve, $0.oldestOpenDays) } ?? (nil, nil) == (30, 30))
    }

    @Test func overdueThresholdIsAnOption() {
        var options = OrganizationOptions()
        options.overdueDays = 19
        let n = OrganizationReport(park: ageingPark(), options: options).needs
        // Ages 90, 30 and 20 are all above 19.
        #expect(n.overdueDays == 19 && n.overdue == 3 && n.total.overdue == 3)
        options.overdueDays = -5
        #expect(OrganizationReport(park: ageingPark(), options: options).needs.overdueDays == 0)
    }

    @Test func resourcesAndProjectsAgainstNeeds() {
        let n = OrganizationReport(park: ageingPark()).needs
        #expect(n.resources == 4 && n.projects == 2)
        // r3 serves n2 through p1; r4's project names no need.
        #expect(n.resourcesWithoutNeed.map(\.id) == ["r2", "r4"])
        // n1 (r1) and n2 (p1) are served; n6 and n7 are not; solved needs are not listed.
        #expect(n.needsWithoutAction.map(\.id) == ["n6", "n7"])
    }

    @Test func noDataDateMeansNoAges() {
        var park = ageingPark()
        park.dataDate = "2024 上半年"
        let n = OrganizationReport(park: park).needs
        #expect(n.asOf == nil && n.overdue == 0 && n.undatedOpen == 4)
        #expect(n.openNeeds.allSatisfy { $0.ageDays == nil })
        // Days to solve need no data date.
        #expect(n.total.medianDaysToSolve == 20)
    }

    @Test func limitKeepsTotals() {
        var options = OrganizationOptions()
        options.limit = 1
        let r = OrganizationReport(park: ageingPark(), options: options)
        #expect(r.needs.openNeeds.map(\.id) == ["n2"])
        #expect(
            r.totals["openNeeds"] == 4 && r.totals["resourcesWithoutNeed"] == 2 && r.totals["needsWithoutAction"] == 2)
        #expect(r.needs.overdue == 1)
    }

    @Test func yihuangRaised72Solved38WithDates() throws {
        let r = OrganizationReport(park: try OrganizationSampleTests.sample("yihuang-plastics"))
        let n = r.needs
        // Article: 72 problems raised, 38 solved; the sample's days are illustrative.
        #expect(n.total.total == 72 && n.total.solved == 38)
        #expect(n.asOf == "2024-03-05")
        #expect(n.total.solvedWithDates == 38 && n.undatedOpen == 0 && n.openNeeds.count == 34)
        #expect(n.total.medianDaysToSolve == 61 && n.overdue == 31 && n.total.oldestOpenDays == 328)
        #expect(n.byResponder.allSatisfy { $0.key != OrganizationReport.none })
    }

    @Test func wujinListsAnswerItsNeeds() throws {
        let n = OrganizationReport(park: try OrganizationSampleTests.sample("wujin-machinery")).needs
        #expect(n.resources == 8 && n.projects == 4)
        #expect(n.resourcesWithoutNeed.map(\.id) == ["r08"])
        #expect(n.needsWithoutAction.map(\.id) == ["n009", "n014", "n015", "n023", "n025", "n038"])
    }
}
