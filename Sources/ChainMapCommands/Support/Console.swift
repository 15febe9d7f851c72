import ChainModel
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Where the commands write: data to standard output, diagnostics and progress to standard
/// error, with POSIX `write(2)` (Foundation's `FileHandle.write` traps on a write error).
///
/// A failed write to standard output ends the program: quietly with status 0 when the reader
/// went away (`chainmap rank big | head -1`: a closed pipe), with a message and status 1
/// otherwise (a full disk: `> /dev/full`), so nothing is silently cut short.
enum Console {
    static func out(_ text: String) {
        var text = text
        text.withUTF8 { write(1, $0) }
    }

    static func out(bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { write(1, $0) }
    }

    static func err(_ text: String) {
        var text = text
        text.withUTF8 { write(2, $0) }
    }

    /// Reads buf.count - done bytes from base + done while done < buf.count.
    private static func write(_ fd: Int32, _ buf: UnsafeBufferPointer<UInt8>) {
        guard let base = buf.baseAddress else { return }
        var done = 0
        while done < buf.count {
            let n = Glibc.write(fd, base + done, buf.count - done)
            if n > 0 {
                done += n
                continue
            }
            if n < 0 && errno == EINTR { continue }
            let code = n < 0 ? errno : EIO
            // Standard error failing leaves nowhere to report; give up on it silently.
            if fd == 2 { return }
            if code == EPIPE { exit(0) }
            let message =
                "error: cannot write to standard output (\(String(cString: strerror(code))))"
                + (code == ENOSPC ? ". Hint: free some disk space, or write to another place\n" : "\n")
            err(message)
            exit(1)
        }
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
        Console.err(
            "\r"
                + StderrText.text(
                    Message(
                        "cli.progress.done",
                        ["label": .text(label), "seconds": .number(Date().timeIntervalSince(start), digits: 2)]))
                + "\u{1B}[K\n")
    }
}
