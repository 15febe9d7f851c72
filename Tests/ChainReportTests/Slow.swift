import Foundation
import Testing

extension Tag {
    /// Takes more than about 2 s in a debug build on 2 cores (big inputs, many processes or
    /// renders). Skipped by the quick run, `CHAINMAP_QUICK=1 swift test`; CI
    /// (`scripts/test.sh`) runs every test.
    @Tag static var slow: Self
}

/// Whether slow tests run: not under `CHAINMAP_QUICK=1`. Use as
/// `@Test(.tags(.slow), .enabled(if: Slow.allowed))`.
enum Slow {
    static let allowed = ProcessInfo.processInfo.environment["CHAINMAP_QUICK"] != "1"
}
