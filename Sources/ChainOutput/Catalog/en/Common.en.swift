extension Catalog {
    /// Words every report uses.
    static let enCommon: [String: String] = [
        "list.separator": ", ",
        "list.more": " and {count} more",
        "diagnostic.hint": ". Hint: {hint}",
        "diagnostic.summary": "{errors} errors found; nothing was written.",
        "note.wrap": "({note})",
        "xlsx.sheet.data": "data",
        "xlsx.omitted": "… and {count} more rows",
        "xlsx.moneyColumn": "{title} (10k RMB)",
        "xlsx.error.create": "cannot create the Excel file {path}",
        "xlsx.error.write": "cannot write the Excel file {path}: {reason}",
        "bool.true": "yes",
        "bool.false": "no",
        "table.more": "… and {count} more rows (--top 0 lists all)",
    ]
}
