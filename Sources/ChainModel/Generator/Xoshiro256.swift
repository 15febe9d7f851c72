import ChainGraph
import Foundation

/// xoshiro256** (Blackman, Vigna 2018), seeded through `SplitMix64`: the generator's only
/// source of randomness, so the same seed gives the same park on every run and machine.
///
/// ```swift
/// var rng = Xoshiro256(seed: 42)
/// let die = rng.below(6) + 1
/// ```
/// - Complexity: O(1) per value.
struct Xoshiro256: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    init(seed: UInt64) {
        var sm = SplitMix64(seed: seed)
        s0 = sm.next()
        s1 = sm.next()
        s2 = sm.next()
        s3 = sm.next()
    }

    @inline(__always)
    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// The next 64 random bits.
    @inline(__always)
    mutating func next() -> UInt64 {
        let result = Self.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotl(s3, 45)
        return result
    }

    /// Uniform in [0, 1), 53 random bits.
    @inline(__always)
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Uniform integer in `0..<n` (`n` > 0): ``SplitMix64/below(_:using:)``, unbiased. (It
    /// once skipped the rejection step; a draw differs only where that step fires, with
    /// probability below n/2⁶⁴, so generated parks are unchanged.)
    @inline(__always)
    mutating func below(_ n: Int) -> Int {
        assert(n > 0)
        return Int(truncatingIfNeeded: SplitMix64.below(UInt64(n), using: &self))
    }

    /// True with probability `p`.
    @inline(__always)
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// A standard normal value (Box–Muller, one of the pair).
    mutating func normal() -> Double {
        let u1 = 1 - unit()  // (0, 1]
        let u2 = unit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// Log-normal with the given median and log-scale sigma.
    mutating func logNormal(median: Double, sigma: Double) -> Double {
        median * exp(sigma * normal())
    }

    /// Pareto with minimum 1 and tail index `alpha` (smaller: heavier tail).
    mutating func pareto(alpha: Double) -> Double {
        pow(1 - unit(), -1 / alpha)
    }

    /// Picks one element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// Fisher–Yates shuffle, independent of the standard library's algorithm.
    mutating func shuffle<T>(_ items: inout [T]) {
        var i = items.count - 1
        while i > 0 {
            let j = below(i + 1)
            items.swapAt(i, j)
            i -= 1
        }
    }
}
