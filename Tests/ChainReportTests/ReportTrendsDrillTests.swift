import ChainAnalysis
import ChainModel
import ChainOutput
import ChainReport
import Foundation
import Testing

/// The report's trends part (`--series DIR`) and a large park's drill-down maps, checked as
/// text and data without a browser (tests/browser draws them in Chromium).
@Suite struct ReportTrendsDrillTests {
    // MARK: Drill-down

    /// One chain s1 → s2 → s3. s1: a (10), b (5); s2: c (30), d (20), e (50, outside the
    /// park); s3: f (1). Links a→c, b→c, a→d, c→f, d→f, e→f, c→d (inside s2), b→d lost.
    static func handMade() -> Park {
        var park = Park(id: "drill", name: "拆解园")
        park.chains = [
            Chain(
                id: "c", name: "链",
                stages: [
                    Stage(id: "s1", name: "上游", tier: .upstream), Stage(id: "s2", name: "中游", tier: .midstream),
                    Stage(id: "s3", name: "下游", tier: .downstream),
                ])
        ]
        park.firms = [
            Firm(id: "a", name: "甲", stages: ["s1"], output: 10), Firm(id: "b", name: "乙", stages: ["s1"], output: 5),
            Firm(id: "c", name: "丙", stages: ["s2"], output: 30), Firm(id: "d", name: "丁", stages: ["s2"], output: 20),
            Firm(id: "e", name: "戊", stages: ["s2"], output: 50, inPark: false),
            Firm(id: "f", name: "己", stages: ["s3"], output: 1),
        ]
        park.links = [
            SupplyLink(supplier: "a", buyer: "c"), SupplyLink(supplier: "b", buyer: "c"),
            SupplyLink(supplier: "a", buyer: "d"), SupplyLink(supplier: "c", buyer: "f"),
            SupplyLink(supplier: "d", buyer: "f"), SupplyLink(supplier: "e", buyer: "f"),
            SupplyLink(supplier: "c", buyer: "d"), SupplyLink(supplier: "b", buyer: "d", status: .lost),
        ]
        return park
    }

    typealias N = CommitteeReport.StageDrill.Neighbour
    typealias L = CommitteeReport.StageDrill.FirmLinks

    @Test func stageDrillsCountByHand() {
        let drills = CommitteeReport.stageDrills(park: Self.handMade(), firmsPerStage: 2)
        #expect(drills.map(\.stage) == ["s1", "s2", "s3"])
        let s2 = drills[1]
        #expect(s2.firmCount == 3)
        #expect(s2.firms == [4, 2])  // e (50), c (30); d (20) beyond the cap of 2
        // Upstream: a→c, b→c, a→d from s1 (two firms); the lost b→d is not supply.
        #expect(s2.upstream == [N(stage: "s1", links: 3, firms: 2)])
        // Downstream: c→f, d→f, e→f to s3 (one firm).
        #expect(s2.downstream == [N(stage: "s3", links: 3, firms: 1)])
        #expect(s2.internalLinks == 1)  // c→d
        #expect(s2.firmUpstream == [[], [L(neighbour: 0, links: 2)]])
        #expect(s2.firmDownstream == [[L(neighbour: 0, links: 1)], [L(neighbour: 0, links: 1)]])
        // s3 buys from s2's in-park firms (c, d) and from e outside the park, listed last.
        let s3 = drills[2]
        #expect(s3.upstream == [N(stage: "s2", links: 2, firms: 2), N(stage: nil, links: 1, firms: 1)])
        #expect(s3.downstream.isEmpty && s3.internalLinks == 0)
        #expect(s3.firmUpstream == [[L(neighbour: 0, links: 2), L(neighbour: 1, links: 1)]])
        let s1 = drills[0]
        #expect(s1.firms == [0, 1] && s1.upstream.isEmpty)
        #expect(s1.downstream == [N(stage: "s2", links: 3, firms: 2)])
    }

