import ChainGraph
import Foundation
import Testing

@_spi(Internals) @_spi(Fuzzing) @testable import ChainModel

/// Snapshots read from and written to files without the whole file in memory: the streaming
/// XXH64, the file source of ``SnapshotReader`` and the file sink of the encoder.
@Suite struct SnapshotStreamingTests {
    // MARK: Streaming XXH64

    static func streamed(_ bytes: [UInt8], chunks: [Int]) -> UInt64 {
        var s = XXH64Stream()
        var at = 0, k = 0
        while at < bytes.count {
            let n = min(max(chunks[k % chunks.count], 0), bytes.count - at)
            bytes.withUnsafeBytes { s.update(UnsafeRawBufferPointer(rebasing: $0[at..<(at + n)])) }
            at += n
            k += 1
        }
        return s.digest()
    }

    @Test func streamingHashMatchesPublishedVectors() {
        let vectors: [(String, UInt64)] = [
            ("", 0xEF46_DB37_51D8_E999), ("a", 0xD24E_C4F1_A98C_6E5B), ("abc", 0x44BC_2CF5_AD77_0999),
            ("Nobody inspects the spammish repetition", 0xFBCE_A83C_8A37_8BF1),
        ]
        for (text, expected) in vectors {
            let bytes = Array(text.utf8)
            #expect(XXH64.hash(bytes, 0..<bytes.count) == expected, "\(text)")
            #expect(Self.streamed(bytes, chunks: [1]) == expected, "\(text)")
            #expect(Self.streamed(bytes, chunks: [bytes.count + 1]) == expected, "\(text)")
            var s = XXH64Stream()
            s.update(bytes)
            #expect(s.digest() == expected, "\(text)")
        }
    }

    @Test func streamingHashEqualsOneShotForEveryLengthAndSplit() {
        var rng = Xoshiro256(seed: 11)
        let data = (0..<1100).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        let splits: [[Int]] = [[1], [3], [7], [31], [32], [33], [64], [100], [5, 27, 1, 40], [0, 13], [1000]]
        for length in Array(0...130) + [255, 256, 257, 511, 1023, 1100] {
            let bytes = Array(data[..<length])
            let expected = XXH64.hash(bytes, 0..<length)
            for chunks in splits {
                #expect(Self.streamed(bytes, chunks: chunks) == expected, "length \(length), chunks \(chunks)")
            }
            // Random splits.
            for _ in 0..<3 {
                let chunks = (0..<8).map { _ in Int(rng.next() % 70) }
                #expect(Self.streamed(bytes, chunks: chunks) == expected, "length \(length), chunks \(chunks)")
            }
        }
    }

    @Test func digestLeavesTheStateUnchanged() {
        let bytes = (0..<200).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        var s = XXH64Stream()
        s.update(Array(bytes[..<50]))
        #expect(s.digest() == XXH64.hash(bytes, 0..<50))
        s.update(Array(bytes[50...]))
        #expect(s.digest() == XXH64.hash(bytes, 0..<200))
    }

    // MARK: Reading from a file

    static func parks() throws -> [(name: String, park: Park)] {
        var parks: [(String, Park)] = try Samples.names.map { ($0, try Samples.load($0).park) }
        parks.append(("generated", try ParkGenerator.generate(.init(firms: 3000, seed: 4)).park))
        return parks
    }

    func write(_ bytes: [UInt8], _ name: String, in folder: URL) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The message of the refusal of `load`, nil when it loads.
    func refusal(_ load: () throws(ParkLoadError) -> LoadedPark) -> String? {
        do {
            _ = try load()
            return nil
        } catch {
            return error.diagnostics.first?.message
        }
    }

