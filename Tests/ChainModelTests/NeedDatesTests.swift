import Foundation
import Testing

@testable import ChainModel

/// Needs that age (raised and solved days) and the other two of the three lists (resources,
/// projects): read and written in every park format, validated with located problems, and old
/// parks without them unchanged.
@Suite struct NeedDatesTests {
    /// The mini park (data date 2024-06) with dated needs, a resource and a project.
    static func listsPark() throws -> Park {
        var park = try ParkLoader.load(path: Fixture.path("good/mini.json")).park
        park.needs[0].raised = "2024-03-01"
        park.needs[1].raised = "2024-01-10"
        park.needs[1].solved = "2024-02-09"
        park.resources = [
            DepartmentResource(
                id: "r1", name: "技改专项资金", department: "工信局", kind: .finance, tags: ["技改"], needs: ["n2"],
                illustrative: true, note: "示意"),
            DepartmentResource(id: "r2", name: "人才公寓", department: "alliance"),
        ]
        park.projects = [
            ActionProject(
                id: "p1", name: "自动化改造对接", department: "alliance", needs: ["n1"], resources: ["r1"], status: .underway,
                note: "示意")
        ]
        return park
    }

    // MARK: Days

    @Test func daysParseOnlyRealISODays() {
        #expect(ParkDay(iso: "2024-02-29")?.description == "2024-02-29")
        #expect(ParkDay(iso: "2023-02-29") == nil)
        #expect(ParkDay(iso: "2024-3-5") == nil)
        #expect(ParkDay(iso: "2024/03/05") == nil)
        #expect(ParkDay(iso: "2024-13-01") == nil)
        #expect(ParkDay(iso: "２０２４-03-05") == nil)
        #expect(ParkDay(iso: "1970-01-01")?.daysSinceEpoch == 0)
        #expect(ParkDay(dataDate: "2024-02")?.description == "2024-02-29")
        #expect(ParkDay(dataDate: "2023")?.description == "2023-12-31")
        #expect(ParkDay(dataDate: "2024-03-05")?.description == "2024-03-05")
        #expect(ParkDay(dataDate: "2024年3月") == nil)
        let a = ParkDay(iso: "2023-12-25"), b = ParkDay(iso: "2024-03-01")
        #expect(a.flatMap { x in b.map { x.days(to: $0) } } == 67)
        // Every day of four centuries survives a round trip through its components.
        for d in stride(from: -25_567, to: 120_000, by: 1) {
            let day = ParkDay(daysSinceEpoch: d)
            let (y, m, dd) = day.components
            guard ParkDay(year: y, month: m, day: dd) == day else { Issue.record("day \(d)"); break }
        }
    }

    // MARK: Validation, located in every format

    struct Rule: Sendable, CustomTestStringConvertible {
        let name: String
        let kind: RecordKind
        let index: Int
        let field: String
        let message: String
        let change: @Sendable (inout Park) -> Void
        var testDescription: String { name }
    }

    static let rules: [Rule] = [
        Rule(
            name: "malformed raised", kind: .need, index: 0, field: "raised",
            message: "\"2024/3/1\" is not a date written yyyy-mm-dd"
        ) { $0.needs[0].raised = "2024/3/1" },
        Rule(
            name: "impossible day", kind: .need, index: 1, field: "solved",
            message: "\"2024-02-30\" is not a date written yyyy-mm-dd"
        ) { $0.needs[1].solved = "2024-02-30" },
        Rule(
            name: "solved before raised", kind: .need, index: 1, field: "solved",
            message: "solved on 2024-01-01, before it was raised (2024-01-10)"
        ) { $0.needs[1].solved = "2024-01-01" },
        Rule(
            name: "raised after the data date", kind: .need, index: 0, field: "raised",
            message: "raised on 2024-07-01, after the park's data date 2024-06 (2024-06-30)"
        ) { $0.needs[0].raised = "2024-07-01" },
        Rule(
            name: "solved after the data date", kind: .need, index: 1, field: "solved",
            message: "solved on 2025-01-01, after the park's data date"
        ) { $0.needs[1].solved = "2025-01-01" },
        Rule(
            name: "solved date on an open need", kind: .need, index: 1, field: "status",
            message: "status in-progress but the need has a solved date"
        ) { $0.needs[1].status = .inProgress },
        Rule(
            name: "resource names an unknown need", kind: .resource, index: 0, field: "needs",
            message: "unknown need \"n9\""
        ) { $0.resources[0].needs = ["n2", "n9"] },
        Rule(
            name: "project names an unknown need", kind: .project, index: 0, field: "needs",
            message: "unknown need \"n3\""
        ) { $0.projects[0].needs = ["n3"] },
        Rule(
            name: "project names an unknown resource", kind: .project, index: 0, field: "resources",
            message: "unknown resource \"r7\""
        ) { $0.projects[0].resources = ["r7"] },
        Rule(
            name: "duplicate resource id", kind: .resource, index: 1, field: "id",
            message: "duplicate resource id \"r1\" (first at resources[0])"
        ) { $0.resources[1].id = "r1" },
    ]