    /// In the HTML, above the limit: the drill data names firms that exist, in their stage,
    /// one entry per stage; ids stay unique.
    @Test func drillDataInTheStageView() throws {
        let park = Self.handMade()
        let html = try ReportStructureTests.report(park, limit: 2)
        try ReportStructureTests.check(html, park, aggregated: true)
        #expect(html.contains("id=\"r-drill-map\""))
        let data = try ReportStructureTests.data(html)
        let firms = try #require(data["firms"] as? [[Any]])
        let stages = try #require(data["stages"] as? [[Any]])
        let drill = try #require(data["drill"] as? [[Any]])
        #expect(drill.count == stages.count)
        let s2 = try #require(stages.firstIndex { $0[0] as? String == "s2" })
        #expect(drill[s2][0] as? Int == 3)
        let drawn = try #require(drill[s2][1] as? [Int])
        #expect(drawn.compactMap { firms[$0][0] as? String } == ["e", "c", "d"])
        // [stage position, links, firms]: s1 upstream of s2.
        let up = try #require(drill[s2][2] as? [[Int]])
        let s1 = try #require(stages.firstIndex { $0[0] as? String == "s1" })
        #expect(up == [[s1, 3, 2]])
    }

    /// Every firm a drill-down draws exists and is in that stage, on a generated park.
    @Test func drillFirmsExistOnAGeneratedPark() throws {
        let park = try ParkGenerator.generate(.init(firms: 200, seed: 7)).park
        let html = try ReportStructureTests.report(park, limit: 50)
        let data = try ReportStructureTests.data(html)
        let firms = try #require(data["firms"] as? [[Any]])
        let drill = try #require(data["drill"] as? [[Any]])
        let ids = Set(park.firms.map(\.id))
        var drawnTotal = 0
        for (k, entry) in drill.enumerated() {
            let drawn = try #require(entry[1] as? [Int])
            let count = try #require(entry[0] as? Int)
            #expect(drawn.count == min(count, 120))
            #expect(count == firms.filter { ($0[3] as? [Int])?.contains(k) ?? false }.count)
            for i in drawn {
                let row = try #require(firms.indices.contains(i) ? firms[i] : nil)
                #expect(ids.contains(row[0] as? String ?? ""))
                #expect((row[3] as? [Int])?.contains(k) == true, "firm \(i) drawn in stage \(k) it is not in")
            }
            drawnTotal += drawn.count
        }
        #expect(drawnTotal > 0)
    }

    // MARK: Trends

    /// Writes `park` as a CSV bundle named `name` in `folder`.
    static func write(_ park: Park, _ folder: String, _ name: String) throws {
        try CSVBundleWriter.write(park, to: folder + "/" + name)
    }

