import ChainGraph
import ChainModel
import Foundation
import Testing

@testable import ChainRender

@Suite("Deterministic DOT")
struct DeterminismTests {
    /// Set CHAINMAP_UPDATE_GOLDEN=1 to rewrite the golden file from the current writer.
    @Test func batteryParkMatchesGoldenFile() throws {
        var options = MapOptions(layers: [.supply, .pairing])
        options.overlays = [
            .highlight(firm: "changyuan", severity: .critical, label: "断链"),
            .suggestedLink(from: "elec1", to: "pack1", label: "电解液", score: 0.8125),
        ]
        let dot = DOTWriter().write(try ChainMapBuilder(park: TestParks.battery()).build(options))
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/battery-park.dot")
        if ProcessInfo.processInfo.environment["CHAINMAP_UPDATE_GOLDEN"] == "1" {
            try Data(dot.utf8).write(to: source)
        }
        let url = try #require(
            Bundle.module.url(forResource: "battery-park", withExtension: "dot", subdirectory: "Fixtures"))
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(
            dot == golden, "DOT differs from Fixtures/battery-park.dot; rerun with CHAINMAP_UPDATE_GOLDEN=1 if intended"
        )
    }

    /// Shuffled records give the same DOT. (Hash-order dependence cannot show within one
    /// process: `CrossProcessDeterminismTests` compares `chainmap map` across processes.)
    @Test func sameParkInAnyRecordOrderGivesIdenticalDOT() throws {
        let park = TestParks.battery()
        var shuffled = park
        var rng = SplitMix64(seed: 42)
        shuffled.firms.shuffle(using: &rng)
        shuffled.links.shuffle(using: &rng)
        shuffled.organizations.shuffle(using: &rng)
        shuffled.pairings.shuffle(using: &rng)
        let options = MapOptions(layers: [.supply, .pairing])
        for variant in [options, MapOptions(aggregate: .stage), MapOptions(focus: MapFocus(firm: "fudi", radius: 1))] {
            let a = DOTWriter().write(try ChainMapBuilder(park: park).build(variant))
            let b = DOTWriter().write(try ChainMapBuilder(park: shuffled).build(variant))
            #expect(a == b)
        }
    }

    @Test func stageClustersFollowTemplateOrder() throws {
        let scene = try ChainMapBuilder(park: TestParks.battery()).build(MapOptions())
        let keys = scene.clusters.map(\.key)
        #expect(
            keys == [
                "stage:precursor", "stage:cathode", "stage:anode", "stage:separator", "stage:electrolyte", "stage:cell",
                "stage:recycling", "unstaged", "outside",
            ])
        #expect(scene.clusters[5].label == ["电芯与电池包 (2)"])
        #expect(scene.clusters[6].label == ["回收利用 (1)", "可选"])
    }
}
