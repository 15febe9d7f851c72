/// Kind of pairing between two parties.
public enum PairingKind: String, Sendable, CaseIterable {
    /// Paired co-building (结对共建).
    case coBuilding = "co-building"
    /// Regional joint building (区域联建).
    case regionalJoint = "regional-joint"
    /// Head-led building (头部带建): a lead firm's organization sponsors a smaller one.
    case headLed = "head-led"
    /// Branch pairing (支部结对).
    case branch
    /// R&D pairing (研发结对).
    case rnd
    /// Purchasing–sales pairing (购销结对).
    case purchasingSales = "purchasing-sales"
    /// A service pairing, e.g. with a bank or the power utility.
    case service
}

/// A pairing between two parties, each an organization or a firm (ids resolve to either).
public struct Pairing: Sendable, Equatable {
    public var id: String?
    /// First party: organization or firm id.
    public var a: String
    /// Second party: organization or firm id.
    public var b: String
    public var kind: PairingKind
    /// Since when, free text such as `2023` or `2023-05`.
    public var since: String?
    /// Outcome in words, e.g. `16 shared technical problems solved`.
    public var outcome: String?
    public var illustrative: Bool
    public var note: String?

    public init(
        id: String? = nil, a: String, b: String, kind: PairingKind, since: String? = nil, outcome: String? = nil,
        illustrative: Bool = false, note: String? = nil
    ) {
        self.id = id
        self.a = a
        self.b = b
        self.kind = kind
        self.since = since
        self.outcome = outcome
        self.illustrative = illustrative
        self.note = note
    }
}
