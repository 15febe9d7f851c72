/// A report whose CSV is another of its tables than the usual main one (`--section cut`):
/// the same JSON, the same layout, ``Document/primaryTable`` set to `table`.
public struct MainTable<Wrapped: Report>: Report {
    public var report: Wrapped
    /// The key of the table `--format csv` writes.
    public var table: String

    public init(_ report: Wrapped, table: String) {
        self.report = report
        self.table = table
    }

    public func document() -> Document {
        var d = report.document()
        d.primaryTable = table
        return d
    }

    public func encode(to encoder: any Encoder) throws { try report.encode(to: encoder) }
}
