import Foundation
import Testing

@testable import ChainModel

/// Each bad fixture is the good mini park with one defect; the loader must reject it with the
/// right file, line, field and message. The fixtures are made by make_bad_fixtures.py.
@Suite struct ValidationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let fixture: String
        let file: String
        let line: Int
        let field: String?
        let message: String
        var testDescription: String { fixture }
    }

    static let cases: [Case] = [
        Case(
            fixture: "bad/duplicate-firm.json", file: "duplicate-firm.json", line: 91, field: "firms[4].id",
            message: "duplicate firm id \"liwei\" (first at firms[1])"),
        Case(
            fixture: "bad/dangling-link.json", file: "dangling-link.json", line: 121, field: "links[4].supplier",
            message: "unknown firm \"ghost\""),
        Case(
            fixture: "bad/unknown-stage.json", file: "unknown-stage.json", line: 41, field: "firms[0].stages",
            message: "unknown stage \"resn\""),
        Case(
            fixture: "bad/unknown-parent.json", file: "unknown-parent.json", line: 127,
            field: "organizations[0].parent", message: "unknown organization \"nobody\""),
        Case(
            fixture: "bad/self-link.json", file: "self-link.json", line: 122, field: "links[4].buyer",
            message: "firm \"liwei\" supplies itself"),
        Case(
            fixture: "bad/negative-number.json", file: "negative-number.json", line: 62, field: "firms[1].output",
            message: "negative value -1"),
        Case(
            fixture: "bad/non-numeric.json", file: "non-numeric.json", line: 62, field: "firms[1].output",
            message: "expected a number, found a string"),
        Case(
            fixture: "bad/share-range.json", file: "share-range.json", line: 98, field: "links[0].share",
            message: "share 1.5 is outside 0–1"),
        Case(
            fixture: "bad/unknown-enum.json", file: "unknown-enum.json", line: 100, field: "links[0].status",
            message: "unknown value \"broken\""),
        Case(
            fixture: "bad/cyclic-template.json", file: "cyclic-template.json", line: 24,
            field: "chains[0].stages[1].inputs",
            message: "the stage template is not a DAG: cycle parts → recycle → resin → parts"),
        Case(
            fixture: "bad/missing-required.json", file: "missing-required.json", line: 68, field: "firms[2].name",
            message: "missing required field"),
        Case(
            fixture: "bad/unknown-party.json", file: "unknown-party.json", line: 146, field: "pairings[0].b",
            message: "unknown party \"nobody\""),
        Case(
            fixture: "bad/org-firm-id-clash.json", file: "org-firm-id-clash.json", line: 130,
            field: "organizations[1].id", message: "organization id \"liwei\" is also a firm id"),
        Case(
            fixture: "bad/duplicate-key.json", file: "duplicate-key.json", line: 4, field: "name",
            message: "field given twice"),
        Case(
            fixture: "bad/syntax.json", file: "syntax.json", line: 5, field: nil,
            message: "expected a quoted field name"),
        Case(fixture: "bad/empty.json", file: "empty.json", line: 1, field: nil, message: "file is empty"),
        Case(
            fixture: "bad-csv/ragged", file: "ragged/firms.csv", line: 3, field: nil,
            message: "row has 4 fields but the header has 3"),
        Case(
            fixture: "bad-csv/missing-column", file: "missing-column/firms.csv", line: 1, field: "id",
            message: "required column is missing"),
        Case(
            fixture: "bad-csv/empty-file", file: "empty-file/firms.csv", line: 1, field: nil, message: "file is empty"),
        Case(
            fixture: "bad-csv/quote", file: "quote/firms.csv", line: 2, field: nil,
            message: "a quoted field is never closed"),
        Case(
            fixture: "bad-csv/gbk", file: "gbk/firms.csv", line: 3, field: "partyMembers",
            message: "\"x\" is not a whole number"),
    ]

    @Test(arguments: cases)
    func rejectsBadFixture(_ c: Case) throws {
        let path = Fixture.path(c.fixture)
        let error = try #require(throws: ParkLoadError.self) { try ParkLoader.load(path: path) }
        let match = error.errors.first { d in
            d.file.hasSuffix(c.file) && d.line == c.line && d.field == c.field && d.message.contains(c.message)
        }
        #expect(match != nil, "expected \(c.file):\(c.line) \(c.field ?? "") \(c.message); got:\n\(error.description)")
        #expect(match?.hint?.isEmpty == false, "every error carries a hint")
    }

    @Test func collectsEveryProblemNotJustTheFirst() throws {
        // Three defects in one park: all three reported.
        var park = try ParkLoader.load(path: Fixture.path("good/mini.json")).park
        park.firms[0].output = -5
        park.links[0].share = 2
        park.links.append(SupplyLink(supplier: "ghost", buyer: "liwei"))
        let errors = ParkValidator.validate(park).filter { $0.severity == .error }
        #expect(errors.map(\.place.description).sorted() == ["firms[0].output", "links[0].share", "links[4].supplier"])
    }

    @Test func goodParkHasNoErrorsOrWarnings() throws {
        let loaded = try ParkLoader.load(path: Fixture.path("good/mini.json"))
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        #expect(loaded.park.firms.count == 4)
        #expect(loaded.park.firms[0].name == "兴隆塑业, \"老厂\"")
        #expect(loaded.park.firms[1].capabilities == ["自动化研发", "模具|mold", "a\\b"])
    }

    @Test func warningsAreSeparateFromErrors() throws {
        // Unknown fields and a firm without links are warnings: the park still loads.
        let folder = Fixture.temporaryFolder()
        let path = folder.appendingPathComponent("w.json").path
        try Data(
            """
            {"id": "w", "name": "W", "nmae": "typo",
             "chains": [{"id": "c", "name": "C", "stages": [{"id": "s", "name": "S", "tier": "upstream"}]}],
             "firms": [{"id": "a", "name": "A", "stages": ["s"]}, {"id": "b", "name": "B", "stages": ["s"]}, {"id": "lonely", "name": "L", "stages": ["s"]}],
             "links": [{"supplier": "a", "buyer": "b"}]}
            """.utf8
        ).write(to: URL(fileURLWithPath: path))
        let loaded = try ParkLoader.load(path: path)
        #expect(loaded.warnings.allSatisfy { $0.severity == .warning })
        #expect(loaded.warnings.contains { $0.field == "park.nmae" && $0.hint == "did you mean \"name\"?" })
        #expect(loaded.warnings.contains { $0.message.contains("\"lonely\" has no supply links") })
    }

    @Test func utf16IsRefusedWithAHint() throws {
        var warnings: [Diagnostic] = []
        let error = try #require(throws: ParkLoadError.self) {
            _ = try TextDecoding.readUTF8(
                path: Fixture.path("bad-csv/utf16-firms.csv"), displayName: "utf16-firms.csv", warnings: &warnings)
        }
        #expect(error.diagnostics.first?.message.contains("UTF-16") == true)
        #expect(error.diagnostics.first?.hint?.contains("UTF-8") == true)
    }

    @Test func gbkIsDecodedWithAWarning() throws {
        var warnings: [Diagnostic] = []
        let gbk: [UInt8] = [0xD0, 0xCB, 0xC2, 0xA1]  // 兴隆 in GBK
        let utf8 = try TextDecoding.decode(gbk, displayName: "x.csv", warnings: &warnings)
        #expect(String(decoding: utf8, as: UTF8.self) == "兴隆")
        #expect(warnings.count == 1)
    }

    @Test func utf8BOMBecomesSpaces() throws {
        // Overwritten in place (no copy of a large file); both parsers skip leading spaces.
        var warnings: [Diagnostic] = []
        let bytes = try TextDecoding.decode(
            [0xEF, 0xBB, 0xBF] + Array("id".utf8), displayName: "x", warnings: &warnings)
        #expect(bytes == Array("   id".utf8))
        #expect(warnings.isEmpty)
    }

    @Test func utf8CheckFindsTheFirstBadByteAtAnyAlignment() {
        // The check skips ASCII eight bytes at a time; a bad byte must be found wherever it is.
        for length in [1, 7, 8, 9, 15, 16, 17, 40] {
            for bad in 0..<length {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                bytes[bad] = 0xFF
                #expect(TextDecoding.firstInvalidUTF8(bytes) == bad, "length \(length), bad at \(bad)")
            }
        }
        let mixed = Array("abcdefg中文hijklmnop兴隆塑业qrstuvw".utf8)
        #expect(TextDecoding.firstInvalidUTF8(mixed) == nil)
        #expect(TextDecoding.firstInvalidUTF8(Array(mixed.prefix(8))) == 7)  // a cut 3-byte character
    }

    @Test func binaryGarbageIsRefused() throws {
        var warnings: [Diagnostic] = []
        #expect(throws: ParkLoadError.self) {
            _ = try TextDecoding.decode([0x81, 0x20, 0xFF, 0xFF, 0x00], displayName: "x", warnings: &warnings)
        }
    }

    @Test func missingFileSaysSo() throws {
        let error = try #require(throws: ParkLoadError.self) { try ParkLoader.load(path: "/nonexistent/park.json") }
        #expect(error.diagnostics.first?.message == "no such file or folder")
    }
}
