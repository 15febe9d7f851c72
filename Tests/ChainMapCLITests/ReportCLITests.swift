import Foundation
import Testing

/// `chainmap report`: one file, written by the output rule, in the chosen language.
@Suite struct ReportCLITests {
    @Test func writesOneFileAndFollowsTheOutputRule() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("金昌.html").path
        try "old".write(toFile: path, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["report", "jinchang-battery", "-o", path])
        #expect(refused.status == 1)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        let written = try CLI.run(["report", "jinchang-battery", "-o", path, "--force", "--lang", "en"])
        #expect(written.status == 0, "\(written.stderr)")
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<html lang=\"en\">"))
        #expect(!html.contains("http://") && !html.contains("https://"))
        // Nothing but the report is left in the folder (no temporary sibling).
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["金昌.html"])
        let usage = try CLI.run(["report", "jinchang-battery", "--limit", "0", "-o", path])
        #expect(usage.status == 2)
    }

    /// `--since OLD`: the pair is checked as `chainmap diff` checks it, with the same errors,
    /// before anything is written.
    @Test func sinceIsCheckedAsDiffChecksIt() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("r.html").path
        for (old, new) in [("beilun-nev", "beilun-nev"), ("jinchang-battery", "beilun-nev")] {
            let report = try CLI.run(["report", new, "--since", old, "-o", path, "--no-warnings", "--lang", "en"])
            let diff = try CLI.run(["diff", old, new, "--no-warnings", "--lang", "en"])
            #expect(report.status == 1 && diff.status == 1)
            #expect(!report.stderr.isEmpty && report.stderr == diff.stderr, "\(report.stderr) / \(diff.stderr)")
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }
}
