import ChainGraph
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ParkSnapshot {
    /// Whether the regular file at `path` is a snapshot: its name ends in `.chainpark` or it
    /// starts with the magic (so a renamed snapshot still loads, and a damaged one is reported
    /// as a snapshot, not as text that is not UTF-8).
    static func isSnapshotFile(_ path: String) -> Bool {
        if path.hasSuffix("." + fileExtension) { return true }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var prefix = [UInt8](repeating: 0, count: magic.count)
        let got = prefix.withUnsafeMutableBytes { read(fd, $0.baseAddress, magic.count) }
        return got == magic.count && hasMagic(prefix)
    }
}

extension ParkLoader {
    /// A snapshot file, decoded (``load(snapshot:name:)``) from the open file: read at offsets
    /// section by section, never whole.
    static func loadSnapshotFile(path: String) throws(ParkLoadError) -> LoadedPark {
        var trace = PhaseTrace()
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ParkLoadError([InputFile.openProblem(path, errno).diagnostic(file: path)]) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            // Not a regular file after all (replaced since it was examined): the whole-file
            // reader says what it is.
            switch InputFile.read(path, allowStream: false) {
            case .failure(let problem): throw ParkLoadError([problem.diagnostic(file: path)])
            case .success(let bytes):
                let park = try ParkSnapshot.decode(bytes, name: path, trace: &trace)
                return LoadedPark(park: park, format: .snapshot, warnings: [])
            }
        }
        let source = SnapshotSource(fd: fd, size: Int(info.st_size))
        trace.mark("read snapshot (\(source.size) bytes)")
        let park = try ParkSnapshot.decode(source, name: path, trace: &trace)
        return LoadedPark(park: park, format: .snapshot, warnings: [])
    }
}