    @Test func aFileReadsAsItsBytes() throws {
        let folder = Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, park) in try Self.parks() {
            let bytes = ParkSnapshot.encode(park)
            let path = try write(bytes, "\(name).chainpark", in: folder)
            let fromFile = try ParkLoader.load(path: path).park
            let fromBytes = try ParkLoader.load(snapshot: bytes, name: path).park
            #expect(fromFile == fromBytes, "\(name)")
            #expect(fromFile == park, "\(name)")
            #expect(fromFile.resolution.linkSupplier == fromBytes.resolution.linkSupplier, "\(name)")
            #expect(fromFile.resolution.linkBuyer == fromBytes.resolution.linkBuyer, "\(name)")
            #expect(ParkSnapshot.encode(fromFile) == bytes, "\(name)")
        }
    }

    @Test func shortReadsAndSmallChunksGiveTheSamePark() throws {
        let folder = Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let park = try Samples.load("wujin-machinery").park
        let bytes = ParkSnapshot.encode(park)
        let path = try write(bytes, "w.chainpark", in: folder)
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        try #require(fd >= 0)
        defer { close(fd) }
        for maxRead in [1, 7, 4096] {
            let source = SnapshotSource(fd: fd, size: bytes.count, maxRead: maxRead)
            #expect(try source.checksum(64..<bytes.count) == XXH64.hash(bytes, 64..<bytes.count))
            #expect(try source.bytes(3..<1000) == Array(bytes[3..<1000]))
            var trace = PhaseTrace()
            #expect(try ParkSnapshot.decode(source, name: path, trace: &trace) == park, "maxRead \(maxRead)")
        }
    }

    @Test func aDamagedOrTruncatedFileIsRefusedAsItsBytesAre() throws {
        let folder = Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let b = ParkSnapshot.encode(try Samples.load("jinchang-battery").park)
        var cases: [[UInt8]] = [[], Array(b[..<5]), Array(b[..<63]), Array(b[..<64]), Array(b[..<1000]), b + [0]]
        for p in [9, 20, 40, 60, 64, 100, b.count / 2, b.count - 1] {
            var d = b
            d[p] ^= 0x40
            cases.append(d)
        }
        // Damage behind valid checksums: the section checks.
        var d = b
        d.storeLE(UInt64.max, at: ParkSnapshot.headerSize + 8)
        cases.append(ParkSnapshot.resealed(d))
        d = b
        d.storeLE(UInt64(b.count), at: ParkSnapshot.headerSize + 5 * ParkSnapshot.entrySize + 8)
        cases.append(ParkSnapshot.resealed(d))
        for (i, bytes) in cases.enumerated() {
            let path = try write(bytes, "bad\(i).chainpark", in: folder)
            let expected = refusal { () throws(ParkLoadError) in try ParkLoader.load(snapshot: bytes, name: path) }
            let got = refusal { () throws(ParkLoadError) in try ParkLoader.load(path: path) }
            #expect(expected != nil, "case \(i)")
            #expect(got == expected, "case \(i)")
        }
    }

    @Test func aFileCutWhileItIsReadIsRefused() throws {
        let folder = Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = ParkSnapshot.encode(try Samples.load("beilun-nev").park)
        let path = try write(bytes, "cut.chainpark", in: folder)
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        try #require(fd >= 0)
        defer { close(fd) }
        let source = SnapshotSource(fd: fd, size: bytes.count)
        #expect(truncate(path, off_t(bytes.count / 2)) == 0)
        var trace = PhaseTrace()
        do {
            _ = try ParkSnapshot.decode(source, name: path, trace: &trace)
            Issue.record("a cut file loaded")
        } catch {
            let message = error.diagnostics.first?.message ?? ""
            #expect(message.contains("truncated while it was read"), "\(message)")
            #expect(error.diagnostics.first?.file == path)
        }
    }

    @Test func aReadErrorIsAProblemNotACrash() throws {
        let folder = Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // pread on a folder fails (EISDIR).
        let fd = open(folder.path, O_RDONLY | O_CLOEXEC)
        try #require(fd >= 0)
        defer { close(fd) }
        let source = SnapshotSource(fd: fd, size: 4096)
        #expect(throws: SnapshotProblem.self) { try source.bytes(0..<64) }
        do {
            _ = try SnapshotReader(source)
            Issue.record("a folder read as a snapshot")
        } catch {
            #expect(error.message.contains("could not read bytes 0..<64"), "\(error.message)")
        }
    }

    // MARK: Writing to a file

    /// Length and data checksum of each sample's snapshot as the encoder wrote it before it
    /// streamed (whole sections collected and concatenated; commit 74ec374). The streaming
    /// encoder must give the same bytes. If a sample changes, compute these again with
    /// `chainmap convert SAMPLE --to chainpark` and compare with an older build.
    static let before: [String: (count: Int, dataSum: UInt64)] = [
        "beilun-nev-2023": (95496, 0x762D_9D4B_4A36_A436), "beilun-nev": (100944, 0xC5C8_99FE_7A51_7DD6),
        "jinchang-battery": (27520, 0x65A3_0ACE_23FC_AECC), "ningxiang-storage": (55016, 0x2FBD_3D22_BDC3_8C05),
        "wujin-machinery": (51128, 0x533A_F4FE_6368_8C7C), "yihuang-plastics": (58120, 0x979C_0E64_C68C_C91D),
    ]

    @Test(arguments: Samples.names)
    func samplesEncodeAsBeforeStreaming(name: String) throws {
        let bytes = ParkSnapshot.encode(try Samples.load(name).park)
        let expected = try #require(Self.before[name])
        #expect(bytes.count == expected.count)
        #expect(bytes.readLE(UInt64.self, at: 32) == expected.dataSum)
        #expect(XXH64.hash(bytes, 64..<bytes.count) == expected.dataSum)
    }

    @Test func aWrittenFileHoldsTheEncodedBytes() throws {
        let folder = Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, park) in try Self.parks() {
            let path = folder.appendingPathComponent("\(name).chainpark").path
            try ParkWriter.write(park, format: .chainpark, to: path)
            let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(written == ParkSnapshot.encode(park), "\(name)")
            // Version 1 through a file sink too.
            let v1 = folder.appendingPathComponent("\(name).v1.chainpark").path
            try OutputFile.write(to: v1, replace: false) { (fd: Int32) throws(WriteError) in
                _ = try ParkSnapshot.write(park, version: 1, to: SnapshotFileSink(fd: fd, path: v1))
            }
            let old = try [UInt8](Data(contentsOf: URL(fileURLWithPath: v1)))
            #expect(old == ParkSnapshot.encode(park, version: 1), "\(name) v1")
        }
        // Nothing but the written files: no temporary left behind.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(!names.contains { $0.hasSuffix(".tmp") }, "\(names)")
    }

    @Test func anExistingFileIsReplacedOnlyWhenAskedAndAFailedWriteLeavesNothing() throws {
        let folder = Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let park = try Samples.load("jinchang-battery").park
        let path = folder.appendingPathComponent("p.chainpark").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: WriteError.self) { try ParkWriter.write(park, format: .chainpark, to: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("old".utf8))
        try ParkWriter.write(park, format: .chainpark, to: path, overwrite: true)
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == ParkSnapshot.encode(park))

        // A sink whose writes fail (a read-only descriptor) reports the first failure.
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        try #require(fd >= 0)
        defer { close(fd) }
        do {
            _ = try ParkSnapshot.write(park, to: SnapshotFileSink(fd: fd, path: path))
            Issue.record("writing through a read-only descriptor succeeded")
        } catch {
            #expect(error.path == path)
            #expect(error.message.hasPrefix("cannot write"), "\(error.message)")
        }
        // Through OutputFile: the failure removes the temporary and leaves the old file.
        let target = folder.appendingPathComponent("q.chainpark").path
        do {
            try OutputFile.write(to: target, replace: false) { (_: Int32) throws(WriteError) in
                _ = try ParkSnapshot.write(park, to: SnapshotFileSink(fd: fd, path: target))
            }
            Issue.record("a failed write succeeded")
        } catch {
            #expect(error.message.hasPrefix("cannot write"))
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names == ["p.chainpark"], "\(names)")
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == ParkSnapshot.encode(park))
    }
}
