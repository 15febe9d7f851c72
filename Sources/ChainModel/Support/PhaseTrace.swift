import Foundation

/// Phase timings on standard error when the environment has `CHAINMAP_TRACE=1`: where a
/// load of a large park spends its time (read, parse, validate, build).
public struct PhaseTrace {
    private let enabled = ProcessInfo.processInfo.environment["CHAINMAP_TRACE"] == "1"
    private var last = Date()

    public init() {}

    /// Prints the time since the previous mark (or creation) under `phase`.
    public mutating func mark(_ phase: @autoclosure () -> String) {
        guard enabled else { return }
        let now = Date()
        // write(2), not FileHandle.write, which traps when standard error cannot be written.
        let line = String(format: "trace: %@ %.3f s\n", phase(), now.timeIntervalSince(last))
        _ = line.withCString { write(2, $0, strlen($0)) }
        last = now
    }
}
