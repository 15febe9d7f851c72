import ChainGraph
import Testing

@testable import ChainModel

@Suite struct ParkGraphTests {
    @Test func supplyLayerMapsEdgesBackToLinks() throws {
        let park = try ParkLoader.load(path: Fixture.path("good/mini.json")).park
        let pg = ParkGraph(park)  // active links only
        #expect(pg.graph.nodeCount == 4)  // organizations only with the layers that reach them
        #expect(pg.graph.edgeCount == 2)
        let liwei = try #require(pg.node(ofFirm: "liwei"))
        #expect(pg.graph.predecessors(of: liwei).map { pg.ids[Int($0)] }.sorted() == ["outside", "xinglong"])
        for e in 0..<pg.graph.edgeCount {
            let link = park.links[Int(pg.linkOfEdge[e])]
            #expect(pg.ids[Int(pg.graph.source(ofEdge: e))] == link.supplier)
            #expect(pg.ids[Int(pg.graph.outTargets[e])] == link.buyer)
            #expect(pg.graph.weights[e] == link.value)
        }
        #expect(pg.node(of: "alliance") == nil)
        let both = ParkGraph(park, layers: [.supply, .pairing])
        #expect(both.graph.nodeCount == 6)
        #expect(both.node(ofFirm: "alliance") == nil)
        #expect(both.node(of: "alliance") != nil)
    }

    @Test func allLayersAndStatuses() throws {
        let park = try ParkLoader.load(path: Fixture.path("good/mini.json")).park
        let pg = ParkGraph(park, layers: [.supply, .pairing, .membership], statuses: Set(LinkStatus.allCases))
        let layers = pg.graph.layers
        #expect(layers.filter { $0 == .supply }.count == 4)
        #expect(layers.filter { $0 == .pairing }.count == 1)
        // liwei → its branch (organization), members of the alliance (2), host of the branch (1).
        #expect(layers.filter { $0 == .membership }.count == 4)
        #expect(pg.linkOfEdge.filter { $0 >= 0 }.count == 4)
    }
}
