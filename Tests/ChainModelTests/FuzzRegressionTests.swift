import Foundation
import Testing

@_spi(Fuzzing) @testable import ChainModel

/// Replays the inputs in Fixtures/fuzz/<Target>/ that once made a fuzz target (Fuzz/) crash
/// or disagree with itself, with the target's own oracle: loading must not crash, and the
/// chunked CSV read must give what the sequential one gives.
@Suite struct FuzzRegressionTests {
    /// The CSV bundle's member files in the order of FuzzParkCSV's input layout.
    static let memberFiles = [
        "park.csv", "chains.csv", "stages.csv", "firms.csv", "links.csv", "organizations.csv", "pairings.csv",
        "needs.csv", "resources.csv", "projects.csv",
    ]
    /// FuzzSupport.chunkThresholds.
    static let chunkThresholds = [1, 2, 7, 32, 200, Int.max]

    static func inputs(_ target: String) -> [String] {
        let folder = Fixture.path("fuzz/\(target)")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted()
    }

    static func bytes(_ target: String, _ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixture.path("fuzz/\(target)/\(name)"))))
    }

    /// FuzzParkCSV: byte 0 = absent files, byte 1 = threshold, then NUL-separated files.
    @Test(arguments: inputs("FuzzParkCSV"))
    func csvBundle(_ name: String) throws {
        let input = try Self.bytes("FuzzParkCSV", name)
        try #require(input.count >= 2)
        let folder = Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let segments = input[2...].split(
            separator: 0, maxSplits: Self.memberFiles.count - 1, omittingEmptySubsequences: false)
        for (i, file) in Self.memberFiles.enumerated() where i < segments.count && input[0] & (1 << i) == 0 {
            try Data(segments[i]).write(to: folder.appendingPathComponent(file))
        }
        let threshold = Self.chunkThresholds[Int(input[1]) % Self.chunkThresholds.count]
        let chunked = Result { () throws(ParkLoadError) in
            try ParkLoader.load(csvFolder: folder.path, minimumParallelBytes: threshold)
        }
        let sequential = Result { () throws(ParkLoadError) in
            try ParkLoader.load(csvFolder: folder.path, minimumParallelBytes: .max)
        }
        switch (sequential, chunked) {
        case (.success(let a), .success(let b)):
            #expect(a.park == b.park)
            #expect(a.warnings == b.warnings)
        case (.failure, .failure):
            break
        default:
            Issue.record("outcomes differ: sequential \(sequential), chunked \(chunked)")
        }
    }

    /// FuzzParkJSON: the file's bytes; a park that loads loads again after a JSON round trip.
    @Test(arguments: inputs("FuzzParkJSON"))
    func jsonPark(_ name: String) throws {
        let input = try Self.bytes("FuzzParkJSON", name)
        guard let loaded = try? ParkLoader.load(json: input, name: name) else { return }
        let again = try #require(ParkWriter.encode(loaded.park, format: .json))
        #expect(try ParkLoader.load(json: again, name: "again.json").park == loaded.park)
    }

    /// FuzzParkXLSX: the workbook's bytes; never a trap, and a park that loads round-trips.
    @Test(arguments: inputs("FuzzParkXLSX"))
    func xlsxWorkbook(_ name: String) throws {
        try Self.xlsxOracle(try Self.bytes("FuzzParkXLSX", name), name: name)
    }

    /// FuzzXLSXParts: NUL-separated XML parts, put into a stored zip as the target does.
    @Test(arguments: inputs("FuzzXLSXParts"))
    func xlsxParts(_ name: String) throws {
        let input = try Self.bytes("FuzzXLSXParts", name)
        let segments = input.split(separator: 0, maxSplits: Self.xlsxParts.count - 1, omittingEmptySubsequences: false)
        var entries: [(name: String, data: [UInt8])] = []
        for (i, part) in Self.xlsxParts.enumerated() where i < segments.count && !segments[i].isEmpty {
            entries.append((part, Array(segments[i])))
        }
        try Self.xlsxOracle(Self.storedZip(entries), name: name)
    }

    static func xlsxOracle(_ bytes: [UInt8], name: String) throws {
        guard let loaded = try? ParkLoader.load(xlsx: bytes, name: name) else { return }
        let again = try #require(ParkWriter.encode(loaded.park, format: .json))
        #expect(try ParkLoader.load(json: again, name: "again.json").park == loaded.park)
    }

    /// FuzzXLSXSupport.xlsxParts (Fuzz/Sources/FuzzXLSXSupport).
    static let xlsxParts =
        [
            "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml",
        ] + (1...8).map { "xl/worksheets/sheet\($0).xml" }

    /// FuzzXLSXSupport.storedZip: stored entries with CRC-32s, a central directory, its end.
    static func storedZip(_ entries: [(name: String, data: [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func u16(_ v: Int, _ a: inout [UInt8]) {
            a += [UInt8(truncatingIfNeeded: v), UInt8(truncatingIfNeeded: v >> 8)]
        }
        func u32(_ v: Int, _ a: inout [UInt8]) { u16(v & 0xFFFF, &a); u16((v >> 16) & 0xFFFF, &a) }
        func crc32(_ bytes: [UInt8]) -> Int {
            var c: UInt32 = 0xFFFF_FFFF
            for b in bytes {
                c ^= UInt32(b)
                for _ in 0..<8 { c = c & 1 != 0 ? (c >> 1) ^ 0xEDB8_8320 : c >> 1 }
            }
            return Int(~c)
        }
        for (name, data) in entries {
            let nameBytes = Array(name.utf8)
            let crc = crc32(data)
            let offset = out.count
            u32(0x0403_4B50, &out); u16(20, &out); u16(0, &out); u16(0, &out); u16(0, &out); u16(0, &out)
            u32(crc, &out); u32(data.count, &out); u32(data.count, &out); u16(nameBytes.count, &out); u16(0, &out)
            out += nameBytes + data
            u32(0x0201_4B50, &central); u16(20, &central); u16(20, &central); u16(0, &central); u16(0, &central)
            u16(0, &central); u16(0, &central)
            u32(crc, &central); u32(data.count, &central); u32(data.count, &central); u16(nameBytes.count, &central)
            u16(0, &central); u16(0, &central); u16(0, &central); u16(0, &central); u32(0, &central);
            u32(offset, &central)
            central += nameBytes
        }
        let centralOffset = out.count
        out += central
        u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out); u16(entries.count, &out); u16(entries.count, &out)
        u32(central.count, &out); u32(centralOffset, &out); u16(0, &out)
        return out
    }
}
