#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The one rule for every file ChainMap reads, with the real reason when it cannot:
///
/// - a regular file is read whole (the caller may map it instead);
/// - a stream — a pipe, a FIFO, a socket, e.g. `/dev/stdin` or `<(zcat big.txt)` — is read
///   only where a single input is expected (`allowStream`), and at most
///   ``maxStreamBytes`` bytes, so a stream without end is an error, not a machine out of
///   memory; a FIFO without a writer reads as empty instead of hanging;
/// - devices (`/dev/zero`), folders and anything else are refused, as are streams where a
///   park bundle expects its member files;
/// - a path that cannot be opened says why: missing, a dangling symbolic link, a link loop,
///   permission denied.
///
/// ```swift
/// switch InputFile.read("links.txt", allowStream: true) {
/// case .success(let bytes): …
/// case .failure(let problem): print(problem.message, problem.hint)
/// }
/// ```
public enum InputFile {
    /// Most bytes read from a stream (1 GiB).
    public static let maxStreamBytes = 1 << 30

    /// Why a file cannot be read.
    public struct Problem: Error, Sendable, Equatable {
        /// What is wrong, e.g. "is a symbolic link to a missing file (gone.csv)".
        public var message: String
        /// What to do.
        public var hint: String
        /// True when nothing at all is at the path (not even a link).
        public var isMissing: Bool
        /// What went wrong, for callers that say it in their own words (the message catalog).
        public var cause: Cause

        /// What went wrong.
        public enum Cause: Sendable, Equatable {
            /// Nothing at the path (or a part of it is not a folder).
            case missing
            /// A symbolic link to a missing file (the link's target).
            case danglingLink(String)
            case linkLoop
            case permissionDenied
            /// `open` or `stat` failed otherwise (the system's reason).
            case openFailed(String)
            /// A FIFO or socket where a regular file is needed.
            case stream(fifo: Bool)
            case folder
            /// A device, or another kind of file that is not regular.
            case notRegular(device: Bool)
            /// A read failed (the system's reason); `stream` when reading a pipe.
            case readFailed(String, stream: Bool)
            /// The file changed size while it was read.
            case changed(read: Int, size: Int)
            /// A pipe longer than the limit (in MiB).
            case streamTooLong(mebibytes: Int)
        }
    }

    /// What is at a path, links followed.
    public enum Kind: Sendable, Equatable {
        case regular(size: Int)
        case stream
        case folder
        case other(String)
    }

