import ChainModel

/// The catalog messages of the model's terms (`tier.upstream`, `orgKind.branch`, …).
extension Message {
    /// The term for a tier.
    public static func term(_ tier: Tier) -> Message { Message("tier." + tier.rawValue) }
    /// The term for a link status.
    public static func term(_ status: LinkStatus) -> Message { Message("linkStatus." + status.rawValue) }
    /// The term for an organization kind.
    public static func term(_ kind: OrganizationKind) -> Message { Message("orgKind." + kind.rawValue) }
    /// The term for a pairing kind.
    public static func term(_ kind: PairingKind) -> Message { Message("pairingKind." + kind.rawValue) }
    /// The term for a need kind.
    public static func term(_ kind: NeedKind) -> Message { Message("needKind." + kind.rawValue) }
    /// The term for a need status.
    public static func term(_ status: NeedStatus) -> Message { Message("needStatus." + status.rawValue) }
}
