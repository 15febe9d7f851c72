import ChainModel

/// Renders a ``Document`` as Markdown: `#` title, `##` sections, pipe tables.
public struct MarkdownRenderer: Sendable {
    public let catalog: Catalog

    public init(_ catalog: Catalog) { self.catalog = catalog }

    /// - Complexity: O(size of the document).
    public func render(_ document: Document) -> String {
        var out = "# " + escape(catalog.render(document.title)) + "\n"
        for section in document.sections {
            out += "\n## " + escape(catalog.render(section.title)) + "\n\n"
            for block in section.blocks {
                switch block {
                case .paragraph(let m): out += escape(catalog.render(m)) + "\n\n"
                case .note(let m): out += "*" + escape(catalog.render(m)) + "*\n\n"
                case .facts(let facts):
                    for f in facts {
                        out += "- " + escape(catalog.render(f.label)) + ": " + escape(f.value.text(catalog)) + "\n"
                    }
                    out += "\n"
                case .table(let table) where table.audience != .programs:
                    let table = table.columns(for: .people)
                    out +=
                        "| " + table.columns.map { cellText(catalog.render($0.title)) }.joined(separator: " | ")
                        + " |\n"
                    out += "|" + table.columns.map { $0.isNumeric ? " ---: |" : " --- |" }.joined() + "\n"
                    for row in table.rows {
                        out += "| " + row.map { cellText($0.text(catalog)) }.joined(separator: " | ") + " |\n"
                    }
                    if table.omittedRows > 0 {
                        out +=
                            "\n" + escape(catalog.render(Message("table.more", ["count": .integer(table.omittedRows)])))
                            + "\n"
                    }
                    out += "\n"
                case .table: break
                }
            }
        }
        return out
    }

    /// Text safe in a Markdown paragraph: the characters that start markup are escaped.
    private func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            if "\\`*_[]<>|#".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    /// Text safe in a table cell: also no line breaks.
    private func cellText(_ s: String) -> String {
        escape(s).replacingLineBreaks()
    }
}

extension String {
    fileprivate func replacingLineBreaks() -> String {
        String(map { $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
