import ChainModel
import FuzzSupport
import FuzzXLSXSupport

/// (e) The workbook's XML, inside a zip that is always valid: random bytes rarely get past
/// the zip reader's checks (CRC-32, offsets), so this target builds the archive itself
/// (stored entries, correct CRCs; `storedZip` in FuzzXLSXSupport) around parts taken from the
/// input, and the mutations land on the relationships, workbook, shared strings, styles and
/// sheet XML scanners and the cell-reference and record rules.
///
/// Input layout: the parts in `xlsxParts` order, separated by NUL bytes (XML holds no NUL);
/// a part with no segment, or an empty one, is left out of the archive. `Seeds/make_seeds.py`
/// writes seeds in this layout from small workbooks.
///
/// Oracle: as FuzzParkXLSX (no crash; a park that loads round-trips through JSON).
@_cdecl("FuzzXLSXParts_main")
func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc: argc, argv: argv) { data, size in
        let bytes = inputBytes(data, size)
        let segments = bytes.split(separator: 0, maxSplits: xlsxParts.count - 1, omittingEmptySubsequences: false)
        var entries: [(name: String, data: [UInt8])] = []
        for (i, name) in xlsxParts.enumerated() where i < segments.count && !segments[i].isEmpty {
            entries.append((name, Array(segments[i])))
        }
        xlsxOracle(storedZip(entries), name: "parts.xlsx", roundTrip: roundTrip)
        return 0
    }
}

let roundTrip = !environmentFlag("CHAINMAP_FUZZ_NO_ROUNDTRIP")
