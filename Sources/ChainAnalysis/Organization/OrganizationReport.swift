import ChainGraph
import ChainModel

/// The organization overlay of a park (党建引领产业链): double coverage (双覆盖) by park,
/// chain and stage; the firms that should build their own branch (应建尽建) or join a joint
/// one (联合组建) with proposed groupings; structure checks of the chain organizations;
/// pairings compared with business ties (结对共建); and the needs lists (三张清单).
///
/// The definitions of every rate and list are in `docs/ORGS.md`.
///
/// ```swift
/// let park = try ParkLoader.load(path: "samples/beilun-nev.json").park
/// let report = OrganizationReport(park: park)
/// print(report.coverage[0].organizationPercent)  // 70 (98 of 140 firms with party members)
/// ```
///
/// - Complexity: O(firms + links + organizations + member references + pairings + needs),
///   plus sorting the lists it returns.
public struct OrganizationReport: Sendable, Encodable {
    /// A firm as shown in lists: id and name.
    public struct FirmRef: Sendable, Equatable, Hashable, Encodable {
        public var id: String
        public var name: String
        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    public var parkId: String
    public var parkName: String
    public var options: OrganizationOptions

    /// Coverage rows: the park first, then each chain followed by its stages (template order).
    public var coverage: [CoverageRow]
    /// Firms that should set up their own branch (应建尽建), most party members first.
    public var shouldBuild: [BuildCandidate]
    /// Firms with 1 … threshold − 1 party members and no organization.
    public var shouldJoin: [JoinCandidate]
    /// Proposed joint-branch groupings for ``shouldJoin`` (empty unless
    /// ``OrganizationOptions/suggestJoint``).
    public var groups: [JointGroup]
    public var checks: StructureChecks
    public var pairings: PairingReview
    public var needs: NeedsSummary
    /// Entries of each list before ``OrganizationOptions/limit`` cut it, by list key
    /// (`shouldBuild`, `shouldJoin`, `groups`, `withoutBusiness`, `strongLinksWithoutPairing`,
    /// `oneToMany`, `byResponder`, `openWithoutResponder`).
    public var totals: [String: Int]

    /// Builds the report.
    ///
    /// - Complexity: O(firms + links + organizations + pairings + needs) expected (hashing),
    ///   plus O(k log k) sorting of each returned list of length k.
    public init(park: Park, options: OrganizationOptions = OrganizationOptions()) {
        let index = OrganizationIndex(park)
        parkId = park.id
        parkName = park.name
        self.options = options
        // The pairing review (a pass over every link) runs beside the other parts.
        let (review, parts) = Parallel.both(
            { Self.pairingReview(index, options) },
            {
                let join = Self.joinCandidates(index, options)
                return (
                    coverage: Self.coverageRows(index, options), build: Self.buildCandidates(index, options),
                    join: join,
                    groups: options.suggestJoint ? JointBranchPlanner(index: index, options: options).plan(join) : [],
                    checks: Self.structureChecks(index), needs: Self.needsSummary(index, options)
                )
            })
        pairings = review
        coverage = parts.coverage
        shouldBuild = parts.build
        shouldJoin = parts.join
        groups = parts.groups
        checks = parts.checks
        needs = parts.needs
        totals = [
            "shouldBuild": shouldBuild.count, "shouldJoin": shouldJoin.count, "groups": groups.count,
            "withoutBusiness": pairings.withoutBusiness.count,
            "strongLinksWithoutPairing": pairings.strongLinksWithoutPairing.count,
            "oneToMany": pairings.oneToMany.count, "byResponder": needs.byResponder.count,
            "openWithoutResponder": needs.openWithoutResponder.count, "openNeeds": needs.openNeeds.count,
            "resourcesWithoutNeed": needs.resourcesWithoutNeed.count,
            "needsWithoutAction": needs.needsWithoutAction.count,
        ]
        let limit = options.limit
        if limit > 0 {
            func cut<T>(_ list: inout [T]) { if list.count > limit { list.removeSubrange(limit...) } }
            cut(&shouldBuild)
            cut(&shouldJoin)
            cut(&groups)
            cut(&pairings.withoutBusiness)
            cut(&pairings.strongLinksWithoutPairing)
            cut(&pairings.oneToMany)
            cut(&needs.byResponder)
            cut(&needs.openWithoutResponder)
            cut(&needs.openNeeds)
            cut(&needs.resourcesWithoutNeed)
            cut(&needs.needsWithoutAction)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case park, name, options, coverage, shouldBuild, shouldJoin, groups, checks, pairings, needs, totals
    }

    /// Stable member names, lists in report order; `groups` only when proposed.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(parkId, forKey: .park)
        try c.encode(parkName, forKey: .name)
        try c.encode(options, forKey: .options)
        try c.encode(coverage, forKey: .coverage)
        try c.encode(shouldBuild, forKey: .shouldBuild)
        try c.encode(shouldJoin, forKey: .shouldJoin)
        if options.suggestJoint { try c.encode(groups, forKey: .groups) }
        try c.encode(checks, forKey: .checks)
        try c.encode(pairings, forKey: .pairings)
        try c.encode(needs, forKey: .needs)
        try c.encode(totals, forKey: .totals)
    }
}

extension OrganizationReport {
    /// A part of the report (`chainmap orgs --section`).
    public enum Section: String, Sendable, CaseIterable, Encodable {
        case coverage, build, join, groups, checks, pairings, needs
    }

