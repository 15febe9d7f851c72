import ChainModel

/// A format data output can take (`--format`).
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Aligned text for people (the default).
    case table
    /// JSON for programs: the report's own structure.
    case json
    /// CSV (UTF-8 with BOM, CRLF) of the report's main table, for Excel and WPS.
    case csv
    /// Markdown, for notes and wikis.
    case markdown
    /// An Excel workbook: one sheet per section, typed cells (a binary format: write it to a
    /// file with `-o`).
    case xlsx

    /// Whether the format is binary (not for a terminal).
    public var isBinary: Bool { self == .xlsx }
}

/// A report ChainMap can print: a value that lays itself out as a ``Document`` for people
/// and encodes itself as JSON for programs.
public typealias Report = DocumentRepresentable & Encodable

/// Turns a report into the bytes of one format in one language: the single place where
/// reports become output.
public struct ReportRenderer: Sendable {
    public var format: OutputFormat
    public var catalog: Catalog

    public init(format: OutputFormat, language: Language) {
        self.format = format
        self.catalog = Catalog(language)
    }

    /// - Complexity: O(size of the report).
    public func render(_ report: some Report) throws(OutputError) -> [UInt8] {
        switch format {
        case .table: Array(TextRenderer(catalog).render(report.document()).utf8)
        case .json: try JSONRenderer(catalog).render(report)
        case .csv: CSVRenderer(catalog).render(report.document())
        case .markdown: Array(MarkdownRenderer(catalog).render(report.document()).utf8)
        case .xlsx: try XlsxRenderer(catalog).render(report.document())
        }
    }
}

/// Why a report could not be written in the requested format.
public enum OutputError: Error, Sendable, Equatable {
    /// The report holds a value the format cannot carry.
    case notRepresentable(String)
}
