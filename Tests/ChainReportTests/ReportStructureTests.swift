import ChainAnalysis
import ChainModel
import ChainOutput
import ChainReport
import Foundation
import Testing

/// The committee report's HTML checked as text, without a browser: every firm is in it, every
/// finding points at an element that exists, ids are unique, hostile names are escaped, and
/// nothing refers to the network. (tests/browser runs the same files in Chromium.)
@Suite struct ReportStructureTests {
    /// The `id` attribute values of the HTML (the map's SVG included), in order.
    static func ids(_ html: String) -> [String] {
        ReportMap.elementIds(Array(html.utf8))
    }

    /// The inline data blob, parsed.
    static func data(_ html: String) throws -> [String: Any] {
        let open = "<script type=\"application/json\" id=\"r-data\">"
        let start = try #require(html.range(of: open))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let json = Data(html[start.upperBound..<end.lowerBound].utf8)
        return try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    }

    static func report(_ park: Park, _ language: Language = .zh, limit: Int = 1000) throws -> String {
        var options = CommitteeReport.Options()
        options.fullLayoutLimit = limit
        let bytes = try CommitteeReportFile.html(park: park, language: language, options: options)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func check(_ html: String, _ park: Park, aggregated: Bool = false) throws {
        let ids = Self.ids(html)
        // Unique ids.
        var seen = Set<String>(), duplicates: [String] = []
        for id in ids where !seen.insert(id).inserted { duplicates.append(id) }
        #expect(duplicates.isEmpty, "duplicate ids: \(duplicates.prefix(10))")
        // No web address of any kind, no external file.
        for word in ["http://", "https://", "//cdn", "src=\"", "<link", "@import", "url("] {
            #expect(!html.contains(word), "the report refers to \(word)")
        }
        // Exactly the two scripts of the report: the data blob and the script.
        #expect(html.components(separatedBy: "<script").count - 1 == 2)
        #expect(html.components(separatedBy: "</script>").count - 1 == 2)
        // Every firm is in the data, by id and name, in order; firm elements exist.
        let data = try Self.data(html)
        let firms = try #require(data["firms"] as? [[Any]])
        #expect(firms.count == park.firms.count)
        for (row, firm) in zip(firms, park.firms) {
            #expect(row[0] as? String == firm.id)
            #expect(row[1] as? String == firm.name)
            if let element = row[7] as? String, !element.isEmpty {
                #expect(seen.contains(element), "no element \(element)")
            }
        }
        if !aggregated {
            let onMap = firms.filter { ($0[7] as? String).map { !$0.isEmpty } ?? false }.count
            #expect(onMap == park.firms.count, "firms on the map: \(onMap) of \(park.firms.count)")
        }
        // Every finding row links to an element that exists.
        let rows = html.components(separatedBy: "id=\"r-finding-").count - 1
        let findings = try #require(data["findings"] as? [Any])
        #expect(rows == findings.count)
        var links = 0
        var rest = html[...]
        while let r = rest.range(of: "class=\"maplink\" data-target=\"") {
            let tail = rest[r.upperBound...]
            let end = try #require(tail.firstIndex(of: "\""))
            let target = String(tail[..<end])
            #expect(seen.contains(target), "finding links to a missing element \(target)")
            links += 1
            rest = tail[end...]
        }
        #expect(links == rows)
    }

    /// The smallest sample in the quick run; the others are slow (each report runs the gap,
    /// organization and match analyses and a Graphviz layout, seconds in a debug build).
    @Test(arguments: ["jinchang-battery"])
    func sample(_ name: String) throws {
        let park = try Samples.load(name).park
        let html = try Self.report(park)
        try Self.check(html, park)
        #expect(html.contains("<html lang=\"zh-CN\">"))
        for part in CommitteeReport.Part.allCases where part != .changes && part != .trends {
            #expect(html.contains("id=\"r-part-\(part.rawValue)\""))
        }
        // Without --since there is nothing to compare, without --series no trend: no "what
        // changed" or trends part, no link to them.
        #expect(!html.contains("r-part-changes") && !html.contains("r-part-trends"))
    }

    @Test(
        .tags(.slow), .enabled(if: Slow.allowed),
        arguments: ["beilun-nev", "yihuang-plastics", "wujin-machinery", "ningxiang-storage"])
    func slowSample(_ name: String) throws {
        let park = try Samples.load(name).park
        try Self.check(try Self.report(park), park)
    }

    @Test func englishHasNoChinesePageWords() throws {
        let park = try Samples.load("jinchang-battery").park
        let html = try Self.report(park, .en)
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("Chain map"))
        try Self.check(html, park)
    }

