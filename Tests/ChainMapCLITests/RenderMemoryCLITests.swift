import ChainModel
import Foundation
import Testing

/// Issue #3: rendering memory does not grow across 1,000 renders in one process. Measured in
/// a `chainmap` process of its own, so no other test's allocations count. In process, Graphviz
/// 2.42/2.43 leaked about 43 KiB per render of a clustered map (42 MiB over 1,000); the
/// renderer's recycled worker keeps the caller flat.
@Suite struct RenderMemoryCLITests {
    @Test(
        .tags(.slow), .enabled(if: Slow.allowed),
        .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/statm")))
    func aThousandRendersDoNotGrowTheProcess() throws {
        let sample = SampleFiles.path("jinchang-battery")
        let r = try CLI.run([
            "measure", sample, "--algorithms", "render",
            "--repeat", "1000", "--format", "json",
        ])
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

    /// The render worker is this executable started with CHAINMAP_RENDER_WORKER=<fd>:<parent
    /// pid>; a stray value (another parent) is ignored and the command runs as usual.
    @Test func aStrayWorkerVariableIsIgnored() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("map.svg")
        let r = try CLI.run(
            ["map", "jinchang-battery", "-o", out.path], environment: ["CHAINMAP_RENDER_WORKER": "3:1"])
        #expect(r.status == 0, "\(r.stderr)")
        let svg = try String(contentsOf: out, encoding: .utf8)
        #expect(svg.contains("<svg"))
    }

    /// A worker whose parent is gone before it starts (the variable names another pid) exits
    /// at once instead of running the program's main.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash")))
    func anOrphanedWorkerExitsBeforeMain() throws {
        let exe = try #require(CLI.executable)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "exec -a chainmap-render-worker \"$0\" samples", exe.path]
        process.environment = ProcessInfo.processInfo.environment.merging(["CHAINMAP_RENDER_WORKER": "3:1"]) { _, new in
            new
        }
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(data.isEmpty, "the program's main ran: \(String(decoding: data, as: UTF8.self))")
    }

    @Test func renderNeedsAPark() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let graph = folder.appendingPathComponent("g.txt")
        try "a b\n".write(to: graph, atomically: true, encoding: .utf8)
        let r = try CLI.run(["measure", graph.path, "--algorithms", "render"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("图谱渲染需要园区数据"))
    }
}
