import ArgumentParser
import ChainAnalysis
import ChainModel
import ChainOutput

/// `chainmap trend SERIES`: the key figures of each dated snapshot of a park.
struct TrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "Key figures over every dated snapshot of a park, with the change from the one before.",
        discussion: """
            SERIES is a folder of snapshots of one park (.json, .xlsx, .chainpark files and \
            CSV bundle folders, mixed; changes.json is skipped), or several parks named one \
            after another. Snapshots are ordered by their dataDate; a snapshot without a date, \
            two with the same date, or snapshots of different parks are errors. With -o \
            FILE.svg, a line chart per figure is written instead of the table.

            Examples:
              chainmap trend series/
              chainmap trend beilun-nev-2023 beilun-nev
              chainmap trend series/ --format csv > trend.csv
              chainmap trend series/ -o trend.svg
            """)

    @Argument(help: "A folder of snapshots, or several parks (files, CSV folders, sample names).")
    var series: [String]

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if series.isEmpty { throw ValidationError("name a folder of snapshots or at least one park") }
    }

    func run() throws {
        let report = try TrendReport(sources: ParkSeries.sources(arguments: series))
        if let file = output.file, file.lowercased().hasSuffix(".svg") {
            try OutputFile.write(TrendChart.svg(report, language: output.language), to: file, replace: output.force)
            return
        }
        try output.emit(report)
    }
}
