import ChainGraph
import Foundation
import Testing

@_spi(Internals) @_spi(Fuzzing) @testable import ChainModel

@Suite struct ParkSnapshotTests {
    // MARK: Round trips

    @Test func checksumMatchesXXH64TestVectors() {
        #expect(XXH64.hash([], 0..<0) == 0xEF46_DB37_51D8_E999)
        #expect(XXH64.hash(Array("abc".utf8), 0..<3) == 0x44BC_2CF5_AD77_0999)
        // Long input (the four-lane path) is stable and sensitive to one bit.
        var long = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let h = XXH64.hash(long, 0..<1000)
        long[517] ^= 0x10
        #expect(XXH64.hash(long, 0..<1000) != h)
    }

    @Test(arguments: Samples.names)
    func sampleRoundTrips(name: String) throws {
        let path = SampleFiles.path(name)
        let park = try ParkLoader.load(path: path).park
        let bytes = ParkSnapshot.encode(park)
        let back = try ParkLoader.load(snapshot: bytes, name: "\(name).chainpark")
        #expect(back.format == .snapshot)
        #expect(back.park == park)
        #expect(ParkJSON.encode(back.park) == ParkJSON.encode(park))
        // Deterministic: the same park gives the same bytes.
        #expect(ParkSnapshot.encode(back.park) == bytes)
    }

    @Test func generatedParkRoundTripsWithItsResolution() throws {
        let park = try ParkGenerator.generate(.init(firms: 2000, seed: 1)).park
        let bytes = ParkSnapshot.encode(park)
        let back = try ParkLoader.load(snapshot: bytes, name: "g.chainpark").park
        #expect(back == park)
        let (r, s) = (back.resolution, park.resolution)
        #expect(r.linkSupplier == s.linkSupplier)
        #expect(r.linkBuyer == s.linkBuyer)
        #expect(r.firms.index == s.firms.index)
    }

    @Test func emptyAndOptionalFieldsRoundTrip() throws {
        let park = Park(
            id: "p", name: "空园区", region: nil, note: "",
            firms: [
                Firm(id: "a", name: "甲", output: 0, employees: 0, workCovered: false),
                Firm(id: "b", name: "乙", capacity: 1.5e-300, inPark: false, workCovered: true),
            ],
            links: [
                SupplyLink(supplier: "a", buyer: "b", value: -0.0, local: false),
                SupplyLink(id: "x", supplier: "b", buyer: "c"),
            ])  // "c": unresolved
        let bytes = ParkSnapshot.encode(park)
        let back = try ParkLoader.load(snapshot: bytes, name: "e.chainpark").park
        #expect(back == park)
        #expect(back.links[0].value?.sign == .minus)
        #expect(back.resolution.linkBuyer == [1, -1])
    }

    @Test func fileRoundTripThroughLoaderAndWriter() throws {
        let folder = Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let park = try Samples.load("jinchang-battery").park
        let path = folder.appendingPathComponent("j.chainpark").path
        try ParkWriter.write(park, format: .chainpark, to: path)
        #expect(try ParkLoader.load(path: path).park == park)
        // Recognised by its magic under any name.
        let renamed = folder.appendingPathComponent("j.bin").path
        try FileManager.default.moveItem(atPath: path, toPath: renamed)
        #expect(try ParkLoader.load(path: renamed).park == park)
    }

    // MARK: Corruption

    static let sample: [UInt8] = {
        let park = try! Samples.load("jinchang-battery").park
        return ParkSnapshot.encode(park)
    }()

    func refusal(_ bytes: [UInt8]) -> String? {
        do {
            _ = try ParkLoader.load(snapshot: bytes, name: "bad.chainpark")
            return nil
        } catch {
            let d = error.diagnostics
            #expect(d.count == 1)
            #expect(d.first?.file == "bad.chainpark")
            #expect(d.first?.hint?.contains("chainmap convert") == true)
            return d.first?.message
        }
    }

    /// Recomputes the length and both checksums, as a writer that meant the damage would (the
    /// fuzz target's `ParkSnapshot.resealed`).
    func resealed(_ b: [UInt8]) -> [UInt8] { ParkSnapshot.resealed(b) }

    func section(_ tag: String, in b: [UInt8]) -> (entry: Int, offset: Int, count: Int) {
        let i = ParkSnapshot.layout.firstIndex { $0.tag == tag }!
        let at = ParkSnapshot.headerSize + i * ParkSnapshot.entrySize
        return (at, Int(b.readLE(UInt64.self, at: at + 8)!), Int(b.readLE(UInt64.self, at: at + 16)!))
    }

