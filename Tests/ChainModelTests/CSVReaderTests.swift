import Testing

@testable import ChainModel

@Suite struct CSVReaderTests {
    func rows(_ text: String) throws -> [(line: Int, fields: [String])] {
        var result: [(Int, [String])] = []
        try CSVReader.forEachRow(Array(text.utf8)) { row throws(CSVSyntaxError) in
            result.append((row.line, (0..<row.count).map { row.string($0) }))
        }
        return result
    }

    @Test func readsQuotedFieldsAndLineNumbers() throws {
        let r = try rows("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n1,,3\n")
        #expect(r.count == 3)
        #expect(r[0].fields == ["a", "b", "c"])
        #expect(r[1].fields == ["x, y", "say \"hi\"", "two\nlines"])
        #expect(r[2].line == 4)  // the quoted line break moved it down
        #expect(r[2].fields == ["1", "", "3"])
    }

    @Test func lastLineWithoutNewlineAndEmptyTrailingField() throws {
        let r = try rows("a,b\n1,")
        #expect(r.map(\.fields) == [["a", "b"], ["1", ""]])
    }

    @Test func unterminatedQuoteIsAnError() {
        #expect(throws: CSVSyntaxError.self) { try rows("a\n\"open\n") }
    }

    @Test func textAfterClosingQuoteIsAnError() {
        let error = #expect(throws: CSVSyntaxError.self) { try rows("a,b\n\"x\"y,2\n") }
        #expect(error?.line == 2)
    }

    @Test(arguments: [[], ["a"], ["a", "b"], ["with|bar", "back\\slash", "end\\"], ["中文", "x|y|z"]])
    func listCellsRoundTrip(items: [String]) {
        #expect(CSVList.split(CSVList.join(items)) == items)
    }

    @Test func writerQuotesOnlyWhenNeeded() throws {
        var w = CSVWriter()
        w.row(["plain", "a,b", "q\"q", " lead", "中文"])
        let text = String(decoding: w.output.dropFirst(3), as: UTF8.self)
        #expect(w.output.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(text == "plain,\"a,b\",\"q\"\"q\",\" lead\",中文\r\n")
        #expect(try rows(text)[0].fields == ["plain", "a,b", "q\"q", " lead", "中文"])
    }
}
