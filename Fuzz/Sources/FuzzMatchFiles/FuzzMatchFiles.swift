import ChainAnalysis
import ChainModel
import FuzzSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// (f) The matching files a user brings: byte 0 chooses
/// - even: a vocabulary file (`--vocabulary`, `--vocabulary-extend`; `MatchVocabulary.load`:
///   BOM, UTF-8 check, the TSV records), and when it loads, the vocabulary is used alone and
///   as an extension to rank a stage's candidates of the bundled yihuang sample;
/// - odd: a candidates file (`match firm/stage --candidates`, `gaps --candidates`;
///   `ParkLoader.candidates`: a park file whose firms borrow the park's chains; JSON or, from
///   its first byte, CSV firms), and when it loads, `gaps` and `match stage` rank them.
///
/// The rest of the input is the file, written to a private folder (in /dev/shm when there is
/// one) because both loaders take paths. Oracle: no crash or sanitizer report, no hang.
@_cdecl("FuzzMatchFiles_main")
func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc: argc, argv: argv) { data, size in
        let bytes = inputBytes(data, size)
        guard let mode = bytes.first else { return 0 }
        let file = Array(bytes.dropFirst())
        if mode & 1 == 0 {
            let path = folder + "/vocabulary.tsv"
            writeBytes(path, file)
            guard let vocabulary = try? MatchVocabulary.load(path: path) else { return 0 }
            for v in [vocabulary, MatchVocabulary.standard.extended(with: vocabulary)] {
                _ = v.concepts(of: park.firms.prefix(20).flatMap(\.products))
                _ = try? StageCandidateReport(park: park, stage: stage, top: 5, vocabulary: v)
            }
        } else {
            let path = folder + (mode & 2 == 0 ? "/candidates.json" : "/candidates.csv")
            writeBytes(path, file)
            guard let pool = try? ParkLoader.candidates(.file(path), for: park), !pool.isEmpty else { return 0 }
            _ = GapReport(park: park, candidates: pool)
            let outside = Park(id: "candidates", name: "candidates", chains: park.chains, firms: pool)
            _ = try? StageCandidateReport(park: park, stage: stage, outside: outside, top: 5)
        }
        return 0
    }
}

/// The park the files are used with: the smallest bundled sample, loaded once.
let park: Park = {
    guard let loaded = try? ParkSource.sample("yihuang-plastics").load() else {
        fatalError("the bundled sample yihuang-plastics does not load")  // a build defect, not input
    }
    return loaded.park
}()
let stage = park.chains.first?.stages.first?.id ?? ""

/// This process's folder for the files, removed at exit.
let folder: String = {
    let base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : (getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp")
    var template = Array((base + "/chainmap-fuzz-match-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else { fatalError("cannot make a folder in \(base)") }
    let path = String(cString: made)
    atexit {
        for name in ["vocabulary.tsv", "candidates.json", "candidates.csv"] { unlink(folder + "/" + name) }
        rmdir(folder)
    }
    return path
}()

func writeBytes(_ path: String, _ bytes: [UInt8]) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard fd >= 0 else { fatalError("cannot write \(path)") }
    var done = 0
    while done < bytes.count {
        let n = bytes[done...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard n > 0 else { fatalError("cannot write \(path)") }
        done += n
    }
    close(fd)
}
