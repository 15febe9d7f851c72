import ChainAnalysis
import ChainModel

extension TrendReport: DocumentRepresentable {
    /// `chainmap trend`: one row per snapshot with the key figures and the change from the
    /// snapshot before (CSV: the same table, machine columns).
    public func document() -> Document {
        var columns: [Column] = [
            Column("date", "trend.col.date"), Column("source", "trend.col.source", audience: .programs),
        ]
        for key in TrendReport.figureKeys {
            let kind = Self.kind(key)
            let title: Message =
                key.hasPrefix("findings.")
                ? Message(
                    "diff.figure.findingsOf", ["kind": .message(Message("gapKind." + key.dropFirst("findings.".count)))]
                )
                : Message("diff.figure." + key)
            columns.append(Column(key, title, kind))
            if !key.hasPrefix("findings.") {
                columns.append(
                    Column(
                        key + "Change", Message("trend.col.change", ["figure": .message(title)]),
                        kind == .integer ? .integer : kind))
            }
            if key == "organizationCoverage" {
                columns.append(
                    Column("withOrganization", "diff.figure.withOrganization", .integer, audience: .programs))
                columns.append(Column("coverageFirms", "diff.figure.coverageFirms", .integer, audience: .programs))
            }
        }
        var rows: [[Cell]] = []
        var previous: ParkFigures?
        for r in self.rows {
            var row: [Cell] = [.text(r.date), .text(r.source)]
            for key in TrendReport.figureKeys {
                let v = TrendReport.value(key, r.figures)
                let kind = Self.kind(key)
                row.append(Self.cell(v, kind))
                if !key.hasPrefix("findings.") {
                    let p = previous.flatMap { TrendReport.value(key, $0) }
                    row.append(v.flatMap { v in p.map { Self.cell(v - $0, kind) } } ?? .empty)
                }
                if key == "organizationCoverage" {
                    row.append(.integer(r.figures.withOrganization))
                    row.append(.integer(r.figures.coverageFirms))
                }
            }
            rows.append(row)
            previous = r.figures
        }
        let table = Table(key: "trend", columns: columns, rows: rows)
        return Document(
            title: Message(
                "trend.title", ["name": .text(parkName), "id": .text(parkId), "count": .integer(self.rows.count)]),
            sections: [ChainOutput.Section(key: "trend", title: "trend.section", blocks: [.table(table)])],
            primaryTable: "trend")
    }

    /// The column kind of a figure.
    static func kind(_ key: String) -> Column.Kind {
        switch key {
        case "outputInPark", "atRisk": .money
        case "localShare", "organizationCoverage", "workCoverage": .percent
        default: .integer
        }
    }

    static func cell(_ v: Double?, _ kind: Column.Kind) -> Cell {
        guard let v else { return .empty }
        switch kind {
        case .money: return .money(v)
        case .percent: return .percent(v)
        default: return .integer(Int(v.rounded()))
        }
    }
}