    @Test func sameInputSameBytes() throws {
        let park = try Samples.load("jinchang-battery").park
        #expect(try Self.report(park) == (try Self.report(park)))
    }

    @Test func hostileNamesAreEscaped() throws {
        var park = try Samples.load("jinchang-battery").park
        let hostile = [
            "</script><script>alert(1)</script>", "\"onmouseover=\"alert(2)", "A & B <b>", "'; alert(3); '", "<!-- x",
            "\u{2028}line",
        ]
        for (i, name) in hostile.enumerated() where i < park.firms.count { park.firms[i].name = name }
        park.name = "<script>alert(4)</script> & \"park\""
        let html = try Self.report(park)
        try Self.check(html, park)
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("\"onmouseover=\"alert"))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("<!-- x"))
        #expect(html.contains("&lt;script&gt;alert(4)&lt;/script&gt; &amp; &quot;park&quot;"))
        // The data blob parses back to the same names (checked in check()).
    }

    @Test func largeParkUsesTheStageMapWithDrillDown() throws {
        let park = try ParkGenerator.generate(.init(firms: 200, seed: 7)).park
        let html = try Self.report(park, limit: 50)
        try Self.check(html, park, aggregated: true)
        #expect(html.contains("id=\"r-drill\""))
        #expect(html.contains("id=\"r-drill-stage\""))
        let data = try Self.data(html)
        #expect(data["aggregated"] as? Bool == true)
        let stages = try #require(data["stages"] as? [[Any]])
        #expect(stages.contains { ($0[3] as? String).map { !$0.isEmpty } ?? false }, "stage nodes on the map")
    }

    /// The text of the `<dd>` of the figure `key` inside the element `id` (a `dl` of figures).
    static func figure(_ html: String, in id: String, _ key: String) throws -> String {
        let start = try #require(html.range(of: "id=\"\(id)\""), "no element \(id)")
        let end = try #require(html.range(of: "</dl>", range: start.upperBound..<html.endIndex))
        let block = html[start.upperBound..<end.lowerBound]
        let item = try #require(block.range(of: "data-key=\"\(key)\""), "no figure \(key) in \(id)")
        let dd = try #require(block.range(of: "<dd>", range: item.upperBound..<block.endIndex))
        let close = try #require(block.range(of: "</dd>", range: dd.upperBound..<block.endIndex))
        return String(block[dd.upperBound..<close.lowerBound])
    }

    /// Yihuang's dated needs: the needs part shows their ageing with the library's values
    /// (`chainmap orgs --section needs`): 72 raised, 38 solved, and the overdue count at 30 days.
    @Test func needsAgeingOfYihuang() throws {
        let park = try Samples.load("yihuang-plastics").park
        let needs = OrganizationReport(park: park).needs
        let html = try Self.report(park)
        try Self.check(html, park)
        #expect(try Self.figure(html, in: "r-needs-ageing", "raised") == "72")
        #expect(try Self.figure(html, in: "r-needs-ageing", "solved") == "38")
        #expect(needs.overdueDays == 30)
        #expect(try Self.figure(html, in: "r-needs-ageing", "overdue") == String(needs.overdue))
        #expect(
            try Self.figure(html, in: "r-needs-ageing", "open") == String(needs.total.open + needs.total.inProgress))
        let median = try #require(needs.total.medianDaysToSolve)
        #expect(
            try Self.figure(html, in: "r-needs-ageing", "medianDaysToSolve")
                == "\(Quantity.decimal(median, digits: 1)) 天")
        #expect(html.contains("id=\"r-chart-responders\""))
        // In English too, from the catalog.
        let en = try Self.report(park, .en)
        #expect(en.contains("Needs ageing") && en.contains("Open longer than 30 days"))
    }

    /// Needs without dates: nothing to age, no ageing block.
    @Test func undatedNeedsHaveNoAgeing() throws {
        var park = try Samples.load("jinchang-battery").park
        for i in park.needs.indices { park.needs[i].raised = nil; park.needs[i].solved = nil }
        let html = try Self.report(park)
        #expect(!html.contains("r-needs-ageing"))
    }

    /// `chainmap report beilun-nev --since beilun-nev-2023`: the "what changed" part with the
    /// diff's figures, coverage 58% → 70% first.
    @Test func sinceAddsWhatChanged() throws {
        let old = try Samples.load("beilun-nev-2023").park
        let park = try Samples.load("beilun-nev").park
        _ = try ParkSeries.checkPair(old: old, oldName: "beilun-nev-2023", new: park, newName: "beilun-nev")
        let diff = ParkDiff(old: old, new: park)
        let bytes = try CommitteeReportFile.html(park: park, since: old, language: .zh)
        let html = String(decoding: bytes, as: UTF8.self)
        try Self.check(html, park)
        #expect(html.contains("<section id=\"r-part-changes\" class=\"part\">"))
        #expect(html.contains("href=\"#r-part-changes\""))
        // Right after the overview.
        let overview = try #require(html.range(of: "id=\"r-part-overview\""))
        let changes = try #require(html.range(of: "id=\"r-part-changes\""))
        let map = try #require(html.range(of: "id=\"r-part-map\""))
        #expect(overview.lowerBound < changes.lowerBound && changes.lowerBound < map.lowerBound)
        let f = { (key: String) in try Self.figure(html, in: "r-changes-figures", key) }
        #expect(try f("coverage") == "58% → 70%")
        #expect(diff.after.firmsInPark > diff.before.firmsInPark)
        #expect(
            try f("firmsInPark")
                == "\(diff.before.firmsInPark) → \(diff.after.firmsInPark)（+\(diff.after.firmsInPark - diff.before.firmsInPark)）"
        )
        #expect(try f("firms") == "新进 \(diff.firms.enteredInPark)，退出 \(diff.firms.leftInPark)")
        #expect(try f("gaps") == "新出现 \(diff.totals["gapsOpened"] ?? -1)，已解决 \(diff.totals["gapsClosed"] ?? -1)")
        #expect(try f("needs") == "新提出 \(diff.totals["needsRaised"] ?? -1)，已解决 \(diff.totals["needsSolved"] ?? -1)")
        #expect(try f("linksChanged").hasPrefix("失去 "))
        // The diff's own tables, with their own ids.
        #expect(html.contains("id=\"r-table-changes-figures-0\""))
        #expect(html.contains("id=\"r-table-changes-coverage-0\""))
        // Same bytes each time.
        #expect(bytes == (try CommitteeReportFile.html(park: park, since: old, language: .zh)))
    }

    /// The pair is checked as `chainmap diff` checks it: dated, different dates, one park.
    @Test func sinceNeedsAnOlderSnapshotOfTheSamePark() throws {
        let park = try Samples.load("jinchang-battery").park
        #expect(throws: ParkLoadError.self) {
            try ParkSeries.checkPair(old: park, oldName: "a", new: park, newName: "b")
        }
        var other = park
        other.id = "another-park"
        other.dataDate = "2001-01"
        #expect(throws: ParkLoadError.self) {
            try ParkSeries.checkPair(old: other, oldName: "a", new: park, newName: "b")
        }
        var undated = park
        undated.dataDate = nil
        #expect(throws: ParkLoadError.self) {
            try ParkSeries.checkPair(old: undated, oldName: "a", new: park, newName: "b")
        }
        var older = park
        older.dataDate = "2001-01"
        _ = try ParkSeries.checkPair(old: older, oldName: "a", new: park, newName: "b")
    }

    @Test func scriptJSONIsSafeInAScriptElement() {
        var out: [UInt8] = []
        ScriptJSON.object([("a", .string("</script><!--&\u{2028}\"\\"))]).write(into: &out)
        let text = String(decoding: out, as: UTF8.self)
        #expect(text == #"{"a":"\u003c/script\u003e\u003c!--\u0026\u2028\"\\"}"#)
    }
}
