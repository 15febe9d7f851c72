import ChainModel
import FuzzSupport

/// The archive paths FuzzXLSXParts fills from its input, in input order (Fuzz/README.md).
public let xlsxParts = [
    "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml",
    "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml",
    "xl/worksheets/sheet5.xml", "xl/worksheets/sheet6.xml", "xl/worksheets/sheet7.xml", "xl/worksheets/sheet8.xml",
]

/// The xlsx targets' oracle: loading never traps, and a park that loads survives being
/// written as JSON and loaded again unchanged.
public func xlsxOracle(_ bytes: [UInt8], name: String, roundTrip: Bool) {
    guard let loaded = try? ParkLoader.load(xlsx: bytes, name: name) else { return }
    guard roundTrip, let again = ParkWriter.encode(loaded.park, format: .json) else { return }
    do {
        let reloaded = try ParkLoader.load(json: again, name: "again.json")
        if reloaded.park != loaded.park { mismatch("xlsx → JSON round trip: parks", loaded.park, reloaded.park) }
    } catch {
        fatalError("a park loaded from a workbook did not load again after writing it as JSON: \(error)")
    }
}

/// A zip archive of stored (uncompressed) entries with correct CRC-32s, local headers, a
/// central directory and its end record: the smallest archive the xlsx reader accepts.
public func storedZip(_ entries: [(name: String, data: [UInt8])]) -> [UInt8] {
    var out: [UInt8] = []
    var central: [UInt8] = []
    func u16(_ v: Int, _ a: inout [UInt8]) { a += [UInt8(truncatingIfNeeded: v), UInt8(truncatingIfNeeded: v >> 8)] }
    func u32(_ v: Int, _ a: inout [UInt8]) { u16(v & 0xFFFF, &a); u16((v >> 16) & 0xFFFF, &a) }
    for (name, data) in entries {
        let nameBytes = Array(name.utf8)
        let crc = Int(crc32(data))
        let offset = out.count
        u32(0x0403_4B50, &out); u16(20, &out); u16(0, &out); u16(0, &out); u16(0, &out); u16(0, &out)
        u32(crc, &out); u32(data.count, &out); u32(data.count, &out); u16(nameBytes.count, &out); u16(0, &out)
        out += nameBytes
        out += data
        u32(0x0201_4B50, &central); u16(20, &central); u16(20, &central); u16(0, &central); u16(0, &central)
        u16(0, &central); u16(0, &central)
        u32(crc, &central); u32(data.count, &central); u32(data.count, &central); u16(nameBytes.count, &central)
        u16(0, &central); u16(0, &central); u16(0, &central); u16(0, &central); u32(0, &central); u32(offset, &central)
        central += nameBytes
    }
    let centralOffset = out.count
    out += central
    u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out); u16(entries.count, &out); u16(entries.count, &out)
    u32(central.count, &out); u32(centralOffset, &out); u16(0, &out)
    return out
}

/// CRC-32 (ISO-HDLC, the zip one), bitwise: inputs are a few KB.
func crc32(_ bytes: [UInt8]) -> UInt32 {
    var c: UInt32 = 0xFFFF_FFFF
    for b in bytes {
        c ^= UInt32(b)
        for _ in 0..<8 { c = c & 1 != 0 ? (c >> 1) ^ 0xEDB8_8320 : c >> 1 }
    }
    return ~c
}
