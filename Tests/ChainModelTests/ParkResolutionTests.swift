import Testing

@_spi(Internals) @testable import ChainModel

/// A park keeps its resolved ids until its firms or links change; copies share them.
@Suite struct ParkResolutionTests {
    static func park() -> Park {
        Park(
            id: "p", name: "P",
            firms: [Firm(id: "a", name: "A"), Firm(id: "b", name: "B"), Firm(id: "c", name: "C")],
            links: [SupplyLink(supplier: "a", buyer: "b"), SupplyLink(supplier: "b", buyer: "x")]
        )
    }

    @Test func resolvesFirmsAndLinkEnds() {
        let r = Self.park().resolution
        #expect(r.firms["c"] == 2)
        #expect(r.linkSupplier == [0, 1])
        #expect(r.linkBuyer == [1, -1])
    }

    @Test func changingFirmsOrLinksRecomputes() {
        var park = Self.park()
        let copy = park
        _ = park.resolution
        park.firms.append(Firm(id: "x", name: "X"))
        #expect(park.resolution.linkBuyer == [1, 3])
        #expect(copy.resolution.linkBuyer == [1, -1], "the copy keeps its own data")
        park.links[0].supplier = "c"
        #expect(park.resolution.linkSupplier == [2, 1])
        park.firms[2].id = "z"
        #expect(park.resolution.linkSupplier == [-1, 1])
        #expect(park.resolution.firms["z"] == 2)
    }

    @Test func cacheIsNotPartOfTheValue() {
        let a = Self.park()
        let b = Self.park()
        _ = a.resolution
        #expect(a == b)
    }
}
