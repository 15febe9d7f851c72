/// The counts `chainmap info` shows: firms per chain and stage, links by status, organizations,
/// pairings and needs by kind.
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
        /// Firms in the stage.
        public var firms: Int
        /// Chain leaders among them.
        public var leaders: Int
        /// Sum of their output values, RMB (firms without a value count 0).
        public var output: Double
    }

    public var parkId: String
    public var parkName: String
    public var region: String?
    public var dataDate: String?
    public var firms: Int
    public var firmsInPark: Int
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
        firmsInPark = park.firms.lazy.filter(\.inPark).count
        chainLeaders = park.firms.lazy.filter(\.isChainLeader).count
        illustrativeFirms = park.firms.lazy.filter(\.illustrative).count
        firmsWithoutStage = park.firms.lazy.filter(\.stages.isEmpty).count
        links = park.links.count

        func tally<K: CaseIterable & Hashable>(_ keys: [K]) -> [(K, Int)] {
            var counts: [K: Int] = [:]
            for k in keys { counts[k, default: 0] += 1 }
            return K.allCases.map { ($0, counts[$0] ?? 0) }
        }
        linksByStatus = tally(park.links.map(\.status)).map { (status: $0.0, count: $0.1) }
        var inPark: [String: Bool] = [:]
        inPark.reserveCapacity(park.firms.count)
        for f in park.firms { inPark[f.id] = f.inPark }
        var local = 0
        var value = 0.0
        for l in park.links where l.status == .active {
            value += l.value ?? 0
            if l.local ?? ((inPark[l.supplier] ?? false) && (inPark[l.buyer] ?? false)) { local += 1 }
        }
        localActiveLinks = local
        activeLinkValue = value
        organizations = park.organizations.count
        organizationsByKind = tally(park.organizations.map(\.kind)).map { (kind: $0.0, count: $0.1) }
        pairings = park.pairings.count
        pairingsByKind = tally(park.pairings.map(\.kind)).map { (kind: $0.0, count: $0.1) }
        needs = park.needs.count
        firmsWithNeeds = Set(park.needs.map(\.firm)).count
        needsByStatus = tally(park.needs.map(\.status)).map { (status: $0.0, count: $0.1) }
        needsByKind = tally(park.needs.map(\.kind)).map { (kind: $0.0, count: $0.1) }

        var rowOfStage: [String: Int] = [:]
        var rows: [StageRow] = []
        for chain in park.chains {
            for stage in chain.stages where rowOfStage[stage.id] == nil {
                rowOfStage[stage.id] = rows.count
                rows.append(StageRow(
                    chain: chain.id, chainName: chain.name, stage: stage.id, stageName: stage.name, tier: stage.tier,
                    required: stage.required, firms: 0, leaders: 0, output: 0))
            }
        }
        for f in park.firms {
            for s in Set(f.stages) {
                guard let r = rowOfStage[s] else { continue }
                rows[r].firms += 1
                rows[r].output += f.output ?? 0
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
        case id, name, region, dataDate, firms, firmsInPark, chainLeaders, illustrativeFirms, firmsWithoutStage
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
