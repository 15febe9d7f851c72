@_spi(Internals) import ChainModel

/// Id → index maps and per-firm organization facts, built once per report.
///
/// Firms, organizations, chains and stages are numbered in the park's order. Stages are
/// numbered across the park (chain by chain, template order). Lists per firm or organization
/// are flat arrays with offsets (CSR).
///
/// - Complexity: O(firms + stage references + organizations + member references), with
///   hashing for the id lookups.
struct OrganizationIndex {
    let park: Park
    let firmCount: Int
    let orgCount: Int
    let firmIndex: [String: Int32]
    let orgIndex: [String: Int32]

    /// Global stage number → chain number, and the stages' ids and names.
    let stageChain: [Int32]
    let stageIds: [String]
    let stageNames: [String]
    /// First global stage number of each chain; `chainStageStart[c] ..< chainStageStart[c + 1]`.
    let chainStageStart: [Int32]

    /// Chains of each firm (from its stages and the chains it leads), ascending, unique.
    let firmChainOffsets: [Int32]
    let firmChainValues: [Int32]
    /// Stages of each firm, ascending global stage numbers, unique.
    let firmStageOffsets: [Int32]
    let firmStageValues: [Int32]

    /// Whether the firm has an organization (coverage rule, see docs/ORGS.md).
    let hasOrganization: [Bool]
    /// The firm's own branch or general branch, or -1.
    let ownOrganization: [Int32]
    /// A joint-branch or grid organization the firm belongs to, or -1.
    let jointOrganization: [Int32]

    /// Firms each organization stands for: its host firm, else its members and the firms
    /// whose `organization` names it (ascending, unique). Agencies stand for no firm.
    let orgFirmOffsets: [Int32]
    let orgFirmValues: [Int32]

    init(_ park: Park) {
        self.park = park
        let firms = park.firms
        let orgs = park.organizations
        firmCount = firms.count
        orgCount = orgs.count

        let firmIndex = park.resolution.firms.index
        var orgIndex = [String: Int32](minimumCapacity: orgs.count)
        for (i, o) in orgs.enumerated() where orgIndex[o.id] == nil { orgIndex[o.id] = Int32(i) }
        self.firmIndex = firmIndex
        self.orgIndex = orgIndex

        // Stages, numbered chain by chain.
        let table = StageTable(park)
        let chainIndex = table.chainIndex
        self.stageChain = table.stageChain
        self.stageIds = table.stages.map(\.id)
        self.stageNames = table.stages.map(\.name)
        self.chainStageStart = table.chainStageStart

        // Firm → stages and chains.
        let (stOff, stVal) = table.firmStages(firms)
        let (chOff, chVal) = StageTable.sortedUniqueLists(count: firms.count) { i, list in
            for k in Int(stOff[i])..<Int(stOff[i + 1]) { list.append(table.stageChain[Int(stVal[k])]) }
            for l in firms[i].leads { if let c = chainIndex[l] { list.append(c) } }
        }
        firmStageOffsets = stOff
        firmStageValues = stVal
        firmChainOffsets = chOff
        firmChainValues = chVal

        // Organization facts of each firm.
        var has = [Bool](repeating: false, count: firms.count)
        var own = [Int32](repeating: -1, count: firms.count)
        var joint = [Int32](repeating: -1, count: firms.count)
        // Pairs (org, firm) that the organization stands for.
        var pairs: [(Int32, Int32)] = []
        pairs.reserveCapacity(firms.count)
        for (o, org) in orgs.enumerated() {
            let oi = Int32(o)
            if let h = org.hostFirm, let f = firmIndex[h] {
                if org.kind.isFirmOwn {
                    has[Int(f)] = true
                    if own[Int(f)] < 0 { own[Int(f)] = oi }
                }
                if org.kind != .agency { pairs.append((oi, f)) }
            } else if org.kind != .agency {
                for m in org.members { if let f = firmIndex[m] { pairs.append((oi, f)) } }
            }
            if org.kind.isJoint {
                for m in org.members {
                    guard let f = firmIndex[m] else { continue }
                    has[Int(f)] = true
                    if joint[Int(f)] < 0 { joint[Int(f)] = oi }
                }
            }
        }
        for (i, f) in firms.enumerated() {
            guard let name = f.organization, let o = orgIndex[name] else { continue }
            let org = orgs[Int(o)]
            if org.kind.isFirmLevel { has[i] = true }
            if org.kind.isFirmOwn, org.hostFirm == nil || org.hostFirm == f.id {
                if own[i] < 0 { own[i] = o }
            }
            if org.kind.isJoint, joint[i] < 0 { joint[i] = o }
            if org.hostFirm == nil, org.kind != .agency { pairs.append((o, Int32(i))) }
        }
        hasOrganization = has
        ownOrganization = own
        jointOrganization = joint

        // Counting sort of (org, firm) pairs by org, then firm order and dedup.
        var off = [Int32](repeating: 0, count: orgs.count + 1)
        for (o, _) in pairs { off[Int(o) + 1] += 1 }
        for o in 0..<orgs.count { off[o + 1] += off[o] }
        var fill = off
        var vals = [Int32](repeating: 0, count: pairs.count)
        for (o, f) in pairs {
            vals[Int(fill[Int(o)])] = f
            fill[Int(o)] += 1
        }
        var outOff = [Int32](repeating: 0, count: orgs.count + 1)
        var outVal: [Int32] = []
        outVal.reserveCapacity(vals.count)
        for o in 0..<orgs.count {
            var slice = Array(vals[Int(off[o])..<Int(off[o + 1])])
            slice.sort()
            var last: Int32 = -1
            for f in slice where f != last { outVal.append(f); last = f }
            outOff[o + 1] = Int32(outVal.count)
        }
        orgFirmOffsets = outOff
        orgFirmValues = outVal
    }

