/// XXH64 (Yann Collet's xxHash, 64-bit variant, seed 0) in Swift: the checksum of a park
/// snapshot. Chosen over CRC32C (no hardware instruction reachable from portable Swift) and
/// FNV-1a (one multiply per word in a dependent chain, and weaker mixing): XXH64 runs four
/// independent lanes of 8-byte words and detects any flipped bit or byte with probability
/// 1 − 2⁻⁶⁴. Test vectors: `XXH64("") = 0xEF46DB3751D8E999`, `XXH64("abc") = 0x44BC2CF5AD770999`.
enum XXH64 {
    fileprivate static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    fileprivate static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    fileprivate static let p3: UInt64 = 0x1656_67B1_9E37_79F9
    fileprivate static let p4: UInt64 = 0x85EB_CA77_C2B2_AE63
    fileprivate static let p5: UInt64 = 0x27D4_EB2F_1656_67C5

    @inline(__always) fileprivate static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }

    @inline(__always) fileprivate static func round(_ acc: UInt64, _ input: UInt64) -> UInt64 {
        rotl(acc &+ input &* p2, 31) &* p1
    }

    @inline(__always) fileprivate static func merge(_ acc: UInt64, _ value: UInt64) -> UInt64 {
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
        var h: UInt64
        var i = 0
        if count >= 32 {
            var lanes = Lanes()
            i = lanes.consume(buffer)
            h = lanes.merged()
        } else {
            h = p5
        }
        return finish(h &+ UInt64(count), tail: UnsafeRawBufferPointer(rebasing: buffer[i...]))
    }

    /// The four accumulators of the 32-byte stripes.
    fileprivate struct Lanes {
        var v1 = p1 &+ p2, v2 = p2, v3: UInt64 = 0, v4 = 0 &- p1

        /// Consumes every whole 32-byte stripe of `buffer`; returns the bytes consumed (a
        /// multiple of 32, at most `buffer.count`).
        @inline(__always)
        mutating func consume(_ buffer: UnsafeRawBufferPointer) -> Int {
            let count = buffer.count
            @inline(__always) func load64(_ i: Int) -> UInt64 {
                assert(i >= 0 && i + 8 <= count)
                return UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            }
            var i = 0
            while i + 32 <= count {
                v1 = round(v1, load64(i))
                v2 = round(v2, load64(i + 8))
                v3 = round(v3, load64(i + 16))
                v4 = round(v4, load64(i + 24))
                i += 32
            }
            return i
        }

        func merged() -> UInt64 {
            var h = rotl(v1, 1) &+ rotl(v2, 7) &+ rotl(v3, 12) &+ rotl(v4, 18)
            h = merge(h, v1)
            h = merge(h, v2)
            h = merge(h, v3)
            h = merge(h, v4)
            return h
        }
    }

    /// The last step: mixes in `tail` (fewer than 32 bytes) and avalanches.
    fileprivate static func finish(_ start: UInt64, tail buffer: UnsafeRawBufferPointer) -> UInt64 {
        let count = buffer.count
        assert(count < 32)
        var h = start
        var i = 0
        while i + 8 <= count {
            h ^= round(0, UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
            h = rotl(h, 27) &* p1 &+ p4
            i += 8
        }
        if i + 4 <= count {
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

/// XXH64 over bytes that arrive in pieces: ``update(_:)`` any number of times, then
/// ``digest()``; the same value as ``XXH64/hash(_:)`` of the pieces joined, whatever the
/// split. State: the four lanes, up to 31 bytes not yet forming a stripe, the total length.
struct XXH64Stream {
    private var lanes = XXH64.Lanes()
    /// Bytes of an incomplete stripe (`pending` of them are set).
    private var buffer: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var pending = 0
    private var total: UInt64 = 0

    init() {}

    mutating func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { update($0) } }

    mutating func update(_ input: UnsafeRawBufferPointer) {
        guard !input.isEmpty else { return }
        total &+= UInt64(input.count)
        var rest = input
        if pending > 0 {
            // Fill the stripe buffer first.
            let from = pending, take = min(32 - pending, rest.count), source = rest
            withUnsafeMutableBytes(of: &buffer) { b in
                UnsafeMutableRawBufferPointer(rebasing: b[from..<(from + take)])
                    .copyMemory(from: UnsafeRawBufferPointer(rebasing: source[..<take]))
            }
            pending += take
            rest = UnsafeRawBufferPointer(rebasing: rest[take...])
            guard pending == 32 else { return }
            let stripe = buffer
            withUnsafeBytes(of: stripe) { _ = lanes.consume($0) }
            pending = 0
        }
        let used = lanes.consume(rest)
        let left = rest.count - used
        if left > 0 {
            let source = rest
            withUnsafeMutableBytes(of: &buffer) { b in
                UnsafeMutableRawBufferPointer(rebasing: b[..<left])
                    .copyMemory(from: UnsafeRawBufferPointer(rebasing: source[used...]))
            }
            pending = left
        }
    }

    /// The hash of everything given so far (the state is unchanged).
    func digest() -> UInt64 {
        let h = total >= 32 ? lanes.merged() : XXH64.p5
        let tail = buffer, n = pending
        return withUnsafeBytes(of: tail) { b in
            XXH64.finish(h &+ total, tail: UnsafeRawBufferPointer(rebasing: b[..<n]))
        }
    }
}
