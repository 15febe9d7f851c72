import Foundation
import Testing

@testable import ChainModel

/// Large CSV files are parsed in chunks on all cores; the result must be exactly the
/// sequential one: same records in the same order, same lines in messages.
@Suite struct ParallelCSVTests {
    @Test func chunkBoundariesRespectQuotedLineBreaks() {
        let text = Array("a,b\n\"x\ny\",1\n2,3\n\"p\n\nq\",4\n5,6\n".utf8)
        text.withUnsafeBufferPointer { buf in
            for parts in 1...8 {
                let bounds = CSVReader.chunkBoundaries(buf, from: 4, parts: parts)
                // Every boundary is a row start: 4 (x), 12 (2,3), 16 (p), 25 (5,6).
                for b in bounds { #expect([4, 12, 16, 25].contains(b.offset), "parts \(parts): \(b)") }
                #expect(bounds.map(\.offset) == bounds.map(\.offset).sorted())
            }
            let (end, breaks) = CSVReader.rowEnd(buf, from: 4)
            #expect(end == 12 && breaks == 2)
        }
    }

    func bundle(rows: Int, badRowAt: Int? = nil) throws -> URL {
        let folder = Fixture.temporaryFolder()
        var firms = "id,name,stages,output,note\n"
        for i in 0..<rows {
            if i == badRowAt { firms += "bad\(i),too,many,fields,here,x\n"; continue }
            // Every fifth name has a comma and a quoted line break.
            let name = i % 5 == 0 ? "\"企业 \(i),\n有限公司\"" : "企业\(i)"
            firms += "f\(i),\(name),,\(i * 1000),\"say \"\"hi\"\"\"\n"
        }
        try firms.write(to: folder.appendingPathComponent("firms.csv"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func chunkedReadEqualsSequentialRead() throws {
        let folder = try bundle(rows: 3000)
        defer { try? FileManager.default.removeItem(at: folder) }
        let seqSink = DiagnosticSink()
        let parSink = DiagnosticSink()
        let (seq, seqLines) = ParkCSV.decode(folder: folder.path, displayFolder: "b", sink: seqSink, minimumParallelBytes: .max)
        let (par, parLines) = ParkCSV.decode(folder: folder.path, displayFolder: "b", sink: parSink, minimumParallelBytes: 1)
        #expect(seq.firms.count == 3000)
        #expect(par == seq)
        #expect(parLines.byKind[.firm] == seqLines.byKind[.firm])
        #expect(seq.firms[5].name == "企业 5,\n有限公司")
        #expect(seqLines.byKind[.firm]?[6] == 10)  // header on line 1; rows 0 and 5 span two lines each
    }

    @Test func chunkedReadReportsTheSameLines() throws {
        let folder = try bundle(rows: 2000, badRowAt: 1500)
        defer { try? FileManager.default.removeItem(at: folder) }
        let seqSink = DiagnosticSink()
        let parSink = DiagnosticSink()
        _ = ParkCSV.decode(folder: folder.path, displayFolder: "b", sink: seqSink, minimumParallelBytes: .max)
        _ = ParkCSV.decode(folder: folder.path, displayFolder: "b", sink: parSink, minimumParallelBytes: 1)
        let ragged = parSink.diagnostics.filter { $0.message.contains("fields but the header has") }
        #expect(ragged.count == 1)
        #expect(ragged.map(\.line) == seqSink.diagnostics.filter { $0.message.contains("fields but the header has") }.map(\.line))
        // Row 1500 starts on line 2 + 1500 + 300 (one extra line per quoted name before it).
        #expect(ragged.first?.line == 2 + 1500 + 300)
    }
}
