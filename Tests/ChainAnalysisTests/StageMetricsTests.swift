import Foundation
import Testing

@testable import ChainAnalysis
@testable import ChainModel

/// The plain per-stage tables the Spark job reproduces say what the gap rules say, and the
/// Spark export is written as documented (docs/SPARK.md).
@Suite struct StageMetricsTests {
    static let samples = ["beilun-nev", "jinchang-battery", "ningxiang-storage", "wujin-machinery", "yihuang-plastics"]

    /// Stage-rule findings and metric flags name the same (stage, input) places.
    @Test func flagsAgreeWithTheGapRules() throws {
        for name in Self.samples {
            let park = try GapSampleTests.sample(name)
            let report = GapReport(park: park)
            let m = StageMetrics(park: park)
            let c = StageMetrics.edgeColumns
            func flagged(_ column: String) -> Set<String> {
                let k = c.firstIndex(of: column)!
                return Set(m.edges.filter { $0[k] == .bool(true) }.map { "\($0[3].text)<-\($0[4].text)" })
            }
            func found(_ rule: GapRule) -> Set<String> {
                Set(
                    report.findings.filter { $0.rule == rule }.map {
                        "\($0.place.stage ?? "")<-\($0.place.inputStage ?? "")"
                    })
            }
            // One finding per place (docs/GAPS.md): a place the gap report files under a more
            // urgent kind is still flagged by the metric, so findings are a subset of the flags.
            #expect(found(.noStageLink).isSubset(of: flagged("noStageLink")), "\(name)")
            #expect(found(.outsideSourcing).isSubset(of: flagged("outsideSourcing")), "\(name)")
            let missing = Set(m.stages.filter { $0[8] == .bool(true) }.map { $0[1].text })
            // A missing end or upstream stage is a short chain, not a broken one (#19): the
            // metric flags every missing required stage, the gap report's 断链 only mid-chain ones.
            #expect(
                Set(report.findings.filter { $0.rule == .missingStage }.compactMap(\.place.stage)).isSubset(
                    of: missing), "\(name)")
        }
    }

    @Test func hhiAndSharesAreConsistent() throws {
        let m = StageMetrics(park: try GapSampleTests.sample("ningxiang-storage"))
        for row in m.edges {
            guard case .double(let total) = row[8], total > 0, case .double(let hhi) = row[17],
                case .double(let top) = row[16]
            else { continue }
            // HHI lies between top² and top (shares sum to 1, the largest is `top`).
            #expect(hhi >= top * top - 1e-12 && hhi <= top + 1e-12)
            if case .double(let outside) = row[11], case .double(let inPark) = row[13] {
                #expect(outside >= 0 && outside <= 1 && inPark >= 0 && inPark <= 1)
            }
        }
    }

    @Test func exportWritesTablesAndRefusesForeignFolders() throws {
        let park = try GapSampleTests.sample("yihuang-plastics")
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("spark-export-\(getpid())")
        defer { try? FileManager.default.removeItem(at: base) }
        let out = base.appendingPathComponent("lake").path
        let summary = try SparkExport.write(park, to: out, rowsPerFile: 100)
        #expect(summary.rows["nodes"] == park.firms.count)
        #expect(summary.files["links"] == (park.links.count + 99) / 100)
        #expect(SparkExport.isExport(out))
        let nodes = try String(contentsOfFile: out + "/nodes/part-00000.csv", encoding: .utf8)
        #expect(nodes.hasPrefix("node,id,name,inPark,output,leader,zone\n0,\(park.firms[0].id),"))
        #expect(!nodes.contains("\r"))
        let links = try String(contentsOfFile: out + "/links/part-00000.csv", encoding: .utf8)
        #expect(links.hasPrefix("link,src,dst,product,value,share,status,local,primary\n"))
        // Template edges are numbered as in the gap analysis's index.
        let index = ChainIndex(park)
        let templates = try String(contentsOfFile: out + "/templates/part-00000.csv", encoding: .utf8)
        #expect(templates.split(separator: "\n").count == index.stageInputValues.count + 1)
        // An earlier export is replaced; a foreign folder is refused and left alone.
        try SparkExport.write(park, to: out)
        let foreign = base.appendingPathComponent("foreign")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: foreign.appendingPathComponent("notes.txt"))
        #expect(throws: WriteError.self) { try SparkExport.write(park, to: foreign.path) }
        #expect(FileManager.default.fileExists(atPath: foreign.appendingPathComponent("notes.txt").path))
        #expect(!FileManager.default.fileExists(atPath: foreign.appendingPathComponent("nodes").path))
    }
}
