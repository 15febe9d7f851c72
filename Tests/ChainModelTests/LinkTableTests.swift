import Foundation
import Testing

@testable import ChainModel

/// The column store of a park's links behaves as an array of ``SupplyLink`` would, whatever
/// its texts' coding, and a snapshot written from it does not depend on how it was made.
@Suite struct LinkTableTests {
    static let sample: [SupplyLink] = [
        SupplyLink(supplier: "a", buyer: "b", product: "电芯", value: 3e6, share: 0.4, primary: true),
        SupplyLink(supplier: "b", buyer: "c", product: "电芯", status: .planned, local: false),
        SupplyLink(
            id: "L3", supplier: "a", buyer: "c", product: nil, value: 0, status: .lost, local: true, illustrative: true,
            note: "示意"),
        SupplyLink(supplier: "c", buyer: "a", product: "", value: .infinity, share: nil),
    ]

    @Test func readsBackEveryFieldAsGiven() {
        let table = LinkTable(Self.sample)
        #expect(Array(table) == Self.sample)
        #expect(table.count == 4)
        for (i, l) in Self.sample.enumerated() {
            #expect(table.supplier(at: i) == l.supplier && table.buyer(at: i) == l.buyer)
            #expect(table.product(at: i) == l.product && table.id(at: i) == l.id && table.note(at: i) == l.note)
            #expect(table.value(at: i) == l.value && table.share(at: i) == l.share)
            #expect(table.status(at: i) == l.status && table.local(at: i) == l.local)
            #expect(table.isPrimary(at: i) == l.primary && table.isIllustrative(at: i) == l.illustrative)
        }
        // Each text once: a, b, c, 电芯, L3, 示意, "".
        #expect(table.texts.count == 7)
        #expect(table.supplierCodes[0] == table.supplierCodes[2])
    }

    @Test func editsAsAnArrayWould() {
        var table = LinkTable(Self.sample)
        var array = Self.sample
        table[1].status = .active
        array[1].status = .active
        table[0].id = "first"
        array[0].id = "first"
        table[3].note = "新备注"
        array[3].note = "新备注"
        #expect(Array(table) == array)
        table.removeAll { $0.supplier == "a" }
        array.removeAll { $0.supplier == "a" }
        #expect(Array(table) == array)
        table.append(contentsOf: Self.sample)
        array.append(contentsOf: Self.sample)
        #expect(Array(table) == array)
        table.replaceSubrange(1..<3, with: [SupplyLink(supplier: "x", buyer: "y")])
        array.replaceSubrange(1..<3, with: [SupplyLink(supplier: "x", buyer: "y")])
        #expect(Array(table) == array)
        #expect(Array(table.filter { $0.status == .active }) == array.filter { $0.status == .active })
        #expect(Array(table.reversed()) == array.reversed())
    }

    @Test func equalityIsByLinksNotByCoding() {
        let forward = LinkTable(Self.sample)
        // The same links coded in another order of first appearance.
        var other = LinkTable(Self.sample.reversed())
        other = LinkTable(other.reversed())
        #expect(forward == other)
        var changed = other
        changed[2].share = 0.5
        #expect(forward != changed)
        #expect(String(describing: forward) == String(describing: Self.sample))
    }

    @Test func aSnapshotIsTheSameWhateverTheTableHolds() throws {
        let mini = try ParkLoader.load(path: Fixture.path("good/mini.json")).park
        var park = mini
        park.links = LinkTable(mini.links.map { $0 })
        park.links[0].id = "L-1"
        park.links[1].note = "说明"
        let bytes = ParkSnapshot.encode(park)
        let loaded = try ParkLoader.load(snapshot: bytes, name: "t.chainpark").park
        #expect(loaded == park)
        // The loaded park's table holds every text of the park; its snapshot is the same bytes.
        #expect(loaded.links.texts.count > park.links.texts.count)
        #expect(ParkSnapshot.encode(loaded) == bytes)
        // Edited after loading (the table's texts then get an index): still the same as editing first.
        var edited = loaded
        edited.links[2].product = "全新产品"
        park.links[2].product = "全新产品"
        #expect(ParkSnapshot.encode(edited) == ParkSnapshot.encode(park))
    }

    /// Coded in chunks on all cores, the table is the one appending gives: same links, same
    /// texts in the same order, same codes.
    @Test func codingInChunksGivesTheSameTable() {
        var links: [SupplyLink] = []
        for i in 0..<5_000 {
            links.append(
                SupplyLink(
                    id: i % 7 == 0 ? "L\(i)" : nil, supplier: "s\(i * 7919 % 613)", buyer: "b\(i / 9)",
                    product: i % 5 == 0 ? nil : "产品\(i % 37)", value: Double(i), status: i % 3 == 0 ? .lost : .active,
                    note: i == 4_999 ? "最后" : nil))
        }
        var appended = LinkTable()
        for l in links { appended.append(l) }
        for chunk in [1, 100, 1_000, 100_000] {
            let table = LinkTable(links, minimumChunk: chunk)
            #expect(Array(table) == links)
            #expect(table.texts == appended.texts)
            #expect(table.supplierCodes == appended.supplierCodes && table.productCodes == appended.productCodes)
        }
    }

    @Test func nanIsStoredAsNaNAndAbsentStaysAbsent() {
        let table = LinkTable([SupplyLink(supplier: "a", buyer: "b", value: .nan, share: nil)])
        #expect(table.value(at: 0)?.isNaN == true)
        #expect(table.share(at: 0) == nil)
    }
}
