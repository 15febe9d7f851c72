import ChainModel

/// The key figures of every snapshot of a series, oldest first, each with the change from
/// the one before (`chainmap trend SERIES`).
///
/// ```swift
/// let trend = try TrendReport(sources: ParkSeries.sources(arguments: ["series/"]))
/// for row in trend.rows { print(row.date, row.figures.firmsInPark) }
/// ```
///
/// - Complexity: one load and one ``ParkFigures`` per snapshot (O(firms + links) plus the gap
///   analysis each), one snapshot in memory at a time; plus O(n log n) ordering.
public struct TrendReport: Sendable, Encodable {
    public var parkId: String
    public var parkName: String
    public var rows: [Row]

    /// One snapshot.
    public struct Row: Sendable, Equatable, Encodable {
        /// The snapshot's date (its `dataDate`, normalized).
        public var date: String
        /// Where it was read from.
        public var source: String
        public var figures: ParkFigures
    }

    /// Loads the snapshots one at a time, computes their figures and orders them by date.
    ///
    /// - Throws: ``ParkLoadError`` with every problem of the series (load errors, missing or
    ///   repeated dates, snapshots of different parks).
    public init(sources: [ParkSource]) throws {
        struct Value: Sendable { var id: String; var name: String; var figures: ParkFigures }
        let items = try ParkSeries.map(sources) { park in
            Value(id: park.id, name: park.name, figures: ParkFigures(park: park))
        }
        self.init(
            rows: items.map { Row(date: $0.date.description, source: $0.name, figures: $0.value.figures) },
            parkId: items.last?.value.id ?? "", parkName: items.last?.value.name ?? "")
    }

    /// The trend of a series that ends with `park` (named `name`), as the committee report
    /// shows it (`chainmap report PARK --series DIR`): each member's figures, oldest first, and
    /// the park's own figures as the last row — in place of the member with the park's date
    /// (the park itself), or appended as the newest snapshot.
    ///
    /// - Throws: ``ParkLoadError`` with every problem of the series (see
    ///   `ParkSeries.map(_:newest:name:_:)`): load errors, missing or repeated dates, a member
    ///   of another park, a member newer than `park`.
    /// - Complexity: one ``ParkFigures`` per member and one for `park`.
    public init(sources: [ParkSource], newest park: Park, name: String) throws(ParkLoadError) {
        let found = try ParkSeries.map(sources, newest: park, name: name) { ParkFigures(park: $0) }
        var rows = found.items.map { Row(date: $0.date.description, source: $0.name, figures: $0.value) }
        let date = park.dataDate.flatMap(SnapshotDate.init)?.description ?? park.dataDate ?? ""
        let own = ParkFigures(park: park)
        if found.parkIsLast, let last = rows.last {
            rows[rows.count - 1] = Row(date: date, source: last.source, figures: own)
        } else {
            rows.append(Row(date: date, source: name, figures: own))
        }
        self.init(rows: rows, parkId: park.id, parkName: park.name)
    }

    /// A report of rows already computed (ordered by the caller).
    public init(rows: [Row], parkId: String, parkName: String) {
        self.rows = rows
        self.parkId = parkId
        self.parkName = parkName
    }

    private enum CodingKeys: String, CodingKey { case park, name, rows }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(parkId, forKey: .park)
        try c.encode(parkName, forKey: .name)
        try c.encode(rows, forKey: .rows)
    }

    /// The figures a trend shows, in order: key, and how to read one snapshot's value.
    public static let figureKeys: [String] =
        [
            "firmsInPark", "outputInPark", "activeLinks", "localShare", "organizationCoverage", "workCoverage",
            "needsOpen", "needsSolved", "findings", "atRisk",
        ] + GapKind.allCases.map { "findings." + $0.rawValue }

    /// The value of figure `key` (see ``figureKeys``) in `f`; nil when undefined (a rate
    /// without firms).
    public static func value(_ key: String, _ f: ParkFigures) -> Double? {
        switch key {
        case "firmsInPark": Double(f.firmsInPark)
        case "outputInPark": f.outputInPark
        case "activeLinks": Double(f.activeLinks)
        case "localShare": f.localShare
        case "organizationCoverage": f.organizationRate
        case "workCoverage": f.workRate
        case "needsOpen": Double(f.needsOpen)
        case "needsSolved": Double(f.needsSolved)
        case "findings": Double(f.findingsTotal)
        case "atRisk": f.atRisk
        default: f.findings.first { "findings." + $0.kind.rawValue == key }.map { Double($0.count) }
        }
    }
}