    /// Where a coverage row applies.
    public enum Scope: String, Sendable, Encodable {
        case park, chain, stage
    }

    /// Organization and work coverage of one scope, with the counts behind the rates.
    public struct CoverageRow: Sendable, Equatable, Encodable {
        public var scope: Scope
        /// Chain id (chain and stage rows).
        public var chain: String?
        public var chainName: String?
        /// Stage id (stage rows).
        public var stage: String?
        public var stageName: String?
        /// Firms in the denominator (see ``OrganizationOptions/Denominator``).
        public var firms: Int
        /// Of those, firms with an organization.
        public var withOrganization: Int
        /// Of those, firms reached by organization work (`workCovered == true` or an
        /// organization).
        public var workCovered: Int
        /// Of those, firms without an organization whose `workCovered` is unknown (counted as
        /// not covered).
        public var workUnknown: Int
        /// In-park firms of the scope with their own branch or general branch (单独组建),
        /// whatever the denominator.
        public var standaloneFirms: Int
        /// Joint branches (kind `joint-branch`) with a member firm in the scope (联合组建).
        public var jointBranches: Int

        /// `withOrganization / firms`, nil when there are no firms.
        public var organizationRate: Double? { firms > 0 ? Double(withOrganization) / Double(firms) : nil }
        /// `workCovered / firms`, nil when there are no firms.
        public var workRate: Double? { firms > 0 ? Double(workCovered) / Double(firms) : nil }
        /// The organization rate in percent rounded to 2 decimals (85.16), nil when no firms.
        public var organizationPercent: Double? { organizationRate.map(OrganizationReport.percent) }
        /// The work rate in percent rounded to 2 decimals, nil when no firms.
        public var workPercent: Double? { workRate.map(OrganizationReport.percent) }

        private enum CodingKeys: String, CodingKey {
            case scope, chain, chainName, stage, stageName, firms, withOrganization, organizationPercent
            case workCovered, workPercent, workUnknown, standaloneFirms, jointBranches
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(scope, forKey: .scope)
            try c.encodeIfPresent(chain, forKey: .chain)
            try c.encodeIfPresent(chainName, forKey: .chainName)
            try c.encodeIfPresent(stage, forKey: .stage)
            try c.encodeIfPresent(stageName, forKey: .stageName)
            try c.encode(firms, forKey: .firms)
            try c.encode(withOrganization, forKey: .withOrganization)
            try c.encodeIfPresent(organizationPercent, forKey: .organizationPercent)
            try c.encode(workCovered, forKey: .workCovered)
            try c.encodeIfPresent(workPercent, forKey: .workPercent)
            try c.encode(workUnknown, forKey: .workUnknown)
            try c.encode(standaloneFirms, forKey: .standaloneFirms)
            try c.encode(jointBranches, forKey: .jointBranches)
        }
    }

