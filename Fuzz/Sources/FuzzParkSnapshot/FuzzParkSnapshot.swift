@_spi(Fuzzing) import ChainModel
import FuzzSupport

/// (g) The park snapshot reader (`.chainpark`): header, section table, string table, every
/// column and list, the stored link resolution. Byte 0 chooses the mode: odd values take the
/// rest of the input as it is (the checksums then refuse almost every mutation, which is what
/// they are for); even values first recompute the length and both checksums
/// (`ParkSnapshot.resealed`), so that mutations reach the section checks and the decoding of
/// records, where an unchecked offset or code would read out of bounds.
///
/// Oracle: no crash, no sanitizer report, no hang; and a park that loads must survive
/// encode → load → encode with the same bytes. Set `CHAINMAP_FUZZ_NO_ROUNDTRIP=1` to fuzz the reader alone.
@_cdecl("FuzzParkSnapshot_main")
func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc: argc, argv: argv) { data, size in
        let input = inputBytes(data, size)
        guard let mode = input.first else { return 0 }
        let rest = Array(input.dropFirst())
        let bytes = mode & 1 == 0 ? ParkSnapshot.resealed(rest) : rest
        guard let loaded = try? ParkLoader.load(snapshot: bytes, name: "fuzz.chainpark") else { return 0 }
        if roundTrip {
            do {
                // Compared as bytes: a damaged value column can hold a NaN, which is not equal
                // to itself as a Double.
                let first = ParkSnapshot.encode(loaded.park)
                let again = try ParkLoader.load(snapshot: first, name: "again.chainpark")
                if ParkSnapshot.encode(again.park) != first {
                    mismatch("snapshot round trip: parks", loaded.park, again.park)
                }
            } catch {
                fatalError("a loaded snapshot did not load again after encoding it: \(error)")
            }
        }
        return 0
    }
}

let roundTrip = !environmentFlag("CHAINMAP_FUZZ_NO_ROUNDTRIP")
