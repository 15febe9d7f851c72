import Foundation

/// Phase timings on standard error when the environment has `CHAINMAP_TRACE=1`: where a
/// load of a large park spends its time (read, parse, validate, build).
package struct PhaseTrace {
    private let enabled = ProcessInfo.processInfo.environment["CHAINMAP_TRACE"] == "1"
    private var last = Date()

    package init() {}

    /// Prints the time since the previous mark (or creation) under `phase`.
    package mutating func mark(_ phase: @autoclosure () -> String) {
        guard enabled else { return }
        let now = Date()
        FileHandle.standardError.write(Data(String(format: "trace: %@ %.3f s\n", phase(), now.timeIntervalSince(last)).utf8))
        last = now
    }
}
