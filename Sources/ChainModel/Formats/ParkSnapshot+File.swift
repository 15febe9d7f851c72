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
    /// A snapshot file, read whole and decoded (``load(snapshot:name:)``).
    static func loadSnapshotFile(path: String) throws(ParkLoadError) -> LoadedPark {
        var trace = PhaseTrace()
        let bytes: [UInt8]
        switch InputFile.read(path, allowStream: false) {
        case .success(let b): bytes = b
        case .failure(let problem): throw ParkLoadError([problem.diagnostic(file: path)])
        }
        trace.mark("read snapshot (\(bytes.count) bytes)")
        let park = try ParkSnapshot.decode(bytes, name: path, trace: &trace)
        return LoadedPark(park: park, format: .snapshot, warnings: [])
    }
}
