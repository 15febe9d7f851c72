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
        let (seq, seqLines) = ParkCSV.decode(
            folder: folder.path, displayFolder: "b", sink: seqSink, minimumParallelBytes: .max)
        let (par, parLines) = ParkCSV.decode(
            folder: folder.path, displayFolder: "b", sink: parSink, minimumParallelBytes: 1)
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
        #expect(
            ragged.map(\.line)
                == seqSink.diagnostics.filter { $0.message.contains("fields but the header has") }.map(\.line))
        // Row 1500 starts on line 2 + 1500 + 300 (one extra line per quoted name before it).
        #expect(ragged.first?.line == 2 + 1500 + 300)
    }
}

/// Issue #15 (1, 11) and #12 (13): one row grammar for the row parser, the header scan, the
/// chunk-boundary scan and the chunk capacity count.
@Suite struct CSVRowGrammarTests {
    func decode(_ firms: String, parallel: Bool) throws -> (Park, ParkCSV.Lines, [Diagnostic]) {
        let folder = Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(firms.utf8).write(to: folder.appendingPathComponent("firms.csv"))
        let sink = DiagnosticSink()
        let (park, lines) = ParkCSV.decode(
            folder: folder.path, displayFolder: "b", sink: sink, minimumParallelBytes: parallel ? 1 : .max)
        return (park, lines, sink.diagnostics.filter { $0.severity == .error })
    }

    /// Was a heap-buffer overflow: chunk capacity counted LF bytes, rows also end at a bare CR.
    @Test(arguments: [3, 2000]) func crOnlyLineEndsAreRowsEverywhere(rows: Int) throws {
        var text = "id,name\r"
        for i in 0..<rows { text += "f\(i),A\(i)\r" }
        for parallel in [false, true] {
            let (park, lines, errors) = try decode(text, parallel: parallel)
            #expect(errors.isEmpty, "\(errors)")
            #expect(park.firms.count == rows)
            #expect(park.firms.last?.name == "A\(rows - 1)")
            #expect(lines.byKind[.firm]?.last == rows + 1)
        }
    }

    /// An all-CR file was read as one header row per line ("id: required column is missing").
    @Test func crOnlyHeaderIsOneRow() throws {
        let (_, _, errors) = try decode("name,id\rA,f1\rB,f2\r", parallel: false)
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test func quotedFieldsCountCRLineEnds() throws {
        let (park, lines, errors) = try decode("id,name\r\"f1\",\"two\rlines\"\rf2,B\r", parallel: false)
        #expect(errors.isEmpty)
        #expect(park.firms.map(\.name) == ["two\rlines", "B"])
        #expect(lines.byKind[.firm] == [2, 4])
    }

    /// Bare quotes inside unquoted fields (`3/4" valve`) used to flip the boundary scan's
    /// in-quotes state, so a chunk started inside a row and valid files were rejected.
    @Test func bareQuotesAndQuotedLineBreaksChunkLikeTheSequentialParse() throws {
        var text = "id,name,products,note\n"
        for i in 0..<6000 {
            let products = i % 3 == 0 ? "3/4\" valve" : "pipe"
            let note = i % 2 == 0 ? "\"line one\nline \"\"two\"\", with comma\"" : "plain"
            text += "f\(i),企业\(i),\(products),\(note)\n"
        }
        let (seq, seqLines, seqErrors) = try decode(text, parallel: false)
        #expect(seqErrors.isEmpty, "\(seqErrors.prefix(3))")
        #expect(seq.firms.count == 6000)
        #expect(seq.firms[0].products == ["3/4\" valve"])
        #expect(seq.firms[0].note == "line one\nline \"two\", with comma")
        let (par, parLines, parErrors) = try decode(text, parallel: true)
        #expect(parErrors.isEmpty, "\(parErrors.prefix(3))")
        #expect(Bool(par.firms == seq.firms))
        #expect(Bool(parLines.byKind[.firm] == seqLines.byKind[.firm]))
        // Boundaries land exactly where the sequential parse starts rows.
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buf in
            var rowStarts: Set<Int> = []
            var i = 0
            var sink = CSVReader.NoFields()
            while i < buf.count {
                rowStarts.insert(i)
                _ = try? CSVReader.parseRow(buf, &i, buf.count, line: 1, into: &sink)
            }
            let bounds = CSVReader.chunkBoundaries(buf, from: 22, parts: 16)
            #expect(bounds.count == 16)
            for b in bounds { #expect(rowStarts.contains(b.offset)) }
        }
    }
}
