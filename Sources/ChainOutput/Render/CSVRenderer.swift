import ChainModel

/// Renders a table as CSV that Excel and WPS open correctly on a Chinese Windows machine:
/// UTF-8 with a byte-order mark, CRLF line ends, RFC 4180 quoting; the header row holds the
/// columns' machine keys, cells hold machine values (yuan, fractions, `true`/`false`).
public struct CSVRenderer: Sendable {
    public let catalog: Catalog

    public init(_ catalog: Catalog) { self.catalog = catalog }

    /// The document's main table (``Document/mainTable``); an empty file (BOM only) when the
    /// document has no table.
    public func render(_ document: Document) -> [UInt8] {
        guard let table = document.mainTable else { return Self.bom }
        return render(table)
    }

    /// - Complexity: O(size of the table).
    public func render(_ table: Table) -> [UInt8] {
        let table = table.columns(for: .programs)
        var out = Self.bom
        out.reserveCapacity(64 * (table.rows.count + 1))
        appendRow(table.columns.map(\.key), to: &out)
        for row in table.rows {
            appendRow(row.map { $0.machineText(catalog) }, to: &out)
        }
        return out
    }

    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    private func appendRow(_ fields: [String], to out: inout [UInt8]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            Self.appendField(field, to: &out)
        }
        out.append(contentsOf: [0x0D, 0x0A])
    }

    /// One field, quoted when it holds a comma, a quote, a line end, or leading/trailing
    /// spaces; quotes doubled.
    static func appendField(_ field: String, to out: inout [UInt8]) {
        let needsQuotes =
            field.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            || field.first == " " || field.last == " "
        guard needsQuotes else {
            out.append(contentsOf: field.utf8)
            return
        }
        out.append(UInt8(ascii: "\""))
        for b in field.utf8 {
            if b == UInt8(ascii: "\"") { out.append(b) }
            out.append(b)
        }
        out.append(UInt8(ascii: "\""))
    }
}
