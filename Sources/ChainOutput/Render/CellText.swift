import ChainModel

extension Cell {
    /// The cell as people read it: money in 万/亿, shares as percentages, messages in the
    /// catalog's language.
    func text(_ catalog: Catalog) -> String {
        switch self {
        case .text(let s): s
        case .message(let m), .term(_, let m): catalog.render(m)
        case .integer(let n): Quantity.integer(n, catalog.language)
        case .number(let d, let digits): Quantity.decimal(d, digits: digits)
        case .money(let d): Quantity.money(d, catalog.language)
        case .percent(let d): Quantity.percent(d)
        case .bool(let b): catalog.render(Message(b ? "bool.true" : "bool.false"))
        case .empty: ""
        }
    }

    /// The cell for programs (CSV): full precision, yuan, fractions, `true`/`false`; messages
    /// in the catalog's language.
    func machineText(_ catalog: Catalog) -> String {
        switch self {
        case .text(let s): s
        case .message(let m): catalog.render(m)
        case .term(let key, _): key
        case .integer(let n): String(n)
        case .number(let d, _), .money(let d), .percent(let d): Self.shortest(d)
        case .bool(let b): b ? "true" : "false"
        case .empty: ""
        }
    }

    /// The shortest text that reads back to the same `Double`; integers without `.0`.
    static func shortest(_ d: Double) -> String {
        guard d.isFinite else { return "" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }
}
