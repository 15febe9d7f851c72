/// `chainmap validate`: whether a park loads, with every problem found in it.
public struct ValidationReport: Sendable, Encodable {
    /// The park as the user named it.
    public var park: String
    /// False when there are errors (or warnings, under `strict`).
    public var valid: Bool
    public var errors: Int
    public var warnings: Int
    /// What the park holds, when it loaded.
    public var firms: Int?
    public var links: Int?
    public var organizations: Int?
    public var pairings: Int?
    public var needs: Int?
    /// Every problem, errors first, each group in file and line order.
    public var problems: [Diagnostic]

    /// Loads the park and collects every problem; `name` is how messages name the park.
    ///
    /// - Complexity: that of loading and validating the park.
    public init(_ source: ParkSource, name: String, strict: Bool = false) {
        park = name
        do {
            let loaded = try source.load()
            problems = loaded.warnings
            firms = loaded.park.firms.count
            links = loaded.park.links.count
            organizations = loaded.park.organizations.count
            pairings = loaded.park.pairings.count
            needs = loaded.park.needs.count
        } catch {
            problems = error.diagnostics
        }
        errors = problems.filter { $0.severity == .error }.count
        warnings = problems.count - errors
        valid = errors == 0 && firms != nil && !(strict && warnings > 0)
    }
}

extension Diagnostic.Severity: Encodable {}

extension Diagnostic: Encodable {
    private enum CodingKeys: String, CodingKey {
        case severity, file, sheet, line, column, field, message, hint, text, hintText
    }

    /// `severity`, `file`, `sheet` (workbooks: then `line` is the sheet's row and `column`
    /// its 1-based column), `line`, `column`, `field`, `message`, `hint` (English), and the
    /// catalog messages `text` and `hintText` when the problem has them.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(severity, forKey: .severity)
        try c.encode(file, forKey: .file)
        try c.encodeIfPresent(sheet, forKey: .sheet)
        try c.encodeIfPresent(line, forKey: .line)
        try c.encodeIfPresent(column, forKey: .column)
        try c.encodeIfPresent(field, forKey: .field)
        try c.encode(message, forKey: .message)
        try c.encodeIfPresent(hint, forKey: .hint)
        try c.encodeIfPresent(text, forKey: .text)
        try c.encodeIfPresent(hintText, forKey: .hintText)
    }
}
