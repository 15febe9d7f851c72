import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The temporary files and folders ChainMap is writing right now, removed if the program is
/// stopped by SIGINT (Ctrl-C), SIGTERM or SIGHUP before it renames them into place.
///
/// Paths are kept in a fixed table allocated once; the signal handler walks it with
/// async-signal-safe calls only (`unlink`, `rmdir`, `getpid`, `signal`, `raise`): files
/// first, then folders, then the signal is raised again with its default action, so the
/// exit status still says how the program ended. A forked child (the Graphviz render worker)
/// inherits the handler but leaves the parent's files alone.
///
/// ```swift
/// let token = TemporaryFiles.register(tmpPath)
/// defer { TemporaryFiles.unregister(token) }
/// ```
public enum TemporaryFiles {
    /// A registered path; pass it back to ``unregister(_:)``.
    public struct Token: Sendable {
        fileprivate let slot: Int
    }

    fileprivate static let slotCount = 64
    fileprivate static let slotBytes = Int(PATH_MAX) + 1

    /// Path bytes (NUL-terminated) of each slot; written only while the slot is free.
    nonisolated(unsafe) fileprivate static let paths: UnsafeMutablePointer<CChar> = {
        let p = UnsafeMutablePointer<CChar>.allocate(capacity: slotCount * slotBytes)
        p.initialize(repeating: 0, count: slotCount * slotBytes)
        return p
    }()

    /// 0 free, 1 file, 2 folder.
    nonisolated(unsafe) fileprivate static let states: UnsafeMutablePointer<sig_atomic_t> = {
        let p = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: slotCount)
        p.initialize(repeating: 0, count: slotCount)
        return p
    }()

    nonisolated(unsafe) fileprivate static var owner: pid_t = 0
    private static let lock = NSLock()
    nonisolated(unsafe) private static var installed = false

    /// Registers `path` (a file, or a folder when `isFolder`) for removal on a signal. Nil
    /// when the table is full or the path too long (then it is simply not cleaned on a signal).
    @discardableResult
    public static func register(_ path: String, isFolder: Bool = false) -> Token? {
        let bytes = Array(path.utf8)
        guard bytes.count < slotBytes, !bytes.contains(0) else { return nil }
        lock.lock()
        defer { lock.unlock() }
        installHandlers()
        // In bounds: slot < slotCount, and the path's bytes plus its NUL fit the slot's
        // slotBytes (bytes.count < slotBytes was checked above).
        for slot in 0..<slotCount where states[slot] == 0 {
            assert(bytes.count < slotBytes)
            let base = paths + slot * slotBytes
            _ = bytes.withUnsafeBufferPointer { b in
                b.baseAddress.map { memcpy(base, $0, b.count) }
            }
            base[bytes.count] = 0
            // The state is published last: the handler reads a slot only when it is set.
            states[slot] = isFolder ? 2 : 1
            return Token(slot: slot)
        }
        return nil
    }

    /// Forgets a path (after it was renamed into place or removed).
    public static func unregister(_ token: Token?) {
        guard let token else { return }
        lock.lock()
        defer { lock.unlock() }
        states[token.slot] = 0
    }

    /// Test knob: with `CHAINMAP_TEST_STALL_WRITE` set, a write stops for a minute once its
    /// temporary file exists, so a test can interrupt it there. Does nothing otherwise.
    public static func stallForTests() {
        guard getenv("CHAINMAP_TEST_STALL_WRITE") != nil else { return }
        _ = write(2, "stalled\n", 8)
        sleep(60)
    }

    /// Paths registered now (for tests).
    static var registered: [String] {
        lock.lock()
        defer { lock.unlock() }
        return (0..<slotCount).filter { states[$0] != 0 }.map { String(cString: paths + $0 * slotBytes) }
    }

    private static func installHandlers() {
        guard !installed else { return }
        installed = true
        owner = getpid()
        _ = paths
        _ = states
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            let previous = signal(sig, temporaryFilesSignalHandler)
            // Keep a signal that was ignored (nohup, a background job) ignored.
            if let previous, unsafeBitCast(previous, to: Int.self) == 1 { signal(sig, previous) }
        }
    }

    /// Removes every registered path now (async-signal-safe).
    fileprivate static func removeAll() {
        guard getpid() == owner else { return }
        for kind: sig_atomic_t in [1, 2] {
            for slot in 0..<slotCount where states[slot] == kind {
                let path = paths + slot * slotBytes
                if kind == 1 { unlink(path) } else { rmdir(path) }
            }
        }
    }
}

private func temporaryFilesSignalHandler(_ sig: Int32) {
    TemporaryFiles.removeAll()
    signal(sig, SIG_DFL)
    raise(sig)
}
