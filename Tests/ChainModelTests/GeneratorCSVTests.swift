import Foundation
import Testing

@testable import ChainModel

@Suite struct GeneratorCSVTests {
    /// The streaming writer writes exactly the bytes of the shared CSV encoder.
    func assertSameBytes(_ park: Park) {
        let fast = CSVBundleWriter.encode(park)
        let reference = ReferenceCSV.encode(park)
        #expect(fast.map(\.name) == reference.map(\.name))
        for (a, b) in zip(fast, reference) { #expect(a.bytes == b.bytes, "\(a.name) differs") }
    }

    @Test func matchesTheReferenceEncoderOnAGeneratedPark() throws {
        let result = try #require(GeneratedFixture.result)
        assertSameBytes(result.park)
    }

    @Test(arguments: Samples.names)
    func matchesTheReferenceEncoderOnSamples(name: String) throws {
        let path = SampleFiles.path(name)
        assertSameBytes(try ParkLoader.load(path: path).park)
    }

    @Test func awkwardValuesAreWrittenAlike() {
        var park = Park(id: "p", name: "a, \"b\"")
        park.chains = [Chain(id: "c", name: " c ", stages: [Stage(id: "s", name: "s\nt", tier: .upstream)])]
        park.firms = [
            Firm(
                id: "f1", name: "x,y", stages: ["s"], products: ["a|b", "c\\d", ""], output: 0.1, capacity: 1e20,
                note: "\"q\""),
            Firm(id: "f2", name: "z", output: 1234.5678, employees: -3, capacity: 0.000001, workCovered: false),
        ]
        park.links = [
            SupplyLink(
                id: "l", supplier: "f1", buyer: "f2", product: "p,q", value: 0.25, share: 0.005, status: .lost,
                local: true),
            SupplyLink(
                supplier: "f2", buyer: "f1", value: -0.0, share: 0.999, status: .planned, primary: true,
                illustrative: true),
        ]
        assertSameBytes(park)
    }

    @Test func fastFractionsMatchNumberFormat() {
        for k in 1...999 {
            let d = Double(k) / 1000
            let sink = CSVByteSink(fd: -1, capacity: 64)
            sink.double(d)
            sink.flush()
            #expect(sink.collected == Array(NumberFormat.shortest(d).utf8), "\(k)")
        }
    }

    @Test func writerRefusesANonEmptyFolder() throws {
        let result = try ParkGenerator.generate(.init(firms: 300, seed: 1))
        let folder = Fixture.temporaryFolder().appendingPathComponent("bundle")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try CSVBundleWriter.write(result.park, to: folder.path, extraFiles: [("planted-gaps.json", [0x7B, 0x7D])])
        #expect(throws: WriteError.self) { try CSVBundleWriter.write(result.park, to: folder.path) }
        try CSVBundleWriter.write(result.park, to: folder.path, overwrite: true)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("links.csv").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("planted-gaps.json").path))
    }
}
