import ArgumentParser
import ChainAnalysis
import ChainModel
import ChainOutput
import ChainReport
import Foundation

/// `chainmap report PARK -o FILE.html`: the committee's report as one self-contained HTML file.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract:
            "Write the committee's report: one self-contained HTML file with the map, gaps, matches, organization and needs.",
        discussion: """
            One file that opens offline in any browser: the key figures; the chain map with pan, \
            zoom, fit and search, and a card per firm (stage, products, suppliers and buyers, \
            findings, matches, organization, pairings, needs); the gap findings as a sortable, \
            filterable table linked to the map; the matchmaking agenda; organization coverage \
            charts; the needs lists with solved rates. It prints on A4 portrait (the map on A3 \
            landscape). With --since OLD (an older dated snapshot of the same park) it adds \
            what changed since then: key figures before → after, firms entered and left, links \
            lost and won, gap findings opened and closed, needs raised and solved. With --series DIR (dated \
            snapshots of the same park) it adds the trends: the key figures of each snapshot as a \
            table and a line chart per figure. Above --limit firms the map shows stages; choosing a \
            stage (or chain) lists its firms and draws them with the stages they buy from and sell \
            to. What it holds: docs/REPORT.md.

            Examples:
              chainmap report beilun-nev -o 北仑产业链.html
              chainmap report yihuang-plastics --lang en -o yihuang.html
              chainmap report big-park/ -o park.html
              chainmap report beilun-nev --since beilun-nev-2023 -o 北仑变化.html
              chainmap report series/2024-12.json --series series/ -o 趋势.html
            """)

    @OptionGroup var input: ParkOptions

    @Option(name: [.short, .customLong("output")], help: "The HTML file to write (default chain-report.html).")
    var output: String = "chain-report.html"

    @Flag(help: "Replace an existing output file.")
    var force = false

    @Option(help: ArgumentHelp("Language of the report: zh (default) or en.", discussion: "Also set by CHAINMAP_LANG."))
    var lang: Language?

    @Option(help: "Largest number of firms drawn one by one; above it the map shows stages.")
    var limit: Int = CommitteeReport.Options().fullLayoutLimit

    @Option(
        help:
            "An older snapshot of the same park (park file, CSV folder, workbook or sample name): add what changed since it."
    )
    var since: String?

    @Option(
        help: ArgumentHelp(
            "A folder of dated snapshots of the same park (as `chainmap trend` takes): add the trends over them.",
            discussion:
                "PARK is the newest snapshot: the member of its date, or added after the last. A snapshot of another park or newer than PARK is an error.",
            valueName: "dir"))
    var series: String?

    func validate() throws {
        if limit < 1 { throw Usage.atLeast("--limit", 1) }
    }

    func run() throws {
        let park = try input.load().park
        var older: Park?
        if let since {
            let old = try ParkOptions.load(since, noWarnings: input.noWarnings)
            _ = try ParkSeries.checkPair(old: old, oldName: since, new: park, newName: input.displayName)
            older = old
        }
        let trend = try series.map { try CommitteeReportFile.series($0, park: park, name: input.displayName) }
        _ = try OutputFile.check(output, replace: force)
        var options = CommitteeReport.Options()
        options.fullLayoutLimit = limit
        let language = lang ?? Language.fromEnvironment(ProcessInfo.processInfo.environment)
        let progress = ProgressLine(StderrText.text(Message("cli.progress.report")))
        let html = try CommitteeReportFile.html(
            park: park, since: older, trend: trend, language: language, options: options)
        progress.finish()
        try OutputFile.write(html, to: output, replace: force)
        StderrText.say(Message("cli.wrote", ["path": .text(output)]))
    }
}
