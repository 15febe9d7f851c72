/// Kind of a firm's need (诉求).
public enum NeedKind: String, Sendable, CaseIterable {
    /// An input to buy (upstream supply).
    case supply
    /// A capability to use (automation, mold design, testing, green power…).
    case capability
    case finance
    case talent
    case service
    case policy
}

/// Progress of a need.
public enum NeedStatus: String, Sendable, CaseIterable {
    case open
    case inProgress = "in-progress"
    case solved
}

/// A need a firm raised (企业吹哨), routed to a responder (部门响应).
public struct Need: Sendable, Equatable {
    public var id: String
    /// Firm id that raised the need.
    public var firm: String
    public var kind: NeedKind
    /// Tags describing what is needed, e.g. `["自动化", "automation"]`.
    public var tags: [String]
    /// Product needed (for supply needs).
    public var product: String?
    /// Size of the need, in the unit of the product or capability (e.g. units/month), if known.
    public var quantity: Double?
    /// The need in words.
    public var text: String?
    public var status: NeedStatus
    /// Who responds: an organization id, or the name of an agency.
    public var responder: String?
    /// The day the need was raised, ISO `yyyy-mm-dd` (validated: a real day, not after the
    /// park's data date). Nil when not known.
    public var raised: String?
    /// The day the need was solved, ISO `yyyy-mm-dd` (validated: not before ``raised``, not
    /// after the park's data date, only on a need whose status is solved). Nil when open or
    /// not known.
    public var solved: String?
    public var illustrative: Bool
    public var note: String?

    public init(
        id: String, firm: String, kind: NeedKind, tags: [String] = [], product: String? = nil,
        quantity: Double? = nil, text: String? = nil, status: NeedStatus = .open, responder: String? = nil,
        raised: String? = nil, solved: String? = nil, illustrative: Bool = false, note: String? = nil
    ) {
        self.id = id
        self.firm = firm
        self.kind = kind
        self.tags = tags
        self.product = product
        self.quantity = quantity
        self.text = text
        self.status = status
        self.responder = responder
        self.raised = raised
        self.solved = solved
        self.illustrative = illustrative
        self.note = note
    }
}

/// Progress of an action project (项目清单).
public enum ProjectStatus: String, Sendable, CaseIterable {
    case planned
    case underway
    case done
}

/// An entry of a department's resources list (资源清单, Wujin's second list): what an agency,
/// bank or organization can offer firms (a policy, a fund, a service, a facility), and the
/// needs it answers.
public struct DepartmentResource: Sendable, Equatable {
    public var id: String
    /// The resource in a few words, e.g. `技改专项资金`.
    public var name: String
    /// Who offers it: an organization id, or the name of an agency (as a need's responder).
    public var department: String?
    /// The kind of need it serves, if one.
    public var kind: NeedKind?
    /// Tags describing what it offers.
    public var tags: [String]
    /// Ids of the needs it answers.
    public var needs: [String]
    public var illustrative: Bool
    public var note: String?

    public init(
        id: String, name: String, department: String? = nil, kind: NeedKind? = nil, tags: [String] = [],
        needs: [String] = [], illustrative: Bool = false, note: String? = nil
    ) {
        self.id = id
        self.name = name
        self.department = department
        self.kind = kind
        self.tags = tags
        self.needs = needs
        self.illustrative = illustrative
        self.note = note
    }
}

/// An entry of the action-project list (项目清单, Wujin's third list): a project that works on
/// needs, with the resources it uses.
public struct ActionProject: Sendable, Equatable {
    public var id: String
    public var name: String
    /// The department or organization that leads it (an organization id or an agency's name).
    public var department: String?
    /// Ids of the needs it works on.
    public var needs: [String]
    /// Ids of the resources it uses.
    public var resources: [String]
    public var status: ProjectStatus
    public var illustrative: Bool
    public var note: String?

    public init(
        id: String, name: String, department: String? = nil, needs: [String] = [], resources: [String] = [],
        status: ProjectStatus = .planned, illustrative: Bool = false, note: String? = nil
    ) {
        self.id = id
        self.name = name
        self.department = department
        self.needs = needs
        self.resources = resources
        self.status = status
        self.illustrative = illustrative
        self.note = note
    }
}
