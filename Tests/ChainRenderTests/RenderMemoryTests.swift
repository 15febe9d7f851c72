import ChainModel
import Foundation
import Testing

@testable import ChainRender

/// Graphviz 2.42/2.43 leaks inside `dot_layout` with clusters (43 KiB per render of the battery
/// map, 1.4 MiB per render of Beilun in process); the renderer runs Graphviz in a worker process
/// it recycles, so the calling process must stay flat.
///
/// RSS is read from /proc/self/statm (Linux only). Other suites run in parallel in this process
/// and grow its heap meanwhile (2.1 MiB measured with all ChainRenderTests), so the bound is
/// 8 MiB, still a fifth of the old leak; alone, 1,000 battery renders grow it by about 128 KiB.
/// `CHAINMAP_RENDER_SOAK=1000` renders Beilun 1,000 times instead of 20 (about 2.5 minutes).
@Suite("Render memory")
struct RenderMemoryTests {
    static let bound = 8 << 20

    @Test(.enabled(if: residentBytes() != nil))
    func aThousandRendersOfTheBatteryMapDoNotGrowTheProcess() throws {
        let dot = DOTWriter().write(try ChainMapBuilder(park: TestParks.battery()).build(MapOptions()))
        let renderer = GraphvizRenderer.shared
        let first = try renderer.render(dot: dot, format: .svg)
        for _ in 1..<50 { _ = try renderer.render(dot: dot, format: .svg) }
        let start = try #require(Self.residentBytes())
        for _ in 0..<1_000 {
            let svg = try renderer.render(dot: dot, format: .svg)
            #expect(svg.count == first.count)
        }
        let growth = try #require(Self.residentBytes()) - start
        #expect(growth < Self.bound, "grew \(growth >> 10) KiB over 1,000 renders")
    }

    @Test(.enabled(if: residentBytes() != nil))
    func beilunRendersDoNotGrowTheProcess() throws {
        let path = try #require(Samples.path("beilun-nev"))
        let park = try ParkLoader.load(path: path).park
        let dot = DOTWriter().write(try ChainMapBuilder(park: park).build(MapOptions()))
        let renderer = GraphvizRenderer.shared
        for _ in 0..<3 { _ = try renderer.render(dot: dot, format: .svg) }
        let count = ProcessInfo.processInfo.environment["CHAINMAP_RENDER_SOAK"].flatMap(Int.init) ?? 20
        let start = try #require(Self.residentBytes())
        for _ in 0..<count { _ = try renderer.render(dot: dot, format: .svg) }
        let growth = try #require(Self.residentBytes()) - start
        // In process this grew about 1.4 MiB per render (28 MiB for 20).
        #expect(growth < Self.bound, "grew \(growth >> 10) KiB over \(count) renders")
    }

    @Test func theWorkerIsReplacedAfterItsBudgetAndReaped() throws {
        let renderer = GraphvizRenderer(workerPolicy: .init(memoryBudget: 1 << 30, maxRenders: 2))
        var workers: [Int32] = []
        for _ in 0..<6 {
            _ = try renderer.render(dot: "digraph { a -> b }", format: .svg)
            if let pid = renderer.workerProcessID(), workers.last != pid { workers.append(pid) }
        }
        #expect(workers.count >= 2, "\(workers)")
        // A replaced worker has exited and been waited for: no zombie is left behind.
        let replaced = try #require(workers.first)
        if renderer.workerProcessID() != replaced {
            #expect(kill(replaced, 0) == -1 && errno == ESRCH)
        }
    }

    @Test func aWorkerThatDiesIsReplacedOnTheNextRender() throws {
        let renderer = GraphvizRenderer.shared
        _ = try renderer.render(dot: "digraph { a -> b }", format: .svg)
        renderer.stopWorker()
        let svg = try renderer.render(dot: "digraph { again }", format: .svg)
        #expect(String(decoding: svg, as: UTF8.self).contains(">again<"))
    }

    /// Graphviz 2.42/2.43 aborts (double free in `gvFreeLayout`) on labelled `constraint=false`
    /// edges in this map; the DOT writer avoids it with `xlabel`, so put `label` back to crash
    /// Graphviz on purpose. The crash must end the worker, not the test process.
    @Test func aGraphvizCrashIsATypedErrorAndTheNextRenderWorks() throws {
        let path = try #require(Samples.path("ningxiang-storage"))
        let park = try ParkLoader.load(path: path).park
        var options = MapOptions()
        options.overlays = GraphvizCrashRegressionTests.suggested.map { .suggestedLink(from: $0.0, to: $0.1, label: "补链") }
        options.layers = [.supply, .pairing]
        let dot = DOTWriter().write(try ChainMapBuilder(park: park).build(options))
            .replacingOccurrences(of: "xlabel=", with: "label=")
        do {
            _ = try GraphvizRenderer.shared.render(dot: dot, format: .svg)
            Issue.record("Graphviz did not crash on this DOT; the test needs another crashing input")
        } catch {
            guard case .graphvizCrashed(let signal) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect([SIGABRT, SIGSEGV, SIGBUS].contains(signal), "signal \(signal)")
            #expect(error.description.contains("Graphviz crashed"))
        }
        let svg = try GraphvizRenderer.shared.render(dot: "digraph { after }", format: .svg)
        #expect(String(decoding: svg, as: UTF8.self).contains(">after<"))
    }

    /// Resident bytes of this process, nil where /proc/self/statm is missing.
    static func residentBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
