#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where ``SnapshotReader`` reads a snapshot's bytes from: an array in memory
/// (``ParkLoader/load(snapshot:name:)``, tests, the fuzz target) or an open file, read with
/// `pread` at offsets, so that a snapshot file is never held whole in memory.
struct SnapshotSource {
    private enum Storage {
        case bytes([UInt8])
        /// An open file (not owned: the caller closes it); `maxRead` caps one `pread` (tests
        /// use a small cap to exercise short reads).
        case file(fd: Int32, maxRead: Int)
    }

    private let storage: Storage
    /// The number of bytes: the array's count, or the file's size when it was opened.
    let size: Int

    /// The bytes of the checksum pass over a file are read this many at a time (32 MiB),
    /// into one buffer reused for the whole file.
    static let chunkSize = 32 << 20

    init(_ bytes: [UInt8]) {
        storage = .bytes(bytes)
        size = bytes.count
    }

    /// The file open on `fd`, whose size is `size` (from `fstat`; tests give a larger size to
    /// act out a file cut short while it is read).
    init(fd: Int32, size: Int, maxRead: Int = Int.max) {
        storage = .file(fd: fd, maxRead: max(1, maxRead))
        self.size = size
    }

    /// Fills `buffer` with the bytes at `offset ..< offset + buffer.count`.
    /// - Throws: ``SnapshotProblem`` when the range is not inside the source, the file ends
    ///   early (it shrank since it was opened) or the system cannot read it.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(SnapshotProblem) {
        let count = buffer.count
        guard offset >= 0, count <= size, offset <= size - count else {
            throw SnapshotProblem("could not read bytes \(offset)..<\(offset &+ count): past the end (\(size) bytes)")
        }
        guard count > 0, let base = buffer.baseAddress else { return }
        switch storage {
        case .bytes(let bytes):
            // Checked above: offset + count ≤ size == bytes.count.
            bytes.withUnsafeBytes { raw in
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + count)]))
            }
        case .file(let fd, let maxRead):
            var done = 0
            while done < count {
                // pread writes at most count - done bytes at base + done: inside the buffer.
                let n = pread(fd, base + done, min(count - done, maxRead), off_t(offset + done))
                if n < 0 {
                    let e = errno
                    if e == EINTR { continue }
                    throw SnapshotProblem(
                        "could not read bytes \(offset + done)..<\(offset + count) (\(String(cString: strerror(e))))",
                        hint: "check the disk, then read the file again")
                }
                if n == 0 {
                    throw SnapshotProblem(
                        "truncated while it was read: the file ended at byte \(offset + done) of \(size)",
                        hint: "read it again when nothing writes to it")
                }
                done += n
            }
        }
    }

    /// The bytes at `range` as an array.
    func bytes(_ range: Range<Int>) throws(SnapshotProblem) -> [UInt8] {
        if case .bytes(let bytes) = storage, range.lowerBound >= 0, range.upperBound <= bytes.count {
            return Array(bytes[range])
        }
        return try array(UInt8.self, count: range.count, at: range.lowerBound)
    }

    /// `count` values of `T` stored at `offset`, read straight into the array.
    func array<T: FixedWidthInteger>(_: T.Type, count: Int, at offset: Int) throws(SnapshotProblem) -> [T] {
        let (size, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<T>.stride)
        guard count >= 0, !overflow else {
            throw SnapshotProblem("could not read \(count) elements at \(offset): too many")
        }
        var failure: SnapshotProblem?
        // The closure initializes all `count` elements (size bytes) or none: on a failed read
        // it reports 0 initialized (T is trivial, so nothing needs deinitializing).
        let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            do throws(SnapshotProblem) {
                try read(into: UnsafeMutableRawBufferPointer(start: buffer.baseAddress, count: size), at: offset)
                initialized = count
            } catch {
                failure = error
                initialized = 0
            }
        }
        if let failure { throw failure }
        return values
    }

    /// The XXH64 of `range`: in one pass over an array, or streamed from a file
    /// ``chunkSize`` bytes at a time through one reused buffer.
    func checksum(_ range: Range<Int>) throws(SnapshotProblem) -> UInt64 {
        guard range.lowerBound >= 0, range.upperBound <= size else {
            throw SnapshotProblem("could not read bytes \(range): past the end (\(size) bytes)")
        }
        if case .bytes(let bytes) = storage { return XXH64.hash(bytes, range) }
        var state = XXH64Stream()
        let chunk = UnsafeMutableRawBufferPointer.allocate(
            byteCount: max(1, min(Self.chunkSize, range.count)), alignment: 16)
        defer { chunk.deallocate() }
        var at = range.lowerBound
        while at < range.upperBound {
            let n = min(chunk.count, range.upperBound - at)
            let part = UnsafeMutableRawBufferPointer(rebasing: chunk[..<n])
            try read(into: part, at: at)
            state.update(UnsafeRawBufferPointer(part))
            at += n
        }
        return state.digest()
    }
}
