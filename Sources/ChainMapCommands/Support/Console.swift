import Foundation

/// Where the commands write: data to standard output, diagnostics and progress to standard
/// error.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func out(bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Whether standard error is a terminal (progress lines are shown only there).
    static let stderrIsTerminal: Bool = isatty(2) == 1
}

/// A progress line on standard error for long work, shown only on a terminal so that piped
/// output and tests stay clean. `finish` replaces it with the elapsed time.
final class ProgressLine: @unchecked Sendable {
    private let label: String
    private let start = Date()
    private let enabled: Bool
    private let lock = NSLock()
    private var lastDraw = Date.distantPast

    init(_ label: String, enabled: Bool = Console.stderrIsTerminal) {
        self.label = label
        self.enabled = enabled
        if enabled { Console.err("\(label)…") }
    }

    /// Reports `done` of `total`; redraws at most 10 times a second.
    func update(_ done: Int, _ total: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        let pct = total > 0 ? 100 * done / total : 0
        Console.err("\r\(label)… \(pct)% (\(done)/\(total))")
    }

    func finish() {
        guard enabled else { return }
        Console.err(String(format: "\r\(label) done in %.2f s\u{1B}[K\n", Date().timeIntervalSince(start)))
    }
}
