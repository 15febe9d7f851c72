/// Kind of organization in the overlay.
public enum OrganizationKind: String, Sendable, CaseIterable {
    /// Chain party committee (产业链党委), spanning one or more chains.
    case committee
    /// Party-building alliance (党建联盟) along a chain.
    case alliance
    /// A firm's general branch (党总支) over several branches.
    case generalBranch = "general-branch"
    /// A firm's own branch (党支部, 单独组建).
    case branch
    /// A joint branch of several small firms (联合支部, 联合组建).
    case jointBranch = "joint-branch"
    /// A grid organization (网格党组织) that small firms join.
    case grid
    /// A government agency or institution (police, customs, a college, a bank).
    case agency
}

/// An organization: a chain committee, an alliance, a firm branch, a joint branch, a grid
/// organization, or an agency that takes part in pairings.
public struct Organization: Sendable, Equatable {
    public var id: String
    public var name: String
    public var kind: OrganizationKind
    /// Parent organization id (e.g. a branch under a general branch or a committee).
    public var parent: String?
    /// Firm that hosts the organization (for a firm's own branch).
    public var hostFirm: String?
    /// Member firm ids (for joint branches, alliances, committees).
    public var members: [String]
    /// Chain ids the organization spans (for committees and alliances).
    public var chains: [String]
    public var illustrative: Bool
    public var note: String?

    public init(
        id: String, name: String, kind: OrganizationKind, parent: String? = nil, hostFirm: String? = nil,
        members: [String] = [], chains: [String] = [], illustrative: Bool = false, note: String? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.parent = parent
        self.hostFirm = hostFirm
        self.members = members
        self.chains = chains
        self.illustrative = illustrative
        self.note = note
    }
}
