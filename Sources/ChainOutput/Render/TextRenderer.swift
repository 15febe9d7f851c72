import ChainModel

/// Renders a ``Document`` as plain text for a terminal or a printout: the title, then each
/// section's heading, facts, paragraphs and aligned tables (Chinese text counts two columns).
public struct TextRenderer: Sendable {
    public let catalog: Catalog

    public init(_ catalog: Catalog) { self.catalog = catalog }

    /// - Complexity: O(size of the document).
    public func render(_ document: Document) -> String {
        var out = catalog.render(document.title) + "\n"
        for section in document.sections {
            out += "\n" + catalog.render(section.title) + "\n"
            for block in section.blocks {
                switch block {
                case .paragraph(let m): out += catalog.render(m) + "\n"
                case .note(let m): out += catalog.render(Message("note.wrap", ["note": .message(m)])) + "\n"
                case .facts(let facts): out += render(facts)
                case .table(let table) where table.audience != .programs: out += render(table)
                case .table: break
                }
            }
        }
        return out
    }

    /// Facts as `label  value` lines with the values aligned.
    public func render(_ facts: [Fact]) -> String {
        let labels = facts.map { catalog.render($0.label) }
        let width = labels.map(displayWidth).max() ?? 0
        var out = ""
        for (label, fact) in zip(labels, facts) {
            out +=
                label + String(repeating: " ", count: width - displayWidth(label) + 2) + fact.value.text(catalog) + "\n"
        }
        return out
    }

    /// A table with a header, a rule and right-aligned numbers.
    public func render(_ table: Table) -> String {
        let table = table.columns(for: .people)
        let header = table.columns.map { catalog.render($0.title) }
        let rows = table.rows.map { $0.map { $0.text(catalog) } }
        var widths = header.map(displayWidth)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], displayWidth(cell))
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, width) in widths.enumerated() {
                let cell = i < cells.count ? cells[i] : ""
                let pad = String(repeating: " ", count: max(0, width - displayWidth(cell)))
                parts.append(table.columns[i].isNumeric ? pad + cell : cell + pad)
            }
            var s = parts.joined(separator: "  ")
            while s.last == " " { s.removeLast() }
            return s
        }
        var out = line(header) + "\n"
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows { out += line(row) + "\n" }
        if table.omittedRows > 0 {
            out += catalog.render(Message("table.more", ["count": .integer(table.omittedRows)])) + "\n"
        }
        return out
    }
}