    /// A firm that should set up its own branch.
    public struct BuildCandidate: Sendable, Equatable, Encodable {
        public var firm: FirmRef
        public var partyMembers: Int
        public var chainLeader: Bool
        public var output: Double?
        /// Chain ids of the firm.
        public var chains: [String]
        /// The organization it belongs to now (a joint branch, a grid, another firm's branch),
        /// if any.
        public var currentOrganization: String?
    }

    /// A firm that should join a joint branch.
    public struct JoinCandidate: Sendable, Equatable, Encodable {
        public var firm: FirmRef
        public var partyMembers: Int
        /// Its first chain (park order) and its first stage in that chain, if any.
        public var chain: String?
        public var stage: String?
        public var zone: String?
    }

    /// A proposed joint-branch grouping.
    public struct JointGroup: Sendable, Equatable, Encodable {
        /// 1-based number in the list.
        public var number: Int
        public var chain: String?
        public var stage: String?
        /// The zone when all firms of the group share it.
        public var zone: String?
        /// The firms proposed (candidates only; the existing organization's firms are not
        /// listed).
        public var firms: [FirmRef]
        /// Party members of the proposed firms.
        public var partyMembers: Int
        /// The existing joint-branch or grid organization to join, if any.
        public var existing: String?
        /// Party members including the existing organization's firms.
        public var totalPartyMembers: Int
        /// Whether ``totalPartyMembers`` reaches the threshold.
        public var reachesThreshold: Bool
        /// How the group came about.
        public var basis: Basis
        /// Firms merged in from the nearest stage of the same chain with a group (their own
        /// stage had too few party members for a group), also listed in ``firms``.
        public var merged: [FirmRef]
        /// Why these firms go together (`orgs.group.*`).
        public var reason: Message

        /// How a group came about.
        public enum Basis: String, Sendable, Encodable {
            /// Joins an existing joint organization with firms of the same stage.
            case existingSameStage = "existing-same-stage"
            /// Joins an existing joint organization with firms of the same chain (leftovers).
            case existingSameChain = "existing-same-chain"
            /// Joins an existing joint organization with firms of the same zone (leftovers).
            case existingSameZone = "existing-same-zone"
            /// A new group of one stage.
            case stage
            /// A chain's leftovers pooled.
            case pool
        }
    }

    /// Checks of the chain organizations.
    public struct StructureChecks: Sendable, Equatable, Encodable {
        /// Each chain with its committees and alliances (empty: the chain has none).
        public var chainOrganizations: [ChainOrganizations]
        /// Each chain leader of each chain it leads, and whether its organization sits in the
        /// chain's committee or alliance.
        public var leaders: [LeaderPlacement]
        /// Stages with in-park firms that no organization reaches.
        public var unreachedStages: [UnreachedStage]
        /// Organizations whose `chains` do not match their member firms' chains.
        public var mismatches: [ChainMismatch]
    }

    public struct ChainOrganizations: Sendable, Equatable, Encodable {
        public var chain: String
        public var chainName: String
        /// Ids of the committees and alliances whose `chains` contain the chain.
        public var organizations: [String]
    }

    public struct LeaderPlacement: Sendable, Equatable, Encodable {
        public var chain: String
        public var firm: FirmRef
        /// Whether the leader sits in one of the chain's committees or alliances.
        public var placed: Bool
        /// How, or why not.
        public var placement: Placement
        /// The organizations involved: the committee or alliance it is a member of, the path
        /// from its own organization up to the chain's (`B → … → X`), or, when not placed, its
        /// first organization (if any) followed by the chain's committees and alliances.
        public var organizations: [String]
        /// The same as a sentence (`orgs.leader.*`).
        public var detail: Message

        public enum Placement: String, Sendable, Encodable {
            /// A member of the chain's committee or alliance.
            case member
            /// Its organization leads up to the chain's committee or alliance.
            case path
            /// The chain has no committee or alliance.
            case noChainOrganization = "no-chain-organization"
            /// No organization of its own and not a member.
            case noOrganization = "no-organization"
            /// Its organization does not lead to the chain's and it is not a member.
            case notLinked = "not-linked"
        }
    }