    @Test(arguments: rules)
    func ruleIsLocatedInJSONCSVAndWorkbook(_ rule: Rule) throws {
        var park = try Self.listsPark()
        rule.change(&park)
        // The validator names the record and field.
        let issue = ParkValidator.validate(park).first { $0.severity == .error && $0.message.contains(rule.message) }
        #expect(issue?.place == RecordPlace(rule.kind, rule.index, field: rule.field), "\(rule.name)")
        #expect(issue?.hint?.isEmpty == false && issue?.text != nil && issue?.hintText != nil)

        let folder = Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // JSON: the line of the field.
        let json = folder.appendingPathComponent("p.json").path
        try ParkWriter.write(park, format: .json, to: json)
        let jsonErrors = diagnostics(of: json).filter { $0.severity == .error && $0.message.contains(rule.message) }
        let jsonHit = try #require(jsonErrors.first, "\(rule.name): JSON")
        #expect(jsonHit.field == "\(rule.kind.jsonKey)[\(rule.index)].\(rule.field)")
        let text = try String(contentsOfFile: json, encoding: .utf8).components(separatedBy: "\n")
        let line = try #require(jsonHit.line)
        #expect(text[line - 1].contains("\"\(rule.field)\""), "\(rule.name): line \(line) is \(text[line - 1])")

        // CSV bundle: the file of the kind, the record's row (header is line 1).
        let csv = folder.appendingPathComponent("bundle").path
        try ParkWriter.write(park, format: .csv, to: csv)
        let csvHit = try #require(
            diagnostics(of: csv).first { $0.severity == .error && $0.message.contains(rule.message) },
            "\(rule.name): CSV")
        #expect(csvHit.file.hasSuffix("/" + rule.kind.csvFile))
        #expect(csvHit.line == rule.index + 2)
        #expect(csvHit.field == rule.field)