    static func folder() throws -> String {
        let path = NSTemporaryDirectory() + "chainmap-trends-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Jinchang as three snapshots: 2022-06 with its first five in-park firms still outside the park, 2023-06, and
    /// the sample itself (its own date) as the report's park, added after the folder's two.
    @Test func trendsHaveARowPerSnapshotAndAChartPerFigure() throws {
        let park = try Samples.load("jinchang-battery").park
        let date = try #require(park.dataDate.flatMap(SnapshotDate.init))
        #expect(date > SnapshotDate(year: 2023, month: 6))
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var old = park
        old.dataDate = "2022-06"
        for i in old.firms.indices.filter({ old.firms[$0].inPark }).prefix(5) { old.firms[i].inPark = false }
        try Self.write(old, folder, "a")
        var middle = park
        middle.dataDate = "2023-06"
        try Self.write(middle, folder, "b")
        let trend = try CommitteeReportFile.series(folder, park: park, name: "jinchang-battery")
        #expect(trend.rows.map(\.date) == ["2022-06", "2023-06", date.description])
        let inPark = park.firms.filter(\.inPark).count
        #expect(trend.rows.map(\.figures.firmsInPark) == [inPark - 5, inPark, inPark])
        #expect(trend.rows.last?.source == "jinchang-battery")

        let html = String(
            decoding: try CommitteeReportFile.html(park: park, trend: trend, language: .zh), as: UTF8.self)
        try ReportStructureTests.check(html, park)
        #expect(html.contains("<section id=\"r-part-trends\" class=\"part\">"))
        #expect(html.contains("href=\"#r-part-trends\""))
        let overview = try #require(html.range(of: "id=\"r-part-overview\""))
        let trends = try #require(html.range(of: "id=\"r-part-trends\""))
        let map = try #require(html.range(of: "id=\"r-part-map\""))
        #expect(overview.lowerBound < trends.lowerBound && trends.lowerBound < map.lowerBound)
        // The table: one row per snapshot, dates in order, the in-park firms as data values.
        let start = try #require(html.range(of: "id=\"r-table-trends\""))
        let end = try #require(html.range(of: "</table>", range: start.upperBound..<html.endIndex))
        let table = String(html[start.upperBound..<end.lowerBound])
        let rows = table.components(separatedBy: "<tr>").dropFirst(2)  // the header row first
        #expect(rows.count == 3)
        #expect(rows.map { $0.contains("2022-06") } == [true, false, false])
        #expect(rows.map { $0.contains("data-v=\"\(inPark - 5)\"") } == [true, false, false])
        // One chart per figure, each with a point per snapshot for the firms.
        let charts = html.components(separatedBy: "<svg id=\"r-trend-").count - 1
        #expect(charts == TrendReport.figureKeys.count)
        let firmsChart = try #require(html.range(of: "<svg id=\"r-trend-firmsInPark\""))
        let firmsEnd = try #require(html.range(of: "</svg>", range: firmsChart.upperBound..<html.endIndex))
        #expect(html[firmsChart.upperBound..<firmsEnd.lowerBound].components(separatedBy: "<circle").count - 1 == 3)
        // English words from the catalog.
        let en = String(
            decoding: try CommitteeReportFile.html(park: park, trend: trend, language: .en), as: UTF8.self)
        #expect(en.contains(">Trends</a>") && en.contains("Key figures of each snapshot"))
    }

    /// The park in the folder already (its own date): it is the last member, not a fourth row.
    @Test func theParkAsTheLastMemberIsNotCountedTwice() throws {
        let park = try Samples.load("jinchang-battery").park
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var old = park
        old.dataDate = "2022-06"
        try Self.write(old, folder, "a")
        try Self.write(park, folder, "b")
        let trend = try CommitteeReportFile.series(folder, park: park, name: "jinchang-battery")
        #expect(trend.rows.count == 2)
        #expect(trend.rows.last?.source == folder + "/b")
    }

    /// Refused: a snapshot of another park (named in the error), a snapshot newer than the
    /// report's park, an undated report park.
    @Test func aSeriesOfAnotherParkOrNewerIsRefused() throws {
        let park = try Samples.load("jinchang-battery").park
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var other = park
        other.id = "another-park"
        other.dataDate = "2022-06"
        try Self.write(other, folder, "a")
        do {
            _ = try CommitteeReportFile.series(folder, park: park, name: "jinchang-battery")
            Issue.record("a series of another park was accepted")
        } catch {
            let text = error.diagnostics.map(\.message).joined(separator: " ")
            #expect(text.contains("another-park") && text.contains("jinchang-battery"))
        }
        try FileManager.default.removeItem(atPath: folder + "/a")
        var newer = park
        newer.dataDate = "2099-01"
        try Self.write(newer, folder, "z")
        #expect(throws: ParkLoadError.self) {
            try CommitteeReportFile.series(folder, park: park, name: "jinchang-battery")
        }
        var undated = park
        undated.dataDate = nil
        #expect(throws: ParkLoadError.self) {
            try CommitteeReportFile.series(folder, park: undated, name: "x")
        }
    }
}