    /// Whether anything is at `path` itself (a dangling link counts).
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// The kind of file at `path` (links followed), or why it cannot be examined.
    public static func kind(_ path: String) -> Result<Kind, Problem> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(openProblem(path, errno)) }
        return .success(kind(of: info))
    }

    static func kind(of info: stat) -> Kind {
        switch info.st_mode & S_IFMT {
        case S_IFREG: .regular(size: Int(info.st_size))
        case S_IFIFO, S_IFSOCK: .stream
        case S_IFDIR: .folder
        case S_IFCHR, S_IFBLK: .other("a device")
        default: .other("not a regular file")
        }
    }

    /// The problem for an `open`/`stat` of `path` that failed with `code`, naming the real
    /// cause (a dangling link or a loop is not "no such file").
    public static func openProblem(_ path: String, _ code: Int32) -> Problem {
        var info = stat()
        switch code {
        case ENOENT:
            if lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK {
                var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
                let n = readlink(path, &buffer, buffer.count - 1)
                let target = n > 0 ? String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : "?"
                return Problem(
                    message: "is a symbolic link to a missing file (\(target))", hint: "fix or remove the link",
                    isMissing: false, cause: .danglingLink(target))
            }
            return Problem(message: "no such file or folder", hint: "check the path", isMissing: true, cause: .missing)
        case ELOOP:
            return Problem(
                message: "is a symbolic link in a loop (too many levels of symbolic links)",
                hint: "fix the link so that it leads to a file", isMissing: false, cause: .linkLoop)
        case EACCES, EPERM:
            return Problem(
                message: "cannot be opened: permission denied",
                hint: "check the file's permissions (chmod) or run as its owner", isMissing: false,
                cause: .permissionDenied)
        case ENOTDIR:
            return Problem(
                message: "cannot be opened: a part of the path is not a folder", hint: "check the path",
                isMissing: true, cause: .missing)
        default:
            return Problem(
                message: "cannot be opened (\(String(cString: strerror(code))))",
                hint: "check the path and its permissions", isMissing: false,
                cause: .openFailed(String(cString: strerror(code))))
        }
    }

    /// Reads the file at `path` under the rule above.
    /// - Parameters:
    ///   - allowStream: whether a pipe or FIFO is acceptable (a single input, not a member of
    ///     a bundle).
    ///   - limit: most bytes read from a stream.
    public static func read(_ path: String, allowStream: Bool, limit: Int = maxStreamBytes) -> Result<[UInt8], Problem>
    {
        // O_NONBLOCK: opening a FIFO without a writer must not hang.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(openProblem(path, errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(openProblem(path, errno)) }
        switch kind(of: info) {
        case .regular(let size):
            return readRegular(fd, size: size)
        case .stream:
            guard allowStream else {
                return .failure(
                    Problem(
                        message:
                            "is \(info.st_mode & S_IFMT == S_IFIFO ? "a FIFO (named pipe)" : "a socket"), not a regular file",
                        hint: "the files of a park folder must be regular files; copy the data into a file",
                        isMissing: false, cause: .stream(fifo: info.st_mode & S_IFMT == S_IFIFO)))
            }
            let flags = fcntl(fd, F_GETFL)
            if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
            return readStream(fd, limit: limit)
        case .folder:
            return .failure(
                Problem(message: "is a folder, not a file", hint: "name a file", isMissing: false, cause: .folder))
        case .other(let what):
            return .failure(
                Problem(
                    message: "is \(what), not a regular file",
                    hint: "name a regular file (or a pipe for a single input)", isMissing: false,
                    cause: .notRegular(device: what == "a device")))
        }
    }

    static func readRegular(_ fd: Int32, size: Int) -> Result<[UInt8], Problem> {
        var failure: Int32 = 0
        // read(2) writes at most size - done bytes at base + done, so bytes 0..<done are
        // initialized and in the buffer; the array claims exactly those (a short read is
        // reported below, never padded).
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size, let base = buffer.baseAddress {
                let n = systemRead(fd, base + done, size - done)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { failure = errno; break }
                if n == 0 { break }
                done += n
            }
            assert(done <= buffer.count)
            count = done
        }
        if failure != 0 {
            return .failure(
                Problem(
                    message: "cannot be read (\(String(cString: strerror(failure))))", hint: "check the disk",
                    isMissing: false, cause: .readFailed(String(cString: strerror(failure)), stream: false)))
        }
        if bytes.count != size {
            return .failure(
                Problem(
                    message: "changed while it was read (\(bytes.count) of \(size) bytes)",
                    hint: "read it again when nothing writes to it", isMissing: false,
                    cause: .changed(read: bytes.count, size: size)))
        }
        return .success(bytes)
    }

    static func readStream(_ fd: Int32, limit: Int) -> Result<[UInt8], Problem> {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            // read(2) writes at most b.count bytes; only chunk[0..<n] is used.
            let n = chunk.withUnsafeMutableBufferPointer { b in systemRead(fd, b.baseAddress, b.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 {
                let reason = String(cString: strerror(errno))
                return .failure(
                    Problem(
                        message: "cannot be read (\(reason))", hint: "check the program that writes the stream",
                        isMissing: false, cause: .readFailed(reason, stream: true)))
            }
            if n == 0 { return .success(result) }
            if result.count + n > limit {
                return .failure(
                    Problem(
                        message: "stream is longer than \(limit >> 20) MiB, the most ChainMap reads from a pipe",
                        hint: "write the data to a file and name the file", isMissing: false,
                        cause: .streamTooLong(mebibytes: limit >> 20)))
            }
            result.append(contentsOf: chunk[0..<n])
        }
    }
}

@inline(__always)
private func systemRead(_ fd: Int32, _ p: UnsafeMutablePointer<UInt8>?, _ n: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(fd, p, n)
    #elseif canImport(Musl)
    Musl.read(fd, p, n)
    #else
    Darwin.read(fd, p, n)
    #endif
}