    func chains(ofFirm f: Int) -> ArraySlice<Int32> {
        firmChainValues[Int(firmChainOffsets[f])..<Int(firmChainOffsets[f + 1])]
    }

    func stages(ofFirm f: Int) -> ArraySlice<Int32> {
        firmStageValues[Int(firmStageOffsets[f])..<Int(firmStageOffsets[f + 1])]
    }

    func firms(ofOrganization o: Int) -> ArraySlice<Int32> {
        orgFirmValues[Int(orgFirmOffsets[o])..<Int(orgFirmOffsets[o + 1])]
    }

    func partyMembers(_ f: Int) -> Int { park.firms[f].partyMembers ?? 0 }

    func firmRef(_ f: Int) -> OrganizationReport.FirmRef {
        OrganizationReport.FirmRef(id: park.firms[f].id, name: park.firms[f].name)
    }

    /// Firms of a pairing party: the firm itself, or the firms an organization stands for.
    func firms(ofParty id: String) -> ArraySlice<Int32> {
        if let f = firmIndex[id] { return [f][...] }
        if let o = orgIndex[id] { return firms(ofOrganization: Int(o)) }
        return []
    }

    /// Display name of a firm or organization id, or the id itself.
    func name(of id: String) -> String {
        if let f = firmIndex[id] { return park.firms[Int(f)].name }
        if let o = orgIndex[id] { return park.organizations[Int(o)].name }
        return id
    }
}

extension OrganizationKind {
    /// A firm's own organization: branch or general branch.
    var isFirmOwn: Bool { self == .branch || self == .generalBranch }
    /// A joint branch or a grid organization.
    var isJoint: Bool { self == .jointBranch || self == .grid }
    /// Kinds that give a firm an organization when its `organization` names them.
    var isFirmLevel: Bool { isFirmOwn || isJoint }
    /// Chain-wide organizations: committee or alliance.
    var isChainWide: Bool { self == .committee || self == .alliance }
}
