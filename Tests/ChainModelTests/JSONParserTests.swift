import Testing

@testable import ChainModel

@Suite struct JSONParserTests {
    func parse(_ text: String) throws -> JSONNode {
        var p = JSONParser(bytes: Array(text.utf8))
        return try p.parse()
    }

    @Test func parsesValuesWithLines() throws {
        let root = try parse(
            "{\n  \"a\": [1, 2.5, -3e2],\n  \"b\": {\"c\": \"中文\\n\\u00e9\\ud83d\\ude00\"},\n  \"d\": [true, false, null]\n}"
        )
        #expect(root.line == 1)
        let a = try #require(root["a"])
        #expect(a.line == 2)
        guard case .array(let items) = a.value else { Issue.record("not an array"); return }
        guard case .number(let one, let isInt) = items[0].value, case .number(let x, let xInt) = items[1].value,
            case .number(let y, _) = items[2].value
        else { Issue.record("not numbers"); return }
        #expect(one == 1 && isInt && x == 2.5 && !xInt && y == -300)
        guard case .string(let s) = root["b"]?["c"]?.value else { Issue.record("not a string"); return }
        #expect(s == "中文\né😀")
        #expect(root["d"]?.line == 4)
    }

    @Test(arguments: [
        ("{\"a\": 1,}", 1, 9, "expected a quoted field name"),
        ("{\n\"a\": tru}", 2, 6, "expected true"),
        ("[1 2]", 1, 4, "expected ',' or ']'"),
        ("{\"a\": 01}", 1, 7, "leading zero"),
        ("\"abc", 1, 5, "unterminated string"),
        ("{\"a\": \"x\ny\"}", 1, 9, "line break inside a string"),
        ("{} x", 1, 4, "unexpected text after"),
    ])
    func reportsSyntaxErrorsWithPosition(text: String, line: Int, column: Int, message: String) {
        var p = JSONParser(bytes: Array(text.utf8))
        do {
            _ = try p.parse()
            Issue.record("parsed \(text)")
        } catch {
            #expect(error.line == line)
            #expect(error.column == column)
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test func reportsDuplicateKeys() throws {
        var p = JSONParser(bytes: Array("{\"a\": 1,\n \"a\": 2}".utf8))
        _ = try p.parse()
        #expect(p.duplicateKeys.count == 1)
        #expect(p.duplicateKeys.first?.line == 2)
    }

    @Test(.tags(.slow), .enabled(if: Slow.allowed)) func longListsParseInLinearTime() throws {
        // 300,000 items: linear parsing takes well under a second in debug; the quadratic
        // version (copying the item list on every append) took minutes.
        let text = "[" + (0..<300_000).map { "{\"id\": \"f\($0)\"}" }.joined(separator: ",") + "]"
        var p = JSONParser(bytes: Array(text.utf8))
        guard case .array(let items) = try p.parse().value else { Issue.record("not a list"); return }
        #expect(items.count == 300_000)
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        var p = JSONParser(bytes: Array(text.utf8))
        #expect(throws: JSONSyntaxError.self) { try p.parse() }
    }

    @Test func writerIsDeterministicAndReadsBack() throws {
        var w = JSONWriter()
        w.beginObject()
        w.key("name"); w.string("立伟 \"quote\" \\ \n tab\t")
        w.key("n"); w.number(116_700_000_000)
        w.key("x"); w.number(0.35)
        w.key("list"); w.inlineStrings(["a", "b|c"])
        w.key("empty"); w.beginArray(); w.endArray()
        w.endObject()
        let bytes = w.finish()
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(
            text
                == "{\n  \"name\": \"立伟 \\\"quote\\\" \\\\ \\n tab\\t\",\n  \"n\": 116700000000,\n  \"x\": 0.35,\n  \"list\": [\"a\", \"b|c\"],\n  \"empty\": []\n}\n"
        )
        var p = JSONParser(bytes: bytes)
        let root = try p.parse()
        guard case .string(let s) = root["name"]?.value else { Issue.record("no name"); return }
        #expect(s == "立伟 \"quote\" \\ \n tab\t")
    }
}
