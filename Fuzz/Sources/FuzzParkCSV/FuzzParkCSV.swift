@_spi(Fuzzing) import ChainModel
import FuzzSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// (b) The CSV bundle loader: every member file, through the sequential and the chunked path.
///
/// Input layout (Fuzz/README.md; `Seeds/make_seeds.py` writes seeds in it):
/// - byte 0: files left out of the bundle, bit i for the i-th name of `memberFiles` (the first
///   eight; `resources.csv` and `projects.csv`, added later, are there when their segment is:
///   a shift past the byte's width is 0);
/// - byte 1: the chunking threshold, `chunkThresholds[byte % count]`;
/// - then the member files in `memberFiles` order, separated by NUL bytes (a file with no
///   segment is absent; an empty segment is an empty file).
///
/// Each input is written to a private folder (in /dev/shm when there is one) and loaded twice:
/// with the chosen threshold, which on these small inputs cuts every file into chunks parsed
/// on all cores, and sequentially. Oracle: no crash or sanitizer report, and both reads agree
/// (same outcome; the same park and warnings when it loads).
let memberFiles = [
    "park.csv", "chains.csv", "stages.csv", "firms.csv", "links.csv", "organizations.csv", "pairings.csv", "needs.csv",
    "resources.csv", "projects.csv",
]

@_cdecl("FuzzParkCSV_main")
func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc: argc, argv: argv) { data, size in
        let bytes = inputBytes(data, size)
        guard bytes.count >= 2 else { return 0 }
        let absent = bytes[0]
        let threshold = chunkThresholds[Int(bytes[1]) % chunkThresholds.count]
        let segments = bytes[2...].split(
            separator: 0, maxSplits: memberFiles.count - 1, omittingEmptySubsequences: false)
        for (i, name) in memberFiles.enumerated() {
            let path = folder + "/" + name
            unlink(path)
            guard i < segments.count, absent & (1 << i) == 0 else { continue }
            writeFile(path, Array(segments[i]))
        }
        let chunked = Result { () throws(ParkLoadError) in
            try ParkLoader.load(csvFolder: folder, minimumParallelBytes: threshold)
        }
        let sequential = Result { () throws(ParkLoadError) in
            try ParkLoader.load(csvFolder: folder, minimumParallelBytes: .max)
        }
        switch (sequential, chunked) {
        case (.success(let a), .success(let b)):
            if a.park != b.park { mismatch("parks", a.park, b.park) }
            if a.warnings != b.warnings { mismatch("warnings", a.warnings, b.warnings) }
        case (.failure, .failure):
            break
        default:
            mismatch("outcomes", sequential, chunked)
        }
        return 0
    }
}

/// This process's bundle folder, removed at exit.
let folder: String = {
    let base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : (getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp")
    var template = Array((base + "/chainmap-fuzz-csv-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else { fatalError("cannot make a folder in \(base)") }
    let path = String(cString: made)
    atexit {
        for name in memberFiles { unlink(folder + "/" + name) }
        rmdir(folder)
    }
    return path
}()

func writeFile(_ path: String, _ bytes: [UInt8]) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { fatalError("cannot write \(path)") }
    defer { close(fd) }
    bytes.withUnsafeBytes { raw in
        var done = 0
        while done < raw.count {
            let n = write(fd, raw.baseAddress! + done, raw.count - done)
            guard n > 0 else { fatalError("cannot write \(path)") }
            done += n
        }
    }
}
