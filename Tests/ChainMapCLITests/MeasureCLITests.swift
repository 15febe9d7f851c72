import Foundation
import Testing

/// `chainmap measure`: timings plus the results the peer comparison checks.
@Suite struct MeasureCLITests {
    /// a→b→c→a is one strong component, d hangs off c, x→y is a second weak component.
    static let edges = "a b\nb c\nc a\nc d\nx y\n"

    @Test func measureReportsResultsForAgreementChecks() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let graph = folder.appendingPathComponent("g.txt")
        try Self.edges.write(to: graph, atomically: true, encoding: .utf8)
        let sources = folder.appendingPathComponent("sources.txt")
        try "a\n".write(to: sources, atomically: true, encoding: .utf8)
        let scores = folder.appendingPathComponent("scores.tsv")

        let r = try CLI.run([
            "measure", graph.path, "--sources", sources.path, "--repeat", "2",
            "--scores-out", scores.path, "--format", "json",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["nodes"] as? Int == 6)
        #expect(json["edges"] as? Int == 5)
        #expect((json["peakRSSBytes"] as? Int ?? 0) > 0)
        let algos = try #require(json["algorithms"] as? [String: [String: Any]])
        #expect(Set(algos.keys) == ["load", "pagerank", "wcc", "scc", "betweenness"])
        for (_, a) in algos { #expect((a["runs"] as? [Double])?.count == 2) }
        #expect(algos["pagerank"]?["iterations"] as? Double == 20)
        #expect(algos["pagerank"]?["converged"] as? Double == 0)
        #expect(algos["wcc"]?["count"] as? Double == 2)
        #expect(algos["wcc"]?["largest"] as? Double == 4)
        #expect(algos["scc"]?["count"] as? Double == 4)
        #expect(algos["scc"]?["largest"] as? Double == 3)
        // From a: a→c passes b; a→d passes b and c. Raw sums: b 2, c 1.
        let top = try #require(algos["betweenness"]?["top"] as? [[String: Any]])
        #expect(top.prefix(2).map { $0["id"] as? String } == ["b", "c"])
        #expect(top.prefix(2).map { $0["score"] as? Double } == [2, 1])

        let lines = try String(contentsOf: scores, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "# id\tpagerank\tbetweenness")
        #expect(lines.count == 7)
        var sum = 0.0
        for line in lines.dropFirst() {
            let cols = line.split(separator: "\t")
            sum += Double(cols[1]) ?? .nan
            if cols[0] == "b" { #expect(Double(cols[2]) == 2) }
        }
        #expect(abs(sum - 1) < 1e-12)
    }

    @Test func measureTableAndConvergedPageRank() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let graph = folder.appendingPathComponent("g.txt")
        try Self.edges.write(to: graph, atomically: true, encoding: .utf8)
        let fixed = try CLI.run([
            "measure", graph.path, "--algorithms", "pagerank,scc", "--repeat", "1", "--sample", "2", "--lang", "en",
        ])
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(fixed.stdout.contains("20 iterations (fixed: tolerance 0)"))
        #expect(fixed.stdout.contains("4 components, largest 3, 1 with more than one node"))
        #expect(fixed.stdout.contains("Peak memory"))
        #expect(!fixed.stdout.contains("betweenness"))
        let converged = try CLI.run([
            "measure", graph.path, "--algorithms", "pagerank", "--tolerance", "1e-12", "--repeat", "1", "--lang", "en",
        ])
        #expect(converged.status == 0)
        #expect(converged.stdout.contains(" < 1e-12"))
        // Chinese by default.
        let zh = try CLI.run(["measure", graph.path, "--algorithms", "scc", "--repeat", "1"])
        #expect(zh.status == 0)
        #expect(zh.stdout.contains("4 个分量，最大 3 个节点，1 个多于一个节点"))
    }

    /// The timings are a report like any other: CSV for Excel (BOM, CRLF) and a workbook.
    @Test func measureWritesEveryFormat() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let graph = folder.appendingPathComponent("g.txt")
        try Self.edges.write(to: graph, atomically: true, encoding: .utf8)
        let csv = try CLI.run(["measure", graph.path, "--algorithms", "wcc,scc", "--repeat", "1", "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.hasPrefix("\u{FEFF}algorithm,best,runs,result\r\n"))
        #expect(csv.stdout.contains("\r\nwcc,"))
        let book = folder.appendingPathComponent("m.xlsx")
        let x = try CLI.run([
            "measure", graph.path, "--algorithms", "wcc", "--repeat", "1", "--format", "xlsx", "-o", book.path,
        ])
        #expect(x.status == 0, "\(x.stderr)")
        #expect(try Data(contentsOf: book).prefix(2) == Data("PK".utf8))
        let md = try CLI.run(["measure", graph.path, "--algorithms", "wcc", "--repeat", "1", "--format", "markdown"])
        #expect(md.status == 0 && md.stdout.hasPrefix("# "))
    }

    @Test func measureUsageErrors() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let graph = folder.appendingPathComponent("g.txt")
        try Self.edges.write(to: graph, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["measure", graph.path, "--algorithms", "louvain"]).status == 2)
        #expect(try CLI.run(["measure", graph.path, "--repeat", "0"]).status == 2)
        let unknownAlgorithm = try CLI.run(["measure", graph.path, "--algorithms", "louvain"])
        #expect(unknownAlgorithm.stderr.contains("未知算法“louvain”"))
        // Every format the help offers works (csv used to be listed, then refused).
        let help = try CLI.run(["measure", "--help"])
        #expect(help.stdout.contains("--format") && help.stdout.contains("csv"))
        let missing = folder.appendingPathComponent("none.txt")
        let r = try CLI.run(["measure", graph.path, "--algorithms", "betweenness", "--sources", missing.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("none.txt"))
        let unknown = folder.appendingPathComponent("unknown.txt")
        try "zz\n".write(to: unknown, atomically: true, encoding: .utf8)
        let u = try CLI.run(["measure", graph.path, "--algorithms", "betweenness", "--sources", unknown.path])
        #expect(u.status == 1)
        #expect(u.stderr.contains("未知节点“zz”"))
    }
}
