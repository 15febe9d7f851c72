/// A small, fast, seeded pseudo-random generator (Steele, Lea & Flood's SplitMix64): the
/// package's one seeded generator and, in ``below(_:)``, its one way to draw a bounded integer.
///
/// Deterministic across platforms and Swift versions: the same seed gives the same
/// sequence, so a seed reproduces a sampled betweenness, a shuffled benchmark input or a
/// matchmaking evaluation. (The park generator draws from xoshiro256**, seeded by this one,
/// and bounds its draws with the same `below(_:using:)`.)
///
/// ```swift
/// var rng = SplitMix64(seed: 42)
/// let x = rng.next()          // 64 random bits
/// let k = rng.below(10)       // 0..<10, unbiased
/// ```
public struct SplitMix64: RandomNumberGenerator, Sendable {
    @usableFromInline var state: UInt64

    /// Creates a generator from `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    ///
    /// - Complexity: O(1).
    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound`; 0 when `bound` is 0.
    ///
    /// Unbiased: Lemire's multiply-and-reject method ("Fast Random Integer Generation in an
    /// Interval", 2019) takes the high word of `next() × bound` and draws again in the rare
    /// case (probability below `bound / 2⁶⁴`) that the low word falls in the short first
    /// interval. It does not depend on the standard library's algorithm, so the sequence is
    /// the same with every Swift version.
    ///
    /// - Complexity: O(1) expected (fewer than 1 + `bound / 2⁶⁴` draws on average).
    @inlinable
    public mutating func below(_ bound: UInt64) -> UInt64 {
        Self.below(bound, using: &self)
    }

    /// ``below(_:)`` drawing from any generator: the one bounded draw of the package.
    ///
    /// - Complexity: O(1) expected.
    @inlinable
    package static func below<G: RandomNumberGenerator>(_ bound: UInt64, using generator: inout G) -> UInt64 {
        guard bound > 0 else { return 0 }
        var product = generator.next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = generator.next().multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }
}
