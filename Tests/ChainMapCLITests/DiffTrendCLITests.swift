import Foundation
import Testing

/// Issue #14: `chainmap diff` and `chainmap trend` on the bundled Beilun pair and on a
/// generated series folder; series errors are clear and write nothing.
@Suite struct DiffTrendCLITests {
    @Test func beilunDiffPrintsCoverage58To70WithCounts() throws {
        let r = try CLI.run(["diff", "beilun-nev-2023", "beilun-nev", "--no-warnings"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("组织覆盖率 58% → 70%（有党组织的企业 81/140 → 98/140"))
        let en = try CLI.run([
            "diff", "beilun-nev-2023", "beilun-nev", "--no-warnings", "--lang", "en", "--section", "figures",
        ])
        #expect(en.stdout.contains("Organization coverage 58% → 70% (firms with an organization 81/140 → 98/140"))
        // Every section in every format.
        for format in ["json", "csv", "markdown"] {
            let f = try CLI.run(["diff", "beilun-nev-2023", "beilun-nev", "--no-warnings", "--format", format])
            #expect(f.status == 0 && !f.stdout.isEmpty, "\(format): \(f.stderr)")
        }
        let csv = try CLI.run([
            "diff", "beilun-nev-2023", "beilun-nev", "--no-warnings", "--format", "csv", "--section", "coverage",
        ])
        #expect(csv.stdout.contains("park,,,140,140,81,98,"))
        let dir = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let xlsx = try CLI.run([
            "diff", "beilun-nev-2023", "beilun-nev", "--no-warnings", "--format", "xlsx", "-o",
            dir.appendingPathComponent("d.xlsx").path,
        ])
        #expect(xlsx.status == 0, "\(xlsx.stderr)")
    }

    @Test func sameDateIsAnError() throws {
        let r = try CLI.run(["diff", "beilun-nev", "beilun-nev", "--no-warnings"])
        #expect(r.status == 1 && r.stdout.isEmpty)
        #expect(r.stderr.contains("dataDate") && r.stderr.contains("2024-11"))
        // A park without a date is no snapshot.
        let dir = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let mini = try String(contentsOf: CLI.fixtures.appendingPathComponent("good/mini.json"), encoding: .utf8)
        let undated = dir.appendingPathComponent("undated.json").path
        try mini.replacingOccurrences(of: "\"dataDate\": \"2024-06\",", with: "").write(
            toFile: undated, atomically: true, encoding: .utf8)
        let u = try CLI.run(["diff", undated, "beilun-nev", "--no-warnings", "--lang", "en"])
        #expect(u.status == 1 && u.stdout.isEmpty)
        #expect(u.stderr.contains("data date"), "\(u.stderr)")
    }

    @Test func generatedSeriesTrendAndChart() throws {
        let dir = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let series = dir.appendingPathComponent("series").path
        let g = try CLI.run([
            "generate", "--firms", "400", "--seed", "2", "--snapshots", "3", "--format", "json", "-o", series,
        ])
        #expect(g.status == 0, "\(g.stderr)")
        #expect(FileManager.default.fileExists(atPath: series + "/changes.json"))
        let t = try CLI.run(["trend", series, "--format", "csv"])
        #expect(t.status == 0, "\(t.stderr)")
        #expect(t.stdout.split(separator: "\r\n").count == 4)  // header + 3 snapshots
        let svg = dir.appendingPathComponent("trend.svg").path
        let c = try CLI.run(["trend", series, "-o", svg])
        #expect(c.status == 0, "\(c.stderr)")
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(text.hasPrefix("<?xml") && text.contains("<polyline") && text.contains("组织覆盖率"))
        // A copy of one snapshot under another name: two snapshots with one date.
        let files = try FileManager.default.contentsOfDirectory(atPath: series).filter { $0.hasSuffix("-2024-02.json") }
        let one = try #require(files.first)
        try FileManager.default.copyItem(atPath: series + "/" + one, toPath: series + "/copy.json")
        let bad = try CLI.run(["trend", series])
        #expect(bad.status == 1 && bad.stdout.isEmpty)
        #expect(bad.stderr.contains("2024-02"))
    }
}
