/// XXH64 (Yann Collet's xxHash, 64-bit variant, seed 0) in Swift: the checksum of a park
/// snapshot. Chosen over CRC32C (no hardware instruction reachable from portable Swift) and
/// FNV-1a (one multiply per word in a dependent chain, and weaker mixing): XXH64 runs four
/// independent lanes of 8-byte words and detects any flipped bit or byte with probability
/// 1 − 2⁻⁶⁴. Test vectors: `XXH64("") = 0xEF46DB3751D8E999`, `XXH64("abc") = 0x44BC2CF5AD770999`.
enum XXH64 {
    private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let p3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let p4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let p5: UInt64 = 0x27D4_EB2F_1656_67C5

    @inline(__always) private static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }

    @inline(__always) private static func round(_ acc: UInt64, _ input: UInt64) -> UInt64 {
        rotl(acc &+ input &* p2, 31) &* p1
    }

    @inline(__always) private static func merge(_ acc: UInt64, _ value: UInt64) -> UInt64 {
        (acc ^ round(0, value)) &* p1 &+ p4
    }

    /// The hash of `bytes[range]`.
    /// - Precondition: `range` lies within `bytes` (checked).
    static func hash(_ bytes: [UInt8], _ range: Range<Int>) -> UInt64 {
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count)
        return bytes.withUnsafeBytes { hash(UnsafeRawBufferPointer(rebasing: $0[range])) }
    }

    /// The hash of `buffer`. Every load below reads at `i ..< i + 8` (or `+ 4`) with the loop
    /// condition guaranteeing `i + 8 <= count`: no read leaves the buffer.
    static func hash(_ buffer: UnsafeRawBufferPointer) -> UInt64 {
        let count = buffer.count
        @inline(__always) func load64(_ i: Int) -> UInt64 {
            assert(i >= 0 && i + 8 <= count)
            return UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: i, as: UInt64.self))
        }
        var i = 0
        var h: UInt64
        if count >= 32 {
            var v1 = p1 &+ p2, v2 = p2, v3: UInt64 = 0, v4 = 0 &- p1
            while i + 32 <= count {
                v1 = round(v1, load64(i))
                v2 = round(v2, load64(i + 8))
                v3 = round(v3, load64(i + 16))
                v4 = round(v4, load64(i + 24))
                i += 32
            }
            h = rotl(v1, 1) &+ rotl(v2, 7) &+ rotl(v3, 12) &+ rotl(v4, 18)
            h = merge(h, v1)
            h = merge(h, v2)
            h = merge(h, v3)
            h = merge(h, v4)
        } else {
            h = p5
        }
        h = h &+ UInt64(count)
        while i + 8 <= count {
            h ^= round(0, load64(i))
            h = rotl(h, 27) &* p1 &+ p4
            i += 8
        }
        if i + 4 <= count {
            assert(i + 4 <= count)
            let k = UInt64(UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: i, as: UInt32.self)))
            h ^= k &* p1
            h = rotl(h, 23) &* p2 &+ p3
            i += 4
        }
        while i < count {
            h ^= UInt64(buffer[i]) &* p5
            h = rotl(h, 11) &* p1
            i += 1
        }
        h ^= h >> 33
        h = h &* p2
        h ^= h >> 29
        h = h &* p3
        h ^= h >> 32
        return h
    }
}
