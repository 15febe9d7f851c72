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
}
