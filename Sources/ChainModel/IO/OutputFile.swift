import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one rule for every file ChainMap writes (`convert -o`, `map -o`, `generate -o`,
/// `measure --scores-out`, and any verb added later):
///
/// - a path where nothing exists is created (its folder must exist);
/// - an existing **regular file** is replaced only when `replace` is true (the verbs'
///   `--force`), atomically: the new content is written to a temporary file next to it and
///   renamed over it, so a failure or Ctrl-C leaves the old file as it was; its permissions
///   are kept;
/// - a **symbolic link** is followed: when it leads to a regular file, that file is replaced
///   under the same rule and the link stays a link; a dangling or looping link is refused;
/// - anything else — a folder, a device (`/dev/full`), a FIFO, a socket — is refused, with or
///   without `replace`;
/// - a path that names an open file descriptor (`/dev/stdout`, `/dev/fd/1`, `/proc/self/fd/1`,
///   or a link into `/proc/…/fd/` or `/dev/fd/`) is never resolved and renamed over: such a
///   link is the kernel's view of a descriptor, and replacing its target replaced whatever
///   the descriptor pointed to (as root, the link itself). Standard output is written
///   directly (`-o /dev/stdout` streams, as leaving out `-o` does); any other descriptor
///   is refused.
///
/// Temporary files are registered with ``TemporaryFiles`` while they exist, so an
/// interrupted write leaves nothing behind.
///
/// ```swift
/// try OutputFile.write(bytes, to: "map.svg", replace: force)
/// ```
public enum OutputFile {
    /// What is at a path, without following a final symbolic link.
    enum Existing {
        case nothing
        case regular(mode: mode_t)
        case refused(WriteError)
    }

    /// Checks `path` against the rule and returns the path to write (a symbolic link's
    /// target) and the mode of the file it replaces, if any.
    /// - Throws: ``WriteError`` naming the path, what is there and what to do.
    public static func check(_ path: String, replace: Bool) throws(WriteError) -> (path: String, existingMode: mode_t?)
    {
        if let descriptor = descriptor(named: path), descriptor != 1 {
            throw WriteError(
                path: path, message: "names an open file descriptor (\(descriptor)), not a file",
                hint: "name a file, or -o /dev/stdout to write to standard output",
                text: "problem.output.descriptor", hintText: "problem.output.descriptor.hint")
        }
        var target = path
        var info = stat()
        if lstat(path, &info) != 0 {
            if errno == ENOENT { return try parentCheck(path) }
            throw WriteError(
                path: path, message: "cannot be checked (\(reason(errno)))",
                hint: "check the path and the permissions of its folders")
        }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            if stat(path, &info) != 0 {
                let e = errno
                if e == ELOOP {
                    throw WriteError(
                        path: path, message: "is a symbolic link in a loop",
                        hint: "remove the link or name another output")
                }
                if e == ENOENT {
                    throw WriteError(
                        path: path, message: "is a symbolic link to a missing file",
                        hint: "remove the dangling link or name another output")
                }
                throw WriteError(
                    path: path, message: "is a symbolic link that cannot be followed (\(reason(e)))",
                    hint: "name another output")
            }
            guard let resolved = realpath(path, nil) else {
                throw WriteError(
                    path: path, message: "is a symbolic link that cannot be resolved (\(reason(errno)))",
                    hint: "name another output")
            }
            target = String(cString: resolved)
            free(resolved)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            if !replace {
                throw WriteError(
                    path: path, message: "already exists", hint: "choose another name, or pass --force to replace it",
                    text: "problem.output.exists", hintText: "problem.output.exists.hint")
            }
            return (target, info.st_mode & 0o7777)
        case S_IFDIR:
            throw WriteError(
                path: path, message: "is a folder", hint: "name a file inside it",
                text: "problem.output.folder", hintText: "problem.output.folder.hint")
        default:
            throw WriteError(
                path: path,
                message: "is \(kindName(info.st_mode)), not a regular file; ChainMap writes only regular files",
                hint: "name a file; to see the output on screen, leave out -o where the verb allows it")
        }
    }

    private static func parentCheck(_ path: String) throws(WriteError) -> (path: String, existingMode: mode_t?) {
        let parent = folder(of: path)
        var info = stat()
        if stat(parent, &info) != 0 || (info.st_mode & S_IFMT) != S_IFDIR {
            throw WriteError(
                path: path, message: "its folder \(parent) does not exist",
                hint: "create the folder first or name another output",
                text: Message("problem.output.noFolder", ["folder": .text(parent)]),
                hintText: "problem.output.noFolder.hint")
        }
        return (path, nil)
    }

    /// Writes `bytes` to `path` under the rule (see ``OutputFile``).
    public static func write(_ bytes: [UInt8], to path: String, replace: Bool) throws(WriteError) {
        try write(to: path, replace: replace) { (fd: Int32) throws(WriteError) in
            try writeAll(fd, bytes, path: path)
        }
    }

    /// Writes `path` under the rule, calling `body` with a file descriptor open on the
    /// temporary file; the file is renamed into place only when `body` returns.
    public static func write(to path: String, replace: Bool, _ body: (Int32) throws(WriteError) -> Void)
        throws(WriteError)
    {
        if descriptor(named: path) == 1 {
            // Standard output: written in place (it may be a pipe or a terminal), never renamed over.
            try body(1)
            return
        }
        let (target, mode) = try check(path, replace: replace)
        let (tmp, fd) = try createTemporary(next: target, mode: mode ?? 0o666, displayPath: path)
        let token = TemporaryFiles.register(tmp)
        defer { TemporaryFiles.unregister(token) }
        do throws(WriteError) {
            try body(fd)
            TemporaryFiles.stallForTests()
            if let mode { _ = fchmod(fd, mode) }
            if close(fd) != 0 {
                throw WriteError(
                    path: path, message: "cannot write (\(reason(errno)))", hint: "check the free disk space")
            }
        } catch {
            _ = close(fd)
            unlink(tmp)
            throw error
        }
        if rename(tmp, target) != 0 {
            let e = errno
            unlink(tmp)
            throw WriteError(
                path: path, message: "cannot replace (\(reason(e)))", hint: "check that the folder is writable")
        }
    }

    /// The file descriptor `path` names, when it is one: `/dev/stdout` (1), `/dev/stderr` (2),
    /// `/dev/stdin` (0), `/dev/fd/N`, `/proc/self/fd/N`, `/proc/<pid>/fd/N`, or a symbolic link
    /// whose chain of targets reaches one of those. Nil for other paths.
    static func descriptor(named path: String) -> Int? {
        var current = path
        for _ in 0..<16 {
            switch current {
            case "/dev/stdin": return 0
            case "/dev/stdout": return 1
            case "/dev/stderr": return 2
            default: break
            }
            let parts = current.split(separator: "/", omittingEmptySubsequences: true)
            if parts.count == 3, parts[0] == "dev", parts[1] == "fd", let n = Int(parts[2]) { return n }
            if parts.count == 4, parts[0] == "proc", parts[2] == "fd", let n = Int(parts[3]) { return n }
            // Follow one link (relative targets against the link's folder).
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, buffer.count - 1)
            guard n > 0 else { return nil }
            let target = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = target.hasPrefix("/") ? target : folder(of: current) + "/" + target
        }
        return nil
    }

    /// A new temporary file next to `target`, created exclusively.
    static func createTemporary(next target: String, mode: mode_t, displayPath: String) throws(WriteError) -> (
        String, Int32
    ) {
        let dir = folder(of: target)
        let name = name(of: target)
        for attempt in 0..<100 {
            let tmp = dir + "/" + ".\(name).chainmap-\(getpid())-\(attempt).tmp"
            let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
            if fd >= 0 { return (tmp, fd) }
            if errno != EEXIST {
                throw WriteError(
                    path: displayPath, message: "cannot create a file in \(dir) (\(reason(errno)))",
                    hint: "check that the folder exists and is writable")
            }
        }
        throw WriteError(
            path: displayPath, message: "cannot create a temporary file next to it",
            hint: "remove old .\(name).chainmap-*.tmp files")
    }

    /// Writes all of `bytes` to `fd`, retrying short writes and EINTR.
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(WriteError) {
        try bytes.withUnsafeBytes { raw in Result { () throws(WriteError) in try writeAll(fd, raw, path: path) } }.get()
    }

    /// Writes all of `bytes` to `fd` at its current position, retrying short writes and EINTR.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(WriteError) {
        try writeAll(bytes, path: path) { p, n, _ in systemWrite(fd, p, n) }
    }

    /// Writes all of `bytes` to `fd` at `offset` (`pwrite`; the position is unchanged),
    /// retrying short writes and EINTR.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], at offset: Int, path: String) throws(WriteError) {
        try bytes.withUnsafeBytes { raw in
            Result { () throws(WriteError) in
                try writeAll(raw, path: path) { p, n, done in pwrite(fd, p, n, off_t(offset + done)) }
            }
        }.get()
    }

    /// Calls `write(base + done, count - done, done)` until every byte is written.
    private static func writeAll(
        _ bytes: UnsafeRawBufferPointer, path: String, _ write: (UnsafeRawPointer, Int, Int) -> Int
    ) throws(WriteError) {
        guard let base = bytes.baseAddress else { return }
        var done = 0
        var failure: Int32?
        // write reads count - done bytes from base + done, done < count.
        while done < bytes.count {
            let n = write(base + done, bytes.count - done, done)
            if n < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            if n == 0 {
                failure = EIO
                break
            }
            done += n
        }
        if let failure {
            throw WriteError(
                path: path, message: "cannot write (\(reason(failure)))",
                hint: failure == ENOSPC ? "free some disk space" : "check the disk and the folder's permissions")
        }
    }

    /// The folder part of `path` ("." when it has none). Not NSString's
    /// `deletingLastPathComponent`, which traps on some one-letter names in
    /// swift-corelibs-foundation.
    static func folder(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        if slash == trimmed.startIndex { return "/" }
        return String(trimmed[..<slash])
    }

    /// The last component of `path`, without trailing slashes.
    static func name(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return String(trimmed) }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// "a device", "a FIFO (named pipe)", …
    static func kindName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFSOCK: "a socket"
        case S_IFDIR: "a folder"
        case S_IFLNK: "a symbolic link"
        default: "not a regular file"
        }
    }
}

@inline(__always)
private func systemWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(fd, p, n)
    #else
    Darwin.write(fd, p, n)
    #endif
}
