import ChainModel

/// A report laid out for people, independent of format and language: a title, sections,
/// and in each section paragraphs, facts and tables whose text is `Message` values.
///
/// Every analysis report converts to a document (``DocumentRepresentable``); the renderers
/// (``TextRenderer``, ``CSVRenderer``, ``MarkdownRenderer``, and the xlsx and HTML writers)
/// turn any document into their format in any ``Language``. JSON is written from the report
/// value itself (``JSONRenderer``), so programs get structured fields, not layout.
public struct Document: Sendable {
    /// The report's title, e.g. 产业链缺口 — 宁波北仑新能源汽车产业链.
    public var title: Message
    /// Sections in reading order.
    public var sections: [Section]
    /// The key of the table `--format csv` writes (the report's main table); nil: the first.
    public var primaryTable: String?
    /// A table for programs and spreadsheets only, too long to print (one row per node): when
    /// present, `--format csv` writes it, and a workbook gets it as a sheet of its own.
    public var dataTable: Table?

    public init(title: Message, sections: [Section], primaryTable: String? = nil, dataTable: Table? = nil) {
        self.title = title
        self.sections = sections
        self.primaryTable = primaryTable
        self.dataTable = dataTable
    }

    /// Every table, in reading order.
    public var tables: [Table] {
        sections.flatMap { $0.blocks.compactMap { if case .table(let t) = $0 { t } else { nil } } }
    }

    /// The table `--format csv` writes: ``dataTable``, else ``primaryTable``, else the first.
    public var mainTable: Table? {
        if let dataTable { return dataTable }
        let all = tables
        if let key = primaryTable, let t = all.first(where: { $0.key == key }) { return t }
        return all.first
    }
}

/// One section of a document: a heading and its blocks. Sections become sheets in a
/// workbook and `<section>`s in the HTML report.
public struct Section: Sendable {
    /// A stable identifier (`findings`, `stages`), used for sheet order, anchors and `--section`.
    public var key: String
    public var title: Message
    public var blocks: [Block]

    public init(key: String, title: Message, blocks: [Block]) {
        self.key = key
        self.title = title
        self.blocks = blocks
    }
}

/// A piece of a section.
public enum Block: Sendable {
    /// A sentence or a short paragraph.
    case paragraph(Message)
    /// Labelled values, one per line: 园区内企业 194.
    case facts([Fact])
    /// A table.
    case table(Table)
    /// A note in smaller print: how the numbers were obtained, what was left out.
    case note(Message)
}

/// A labelled value of a ``Block/facts(_:)`` block.
public struct Fact: Sendable {
    /// A stable identifier, e.g. `firmsInPark`.
    public var key: String
    public var label: Message
    public var value: Cell

    public init(_ key: String, _ label: Message, _ value: Cell) {
        self.key = key
        self.label = label
        self.value = value
    }
}

/// A table: typed columns and rows of cells.
public struct Table: Sendable {
    /// A stable identifier, e.g. `findings`.
    public var key: String
    public var columns: [Column]
    public var rows: [[Cell]]
    /// Rows left out of ``rows`` (e.g. beyond `--top`), reported under the table.
    public var omittedRows: Int
    /// Who reads the table: ``Column/Audience/programs`` for a CSV-only table (the same
    /// facts as tables people read, in one machine shape), never printed as text.
    public var audience: Column.Audience

    public init(
        key: String, columns: [Column], rows: [[Cell]] = [], omittedRows: Int = 0, audience: Column.Audience = .all
    ) {
        self.key = key
        self.columns = columns
        self.rows = rows
        self.omittedRows = omittedRows
        self.audience = audience
    }
}

/// A column: its machine key (the CSV header), its title for people, and the kind of its
/// values (which sets alignment and the number format in a workbook).
public struct Column: Sendable {
    public enum Kind: Sendable {
        case text, integer, number, money, percent, bool
    }

    /// Who reads a column. Most columns serve both; a report can give people a readable
    /// column (`3 家企业`, a place as one phrase, sentences shown under the table) and programs
    /// the same facts as separate machine columns (`3`, `firms`, ids).
    public enum Audience: Sendable {
        /// Every format.
        case all
        /// Text and Markdown only.
        case people
        /// CSV (and workbooks) only.
        case programs
    }

    public var key: String
    public var title: Message
    public var kind: Kind
    public var audience: Audience

    public init(_ key: String, _ title: Message, _ kind: Kind = .text, audience: Audience = .all) {
        self.key = key
        self.title = title
        self.kind = kind
        self.audience = audience
    }

    /// Whether the column is right-aligned in a text table.
    public var isNumeric: Bool { kind != .text && kind != .bool }
}

extension Table {
    /// The table with only the columns for `audience` (``Column/Audience/people`` or
    /// ``Column/Audience/programs``) and the matching cells of each row.
    public func columns(for audience: Column.Audience) -> Table {
        let keep = columns.indices.filter { columns[$0].audience == .all || columns[$0].audience == audience }
        if keep.count == columns.count { return self }
        return Table(
            key: key, columns: keep.map { columns[$0] },
            rows: rows.map { row in keep.map { $0 < row.count ? row[$0] : .empty } }, omittedRows: omittedRows,
            audience: self.audience)
    }
}

/// One value of a table or fact.
public enum Cell: Sendable, Hashable {
    /// Verbatim text (ids, names); never translated.
    case text(String)
    /// Text from the catalog.
    case message(Message)
    /// A value of an enumeration: its stable identifier for programs (CSV), its term from the
    /// catalog for people, e.g. `upstream` / 上游.
    case term(String, Message)
    case integer(Int)
    /// A plain number with up to `digits` decimals in text (full precision in CSV and xlsx).
    case number(Double, digits: Int = 4)
    /// An amount in RMB (万/亿 in text; plain yuan in CSV; a 亿 number format in xlsx).
    case money(Double)
    /// A fraction 0…1 (a percentage in text and xlsx; the fraction in CSV).
    case percent(Double)
    case bool(Bool)
    /// No value.
    case empty
}

/// A report that can be shown to people: anything that converts to a ``Document``.
public protocol DocumentRepresentable: Sendable {
    /// The report laid out as a document.
    func document() -> Document
}
