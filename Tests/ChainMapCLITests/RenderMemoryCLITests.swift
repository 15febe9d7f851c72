import ChainModel
import Foundation
import Testing

/// Issue #3: rendering memory does not grow across 1,000 renders in one process. Measured in
/// a `chainmap` process of its own, so no other test's allocations count. In process, Graphviz
/// 2.42/2.43 leaked about 43 KiB per render of a clustered map (42 MiB over 1,000); the
/// renderer's recycled worker keeps the caller flat.
@Suite struct RenderMemoryCLITests {
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/statm")))
    func aThousandRendersDoNotGrowTheProcess() throws {
        let sample = try #require(Samples.path("jinchang-battery"))
        let r = try CLI.run(["measure", sample, "--algorithms", "render",
                             "--repeat", "1000", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let render = try #require((json["algorithms"] as? [String: [String: Any]])?["render"])
        #expect((render["runs"] as? [Double])?.count == 1_000)
        #expect((render["svgBytes"] as? Double ?? 0) > 10_000)
        let growth = try #require(render["residentGrowthBytes"] as? Double)
        // Under scripts/sanitize.sh the sanitizer's own memory (ASan's quarantine of freed
        // blocks, TSan's shadow) grows the process; the bound holds for normal builds.
        if ProcessInfo.processInfo.environment["CHAINMAP_SANITIZER"] == nil {
            #expect(growth < 1_048_576, "grew \(Int(growth) >> 10) KiB over the last 900 renders")
        }
    }

    @Test func renderNeedsAPark() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let graph = folder.appendingPathComponent("g.txt")
        try "a b\n".write(to: graph, atomically: true, encoding: .utf8)
        let r = try CLI.run(["measure", graph.path, "--algorithms", "render"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("render needs a park"))
    }
}
