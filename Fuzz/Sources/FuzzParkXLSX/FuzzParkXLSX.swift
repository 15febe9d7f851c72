import ChainModel
import FuzzSupport
import FuzzXLSXSupport

/// (d) The xlsx park loader: `ParkLoader.load(xlsx:name:limits:)` on the workbook's bytes —
/// the zip reader (end of central directory, ZIP64, central and local headers, stored and
/// deflated entries through zlib, CRC-32, size limits), the relationships, workbook, shared
/// strings, styles and sheet XML, cell references, then the record rules and validation.
///
/// Oracle: no crash, no sanitizer report, no hang; a park that loads is written as JSON and
/// must load again unchanged (as FuzzParkJSON; `CHAINMAP_FUZZ_NO_ROUNDTRIP=1` turns it off).
/// Random bytes rarely pass the zip checks: FuzzXLSXParts fuzzes the XML inside a valid zip.
@_cdecl("FuzzParkXLSX_main")
func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc: argc, argv: argv) { data, size in
        xlsxOracle(inputBytes(data, size), name: "fuzz.xlsx", roundTrip: roundTrip)
        return 0
    }
}

let roundTrip = !environmentFlag("CHAINMAP_FUZZ_NO_ROUNDTRIP")
