import Foundation
import Testing

@testable import ChainModel

/// The park workbook (`.xlsx`): read from files other programs wrote (openpyxl fixtures made
/// by scripts/fixtures/make_xlsx_fixtures.py, LibreOffice when installed), written by
/// ChainMap and read back without loss, every error located by sheet, row and column, and
/// damaged or hostile bytes refused without a crash.
@Suite("Park workbooks (xlsx)")
struct XLSXTests {
    static func fixture(_ name: String) -> String { Fixture.path("xlsx/" + name) }

    static func temporaryFile(_ name: String) -> String {
        Fixture.temporaryFolder().appendingPathComponent(name).path
    }

    // MARK: Reading workbooks other programs wrote

    @Test func openpyxlWorkbookLoadsAsTheSamePark() throws {
        let loaded = try ParkLoader.load(path: Self.fixture("good.xlsx"))
        #expect(loaded.format == .xlsx)
        var park = loaded.park
        let mini = try ParkLoader.load(path: Fixture.path("good/mini.json")).park
        // The date typed into the text column `since` reads as ISO text.
        #expect(park.pairings.first?.since == "2023-05-01")
        park.pairings[0].since = mini.pairings[0].since
        // Number stored as text, rich text, empty rows, Chinese sheet names and headers: all the same park.
        #expect(park == mini)
        #expect(ParkJSON.encode(park) == ParkJSON.encode(mini))
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
    }

    /// Each bad workbook's expected problems, from expected.json (written with the fixtures).
    static let expected: [String: [[String?]]] = {
        guard let data = FileManager.default.contents(atPath: fixture("expected.json")),
            let json = try? JSONSerialization.jsonObject(with: data) as? [String: [[Any]]]
        else { return [:] }
        return json.mapValues { $0.map { $0.map { $0 as? String } } }
    }()

