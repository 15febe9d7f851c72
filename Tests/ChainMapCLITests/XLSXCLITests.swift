import Foundation
import Testing

/// `convert --to xlsx` and a workbook as the park of any command, end to end.
@Suite struct XLSXCLITests {
    let mini = CLI.fixtures.appendingPathComponent("good/mini.json").path

    @Test func convertToAWorkbookAndBackGivesTheSameJSON() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let book = folder.appendingPathComponent("mini.xlsx").path
        let r1 = try CLI.run(["convert", mini, "--to", "xlsx", "-o", book, "--lang", "en"])
        #expect(r1.status == 0, "\(r1.stderr)")
        #expect(r1.stderr.contains("wrote \(book) (xlsx)"))
        let back = try CLI.run(["convert", book, "--to", "json"])
        let direct = try CLI.run(["convert", mini, "--to", "json"])
        #expect(back.status == 0 && direct.status == 0)
        #expect(back.stdout == direct.stdout)
        // The output rule: no clobbering without --force; --to xlsx needs -o.
        let again = try CLI.run(["convert", mini, "--to", "xlsx", "-o", book, "--lang", "en"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists"))
        #expect(try CLI.run(["convert", mini, "--to", "xlsx", "-o", book, "--force"]).status == 0)
        let noOutput = try CLI.run(["convert", mini, "--to", "xlsx"])
        #expect(noOutput.status == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["mini.xlsx"])
        // Any command takes the workbook as its park.
        let info = try CLI.run(["info", book])
        #expect(info.status == 0)
        #expect(info.stdout.hasPrefix("迷你园区（mini），江西宜黄，数据截至 2024-06\n"))
    }

    @Test func validateNamesTheSheetAndCell() throws {
        let path = CLI.fixtures.appendingPathComponent("xlsx/not-a-number.xlsx").path
        let r = try CLI.run(["validate", path, "--lang", "en"])
        #expect(r.status == 1)
        #expect(
            r.stderr.hasPrefix(
                """
                \(path):firms!G5: error: output: "1.2亿" is not a number. Hint: write a plain decimal number without units or thousands separators, e.g. 120000000 (not 1.2亿, 120,000,000 or 0x10)
                """))
        // For programs: the sheet, the row as the line, the column as a number.
        let json = try CLI.run(["validate", path, "--format", "json"])
        #expect(json.status == 1)
        #expect(json.stdout.contains("\"sheet\" : \"firms\""), "\(json.stdout)")
        #expect(json.stdout.contains("\"line\" : 5"))
        #expect(json.stdout.contains("\"column\" : 7"))
    }
}
