@_spi(Internals) import ChainModel

/// The key figures of one park snapshot, as `chainmap trend` lists them and `chainmap diff`
/// compares them: firms and output in the park, links, local share, organization and work
/// coverage (with the counts behind them), needs open and solved, gap findings by kind and the
/// output value at risk.
///
/// - Complexity: that of ``OrganizationReport``'s coverage and of ``GapReport`` on the park:
///   O(firms + links) plus one max-flow per chain.
public struct ParkFigures: Sendable, Equatable, Encodable {
    public var date: String?
    public var firmsInPark: Int
    /// Annual output of the in-park firms, RMB.
    public var outputInPark: Double
    public var links: Int
    public var activeLinks: Int
    /// Active links between in-park firms (or marked local) / active links; nil without any.
    public var localShare: Double?
    /// Park row of the coverage: firms counted, with an organization, reached by work.
    public var coverageFirms: Int
    public var withOrganization: Int
    public var workCovered: Int
    /// Needs open or in progress, and solved.
    public var needsOpen: Int
    public var needsSolved: Int
    /// Gap findings of each kind, `GapKind` order.
    public var findings: [GapKindCount]
    /// Sum of the findings' output value at risk, RMB (findings may share firms, so this is an
    /// upper bound of the value exposed).
    public var atRisk: Double

    public struct GapKindCount: Sendable, Equatable, Encodable {
        public var kind: GapKind
        public var count: Int
        public var atRisk: Double
    }

    /// `withOrganization / coverageFirms`, nil without firms counted.
    public var organizationRate: Double? { coverageFirms > 0 ? Double(withOrganization) / Double(coverageFirms) : nil }
    /// `workCovered / coverageFirms`, nil without firms counted.
    public var workRate: Double? { coverageFirms > 0 ? Double(workCovered) / Double(coverageFirms) : nil }
    public var findingsTotal: Int { findings.reduce(0) { $0 + $1.count } }

    /// Computes the figures of `park` (coverage counts firms with party members).
    public init(park: Park) {
        let coverage = OrganizationReport.coverageRows(OrganizationIndex(park), OrganizationOptions())
        self.init(park: park, coverage: coverage[0], gaps: GapReport(park: park))
    }

    /// The figures from a coverage park row and a gap report already computed.
    init(park: Park, coverage: OrganizationReport.CoverageRow, gaps: GapReport) {
        date = park.dataDate
        var firms = 0, output = 0.0
        for f in park.firms where f.inPark {
            firms += 1
            output += f.output ?? 0
        }
        firmsInPark = firms
        outputInPark = output
        links = park.links.count
        let resolution = park.resolution
        var active = 0, local = 0
        let links = park.links
        for i in links.indices where links.status(at: i) == .active {
            active += 1
            let s = resolution.linkSupplier[i], b = resolution.linkBuyer[i]
            let inside = s >= 0 && b >= 0 && park.firms[Int(s)].inPark && park.firms[Int(b)].inPark
            if links.local(at: i) ?? inside { local += 1 }
        }
        activeLinks = active
        localShare = active > 0 ? Double(local) / Double(active) : nil
        coverageFirms = coverage.firms
        withOrganization = coverage.withOrganization
        workCovered = coverage.workCovered
        var open = 0, solved = 0
        for n in park.needs {
            if n.status == .solved { solved += 1 } else { open += 1 }
        }
        needsOpen = open
        needsSolved = solved
        var counts = [Int](repeating: 0, count: GapKind.allCases.count)
        var risk = [Double](repeating: 0, count: GapKind.allCases.count)
        var total = 0.0
        for f in gaps.findings {
            let k = GapKind.allCases.firstIndex(of: f.kind) ?? 0
            counts[k] += 1
            risk[k] += f.severity.atRisk
            total += f.severity.atRisk
        }
        findings = GapKind.allCases.enumerated().map { GapKindCount(kind: $1, count: counts[$0], atRisk: risk[$0]) }
        atRisk = total
    }

    private enum CodingKeys: String, CodingKey {
        case date, firmsInPark, outputInPark, links, activeLinks, localShare, coverageFirms, withOrganization,
            organizationPercent
        case workCovered, workPercent, needsOpen, needsSolved, findings, findingsTotal, atRisk
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(date, forKey: .date)
        try c.encode(firmsInPark, forKey: .firmsInPark)
        try c.encode(outputInPark, forKey: .outputInPark)
        try c.encode(links, forKey: .links)
        try c.encode(activeLinks, forKey: .activeLinks)
        try c.encodeIfPresent(localShare, forKey: .localShare)
        try c.encode(coverageFirms, forKey: .coverageFirms)
        try c.encode(withOrganization, forKey: .withOrganization)
        try c.encodeIfPresent(organizationRate.map(OrganizationReport.percent), forKey: .organizationPercent)
        try c.encode(workCovered, forKey: .workCovered)
        try c.encodeIfPresent(workRate.map(OrganizationReport.percent), forKey: .workPercent)
        try c.encode(needsOpen, forKey: .needsOpen)
        try c.encode(needsSolved, forKey: .needsSolved)
        try c.encode(findings, forKey: .findings)
        try c.encode(findingsTotal, forKey: .findingsTotal)
        try c.encode(atRisk, forKey: .atRisk)
    }
}