    @Test(arguments: expected.keys.sorted())
    func badWorkbookNamesSheetRowAndColumn(name: String) throws {
        let path = Self.fixture(name)
        let found = diagnostics(of: path)
        for e in try #require(Self.expected[name]) {
            let (severity, place, field, message) = (e[0], e[1], e[2], e[3] ?? "")
            // Locations are reported with the path as given; the fixture file's name stands for it.
            let location = place.map { Fixture.path("xlsx") + "/" + $0 }
            let match = found.first {
                $0.severity.rawValue == severity && $0.location == location && $0.field == field
                    && $0.message.contains(message)
            }
            #expect(match != nil, "\(name): expected \(e) among:\n\(found.map(\.description).joined(separator: "\n"))")
        }
    }

    @Test func locationReadsLikeAnExcelReference() {
        let d = Diagnostic(
            .error, file: "park.xlsx", sheet: "firms", line: 12, column: 7, field: "output", "\"1.2亿\" is not a number",
            hint: "write a plain number")
        #expect(
            d.description == "park.xlsx:firms!G12: error: output: \"1.2亿\" is not a number. Hint: write a plain number")
        #expect(Diagnostic(.warning, file: "p.xlsx", sheet: "links 2", line: 3, "x").location == "p.xlsx:'links 2'!3")
        #expect(Diagnostic(.warning, file: "p.xlsx", sheet: "企业", "x").location == "p.xlsx:企业")
        #expect(Diagnostic.columnLetters(27) == "AA")
        #expect(Diagnostic.columnLetters(1) == "A")
    }

    @Test func sheetNamesInEnglishChineseAndContinued() {
        #expect(ParkXLSX.kind(ofSheet: "Firms") == .firm)
        #expect(ParkXLSX.kind(ofSheet: "企业") == .firm)
        #expect(ParkXLSX.kind(ofSheet: "党组织") == .organization)
        #expect(ParkXLSX.kind(ofSheet: "links 2") == .link)
        #expect(ParkXLSX.kind(ofSheet: "links (3)") == .link)
        #expect(ParkXLSX.kind(ofSheet: "供应关系_2") == .link)
        #expect(ParkXLSX.kind(ofSheet: "Sheet1") == nil)
        #expect(ParkXLSX.kind(ofSheet: "firm") == nil)
    }

    @Test func dateSerialsAsISOText() {
        #expect(XLSXReader.isoDate(serial: 1, date1904: false) == "1900-01-01")
        #expect(XLSXReader.isoDate(serial: 61, date1904: false) == "1900-03-01")
        #expect(XLSXReader.isoDate(serial: 45444, date1904: false) == "2024-06-01")
        #expect(XLSXReader.isoDate(serial: 45444.5, date1904: false) == "2024-06-01T12:00:00")
        #expect(XLSXReader.isoDate(serial: 0, date1904: true) == "1904-01-01")
        #expect(XLSXReader.isDateFormat("yyyy/m/d"))
        #expect(XLSXReader.isDateFormat("[$-804]yyyy\"年\"m\"月\""))
        #expect(!XLSXReader.isDateFormat("#,##0.00"))
        #expect(!XLSXReader.isDateFormat("0.0\"ms\""))
    }

    // MARK: Writing and reading back

    /// JSON → xlsx → JSON gives the same park and the same bytes.
    func assertLossless(_ path: String) throws {
        let park = try ParkLoader.load(path: path).park
        let file = Self.temporaryFile("park.xlsx")
        defer { try? FileManager.default.removeItem(atPath: (file as NSString).deletingLastPathComponent) }
        try ParkWriter.write(park, format: .xlsx, to: file)
        let back = try ParkLoader.load(path: file)
        #expect(back.format == .xlsx)
        #expect(back.park == park)
        #expect(ParkJSON.encode(back.park) == ParkJSON.encode(park))
    }

    @Test func miniParkRoundTrips() throws {
        try assertLossless(Fixture.path("good/mini.json"))
    }

    @Test(arguments: Samples.names)
    func sampleRoundTrips(name: String) throws {
        try assertLossless(SampleFiles.path(name))
    }

    @Test func numbersThatNeedSeventeenDigitsComeBackExactly() throws {
        var park = try ParkLoader.load(path: Fixture.path("good/mini.json")).park
        park.links[0].share = 0.1 + 0.2
        park.firms[0].output = 123_456_789.123_456_78
        park.firms[1].employees = 99_999_999
        let back = try ParkLoader.load(xlsx: try ParkXLSXWriter.encode(park), name: "p.xlsx").park
        #expect(back == park)
    }

    @Test func kindsLongerThanASheetContinueOnTheNext() throws {
        let park = try ParkLoader.load(path: Fixture.path("good/mini.json")).park
        let bytes = try ParkXLSXWriter.encode(park, rowsPerSheet: 3)
        let reader = try XLSXReader(bytes)
        #expect(reader.sheets.map(\.name).contains("links 2"))
        let back = try ParkLoader.load(xlsx: bytes, name: "p.xlsx")
        #expect(back.park == park)
    }

    @Test func writingRefusesToClobberWithoutForce() throws {
        let park = try ParkLoader.load(path: Fixture.path("good/mini.json")).park
        let file = Self.temporaryFile("x.xlsx")
        let folder = (file as NSString).deletingLastPathComponent
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try ParkWriter.write(park, format: .xlsx, to: file)
        #expect(throws: WriteError.self) { try ParkWriter.write(park, format: .xlsx, to: file) }
        try ParkWriter.write(park, format: .xlsx, to: file, overwrite: true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["x.xlsx"])
    }

    /// openpyxl (an independent reader) sees typed numbers and booleans, the frozen header
    /// and the sheet names.
    @Test func openpyxlReadsTheWrittenWorkbook() throws {
        let park = try ParkLoader.load(path: Fixture.path("good/mini.json")).park
        let file = Self.temporaryFile("mini.xlsx")
        defer { try? FileManager.default.removeItem(atPath: (file as NSString).deletingLastPathComponent) }
        try ParkWriter.write(park, format: .xlsx, to: file)
        let script = """
            import json, sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb["firms"]
            rows = [[c.value for c in r] for r in ws.iter_rows()]
            print(json.dumps({"sheets": wb.sheetnames, "freeze": ws.freeze_panes, "header": rows[0],
                              "liwei": rows[2], "types": [type(v).__name__ for v in rows[2]]}, ensure_ascii=False))
            """
        let out = try Self.python(script, file)
        #expect(
            out["sheets"] as? [String] == [
                "park", "chains", "stages", "firms", "links", "organizations", "pairings", "needs",
            ])
        #expect(out["freeze"] as? String == "A2")
        #expect((out["header"] as? [String])?.prefix(3) == ["id", "name", "stages"])
        let liwei = try #require(out["liwei"] as? [Any])
        #expect(liwei[1] as? String == "江西立伟轻工")
        #expect(liwei[6] as? Int == 320_000_000)
        let types = try #require(out["types"] as? [String])
        #expect(types[6] == "int")  // output: a typed number
        #expect(types[11] == "bool")  // inPark: a typed boolean
    }

    static func python(_ script: String, _ argument: String) throws -> [String: Any] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, argument]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "openpyxl could not read \(argument) (run scripts/bootstrap.sh)")
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// A workbook saved again by LibreOffice Calc (shared strings, its own styles and zip
    /// layout) loads as the same park. Skipped when LibreOffice is not installed.
    @Test func workbookResavedByLibreOfficeLoads() throws {
        guard
            let soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice"]
                .first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else { return }
        let park = try ParkLoader.load(path: SampleFiles.path("yihuang-plastics")).park
        let folder = Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ours = folder.appendingPathComponent("ours/park.xlsx")
        try FileManager.default.createDirectory(at: ours.deletingLastPathComponent(), withIntermediateDirectories: true)
        try ParkWriter.write(park, format: .xlsx, to: ours.path)
        let outDir = folder.appendingPathComponent("lo")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = [
            "-env:UserInstallation=file://" + folder.appendingPathComponent("profile").path,
            "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir.path, ours.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let resaved = outDir.appendingPathComponent("park.xlsx").path
        try #require(FileManager.default.fileExists(atPath: resaved), "LibreOffice did not write \(resaved)")
        let reader = try XLSXReader([UInt8](try Data(contentsOf: URL(fileURLWithPath: resaved))))
        #expect(!reader.sharedStrings.isEmpty)  // LibreOffice writes a shared string table
        let back = try ParkLoader.load(path: resaved)
        #expect(ParkJSON.encode(back.park) == ParkJSON.encode(park))
    }

    /// CSV files of the bundled Yihuang bundle converted by LibreOffice Calc's CSV import
    /// (`soffice --convert-to xlsx`: one workbook per file, numbers and TRUE/FALSE typed by
    /// LibreOffice) read as the same firms and links. Skipped without LibreOffice.
    @Test func csvFilesConvertedByLibreOfficeReadAsTheSameRecords() throws {
        guard
            let soffice = ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"]
                .first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else { return }
        let bundle = URL(fileURLWithPath: SampleFiles.folder).appendingPathComponent("yihuang-plastics")
        let park = try ParkLoader.load(path: bundle.path).park
        let folder = Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = [
            "-env:UserInstallation=file://" + folder.appendingPathComponent("profile").path,
            "--headless", "--convert-to", "xlsx", "--infilter=CSV:44,34,76,1", "--outdir", folder.path,
            bundle.appendingPathComponent("firms.csv").path, bundle.appendingPathComponent("links.csv").path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        for (file, check) in [
            ("firms.xlsx", { (p: Park) in p.firms == park.firms }),
            ("links.xlsx", { (p: Park) in p.links == park.links }),
        ] {
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(file)))
            let sink = DiagnosticSink()
            let (read, _) = try #require(ParkXLSX.decode(bytes, file: file, sink: sink))
            // A workbook of links alone lacks the firms sheet; nothing else may be wrong.
            let errors = sink.diagnostics.filter {
                $0.severity == .error && !$0.message.hasPrefix("missing: a park workbook needs a firms sheet")
            }
            #expect(errors.isEmpty, "\(errors)")
            #expect(check(read), "\(file) differs from the CSV bundle")
        }
    }

    // MARK: Damaged and hostile files

    func errors(_ bytes: [UInt8], limits: XLSXLimits = .standard) -> [Diagnostic] {
        do {
            _ = try ParkLoader.load(xlsx: bytes, name: "x.xlsx", limits: limits)
            return []
        } catch {
            return error.errors
        }
    }

    @Test func notAWorkbookIsRefusedWithAHint() {
        #expect(errors(Array("id,name\n".utf8)).first?.message.contains("not an Excel workbook") == true)
        #expect(
            errors([0xD0, 0xCF, 0x11, 0xE0] + [UInt8](repeating: 0, count: 600)).first?.message.contains(".xls") == true
        )
        #expect(errors([0x50, 0x4B, 0x03, 0x04]).first?.message.contains("not a readable workbook") == true)
    }

    @Test func cutShortOrFlippedBytesNeverCrash() throws {
        let good = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.fixture("good.xlsx"))))
        for cut in stride(from: 0, to: good.count, by: 97) {
            #expect(!errors(Array(good.prefix(cut))).isEmpty)
        }
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var bytes = good
            for _ in 0..<Int.random(in: 1...8, using: &rng) {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            _ = errors(bytes)  // any answer but a crash
        }
    }

    @Test func partsExpandingBeyondTheLimitAreRefused() throws {
        let good = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.fixture("good.xlsx"))))
        let found = errors(good, limits: XLSXLimits(maxPartBytes: 1_000))
        #expect(found.first?.message.contains("expands to more than") == true, "\(found)")
        let total = errors(good, limits: XLSXLimits(maxTotalBytes: 5_000))
        #expect(total.first?.message.contains("expands to more than") == true, "\(total)")
    }
}
