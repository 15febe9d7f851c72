import ChainModel
import Testing

@testable import ChainRender

/// Graphviz 2.43 aborted (double free in `gvFreeLayout`) on labelled `constraint=false` edges
/// in the Ningxiang map with these suggested links. The DOT writer now writes such labels as
/// `xlabel`; if that regresses, this test crashes the test process.
@Suite struct GraphvizCrashRegressionTests {
    static let suggested = [
        ("stor-017", "cngr"), ("stor-016", "stor-002"), ("stor-017", "bangsheng"), ("stor-016", "stor-005"),
        ("shel-006", "shprod-007"), ("shel-006", "shprod-008"), ("stor-017", "stor-010"), ("stor-016", "stor-009"),
    ]

    @Test func labelledSuggestedLinksRenderInProcess() throws {
        let path = SampleFiles.path("ningxiang-storage")
        let park = try ParkLoader.load(path: path).park
        var options = MapOptions()
        options.overlays = Self.suggested.map { .suggestedLink(from: $0.0, to: $0.1, label: "补链") }
        options.layers = [.supply, .pairing]
        // The firm map with its suggestions, however small it prints (the regression is in drawing them).
        options.minimumPrintSize = nil
        for _ in 0..<3 {
            let map = try ChainMap.render(park: park, options: options, format: .svg)
            #expect(map.bytes.count > 10_000)
            #expect(String(decoding: map.bytes, as: UTF8.self).contains("补链"))
        }
    }

    @Test func nonConstrainingEdgesCarryXLabels() throws {
        let path = SampleFiles.path("ningxiang-storage")
        let park = try ParkLoader.load(path: path).park
        var options = MapOptions()
        options.overlays = [.suggestedLink(from: "stor-017", to: "cngr", label: "补链")]
        let dot = DOTWriter().write(try ChainMapBuilder(park: park).build(options))
        let suggestion = try #require(dot.split(separator: "\n").first { $0.contains("class=\"suggested\"") })
        #expect(suggestion.contains("xlabel=\"补链\""))
        #expect(!suggestion.contains(" label="))
        #expect(suggestion.contains("constraint=\"false\""))
    }
}
