import Foundation
import Testing

@testable import ChainModel

@Suite struct RoundTripTests {
    /// JSON → CSV bundle → JSON gives the same park and the same bytes.
    func assertLossless(_ path: String) throws {
        let park = try ParkLoader.load(path: path).park
        let folder = Fixture.temporaryFolder().appendingPathComponent("bundle")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try ParkWriter.write(park, format: .csv, to: folder.path)
        let back = try ParkLoader.load(path: folder.path).park
        #expect(back == park)
        #expect(ParkJSON.encode(back) == ParkJSON.encode(park))
        // And JSON → JSON is stable.
        let again = try ParkLoader.load(json: ParkJSON.encode(park), name: "again.json").park
        #expect(again == park)
    }

    @Test func miniParkRoundTrips() throws {
        try assertLossless(Fixture.path("good/mini.json"))
    }

    @Test(arguments: Samples.names)
    func sampleRoundTrips(name: String) throws {
        let path = SampleFiles.path(name)
        try assertLossless(path)
    }

    @Test func samplesAreValid() throws {
        for name in Samples.names {
            let path = SampleFiles.path(name)
            let loaded = try ParkLoader.load(path: path)
            #expect(loaded.park.firms.count >= 20, "\(name)")
        }
    }

    @Test func csvBundleSampleMatchesItsJSON() throws {
        // samples/yihuang-plastics/ is the CSV form of samples/yihuang-plastics.json.
        let folder = URL(fileURLWithPath: SampleFiles.folder).appendingPathComponent("yihuang-plastics")
        let json = try ParkLoader.load(path: SampleFiles.path("yihuang-plastics")).park
        let csv = try ParkLoader.load(path: folder.path).park
        #expect(csv == json)
    }

    @Test func writingRefusesToClobber() throws {
        let folder = Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("x.json").path
        let park = Park(id: "p", name: "P")
        try ParkWriter.write(park, format: .json, to: file)
        #expect(throws: WriteError.self) { try ParkWriter.write(park, format: .json, to: file) }
        try ParkWriter.write(park, format: .json, to: file, overwrite: true)
        // Nothing but the file itself is left in the folder (no temporary files).
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["x.json"])
    }
}
