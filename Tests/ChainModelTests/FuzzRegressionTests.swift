import Foundation
import Testing

@_spi(Fuzzing) @testable import ChainModel

/// Replays the inputs in Fixtures/fuzz/<Target>/ that once made a fuzz target (Fuzz/) crash
/// or disagree with itself, with the target's own oracle: loading must not crash, and the
/// chunked CSV read must give what the sequential one gives.
@Suite struct FuzzRegressionTests {
    /// The CSV bundle's member files in the order of FuzzParkCSV's input layout.
    static let memberFiles = ["park.csv", "chains.csv", "stages.csv", "firms.csv", "links.csv", "organizations.csv", "pairings.csv", "needs.csv", "resources.csv", "projects.csv"]
    /// FuzzSupport.chunkThresholds.
    static let chunkThresholds = [1, 2, 7, 32, 200, Int.max]

    static func inputs(_ target: String) -> [String] {
        let folder = Fixture.path("fuzz/\(target)")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted()
    }

    static func bytes(_ target: String, _ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixture.path("fuzz/\(target)/\(name)"))))
    }

    /// FuzzParkCSV: byte 0 = absent files, byte 1 = threshold, then NUL-separated files.
    @Test(arguments: inputs("FuzzParkCSV"))
    func csvBundle(_ name: String) throws {
        let input = try Self.bytes("FuzzParkCSV", name)
        try #require(input.count >= 2)
        let folder = Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let segments = input[2...].split(separator: 0, maxSplits: Self.memberFiles.count - 1, omittingEmptySubsequences: false)
        for (i, file) in Self.memberFiles.enumerated() where i < segments.count && input[0] & (1 << i) == 0 {
            try Data(segments[i]).write(to: folder.appendingPathComponent(file))
        }
        let threshold = Self.chunkThresholds[Int(input[1]) % Self.chunkThresholds.count]
        let chunked = Result { () throws(ParkLoadError) in try ParkLoader.load(csvFolder: folder.path, minimumParallelBytes: threshold) }
        let sequential = Result { () throws(ParkLoadError) in try ParkLoader.load(csvFolder: folder.path, minimumParallelBytes: .max) }
        switch (sequential, chunked) {
        case (.success(let a), .success(let b)):
            #expect(a.park == b.park)
            #expect(a.warnings == b.warnings)
        case (.failure, .failure):
            break
        default:
            Issue.record("outcomes differ: sequential \(sequential), chunked \(chunked)")
        }
    }

    /// FuzzParkJSON: the file's bytes; a park that loads loads again after a JSON round trip.
    @Test(arguments: inputs("FuzzParkJSON"))
    func jsonPark(_ name: String) throws {
        let input = try Self.bytes("FuzzParkJSON", name)
        guard let loaded = try? ParkLoader.load(json: input, name: name) else { return }
        let again = try #require(ParkWriter.encode(loaded.park, format: .json))
        #expect(try ParkLoader.load(json: again, name: "again.json").park == loaded.park)
    }
}
