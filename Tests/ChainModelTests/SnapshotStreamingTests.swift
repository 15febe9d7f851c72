import ChainGraph
import Foundation
import Testing

@_spi(Internals) @_spi(Fuzzing) @testable import ChainModel

/// Snapshots read from and written to files without the whole file in memory: the streaming
/// XXH64, the file source of ``SnapshotReader`` and the file sink of the encoder.
@Suite struct SnapshotStreamingTests {
    // MARK: Streaming XXH64

    static func streamed(_ bytes: [UInt8], chunks: [Int]) -> UInt64 {
        var s = XXH64Stream()
        var at = 0, k = 0
        while at < bytes.count {
            let n = min(max(chunks[k % chunks.count], 0), bytes.count - at)
            bytes.withUnsafeBytes { s.update(UnsafeRawBufferPointer(rebasing: $0[at..<(at + n)])) }
            at += n
            k += 1
        }
        return s.digest()
    }

    @Test func streamingHashMatchesPublishedVectors() {
        let vectors: [(String, UInt64)] = [
            ("", 0xEF46_DB37_51D8_E999), ("a", 0xD24E_C4F1_A98C_6E5B), ("abc", 0x44BC_2CF5_AD77_0999),
            ("Nobody inspects the spammish repetition", 0xFBCE_A83C_8A37_8BF1),
        ]
        for (text, expected) in vectors {
            let bytes = Array(text.utf8)
            #expect(XXH64.hash(bytes, 0..<bytes.count) == expected, "\(text)")
            #expect(Self.streamed(bytes, chunks: [1]) == expected, "\(text)")
            #expect(Self.streamed(bytes, chunks: [bytes.count + 1]) == expected, "\(text)")
            var s = XXH64Stream()
            s.update(bytes)
            #expect(s.digest() == expected, "\(text)")
        }
    }

    @Test func streamingHashEqualsOneShotForEveryLengthAndSplit() {
        var rng = Xoshiro256(seed: 11)
        let data = (0..<1100).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        let splits: [[Int]] = [[1], [3], [7], [31], [32], [33], [64], [100], [5, 27, 1, 40], [0, 13], [1000]]
        for length in Array(0...130) + [255, 256, 257, 511, 1023, 1100] {
            let bytes = Array(data[..<length])
            let expected = XXH64.hash(bytes, 0..<length)
            for chunks in splits {
                #expect(Self.streamed(bytes, chunks: chunks) == expected, "length \(length), chunks \(chunks)")
            }
            // Random splits.
            for _ in 0..<3 {
                let chunks = (0..<8).map { _ in Int(rng.next() % 70) }
                #expect(Self.streamed(bytes, chunks: chunks) == expected, "length \(length), chunks \(chunks)")
            }
        }
    }

    @Test func digestLeavesTheStateUnchanged() {
        let bytes = (0..<200).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        var s = XXH64Stream()
        s.update(Array(bytes[..<50]))
        #expect(s.digest() == XXH64.hash(bytes, 0..<50))
        s.update(Array(bytes[50...]))
        #expect(s.digest() == XXH64.hash(bytes, 0..<200))
    }
}
