/// Status of a supply link.
public enum LinkStatus: String, Sendable, CaseIterable {
    /// Supplying now.
    case active
    /// Agreed or under negotiation, not yet supplying.
    case planned
    /// Used to supply, no longer does (a broken link).
    case lost
}

/// A supply relationship (配套): `supplier` delivers `product` to `buyer`.
public struct SupplyLink: Sendable, Equatable {
    /// Optional link id (for references from findings and overlays).
    public var id: String?
    /// Supplier firm id.
    public var supplier: String
    /// Buyer firm id.
    public var buyer: String
    /// What is supplied, e.g. `液压油缸`.
    public var product: String?
    /// Annual value, RMB.
    public var value: Double?
    /// Share of the buyer's need for this product covered by this supplier, 0–1.
    public var share: Double?
    public var status: LinkStatus
    /// Whether the link is local sourcing (就近配套, both firms in the park). When nil, derived
    /// from the firms' ``Firm/inPark``.
    public var local: Bool?
    /// True for a primary supporting supplier (主配套).
    public var primary: Bool
    public var illustrative: Bool
    public var note: String?

    public init(
        id: String? = nil, supplier: String, buyer: String, product: String? = nil, value: Double? = nil,
        share: Double? = nil, status: LinkStatus = .active, local: Bool? = nil, primary: Bool = false,
        illustrative: Bool = false, note: String? = nil
    ) {
        self.id = id
        self.supplier = supplier
        self.buyer = buyer
        self.product = product
        self.value = value
        self.share = share
        self.status = status
        self.local = local
        self.primary = primary
        self.illustrative = illustrative
        self.note = note
    }
}