        // Workbook: the sheet of the kind, the row and the column.
        let xlsx = folder.appendingPathComponent("p.xlsx").path
        try ParkWriter.write(park, format: .xlsx, to: xlsx)
        let xlsxHit = try #require(
            diagnostics(of: xlsx).first { $0.severity == .error && $0.message.contains(rule.message) },
            "\(rule.name): xlsx")
        #expect(xlsxHit.sheet == ParkXLSX.sheetNames[rule.kind]?.first)
        #expect(xlsxHit.line == rule.index + 2)
        let column = Schemas.schema(for: rule.kind).keys.firstIndex { $0.name == rule.field }.map { $0 + 1 }
        #expect(xlsxHit.column == column)
        #expect(xlsxHit.field == rule.field)
    }

    @Test func solvedDateWithoutStatusMeansSolved() throws {
        let json = """
            {"id": "p", "name": "园", "dataDate": "2024-06-15", "firms": [{"id": "a", "name": "甲"}],
             "needs": [{"id": "n1", "firm": "a", "kind": "talent", "raised": "2024-05-01", "solved": "2024-05-20"},
                       {"id": "n2", "firm": "a", "kind": "talent", "raised": "2024-05-01"}]}
            """
        let park = try ParkLoader.load(json: Array(json.utf8), name: "p.json").park
        #expect(park.needs.map(\.status) == [.solved, .open])
        #expect(park.dataDay?.description == "2024-06-15")
    }

    @Test func datesWithoutADataDateWarn() throws {
        var park = try Self.listsPark()
        park.dataDate = "2024年上半年"
        let warning = ParkValidator.validate(park).first { $0.place == RecordPlace(.park, 0, field: "dataDate") }
        #expect(warning?.severity == .warning)
        #expect(warning?.message.contains("ages cannot be computed") == true)
        park.dataDate = nil
        #expect(ParkValidator.validate(park).contains { $0.place.field == "dataDate" && $0.severity == .warning })
        // A park without dated needs says nothing about its data date.
        let undated = try ParkLoader.load(path: Fixture.path("good/mini.json")).park
        #expect(!ParkValidator.validate(undated).contains { $0.place.field == "dataDate" })
    }

    @Test func chineseSheetsAndHeadersAreRead() throws {
        #expect(ParkXLSX.kind(ofSheet: "资源清单") == .resource)
        #expect(ParkXLSX.kind(ofSheet: "项目清单") == .project)
        #expect(ParkXLSX.kind(ofSheet: "需求清单") == .need)
        #expect(ParkXLSX.columnAliases[.need]?["raised"]?.contains("提出日期") == true)
        #expect(ParkXLSX.columnAliases[.resource]?["department"]?.contains("部门") == true)
    }

    // MARK: Round trips and old files

    @Test func listsAndDatesRoundTripThroughEveryFormat() throws {
        let park = try Self.listsPark()
        #expect(ParkValidator.validate(park).filter { $0.severity == .error }.isEmpty)
        let folder = Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // JSON → CSV → xlsx → chainpark → JSON: the same park, the same JSON bytes.
        let json = folder.appendingPathComponent("a.json").path
        try ParkWriter.write(park, format: .json, to: json)
        let fromJSON = try ParkLoader.load(path: json).park
        #expect(fromJSON == park)
        let csv = folder.appendingPathComponent("b").path
        try ParkWriter.write(fromJSON, format: .csv, to: csv)
        #expect(FileManager.default.fileExists(atPath: csv + "/resources.csv"))
        #expect(FileManager.default.fileExists(atPath: csv + "/projects.csv"))
        let fromCSV = try ParkLoader.load(path: csv).park
        #expect(fromCSV == park)
        let xlsx = folder.appendingPathComponent("c.xlsx").path
        try ParkWriter.write(fromCSV, format: .xlsx, to: xlsx)
        let fromXLSX = try ParkLoader.load(path: xlsx).park
        #expect(fromXLSX == park)
        let snapshot = ParkSnapshot.encode(fromXLSX)
        let fromSnapshot = try ParkLoader.load(snapshot: snapshot, name: "d.chainpark").park
        #expect(fromSnapshot == park)
        #expect(ParkJSON.encode(fromSnapshot) == ParkJSON.encode(park))
    }

    @Test func oldParksLoadAndWriteUnchanged() throws {
        // The mini park has no dates, resources or projects: it loads with none and writes
        // back byte for byte, with no resources or projects file, sheet or key.
        let path = Fixture.path("good/mini.json")
        let park = try ParkLoader.load(path: path).park
        #expect(park.needs.allSatisfy { $0.raised == nil && $0.solved == nil })
        #expect(park.resources.isEmpty && park.projects.isEmpty)
        let json = ParkJSON.encode(park)
        #expect(try ParkLoader.load(json: json, name: "m.json").park == park)
        let text = String(decoding: json, as: UTF8.self)
        #expect(!text.contains("\"resources\"") && !text.contains("\"projects\"") && !text.contains("\"raised\""))
        let files = CSVBundleWriter.encode(park).map(\.name)
        #expect(!files.contains("resources.csv") && !files.contains("projects.csv"))
        // A bundle written before the lists existed (no resources.csv, no date columns) loads.
        let folder = Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, bytes) in CSVBundleWriter.encode(park) {
            var rows = String(decoding: bytes, as: UTF8.self)
            if name == "needs.csv" {
                // Drop the two new columns, as an old bundle has them.
                rows = rows.replacingOccurrences(of: ",raised,solved", with: "")
                    .components(separatedBy: "\r\n").map { line in
                        var cells = line.components(separatedBy: ",")
                        if cells.count == 13 { cells.removeSubrange(9...10) }
                        return cells.joined(separator: ",")
                    }.joined(separator: "\r\n")
            }
            try Data(rows.utf8).write(to: folder.appendingPathComponent(name))
        }
        #expect(try ParkLoader.load(path: folder.path).park == park)
    }

    @Test func versionOneSnapshotsStillLoad() throws {
        // A version 1 snapshot (before need dates, resources and projects) reads as a park
        // without them.
        let park = try Self.listsPark()
        let old = ParkSnapshot.encode(park, version: 1)
        #expect(old.readLE(UInt32.self, at: 8) == 1)
        let back = try ParkLoader.load(snapshot: old, name: "old.chainpark").park
        var expected = park
        for i in expected.needs.indices { expected.needs[i].raised = nil; expected.needs[i].solved = nil }
        expected.resources = []
        expected.projects = []
        #expect(back == expected)
        // The current version is 2 and carries everything.
        #expect(ParkSnapshot.encode(park).readLE(UInt32.self, at: 8) == 2)
        #expect(try ParkLoader.load(snapshot: ParkSnapshot.encode(park), name: "new.chainpark").park == park)
    }
}
