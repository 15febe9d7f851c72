import ChainGraph
import Foundation
import Testing

@testable import ChainModel

/// Issue #15: nothing a user's file can do crashes ChainMap, loses data or gets a misleading
/// message.
@Suite struct HostileInputTests {
    /// Writes `files` (name → text) into a fresh folder.
    func bundle(_ files: [String: String]) throws -> URL {
        let folder = Fixture.temporaryFolder()
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    /// Over 1,000 warnings made a valid park invalid: the "more not shown" note was an error.
    @Test func manyWarningsKeepAParkValid() throws {
        var firms = "id,name\n"
        for i in 0..<1001 { firms += "f\(i),F\(i)\n" }
        let folder = try bundle(["firms.csv": firms])
        defer { try? FileManager.default.removeItem(at: folder) }
        let loaded = try ParkLoader.load(path: folder.path)
        #expect(loaded.park.firms.count == 1001)
        #expect(loaded.warnings.allSatisfy { $0.severity == .warning })
        #expect(loaded.warnings.last?.message.contains("more warnings not shown") == true)
    }

    /// Errors are never pushed out by warnings, and are still counted past the limit.
    @Test func errorsAreKeptAheadOfWarnings() {
        let sink = DiagnosticSink(limit: 3)
        for _ in 0..<5 { sink.add(Diagnostic(.warning, file: "f", "w")) }
        for _ in 0..<5 { sink.add(Diagnostic(.error, file: "f", "e")) }
        #expect(sink.errorCount == 5)
        let report = sink.report()
        #expect(report.filter { $0.message == "e" }.count == 3)
        #expect(report.contains { $0.severity == .error && $0.message == "2 more errors not shown" })
        #expect(report.contains { $0.severity == .warning && $0.message == "2 more warnings not shown" })
    }

    /// A dangling or looping links.csv silently meant "no links".
    @Test func unreadableBundleMembersAreErrorsWithTheReason() throws {
        let folder = try bundle(["firms.csv": "id,name,stages\nf1,A,\nf2,B,\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let links = folder.appendingPathComponent("links.csv").path
        try FileManager.default.createSymbolicLink(atPath: links, withDestinationPath: "gone.csv")
        var errors = diagnostics(of: folder.path).filter { $0.severity == .error }
        #expect(errors.map(\.message) == ["is a symbolic link to a missing file (gone.csv)"])
        #expect(errors.first?.file.hasSuffix("links.csv") == true)
        try FileManager.default.removeItem(atPath: links)
        try FileManager.default.createSymbolicLink(atPath: links, withDestinationPath: "links.csv")
        errors = diagnostics(of: folder.path).filter { $0.severity == .error }
        #expect(errors.first?.message.contains("symbolic link in a loop") == true)
        try FileManager.default.removeItem(atPath: links)
        #expect(mkfifo(links, 0o644) == 0)
        errors = diagnostics(of: folder.path).filter { $0.severity == .error }
        #expect(errors.first?.message == "is a FIFO (named pipe), not a regular file")
    }

    /// A symbolic-link loop as the park itself said "no such file or folder".
    @Test func linkLoopAsParkNamesTheLoop() throws {
        let folder = Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("p.json").path
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "p.json")
        let errors = diagnostics(of: path)
        #expect(errors.map(\.message) == ["is a symbolic link in a loop (too many levels of symbolic links)"])
    }

    /// A park JSON from a pipe is read (a single input), a device is refused.
    @Test func singleParkFromAPipeDeviceRefused() throws {
        let text = try String(contentsOfFile: Fixture.path("good/mini.json"), encoding: .utf8)
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let written = text.utf8.withContiguousStorageIfAvailable { write(fds[1], $0.baseAddress, $0.count) } ?? -1
        #expect(written == text.utf8.count)
        close(fds[1])
        defer { close(fds[0]) }
        let loaded = try ParkLoader.load(path: "/dev/fd/\(fds[0])")
        #expect(loaded.park.firms.count == 4)
        #expect(diagnostics(of: "/dev/zero").map(\.message) == ["is a device, not a regular file"])
    }

    /// `0x10` was read as 16; numbers are decimal only.
    @Test func hexadecimalIsNotANumber() throws {
        let folder = try bundle([
            "firms.csv": "id,name,output,employees\nf1,A,0x10,\nf2,B,,0x1p3\nf3,C,1.5e3,12\nf4,D,inf,\n"
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let errors = diagnostics(of: folder.path).filter { $0.severity == .error }
        #expect(
            errors.map(\.message) == [
                "\"0x10\" is not a number", "\"0x1p3\" is not a whole number", "\"inf\" is not a number",
            ])
        #expect(errors.map(\.line) == [2, 3, 5])
        #expect(DecimalNumber.parse(Array("1.5e3".utf8)) == 1500)
        for bad in ["0x10", "0x1p3", "1e", "e5", ".", "+", "1_000", "1,5", "nan", "Infinity", " 1"] {
            #expect(DecimalNumber.parse(Array(bad.utf8)) == nil, "\(bad)")
        }
    }

    /// `"id": 17` silently became "17"; a number where text is expected is a type error.
    @Test func jsonNumberWhereAnIdIsExpectedIsATypeError() throws {
        let json = #"{"format": "chainmap-park/1", "id": "p", "name": "P", "firms": [{"id": 17, "name": "A"}]}"#
        do {
            _ = try ParkLoader.load(json: Array(json.utf8), name: "p.json")
            Issue.record("loaded")
        } catch {
            let e = try #require(error.errors.first)
            #expect(e.field == "firms[0].id")
            #expect(e.message == "expected text in quotes, found a number")
            #expect(e.line == 1)
        }
    }

    /// Values near 1e308 passed validation and summed to infinity (a trap in Int64(_:)).
    @Test func amountsAndCountsAreBounded() throws {
        let folder = try bundle([
            "firms.csv": "id,name,output,employees\nf1,A,1e308,\nf2,B,1e15,100000000\nf3,C,,100000001\n"
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let errors = diagnostics(of: folder.path).filter { $0.severity == .error }
        #expect(
            errors.map(\.message) == [
                "value 1e+308 is above the maximum 1000000000000000", "value 100000001 is above the maximum 100000000",
            ])
        #expect(errors.map(\.line) == [2, 4])
        #expect(NumberFormat.shortest(.infinity) == "null")
    }

    /// Ids, names and list items are capped at load with a located error, in both formats.
    @Test func overlongLabelsAreRefusedAtLoad() throws {
        let long = String(repeating: "企", count: 400)  // 1,200 bytes
        let folder = try bundle([
            "firms.csv": "id,name,products,note\nf1,\(long),,\nf2,B,a|\(long),\(String(repeating: "n", count: 5000))\n"
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let errors = diagnostics(of: folder.path).filter { $0.severity == .error }
        #expect(errors.map(\.field) == ["name", "products"])
        #expect(errors.map(\.line) == [2, 3])
        #expect(errors.first?.message == "is 1200 bytes long; at most 1024 are allowed")
        let json =
            #"{"format": "chainmap-park/1", "id": "p", "name": "P", "firms": [{"id": "f1", "name": "\#(long)"}]}"#
        do {
            _ = try ParkLoader.load(json: Array(json.utf8), name: "p.json")
            Issue.record("loaded")
        } catch {
            #expect(error.errors.map(\.field) == ["firms[0].name"])
            #expect(error.description.utf8.count < 1000)
        }
    }

    /// UTF-16 and invalid UTF-8 in a .json got the CSV/Excel GB18030 hint.
    @Test func encodingMessagesNameTheRealCause() throws {
        let folder = Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = #"{"id": "p", "name": "P"}"#
        let utf16 = folder.appendingPathComponent("u16.json")
        var body: [UInt8] = []
        for unit in text.utf16 {
            body.append(UInt8(unit & 0xFF))
            body.append(UInt8(unit >> 8))
        }
        let withMark: [UInt8] = [0xFF, 0xFE] + body
        try Data(withMark).write(to: utf16)
        let noBOM = folder.appendingPathComponent("u16nobom.json")
        try Data(body).write(to: noBOM)
        let latin = folder.appendingPathComponent("bad.json")
        let badBytes: [UInt8] = Array(#"{"id": "p", "name": ""#.utf8) + [0xFF, 0xFF, 0x22, 0x7D]
        try Data(badBytes).write(to: latin)
        for (url, message) in [
            (utf16, "is UTF-16; ChainMap reads UTF-8"),
            (noBOM, "holds NUL bytes: it is UTF-16 (or not text at all), not UTF-8"),
        ] {
            let d = diagnostics(of: url.path)
            #expect(d.map(\.message) == [message])
            #expect(d.first?.hint?.contains("Excel") == false)
            #expect(d.first?.hint?.contains("GB18030") == false)
        }
        let bad = diagnostics(of: latin.path)
        #expect(bad.first?.message.hasPrefix("not valid UTF-8") == true)
        #expect(bad.first?.hint?.contains("Excel") == false)
        // CSV keeps its spreadsheet advice.
        let csv = try bundle(["firms.csv": "id,name\n"])
        defer { try? FileManager.default.removeItem(at: csv) }
        try Data([0xFF, 0xFE, 0x69, 0x00]).write(to: csv.appendingPathComponent("firms.csv"))
        #expect(diagnostics(of: csv.path).first { $0.severity == .error }?.hint?.contains("CSV UTF-8") == true)
    }
}
