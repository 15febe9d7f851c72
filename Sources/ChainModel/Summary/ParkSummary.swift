/// The counts `chainmap info` shows: firms per chain and stage, links by status, organizations,
/// pairings and needs by kind.
///
/// Firms outside the park (suppliers and buyers elsewhere, `inPark: false`) are counted apart
/// from the park's own everywhere a count or a sum is shown: a stage's firms and output are the
/// in-park ones (as the map draws them), with the outside ones beside them.
///
/// - Complexity: O(firms + links + organizations + pairings + needs).
public struct ParkSummary: Sendable, Equatable {
    /// One stage of one chain.
    public struct StageRow: Sendable, Equatable {
        public var chain: String
        public var chainName: String
        public var stage: String
        public var stageName: String
        public var tier: Tier
        public var required: Bool
        /// In-park firms in the stage.
        public var firms: Int
        /// Firms outside the park in the stage.
        public var firmsOutside: Int
        /// Chain leaders (of this chain) in the stage, in the park or not.
        public var leaders: Int
        /// Sum of the in-park firms' output values, RMB (firms without a value count 0).
        public var output: Double
        /// Sum of the outside firms' output values, RMB.
        public var outputOutside: Double
    }

    public var parkId: String
    public var parkName: String
    public var region: String?
    public var dataDate: String?
    public var firms: Int
    public var firmsInPark: Int
    /// Sum of the in-park firms' output values, RMB: the park's output.
    public var outputInPark: Double
    /// Sum of the outside firms' output values, RMB.
    public var outputOutside: Double
    public var chainLeaders: Int
    public var illustrativeFirms: Int
    /// Firms that belong to no stage.
    public var firmsWithoutStage: Int
    public var links: Int
    public var linksByStatus: [(status: LinkStatus, count: Int)]
    /// Active links between two in-park firms (or marked local).
    public var localActiveLinks: Int
    /// Sum of active link values, RMB.
    public var activeLinkValue: Double
    public var organizations: Int
    public var organizationsByKind: [(kind: OrganizationKind, count: Int)]
    public var pairings: Int
    public var pairingsByKind: [(kind: PairingKind, count: Int)]
    public var needs: Int
    /// Firms that raised at least one need.
    public var firmsWithNeeds: Int
    public var needsByStatus: [(status: NeedStatus, count: Int)]
    public var needsByKind: [(kind: NeedKind, count: Int)]
    public var stages: [StageRow]

    public init(_ park: Park) {
        parkId = park.id
        parkName = park.name
        region = park.region
        dataDate = park.dataDate
        firms = park.firms.count
        // One pass over the firms (each sum in firm order, as before).
        var firmsInPark = 0, outputInPark = 0.0, outputOutside = 0.0
        var chainLeaders = 0, illustrativeFirms = 0, firmsWithoutStage = 0
        for f in park.firms {
            if f.inPark {
                firmsInPark += 1
                outputInPark += f.output ?? 0
            } else {
                outputOutside += f.output ?? 0
            }
            if f.isChainLeader { chainLeaders += 1 }
            if f.illustrative { illustrativeFirms += 1 }
            if f.stages.isEmpty { firmsWithoutStage += 1 }
        }
        self.firmsInPark = firmsInPark
        self.outputInPark = outputInPark
        self.outputOutside = outputOutside
        self.chainLeaders = chainLeaders
        self.illustrativeFirms = illustrativeFirms
        self.firmsWithoutStage = firmsWithoutStage
        links = park.links.count

        /// Counts per case, by position in `allCases` (a few cases: no hashing per record).
        func tally<K: CaseIterable & Equatable>(_ count: Int, _ key: (Int) -> K) -> [(K, Int)] {
            let cases = Array(K.allCases)
            var counts = [Int](repeating: 0, count: cases.count)
            for i in 0..<count {
                let k = key(i)
                if let c = cases.firstIndex(of: k) { counts[c] += 1 }
            }
            return zip(cases, counts).map { ($0, $1) }
        }
        // Link ends by the park's resolution (firm positions), not by hashing two ids per link.
        let resolution = park.resolution
        let firmInPark = park.firms.map(\.inPark)
        var local = 0
        var value = 0.0
        var statusCounts = [Int](repeating: 0, count: LinkStatus.allCases.count)
        let statusCases = Array(LinkStatus.allCases)
        // In bounds: the resolution has one supplier and one buyer per link, each -1 or a firm
        // position (< firms.count == firmInPark.count).
        assert(resolution.linkSupplier.count == park.links.count && resolution.linkBuyer.count == park.links.count)
        let links = park.links
        for i in links.indices {
            let status = links.status(at: i)
            if let c = statusCases.firstIndex(of: status) { statusCounts[c] += 1 }
            guard status == .active else { continue }
            value += links.value(at: i) ?? 0
            let s = Int(resolution.linkSupplier[i]), b = Int(resolution.linkBuyer[i])
            if links.local(at: i) ?? ((s >= 0 && firmInPark[s]) && (b >= 0 && firmInPark[b])) { local += 1 }
        }
        linksByStatus = zip(statusCases, statusCounts).map { (status: $0, count: $1) }
        localActiveLinks = local
        activeLinkValue = value
        organizations = park.organizations.count
        organizationsByKind = tally(park.organizations.count) { park.organizations[$0].kind }.map {
            (kind: $0.0, count: $0.1)
        }
        pairings = park.pairings.count
        pairingsByKind = tally(park.pairings.count) { park.pairings[$0].kind }.map { (kind: $0.0, count: $0.1) }
        needs = park.needs.count
        firmsWithNeeds = Set(park.needs.map(\.firm)).count
        needsByStatus = tally(park.needs.count) { park.needs[$0].status }.map { (status: $0.0, count: $0.1) }
        needsByKind = tally(park.needs.count) { park.needs[$0].kind }.map { (kind: $0.0, count: $0.1) }

        let table = StageTable(park)
        var rows: [StageRow] = table.stages.indices.map { g in
            let (chain, stage) = (park.chains[Int(table.stageChain[g])], table.stages[g])
            return StageRow(
                chain: chain.id, chainName: chain.name, stage: stage.id, stageName: stage.name, tier: stage.tier,
                required: stage.required, firms: 0, firmsOutside: 0, leaders: 0, output: 0, outputOutside: 0)
        }
        for f in park.firms {
            // Each distinct stage of the firm once (a list of one to three, no set needed).
            for (k, s) in f.stages.enumerated() where !f.stages[..<k].contains(s) {
                guard let r = table.stageIndex[s].map(Int.init) else { continue }
                if f.inPark {
                    rows[r].firms += 1
                    rows[r].output += f.output ?? 0
                } else {
                    rows[r].firmsOutside += 1
                    rows[r].outputOutside += f.output ?? 0
                }
                if f.leads.contains(rows[r].chain) { rows[r].leaders += 1 }
            }
        }
        stages = rows
    }