    @Test func truncationAtEverySectionBoundaryIsRefused() throws {
        let b = Self.sample
        var cuts: Set<Int> = [0, 4, 8, 12, 56, ParkSnapshot.headerSize, b.count - 1]
        for (i, (_, width)) in ParkSnapshot.layout.enumerated() {
            let at = ParkSnapshot.headerSize + i * ParkSnapshot.entrySize
            cuts.insert(at)
            let offset = Int(b.readLE(UInt64.self, at: at + 8)!), count = Int(b.readLE(UInt64.self, at: at + 16)!)
            cuts.insert(offset)
            cuts.insert(offset + count * width)
        }
        for cut in cuts.sorted() where cut < b.count {
            let message = refusal(Array(b[..<cut]))
            #expect(message != nil, "cut at \(cut)")
            if cut >= 8, let message { #expect(message.contains("truncated"), "cut at \(cut): \(message)") }
        }
    }

    @Test func flippedBytesAreRefusedByTheChecksums() throws {
        let b = Self.sample
        var positions = Array(stride(from: 8, to: b.count, by: max(1, b.count / 300)))
        positions.append(b.count - 1)
        for p in positions {
            var d = b
            d[p] ^= 0x01
            let message = refusal(d)
            #expect(message != nil, "byte \(p)")
            guard let message else { continue }
            if p >= 16 && p < 64 {
                #expect(message.contains("header"), "\(p): \(message)")
            } else if p >= 64 {
                #expect(message.contains("checksum"), "\(p): \(message)")
            }
        }
    }

    @Test func otherFilesAndVersionsAreRefused() throws {
        #expect(refusal(Array("{\"id\": \"p\"}".utf8))?.contains("CHAINPK1") == true)
        var v2 = Self.sample
        v2.storeLE(UInt32(3), at: 8)
        let message = refusal(resealed(v2))
        #expect(message?.contains("version 3") == true)
        var extra = Self.sample
        extra.append(0)
        #expect(refusal(extra)?.contains("after the end") == true)
    }

    @Test func hugeLengthsAndOffsetsAreRefused() throws {
        let b = Self.sample
        for tag in ["STRB", "FIID", "LSUP", "NDTV", "RBUY"] {
            let s = section(tag, in: b)
            for count in [UInt64(s.count + 1), UInt64(Int32.max), UInt64.max, UInt64.max / 4 + 1] {
                var d = b
                d.storeLE(count, at: s.entry + 16)
                #expect(refusal(resealed(d)) != nil, "\(tag) count \(count)")
            }
            for offset in [UInt64(b.count), UInt64.max - 7, UInt64(s.offset + 4), 0] {
                var d = b
                d.storeLE(offset, at: s.entry + 8)
                #expect(refusal(resealed(d)) != nil, "\(tag) offset \(offset)")
            }
        }
        // A string code past the table, a list offset past its values, an enumeration code out
        // of range, a resolution that names the wrong firm.
        for (tag, value) in [("FINM", UInt32(0x00FF_FFFF)), ("FSGO", 0x7FFF_FFFF), ("LSUP", 0xFFFF_FFFF)] {
            var d = b
            d.storeLE(value, at: section(tag, in: b).offset + 4)
            #expect(refusal(resealed(d)) != nil, "\(tag)")
        }
        // A string table whose last offset does not fit in an Int (FuzzParkSnapshot's first
        // find: the reader trapped converting it).
        for value in [UInt64.max, UInt64(Int.max) + 1] {
            var d = b
            let stro = section("STRO", in: b)
            d.storeLE(value, at: stro.offset + 8 * (stro.count - 1))
            #expect(refusal(resealed(d))?.contains("STRO") == true, "STRO last offset \(value)")
        }
        var d = b
        d[section("OGKD", in: b).offset] = 200
        #expect(refusal(resealed(d))?.contains("OGKD") == true)
        d = b
        let rs = section("RSUP", in: b).offset
        d.storeLE(d.readLE(UInt32.self, at: rs)! ^ 1, at: rs)
        #expect(refusal(resealed(d))?.contains("resolution") == true)
    }

    /// Random damage behind valid checksums never crashes the reader: it loads or is refused.
    @Test func resealedRandomDamageNeverCrashes() throws {
        var rng = SplitMix64(seed: 16)
        let b = Self.sample
        for _ in 0..<1500 {
            var d = b
            for _ in 0..<(1 + Int(rng.next() % 4)) {
                let p = ParkSnapshot.headerSize + Int(rng.next() % UInt64(b.count - ParkSnapshot.headerSize))
                d[p] = UInt8(truncatingIfNeeded: rng.next())
            }
            _ = try? ParkLoader.load(snapshot: resealed(d), name: "fuzz.chainpark")
        }
    }
}
