/// Settings of an ``OrganizationReport``.
///
/// ```swift
/// var options = OrganizationOptions()
/// options.threshold = 3            // 3 party members: a firm should have its own branch
/// options.denominator = .allInPark // coverage over every in-park firm
/// options.suggestJoint = true      // propose joint-branch groupings
/// let report = OrganizationReport(park: park, options: options)
/// ```
public struct OrganizationOptions: Sendable, Equatable, Encodable {
    /// Which firms a coverage rate counts in its denominator.
    public enum Denominator: String, Sendable, CaseIterable, Encodable {
        /// In-park firms with at least one party member (`partyMembers > 0`); firms with an
        /// unknown count are left out. The articles' "coverage of firms with party members".
        case partyMembers = "party-members"
        /// Every in-park firm.
        case allInPark = "all-in-park"
    }

    /// Denominator of the coverage rates. Default ``Denominator/partyMembers``.
    public var denominator: Denominator = .partyMembers
    /// Party members from which a firm should set up its own branch (单独组建). Default 3.
    /// Values below 1 are treated as 1.
    public var threshold: Int = 3
    /// Whether to propose joint-branch groupings for the firms that should join one.
    public var suggestJoint: Bool = false
    /// Most firms a proposed or existing joint branch should unite. Default 8.
    public var maxGroupFirms: Int = 8
    /// How many of the most valuable active links count as strong (primary links always do).
    /// Default 20.
    public var strongLinks: Int = 20
    /// Pairings from which a party counts as one-to-many. Default 5.
    public var oneToMany: Int = 5
    /// Entries kept in each list of firms, groups, pairings and needs (0: all). Default 0;
    /// ``OrganizationReport/totals`` keep the full counts.
    public var limit: Int = 0
    /// Days after which an unsolved need counts as overdue (`--overdue`). Default 30; values
    /// below 0 are treated as 0.
    public var overdueDays: Int = 30
    /// The part of the report to show (nil: all): people see that section, `--format csv`
    /// writes its table.
    public var section: OrganizationReport.Section?

    public init() {}

    private enum CodingKeys: String, CodingKey {
        case denominator, threshold, suggestJoint, maxGroupFirms, strongLinks, oneToMany, overdueDays, limit, section
    }

    /// The values as used (thresholds at their effective minimum).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(denominator, forKey: .denominator)
        try c.encode(effectiveThreshold, forKey: .threshold)
        try c.encode(suggestJoint, forKey: .suggestJoint)
        try c.encode(effectiveMaxGroupFirms, forKey: .maxGroupFirms)
        try c.encode(max(0, strongLinks), forKey: .strongLinks)
        try c.encode(max(1, oneToMany), forKey: .oneToMany)
        try c.encode(effectiveOverdueDays, forKey: .overdueDays)
        try c.encode(limit, forKey: .limit)
        try c.encodeIfPresent(section, forKey: .section)
    }

    /// The threshold as used: at least 1.
    public var effectiveThreshold: Int { max(1, threshold) }
    /// The overdue threshold as used: at least 0.
    public var effectiveOverdueDays: Int { max(0, overdueDays) }
    /// At least 2 firms per group.
    public var effectiveMaxGroupFirms: Int { max(2, maxGroupFirms) }
}
