import ChainModel

/// Renders problems in the compiler form editors jump to — `file:line:column: error: field:
/// what is wrong. Hint: what to do` — with the words from the catalog where the problem has
/// them (`Diagnostic.text`). The severity keyword stays `error`/`warning` in every language,
/// so editors and scripts still find it.
public struct DiagnosticRenderer: Sendable {
    public let catalog: Catalog

    public init(_ catalog: Catalog) { self.catalog = catalog }

    /// One problem on one line. A problem without catalog words (`Diagnostic.text` nil: the
    /// loaders' messages not yet in the catalog) prints as its English `Diagnostic.description`.
    public func render(_ d: Diagnostic) -> String {
        guard d.text != nil else { return d.description }
        // The place, severity and field in the compiler form: `file:line:column: error: field: `
        // (`file:sheet!C12: …` in a workbook).
        var parts: [String] = []
        if !d.file.isEmpty { parts.append(d.location) }
        parts.append(d.severity.rawValue)
        if let field = d.field { parts.append(field) }
        var s = parts.joined(separator: ": ") + ": "
        s += d.text.map(catalog.render) ?? d.message
        if let hint = d.hintText.map(catalog.render) ?? d.hint {
            s += catalog.render(Message("diagnostic.hint", ["hint": .text(hint)]))
        }
        return s
    }

    /// Every problem of `error`, one per line, and a closing count when there are several.
    public func render(_ error: any ChainMapError) -> String {
        if let load = error as? ParkLoadError, load.diagnostics.allSatisfy({ $0.text == nil }) {
            return load.description + "\n"
        }
        let diagnostics = error.diagnostics
        var lines = diagnostics.map(render)
        let errors = diagnostics.filter { $0.severity == .error }.count
        if errors > 1 || diagnostics.count > 1 {
            lines.append(catalog.render(Message("diagnostic.summary", ["errors": .integer(errors)])))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