    public struct UnreachedStage: Sendable, Equatable, Encodable {
        public var chain: String
        public var stage: String
        public var stageName: String
        /// In-park firms of the stage.
        public var firms: Int
    }

    public struct ChainMismatch: Sendable, Equatable, Encodable {
        public var organization: String
        public var name: String
        /// The organization's `chains`.
        public var chains: [String]
        /// Member firms the organization stands for.
        public var memberFirms: Int
        /// Members whose chains share none of the organization's chains (firms without any
        /// chain are not counted).
        public var offChain: [OffChainMember]
    }

    public struct OffChainMember: Sendable, Equatable, Encodable {
        public var firm: FirmRef
        public var chains: [String]
    }

    /// Pairings compared with supply links and needs.
    public struct PairingReview: Sendable, Equatable, Encodable {
        /// Pairings whose two sides both stand for firms (compared).
        public var compared: Int
        /// Pairings with a side that stands for no firm (an agency, an organization without
        /// host or members): not compared.
        public var notCompared: Int
        /// Compared pairings with no supply link and no shared need between their firms
        /// (candidates for matchmaking 供需对接).
        public var withoutBusiness: [PairingFinding]
        /// Strong links (primary, or among the most valuable) between in-park firms with no pairing
        /// between them or their organizations (candidates for 结对共建).
        public var strongLinksWithoutPairing: [LinkFinding]
        /// Parties with at least ``OrganizationOptions/oneToMany`` pairings.
        public var oneToMany: [PartySummary]
    }

    public struct PairingFinding: Sendable, Equatable, Encodable {
        /// Position of the pairing in the park.
        public var index: Int
        public var id: String?
        public var a: String
        public var aName: String
        public var b: String
        public var bName: String
        public var kind: PairingKind
    }

    public struct LinkFinding: Sendable, Equatable, Encodable {
        /// Position of the link in the park.
        public var index: Int
        public var id: String?
        public var supplier: FirmRef
        public var buyer: FirmRef
        public var product: String?
        public var value: Double?
        public var primary: Bool
    }

    public struct PartySummary: Sendable, Equatable, Encodable {
        public var party: String
        public var name: String
        /// Whether the party is a firm (else an organization).
        public var isFirm: Bool
        public var pairings: Int
        /// Pairings by kind, in `PairingKind` order, kinds with none left out.
        public var byKind: [KindCount]
        /// Distinct outcomes, in pairing order.
        public var outcomes: [String]
    }

    public struct KindCount: Sendable, Equatable, Encodable {
        public var kind: PairingKind
        public var count: Int
    }

    /// The needs list (三张清单: needs), counted and aged, with the resources and project lists
    /// checked against it.
    public struct NeedsSummary: Sendable, Equatable, Encodable {
        /// The day ages are counted to: the last day the park's data date covers (`2024-03` →
        /// `2024-03-31`); nil when the data date is not a date (no ages then).
        public var asOf: String?
        /// An unsolved need older than this many days is overdue (`--overdue`).
        public var overdueDays: Int
        public var total: NeedRow
        /// Firms that raised at least one need.
        public var firmsWithNeeds: Int
        /// By kind, in `NeedKind` order (kinds with none left out).
        public var byKind: [NeedRow]
        /// By chain of the firm that raised it (a need counts once in each chain of its firm;
        /// firms without chain under `(none)`), park chain order.
        public var byChain: [NeedRow]
        /// By responder (`(none)` when absent), most needs first, then by key.
        public var byResponder: [NeedRow]
        /// Open needs with no responder.
        public var openWithoutResponder: [NeedRef]
        /// Unsolved (open and in-progress) needs with their age, oldest first; undated ones
        /// last, by id.
        public var openNeeds: [AgedNeed]
        /// Unsolved needs older than ``overdueDays`` (all of them, whatever the limit).
        public var overdue: Int
        /// Unsolved needs without a raised date (or without a data date to age them to).
        public var undatedOpen: Int
        /// Records in the resources list and the project list.
        public var resources: Int
        public var projects: Int
        /// Resources that answer no need: they list none, and no project that uses them
        /// works on a need. Resource order.
        public var resourcesWithoutNeed: [ResourceRef]
        /// Unsolved needs that no resource and no project names. Need order.
        public var needsWithoutAction: [NeedRef]
    }

