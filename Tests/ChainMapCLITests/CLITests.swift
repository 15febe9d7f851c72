import Foundation
import Testing

/// End-to-end: the built `chainmap` with real arguments; stdout, stderr and exit status.
@Suite struct CLITests {
    let mini = CLI.fixtures.appendingPathComponent("good/mini.json").path

    @Test func validateAcceptsAGoodPark() throws {
        let r = try CLI.run(["validate", mini])
        #expect(r.status == 0)
        #expect(r.stdout == "\(mini): valid: 4 firms, 4 links, 2 organizations, 1 pairings, 2 needs; 0 warnings\n")
        #expect(r.stderr == "")
    }

    @Test func validateRejectsABadParkWithExactMessages() throws {
        let path = CLI.fixtures.appendingPathComponent("bad/unknown-stage.json").path
        let r = try CLI.run(["validate", path])
        #expect(r.status == 1)
        #expect(r.stdout == "")
        #expect(r.stderr == """
            \(path):41: error: firms[0].stages: unknown stage "resn". Hint: did you mean "resin"? Otherwise add it to a chain's stages
            \(path): invalid: 1 error, 0 warnings

            """)
    }

    @Test func validateListsAllErrorsOfACSVBundle() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "id,name,stages,output\na,甲,,1.2亿\nb,乙,,-4\nb,丙,,\n".write(to: folder.appendingPathComponent("firms.csv"), atomically: true, encoding: .utf8)
        try "supplier,buyer,share\na,b,2\na,ghost,\n".write(to: folder.appendingPathComponent("links.csv"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["validate", folder.path, "--format", "json"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("\"valid\": false"))
        #expect(r.stdout.contains("\"errors\": 5"))
        for needle in ["\\\"1.2亿\\\" is not a number", "negative value -4", "duplicate firm id \\\"b\\\"", "share 2 is outside 0–1", "unknown firm \\\"ghost\\\""] {
            #expect(r.stdout.contains(needle), "\(needle)")
        }
    }

    @Test func infoShowsStagesAndCounts() throws {
        let r = try CLI.run(["info", mini])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("迷你园区 (mini), 江西宜黄, data of 2024-06\n"))
        #expect(r.stdout.contains("Supply links   4: active 2, planned 1, lost 1; local 1 (50% of active); active value 750万 RMB"))
        #expect(r.stdout.contains("塑料   制品 (parts)             midstream       2        1         3.2亿"))
        let csv = try CLI.run(["info", mini, "--format", "csv"])
        #expect(csv.stdout == """
            chain,chainName,stage,stageName,tier,required,firms,leaders,output
            plastics,塑料,resin,原料,upstream,true,2,0,12000000
            plastics,塑料,parts,制品,midstream,true,2,1,320000000
            plastics,塑料,recycle,回收,downstream,false,0,0,0

            """)
        let json = try CLI.run(["info", mini, "--format", "json"])
        #expect(json.stdout.contains("\"needsByStatus\": {\n    \"open\": 1,\n    \"in-progress\": 0,\n    \"solved\": 1\n  }"))
    }

    @Test func convertRoundTripsThroughCSV() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bundle = folder.appendingPathComponent("bundle").path
        let r1 = try CLI.run(["convert", mini, "--to", "csv", "-o", bundle])
        #expect(r1.status == 0, "\(r1.stderr)")
        let r2 = try CLI.run(["convert", bundle, "--to", "json"])
        let r3 = try CLI.run(["convert", mini, "--to", "json"])
        #expect(r2.status == 0 && r3.status == 0)
        #expect(r2.stdout == r3.stdout)
        // A second write to the same folder is refused without --force, and leaves it intact.
        let again = try CLI.run(["convert", mini, "--to", "csv", "-o", bundle])
        #expect(again.status == 1)
        #expect(again.stderr.contains("folder already holds a CSV bundle"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: bundle).count == 8)
    }

    @Test func convertWritesNothingForABadPark() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out.json").path
        let r = try CLI.run(["convert", CLI.fixtures.appendingPathComponent("bad/self-link.json").path, "--to", "json", "-o", out])
        #expect(r.status == 1)
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func graphmlToStandardOutput() throws {
        let r = try CLI.run(["convert", mini, "--to", "graphml"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml"))
    }

    @Test func usageErrorsExitWith2() throws {
        let unknownOption = try CLI.run(["info", "--frobnicate"])
        #expect(unknownOption.status == 2)
        #expect(unknownOption.stderr.contains("Unknown option '--frobnicate'"))
        let badFormat = try CLI.run(["info", mini, "--format", "xml"])
        #expect(badFormat.status == 2)
        let csvNeedsFolder = try CLI.run(["convert", mini, "--to", "csv"])
        #expect(csvNeedsFolder.status == 2)
        #expect(csvNeedsFolder.stderr.contains("--to csv writes a folder"))
        let noVerb = try CLI.run(["frobnicate"])
        #expect(noVerb.status == 2)
    }

    @Test func helpHasExamplesAndExits0() throws {
        let r = try CLI.run(["convert", "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Examples:"))
        #expect(r.stdout.contains("chainmap convert samples/yihuang-plastics.json --to csv -o /tmp/yihuang"))
        let root = try CLI.run(["--help"])
        #expect(root.status == 0 && root.stdout.contains("validate") && root.stdout.contains("convert"))
    }

    @Test func missingFileIsAFailureNotACrash() throws {
        let r = try CLI.run(["info", "/nonexistent/park.json"])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("/nonexistent/park.json: error: no such file or folder"))
    }

    @Test func defaultParkIsTheBundledSample() throws {
        let r = try CLI.run(["info"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("(beilun"))
    }
}

/// `chainmap map`: Graphviz in-process.
@Suite struct MapCLITests {
    let mini = CLI.fixtures.appendingPathComponent("good/mini.json").path

    @Test func dotToStandardOutputIsDeterministic() throws {
        let a = try CLI.run(["map", mini, "--format", "dot"])
        let b = try CLI.run(["map", mini, "--format", "dot"])
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout.hasPrefix("digraph"))
        #expect(a.stdout == b.stdout)
        #expect(a.stdout.contains("江西立伟轻工"))
    }

    @Test func svgToAFileWithFocusByName() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("m.svg").path
        let r = try CLI.run(["map", mini, "--focus", "创泰", "--radius", "1", "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr == "wrote \(out)\n")
        let svg = try String(contentsOfFile: out, encoding: .utf8)
        #expect(svg.contains("<svg") && svg.contains("江西创泰活塞"))
    }

    @Test func defaultWritesChainMapSVGInTheCurrentFolder() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try CLI.run(["map", "--no-warnings"], in: folder)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("chain-map.svg").path))
    }

    @Test func unknownFocusAndChainAreFailuresWithAMessage() throws {
        let focus = try CLI.run(["map", mini, "--focus", "nobody", "--format", "dot"])
        #expect(focus.status == 1)
        #expect(focus.stderr.hasPrefix("error: no firm \"nobody\""))
        let chain = try CLI.run(["map", mini, "--chain", "steel", "--format", "dot"])
        #expect(chain.status == 1)
        #expect(chain.stderr.contains("steel"))
        let radius = try CLI.run(["map", mini, "--radius", "-1"])
        #expect(radius.status == 2)
    }

    @Test func oversizeIsAggregatedWithANoteOrRefused() throws {
        let aggregated = try CLI.run(["map", mini, "--limit", "2", "--format", "dot"])
        #expect(aggregated.status == 0)
        #expect(aggregated.stderr.contains("note:"))
        let refused = try CLI.run(["map", mini, "--limit", "2", "--refuse-oversize", "--format", "dot"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("--aggregate") || refused.stderr.contains("--chain"))
    }
}

/// `chainmap rank` and `chainmap structure`, on parks and on plain edge lists.
@Suite struct NetworkCLITests {
    let mini = CLI.fixtures.appendingPathComponent("good/mini.json").path

    /// A star into node `hub` plus a tail: hub has betweenness, leaves none.
    func edgeList() throws -> (URL, String) {
        let folder = CLI.temporaryFolder()
        let file = folder.appendingPathComponent("g.txt")
        try "# star\na hub\nb hub\nc hub\nhub tail 2\n".write(to: file, atomically: true, encoding: .utf8)
        return (folder, file.path)
    }

    @Test func rankAnEdgeListByBetweenness() throws {
        let (folder, path) = try edgeList()
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try CLI.run(["rank", path, "--by", "betweenness", "--raw", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        // hub lies on a→tail, b→tail, c→tail: raw betweenness 3; everyone else 0 (ties by id).
        #expect(r.stdout == """
            rank,id,name,stage,leader,betweenness
            1,hub,hub,,false,3.0
            2,a,a,,false,0.0
            2,b,b,,false,0.0
            2,c,c,,false,0.0
            2,tail,tail,,false,0.0

            """)
        #expect(r.stderr == "note: exact betweenness (Brandes) from all 5 nodes\n")
    }

    @Test func rankAParkByPageRankAsJSON() throws {
        let r = try CLI.run(["rank", mini, "--by", "pagerank", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"converged\": true"))
        #expect(r.stdout.contains("\"id\": \"liwei\""))
        #expect(r.stderr.hasPrefix("note: PageRank (damping 0.85) converged after"))
    }

    @Test func sampledBetweennessPrintsItsBound() throws {
        let (folder, path) = try edgeList()
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try CLI.run(["rank", path, "--by", "betweenness", "--sample", "2", "--seed", "7"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("estimated from 2 of 5 sources (seed 7); with 95% confidence every score is within ±"))
    }

    @Test func badEdgeListIsReportedWithItsLine() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.txt")
        try "a b\nc\nd e abc\n".write(to: file, atomically: true, encoding: .utf8)
        let r = try CLI.run(["rank", file.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("bad.txt:2:"))
        #expect(r.stderr.contains("bad.txt:3:"))
    }

    @Test func rankUsageErrors() throws {
        #expect(try CLI.run(["rank", mini, "--by", "fame"]).status == 2)
        #expect(try CLI.run(["rank", mini, "--by", "pagerank", "--sample", "3"]).status == 2)
        #expect(try CLI.run(["rank", mini, "--damping", "2"]).status == 2)
    }

    @Test func structureOfAnEdgeList() throws {
        let (folder, path) = try edgeList()
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try CLI.run(["structure", path, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"weakComponents\": 1"))
        #expect(r.stdout.contains("\"cutFirms\": [\"hub\"]"))
        #expect(r.stdout.contains("\"longestPath\": [\"a\", \"hub\", \"tail\"]"))
        let table = try CLI.run(["structure", mini])
        #expect(table.status == 0)
        #expect(table.stdout.contains("Cut firms (articulation points):"))
    }
}