    public static func == (a: ParkSummary, b: ParkSummary) -> Bool {
        a.parkId == b.parkId && a.firms == b.firms && a.links == b.links && a.stages == b.stages
            && a.linksByStatus.map(\.count) == b.linksByStatus.map(\.count)
            && a.organizationsByKind.map(\.count) == b.organizationsByKind.map(\.count)
            && a.pairingsByKind.map(\.count) == b.pairingsByKind.map(\.count)
            && a.needsByStatus.map(\.count) == b.needsByStatus.map(\.count)
    }
}

extension ParkSummary.StageRow: Encodable {}

extension ParkSummary: Encodable {
    private enum CodingKeys: String, CodingKey {
        case id, name, region, dataDate, firms, firmsInPark, outputInPark, outputOutside, chainLeaders,
            illustrativeFirms, firmsWithoutStage
        case links, linksByStatus, localActiveLinks, activeLinkValue, organizations, organizationsByKind
        case pairings, pairingsByKind, needs, firmsWithNeeds, needsByStatus, needsByKind, stages
    }

    /// The counts as JSON; tallies by kind or status are objects keyed by the raw value.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        func tally<K: RawRepresentable<String>>(_ list: [(K, Int)]) -> [String: Int] {
            Dictionary(list.map { ($0.0.rawValue, $0.1) }, uniquingKeysWith: +)
        }
        try c.encode(parkId, forKey: .id)
        try c.encode(parkName, forKey: .name)
        try c.encodeIfPresent(region, forKey: .region)
        try c.encodeIfPresent(dataDate, forKey: .dataDate)
        try c.encode(firms, forKey: .firms)
        try c.encode(firmsInPark, forKey: .firmsInPark)
        try c.encode(outputInPark, forKey: .outputInPark)
        try c.encode(outputOutside, forKey: .outputOutside)
        try c.encode(chainLeaders, forKey: .chainLeaders)
        try c.encode(illustrativeFirms, forKey: .illustrativeFirms)
        try c.encode(firmsWithoutStage, forKey: .firmsWithoutStage)
        try c.encode(links, forKey: .links)
        try c.encode(tally(linksByStatus.map { ($0.status, $0.count) }), forKey: .linksByStatus)
        try c.encode(localActiveLinks, forKey: .localActiveLinks)
        try c.encode(activeLinkValue, forKey: .activeLinkValue)
        try c.encode(organizations, forKey: .organizations)
        try c.encode(tally(organizationsByKind.map { ($0.kind, $0.count) }), forKey: .organizationsByKind)
        try c.encode(pairings, forKey: .pairings)
        try c.encode(tally(pairingsByKind.map { ($0.kind, $0.count) }), forKey: .pairingsByKind)
        try c.encode(needs, forKey: .needs)
        try c.encode(firmsWithNeeds, forKey: .firmsWithNeeds)
        try c.encode(tally(needsByStatus.map { ($0.status, $0.count) }), forKey: .needsByStatus)
        try c.encode(tally(needsByKind.map { ($0.kind, $0.count) }), forKey: .needsByKind)
        try c.encode(stages, forKey: .stages)
    }
}