    public struct NeedRow: Sendable, Equatable, Encodable {
        /// Kind, chain id, responder, `all`, or `(none)` (firms without chain, needs without
        /// responder).
        public var key: String
        /// The chain's or the responder's name; nil for the total, kinds and `(none)`.
        public var name: String?
        public var open: Int
        public var inProgress: Int
        public var solved: Int
        /// Unsolved needs older than the overdue threshold.
        public var overdue: Int = 0
        /// Age in days of the oldest unsolved dated need; nil when none.
        public var oldestOpenDays: Int?
        /// Solved needs with both dates (those the median counts).
        public var solvedWithDates: Int = 0
        /// Median days from raised to solved over ``solvedWithDates`` needs; nil when none.
        public var medianDaysToSolve: Double?
        /// Position of this row's days-to-solve while counting.
        var slot: Int = 0
        public var total: Int { open + inProgress + solved }
        /// `solved / total`, nil when there are none.
        public var solvedRate: Double? { total > 0 ? Double(solved) / Double(total) : nil }
        public var solvedPercent: Double? { solvedRate.map(OrganizationReport.percent) }

        init(key: String, name: String?, open: Int, inProgress: Int, solved: Int, slot: Int = 0) {
            self.key = key
            self.name = name
            self.open = open
            self.inProgress = inProgress
            self.solved = solved
            self.slot = slot
        }

        private enum CodingKeys: String, CodingKey {
            case key, name, open, inProgress, solved, total, solvedPercent, overdue, oldestOpenDays, solvedWithDates,
                medianDaysToSolve
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(key, forKey: .key)
            try c.encodeIfPresent(name, forKey: .name)
            try c.encode(open, forKey: .open)
            try c.encode(inProgress, forKey: .inProgress)
            try c.encode(solved, forKey: .solved)
            try c.encode(total, forKey: .total)
            try c.encodeIfPresent(solvedPercent, forKey: .solvedPercent)
            try c.encode(overdue, forKey: .overdue)
            try c.encodeIfPresent(oldestOpenDays, forKey: .oldestOpenDays)
            try c.encode(solvedWithDates, forKey: .solvedWithDates)
            try c.encodeIfPresent(medianDaysToSolve, forKey: .medianDaysToSolve)
        }

        public static func == (a: NeedRow, b: NeedRow) -> Bool {
            a.key == b.key && a.name == b.name && a.open == b.open && a.inProgress == b.inProgress
                && a.solved == b.solved
                && a.overdue == b.overdue && a.oldestOpenDays == b.oldestOpenDays
                && a.solvedWithDates == b.solvedWithDates
                && a.medianDaysToSolve == b.medianDaysToSolve
        }
    }

    public struct NeedRef: Sendable, Equatable, Encodable {
        public var id: String
        public var firm: FirmRef
        public var kind: NeedKind
        public var text: String?
    }

    /// An unsolved need and its age at the data date.
    public struct AgedNeed: Sendable, Equatable, Encodable {
        public var id: String
        public var firm: FirmRef
        public var kind: NeedKind
        public var status: NeedStatus
        public var responder: String?
        /// The responder's name (an organization's or firm's; the text itself otherwise).
        public var responderName: String?
        /// `yyyy-mm-dd`, nil when not known.
        public var raised: String?
        /// Days from raised to the data date; nil when either is not known.
        public var ageDays: Int?
        /// Older than the overdue threshold.
        public var overdue: Bool
        public var text: String?
    }

    /// A record of the resources list.
    public struct ResourceRef: Sendable, Equatable, Encodable {
        public var id: String
        public var name: String
        public var department: String?
    }

    /// A fraction as a percentage rounded to 2 decimals: 0.8515625 → 85.16.
    public static func percent(_ fraction: Double) -> Double {
        (fraction * 10000).rounded() / 100
    }
}
