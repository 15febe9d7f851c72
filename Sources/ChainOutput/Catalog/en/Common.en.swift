extension Catalog {
    /// Words every report uses.
    static let enCommon: [String: String] = [
        "list.separator": ", ",
        "list.more": " and {count} more",
        "bool.true": "yes",
        "bool.false": "no",
        "table.more": "… and {count} more rows (--top 0 lists all)",
    ]
}
