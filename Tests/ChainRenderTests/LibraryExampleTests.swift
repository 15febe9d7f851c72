// The imports and lines of "ChainMap as a library" (README.md, ChainRender.docc), word for word.
import ChainAnalysis
import ChainModel
import ChainRender
import Foundation
import Testing

@Suite("ChainMap as a library")
struct LibraryExampleTests {
    /// The ten-line example: load a park, run gaps, render a map. If this stops compiling,
    /// update README.md and Sources/ChainRender/ChainRender.docc/ChainMapAsALibrary.md too.
    @Test func tenLineExampleRuns() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("chainmap-library-\(getpid()).svg")
        defer { try? FileManager.default.removeItem(at: output) }

        // --- example ---
        let park = try Samples.load("jinchang-battery").park  // or ParkLoader.load(path: "my-park.json")
        let gaps = GapReport(park: park)
        for finding in gaps.findings.prefix(3) {
            print(finding.kind, finding.place.stage ?? "", finding.severity.atRisk)
        }
        let map = try ChainMap.render(park: park, options: MapOptions(), format: .svg)
        try Data(map.bytes).write(to: output)
        // --- end ---

        #expect(!gaps.findings.isEmpty)
        let svg = try String(contentsOf: output, encoding: .utf8)
        #expect(svg.contains("<svg"))
    }
}
