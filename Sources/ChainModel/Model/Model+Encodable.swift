// The model's enumerations encode as their raw values, the same identifiers the park formats
// use, so reports can carry them as machine keys.
extension Tier: Encodable {}
extension LinkStatus: Encodable {}
extension OrganizationKind: Encodable {}
extension PairingKind: Encodable {}
extension NeedKind: Encodable {}
extension NeedStatus: Encodable {}
extension ProjectStatus: Encodable {}
