import ChainAnalysis
import Testing

/// Matchmaking on the bundled samples: the Liwei–Chuangtai automation tie-up, found from the
/// data alone (nothing in the code names either firm).
@Suite struct MatchSampleTests {
    static func sample(_ name: String) throws -> Park {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        let path = (parts + ["Sources", "ChainModel", "Samples", "\(name).json"]).joined(separator: "/")
        return try ParkLoader.load(path: path).park
    }

    @Test func liweiIsFirstForChuangtaiAutomation() throws {
        let park = try Self.sample("yihuang-plastics")
        let index = MatchIndex(park: park)
        let result = try index.matches(forFirm: "创泰活塞")
        #expect(result.firm == "chuangtai")
        let capability = result.suggestions(.capability)
        let first = try #require(capability.first)
        #expect(first.candidate == "liwei")
        #expect(first.need == "n001")
        #expect(first.score.fit == 1)
        #expect(first.channels.contains("塑料制品产业链党建联盟"))
        #expect(first.explanation.contains("offers"))
        #expect(first.explanation.contains("both sit in 塑料制品产业链党建联盟"))
        for s in result.suggestions { print(s.direction, s.candidate, s.candidateName, s.score.total, s.explanation) }
    }
}
