@_spi(Internals) import ChainModel
import Foundation

/// Lookups over a park that every view needs: stages in template order (``StageTable``), firm and
/// organization by id, organization status. Built once per ``ChainMapBuilder``.
struct ParkIndex: Sendable {
    struct StageEntry: Sendable {
        var stage: Stage
        var chainIndex: Int
        /// Position in the template order of all chains (chain order, then topological).
        var order: Int
    }

    let park: Park
    /// Stages in template order.
    let stages: [StageEntry]
    let stageByID: [String: Int]
    /// Firm id → position in `park.firms`.
    let firms: FirmIndex
    /// Supplier and buyer position of every link (-1 when unknown), resolved once on all
    /// cores: the link loops of a million-firm park read these instead of hashing 20 million ids.
    let linkSupplier: [Int32]
    let linkBuyer: [Int32]
    let organizationByID: [String: Int]
    let chainByID: [String: Int]
    /// Organization status per firm index.
    let status: [OrganizationStatus]

    init(park: Park) {
        self.park = park
        var chainByID: [String: Int] = [:]
        for (i, chain) in park.chains.enumerated() where chainByID[chain.id] == nil { chainByID[chain.id] = i }
        self.chainByID = chainByID

        let table = StageTable(park)
        var entries: [StageEntry] = []
        var stageByID: [String: Int] = [:]
        for g in table.templateOrder.map(Int.init) {
            stageByID[table.stages[g].id] = entries.count
            entries.append(
                StageEntry(stage: table.stages[g], chainIndex: Int(table.stageChain[g]), order: entries.count))
        }
        self.stages = entries
        self.stageByID = stageByID

        let resolution = park.resolution
        let firms = resolution.firms
        self.firms = firms
        (linkSupplier, linkBuyer) = (resolution.linkSupplier, resolution.linkBuyer)
        var organizationByID: [String: Int] = [:]
        for (i, org) in park.organizations.enumerated() where organizationByID[org.id] == nil {
            organizationByID[org.id] = i
        }
        self.organizationByID = organizationByID
        self.status = Self.organizationStatus(park: park, firms: firms, organizationByID: organizationByID)
    }

    /// Own: the firm hosts a branch or general branch, or its `organization` is a branch or
    /// general branch with no other host. Joint: its `organization` is a joint branch, a grid
    /// organization or another firm's branch, or it is a member of a joint branch or grid.
    /// None otherwise (committees and alliances do not count as the firm's organization).
    /// Position of a firm id in `park.firms`.
    func firmIndex(_ id: String) -> Int? { firms[id].map(Int.init) }

    static func organizationStatus(park: Park, firms: FirmIndex, organizationByID: [String: Int])
        -> [OrganizationStatus]
    {
        func firmByID(_ id: String) -> Int? { firms[id].map(Int.init) }
        var status = [OrganizationStatus](repeating: .none, count: park.firms.count)
        func isOwnKind(_ kind: OrganizationKind) -> Bool { kind == .branch || kind == .generalBranch }
        func isJointKind(_ kind: OrganizationKind) -> Bool { kind == .jointBranch || kind == .grid }
        for org in park.organizations {
            if isJointKind(org.kind) {
                for member in org.members { if let i = firmByID(member), status[i] == .none { status[i] = .joint } }
            }
        }
        // Fields read through the buffers: copying each firm retained its arrays.
        park.firms.withUnsafeBufferPointer { firms in
            park.organizations.withUnsafeBufferPointer { organizations in
                for i in firms.indices {
                    guard let orgID = firms[i].organization, let o = organizationByID[orgID] else { continue }
                    let kind = organizations[o].kind
                    if isOwnKind(kind) {
                        let host = organizations[o].hostFirm
                        if host == nil || host == firms[i].id {
                            status[i] = .own
                        } else if status[i] == .none {
                            status[i] = .joint
                        }
                    } else if isJointKind(kind), status[i] == .none {
                        status[i] = .joint
                    }
                }
            }
        }
        for org in park.organizations where isOwnKind(org.kind) {
            if let host = org.hostFirm, let i = firmByID(host) { status[i] = .own }
        }
        return status
    }

    /// The firm's first stage in template order, restricted to `allowed` stage indices if given.
    func primaryStage(of firm: Firm, allowed: Set<Int>?) -> Int? {
        var best: Int?
        for id in firm.stages {
            guard let s = stageByID[id] else { continue }
            if let allowed, !allowed.contains(s) { continue }
            if best.map({ s < $0 }) ?? true { best = s }
        }
        return best
    }

    /// Log scale of `value` into 0...1 over `range`; nil or non-positive values map to 0.
    static func logScale(_ value: Double?, min lo: Double, max hi: Double) -> Double {
        guard let value, value > 0, lo > 0 else { return 0 }
        guard hi > lo else { return 0.5 }
        let t = (log(value) - log(lo)) / (log(hi) - log(lo))
        return Swift.min(1, Swift.max(0, t))
    }

    /// Smallest and largest positive value, or nil.
    static func positiveRange<S: Sequence>(_ values: S) -> (Double, Double)? where S.Element == Double? {
        var lo = Double.infinity
        var hi = 0.0
        for case let v? in values where v > 0 && v.isFinite {
            lo = Swift.min(lo, v)
            hi = Swift.max(hi, v)
        }
        return hi > 0 ? (lo, hi) : nil
    }
}
