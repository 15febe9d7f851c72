import ChainAnalysis
import ChainModel
import ChainOutput
import ChainRender

/// `chainmap report`'s one library call: the committee's report of a park as one
/// self-contained HTML file. The analyses come from ``CommitteeReport`` (ChainAnalysis), the
/// map from ``ChainMap`` (ChainRender), the page from ``HTMLReportRenderer`` (ChainOutput);
/// this target is the one place that sees all three.
///
/// ```swift
/// let html = try CommitteeReportFile.html(park: park, language: .zh)
/// let since = try CommitteeReportFile.html(park: park, since: older, language: .zh)
/// try OutputFile.write(html, to: "北仑产业链.html", replace: false)
/// ```
public enum CommitteeReportFile {
    /// - Throws: ``RenderError`` when Graphviz cannot draw the map.
    /// - Complexity: the analyses of ``CommitteeReport`` plus one map layout: firm by firm up
    ///   to `options.fullLayoutLimit` firms, by stage above it.
    ///
    /// With `since`, an older snapshot of the same park, the report adds what changed since it
    /// (``ParkDiff``); check the pair with `ParkSeries.checkPair` first. With `trend`, the
    /// key figures of the park's dated snapshots (``series(_:park:name:)``), it adds the trends
    /// part.
    public static func html(
        park: Park, since: Park? = nil, trend: TrendReport? = nil, language: Language,
        options: CommitteeReport.Options = CommitteeReport.Options(),
        renderer: GraphvizRenderer = .shared
    ) throws(RenderError) -> [UInt8] {
        var trace = PhaseTrace()
        let report = CommitteeReport(park: park, since: since, trend: trend, options: options)
        trace.mark("report.analyses")
        let map = try reportMap(
            park: park, aggregated: report.large, limit: options.fullLayoutLimit, renderer: renderer)
        trace.mark("report.map")
        let html = HTMLReportRenderer(Catalog(language)).render(report, map: map)
        trace.mark("report.html")
        return html
    }

    /// The trend of the series of dated snapshots `folder` (a folder as `chainmap trend` takes
    /// it, or one park) that ends with `park` (named `name`): `park` is its newest snapshot,
    /// either a member (the one of its date) or added after the last.
    ///
    /// - Throws: ``ParkLoadError`` naming every problem: an unreadable or empty folder,
    ///   snapshots that do not load, a snapshot without a date or two with one date, a snapshot
    ///   of another park, a snapshot newer than `park`.
    /// - Complexity: one load and one ``ParkFigures`` per snapshot.
    public static func series(_ folder: String, park: Park, name: String) throws(ParkLoadError) -> TrendReport {
        try TrendReport(sources: ParkSeries.sources(arguments: [folder]), newest: park, name: name)
    }

    /// The report's map: every firm with its supply links and pairings, or the stage view of a
    /// large park; and which firm, stage and chain each element of the SVG shows.
    public static func reportMap(park: Park, aggregated: Bool, limit: Int, renderer: GraphvizRenderer = .shared)
        throws(RenderError) -> ReportMap
    {
        // Pairings are drawn between firms only; the stage view shows supply.
        var options = MapOptions(
            layers: aggregated ? [.supply] : [.supply, .pairing], fullLayoutLimit: limit, oversize: .aggregate)
        if aggregated { options.aggregate = .stage }
        // The page pans, zooms and searches firms: it shows every firm up to the limit, however
        // small the whole map would print (its print stylesheet scales the map to the page).
        options.minimumPrintSize = nil
        let rendered = try ChainMap.render(park: park, options: options, format: .svg, renderer: renderer)
        let svg = ReportMap.inline(rendered.bytes)
        let ids = Set(ReportMap.elementIds(svg))
        var firms: [String: String] = [:], stages: [String: String] = [:], chains: [String: String] = [:]
        for firm in park.firms {
            let id = "firm-" + DOTText.token(firm.id)
            if ids.contains(id) { firms[firm.id] = id }
        }
        for chain in park.chains {
            let id = "chain-" + DOTText.token(chain.id)
            if ids.contains(id) { chains[chain.id] = id }
            for stage in chain.stages {
                let sid = "stage-" + DOTText.token(stage.id)
                if ids.contains(sid) && stages[stage.id] == nil { stages[stage.id] = sid }
            }
        }
        let isAggregated = rendered.scene.nodes.contains { if case .stage = $0.kind { true } else { false } }
        return ReportMap(
            svg: svg, aggregated: aggregated || isAggregated, firmElements: firms, stageElements: stages,
            chainElements: chains, notes: rendered.notes)
    }
}
