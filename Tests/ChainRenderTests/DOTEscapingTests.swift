import ChainModel
import Foundation
import Testing

@testable import ChainRender

@Suite("DOT escaping")
struct DOTEscapingTests {
    @Test func labelsEscapeQuotesBackslashesNewlinesAndEntities() {
        #expect(DOTText.label("a\"b") == "\"a\\\"b\"")
        #expect(DOTText.label("a\\") == "\"a\\\\\"")
        #expect(DOTText.label("x\ny\r\nz\rw") == "\"x\\ny\\nz\\nw\"")
        #expect(DOTText.label("A&amp;B") == "\"A&amp;amp;B\"")
        #expect(DOTText.label("tab\there\u{0}") == "\"tab here \"")
        #expect(DOTText.label("\\N") == "\"\\\\N\"")
    }

    @Test func idsAreAlwaysQuotedSoKeywordsAreNames() {
        for keyword in ["node", "graph", "subgraph", "edge", "strict", "digraph"] {
            #expect(DOTText.id(keyword) == "\"\(keyword)\"")
        }
        #expect(DOTText.id("a\"b\\") == "\"a\\\"b\\\\\"")
    }

    @Test func tokensAreInjectiveAndSafe() {
        let inputs = ["a_b", "a-b", "a b", "正极", "a__b", "_5F", "firm\"x"]
        let tokens = inputs.map(DOTText.token)
        #expect(Set(tokens).count == inputs.count)
        for token in tokens {
            #expect(
                token.unicodeScalars.allSatisfy {
                    $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")
                })
            #expect(!token.contains("__"))
        }
        #expect(DOTText.token("a_b") == "a_5Fb")
    }

    @Test func numbersAreFixedAndLocaleFree() {
        #expect(DOTText.fixed(1.5, digits: 2) == "1.50")
        #expect(DOTText.fixed(-0.004, digits: 2) == "0.00")
        #expect(DOTText.fixed(-2.25, digits: 1) == "-2.3")
        #expect(DOTText.fixed(12, digits: 0) == "12")
        #expect(DOTText.fixed(.nan, digits: 2) == "0")
        #expect(DOTText.money(1.167e11) == "1167.00亿")
        #expect(DOTText.money(35_000) == "3.50万")
    }

    @Test func hostileNamesStayTextInDOT() throws {
        let park = TestParks.hostile()
        let scene = try ChainMapBuilder(park: park).build(MapOptions())
        let dot = DOTWriter().write(scene)
        // The injected node `x` and the injected graph would only exist if a quote escaped.
        #expect(!dot.contains("\"]; x [label=\"pwned"))
        #expect(dot.contains("\\\"]; x [label=\\\"pwned"))
        #expect(dot.contains("\"firm:node\""))
        #expect(dot.contains("<script>alert(1)</script>"))  // inside a quoted plain label
        #expect(!dot.contains("label=<<script"))
        // Every line is one statement or brace: user newlines never reach the DOT text raw.
        for line in dot.split(separator: "\n") {
            let t = line.trimmingCharacters(in: .whitespaces)
            #expect(t.hasSuffix(";") || t.hasSuffix("{") || t == "}", "unexpected raw line: \(t)")
        }
    }

    @Test func hostileNamesStayTextInSVG() throws {
        let park = TestParks.hostile()
        let map = try ChainMap.render(park: park, format: .svg)
        let svg = try #require(SVGInspector.parse(map.bytes))
        #expect(!svg.elementNames.contains("script"))
        #expect(!svg.elementNames.contains("b"))
        let firmGroups = svg.groups(withClass: "firm")
        #expect(firmGroups.count == park.firms.count)
        // No node was injected: every node group is a firm, a gap, an organization or the legend.
        let nodes = svg.groups(withClass: "node")
        #expect(nodes.count == firmGroups.count + 1)  // + legend
        for firm in park.firms {
            // Grid maps break long names into lines; every line is one text element.
            let lines = ChainMapBuilder.displayName(firm.name).flatMap {
                $0.split(separator: "\n", omittingEmptySubsequences: false)
            }
            for line in lines {
                let count = svg.allTexts.filter { $0 == String(line) }.count
                #expect(count == 1, "\(line) appears \(count) times as text")
            }
        }
        let tooltip = try #require(String(decoding: map.bytes, as: UTF8.self).range(of: "xlink:title=\"&lt;script&gt;"))
        _ = tooltip
    }
}
