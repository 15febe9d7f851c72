import ChainModel
import FuzzSupport

/// (a) The JSON park loader. The input is the file's bytes, as `chainmap` would read them
/// (UTF-8 with or without a byte-order mark, GB18030, UTF-16 are all decided by the loader).
///
/// Oracle: no crash, no sanitizer report, no hang; and a park that loads must survive
/// `ParkWriter` JSON → `ParkLoader` unchanged (the README promises lossless conversion).
/// Set `CHAINMAP_FUZZ_NO_ROUNDTRIP=1` to fuzz the loader alone.
@_cdecl("FuzzParkJSON_main")
func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc: argc, argv: argv) { data, size in
        let bytes = inputBytes(data, size)
        guard let loaded = try? ParkLoader.load(json: bytes, name: "fuzz.json") else { return 0 }
        if roundTrip, let again = ParkWriter.encode(loaded.park, format: .json) {
            do {
                let reloaded = try ParkLoader.load(json: again, name: "again.json")
                if reloaded.park != loaded.park { mismatch("JSON round trip: parks", loaded.park, reloaded.park) }
            } catch {
                fatalError("a loaded park did not load again after writing it as JSON: \(error)")
            }
        }
        return 0
    }
}

let roundTrip = !environmentFlag("CHAINMAP_FUZZ_NO_ROUNDTRIP")
