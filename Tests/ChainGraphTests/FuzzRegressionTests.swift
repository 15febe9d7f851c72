import Foundation
import Testing

@_spi(Fuzzing) @testable import ChainGraph

/// Replays the inputs in Fixtures/fuzz/FuzzEdgeList/ that once made the edge-list fuzz target
/// (Fuzz/) crash or disagree with itself: parsing must not crash, and the chunked read must
/// equal the sequential one.
@Suite struct EdgeListFuzzRegressionTests {
    /// FuzzSupport.chunkThresholds.
    static let chunkThresholds = [1, 2, 7, 32, 200, Int.max]

    static let root: URL =
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static var inputs: [String] {
        let folder = root.appendingPathComponent("fuzz/FuzzEdgeList").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted()
    }

    /// Byte 0: bit 0 undirected, bit 1 default weight 2.5, bits 2-7 threshold; then the list.
    @Test(arguments: inputs)
    func edgeList(_ name: String) throws {
        let input = [UInt8](try Data(contentsOf: Self.root.appendingPathComponent("fuzz/FuzzEdgeList/\(name)")))
        let control = try #require(input.first)
        let options = EdgeListReader.Options(
            directed: control & 1 == 0, defaultWeight: control & 2 == 0 ? 1 : 2.5, maxErrors: 5)
        let threshold = Self.chunkThresholds[Int(control >> 2) % Self.chunkThresholds.count]
        let text = Array(input[1...])
        let chunked = Result { () throws(EdgeListReadFailure) in
            try EdgeListReader.parse(text, options: options, minimumParallelBytes: threshold)
        }
        let sequential = Result { () throws(EdgeListReadFailure) in
            try EdgeListReader.parse(text, options: options, minimumParallelBytes: .max)
        }
        switch (sequential, chunked) {
        case (.success(let a), .success(let b)):
            #expect(a.labels == b.labels)
            #expect(a.graph.outOffsets == b.graph.outOffsets && a.graph.outTargets == b.graph.outTargets)
            #expect(
                a.graph.weights == b.graph.weights && a.graph.inSources == b.graph.inSources
                    && a.graph.inEdges == b.graph.inEdges)
        case (.failure(let a), .failure(let b)):
            #expect(a == b)
        default:
            Issue.record("outcomes differ: sequential \(sequential), chunked \(chunked)")
        }
    }
}
