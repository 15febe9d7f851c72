import ChainModel
import Foundation
import Testing

@testable import ChainOutput

/// Workbooks are checked with an independent reader, openpyxl (installed by
/// scripts/bootstrap.sh), not with our own code.
@Suite("Excel workbooks")
struct XlsxTests {
    /// The cell values of every sheet as openpyxl reads them: `{sheet: [[value, …], …]}` plus
    /// each sheet's frozen pane and the number format of every numeric cell.
    static func readBack(_ path: String) throws -> [String: Any] {
        let script = """
            import json, sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            out = {}
            for ws in wb.worksheets:
                rows = [[c.value for c in r] for r in ws.iter_rows()]
                formats = {f"{c.coordinate}": c.number_format for r in ws.iter_rows() for c in r if isinstance(c.value, (int, float)) and not isinstance(c.value, bool)}
                out[ws.title] = {"rows": rows, "freeze": ws.freeze_panes, "formats": formats}
            print(json.dumps(out, ensure_ascii=False))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "openpyxl could not read \(path) (run scripts/bootstrap.sh)")
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func aReportReadsBackWithTheSameNumbersAndChineseSheets() throws {
        let report = Sample(names: ["电芯", "a,\"b\"", "Separator"], amounts: [2.804e9, 12_000, 5])
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-\(UUID().uuidString).xlsx").path
        defer { unlink(path) }
        let bytes = try ReportRenderer(format: .xlsx, language: .zh).render(report)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let book = try Self.readBack(path)
        let sheet = try #require(book["各产业链环节"] as? [String: Any], "sheets: \(book.keys)")
        let rows = try #require(sheet["rows"] as? [[Any]])
        #expect(rows[0].first as? String == "各产业链环节")
        #expect(rows[2].first as? String == "企业")
        #expect(rows[2][1] as? Int == 3)
        let header = try #require(rows.firstIndex { ($0.first as? String) == "环节" })
        #expect(rows[header].map { $0 as? String } == ["环节", "产值（万元）"])
        #expect(sheet["freeze"] as? String == "A\(header + 2)")
        // Money in 万元, typed, with a number format.
        #expect(rows[header + 1][0] as? String == "电芯")
        #expect(rows[header + 1][1] as? Double == 280_400)
        #expect(rows[header + 2][0] as? String == "a,\"b\"")
        #expect(rows[header + 2][1] as? Double == 1.2)
        let formats = try #require(sheet["formats"] as? [String: String])
        #expect(formats["B\(header + 2)"] == "#,##0.00")
        #expect((rows.last?.first as? String)?.contains("另有 2 行") == true)
    }

    @Test func englishSheetNamesAndPercentCells() throws {
        struct Shares: Report {
            func document() -> Document {
                Document(
                    title: "info.section.overview",
                    sections: [
                        Section(
                            key: "s", title: "info.section.stages",
                            blocks: [
                                .table(
                                    Table(
                                        key: "t",
                                        columns: [
                                            Column("share", "info.col.output", .percent),
                                            Column("n", "info.col.firms", .integer),
                                        ],
                                        rows: [[.percent(0.425), .integer(12)], [.empty, .integer(-1)]]))
                            ]),
                        Section(key: "s2", title: "info.section.stages", blocks: [.paragraph("info.firms")]),
                    ])
            }
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-\(UUID().uuidString).xlsx").path
        defer { unlink(path) }
        try XlsxRenderer(Catalog(.en)).write(Shares().document(), to: path)
        let book = try Self.readBack(path)
        #expect(Set(book.keys) == ["Chain stages", "Chain stages_2"])
        let rows = try #require((book["Chain stages"] as? [String: Any])?["rows"] as? [[Any]])
        #expect(rows[3][0] as? Double == 0.425)
        #expect(rows[3][1] as? Int == 12)
        #expect(rows[4][0] is NSNull)
        let formats = try #require((book["Chain stages"] as? [String: Any])?["formats"] as? [String: String])
        #expect(formats["A4"] == "0.0%")
    }

    @Test func sheetNamesExcelRefusesAreCleanedAndUnique() throws {
        struct Titles: Report {
            func document() -> Document {
                let titles = ["a/b:c", "'quoted'", String(repeating: "长", count: 40), "A/B:C"]
                return Document(
                    title: "info.section.overview",
                    sections: titles.enumerated().map { i, t in
                        Section(
                            key: "s\(i)", title: Message("info.title", ["name": .text(t), "id": "x"]),
                            blocks: [.paragraph("info.firms")])
                    })
            }
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-\(UUID().uuidString).xlsx").path
        defer { unlink(path) }
        try XlsxRenderer(Catalog(.en)).write(Titles().document(), to: path)
        let names = try Self.readBack(path).keys.sorted()
        #expect(names == ["A_B_C (x)_2", "a_b_c (x)", "quoted' (x)", String(repeating: "长", count: 28)].sorted())
    }
}
