/// A small, fast, seeded pseudo-random generator (Steele, Lea & Flood's SplitMix64).
///
/// Deterministic across platforms and Swift versions: the same seed gives the same
/// sequence. Used by the sampled centrality algorithms instead of
/// `SystemRandomNumberGenerator`, so that a seed reproduces a result.
///
/// ```swift
/// var rng = SplitMix64(seed: 42)
/// let x = rng.next()             // UInt64
/// let k = rng.uniform(below: 10) // 0..<10, unbiased
/// ```
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The internal state; advanced by the golden-ratio increment on every draw.
    public var state: UInt64

    /// Creates a generator from `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits. - Complexity: O(1).
    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` (`bound > 0`), by Lemire's multiply-and-reject
    /// method, so it is unbiased and does not depend on the standard library's algorithm.
    /// Returns 0 when `bound <= 0`. - Complexity: O(1) expected.
    public mutating func uniform(below bound: UInt64) -> UInt64 {
        guard bound > 0 else { return 0 }
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }
}
