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
    public var illustrative: Bool
    public var note: String?

    public init(
        id: String, firm: String, kind: NeedKind, tags: [String] = [], product: String? = nil,
        quantity: Double? = nil, text: String? = nil, status: NeedStatus = .open, responder: String? = nil,
        illustrative: Bool = false, note: String? = nil
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
        self.illustrative = illustrative
        self.note = note
    }
}
