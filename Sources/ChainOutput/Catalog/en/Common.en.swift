extension Catalog {
    /// Words every report uses.
    static let enCommon: [String: String] = [
        "list.separator": ", ",
        "list.more": " and {count} more",
        "diagnostic.hint": ". Hint: {hint}",
        "diagnostic.summary": "{errors} errors found; nothing was written.",
        "note.wrap": "({note})",
        "bool.true": "yes",
        "bool.false": "no",
        "table.more": "… and {count} more rows (--top 0 lists all)",
    ]
}
