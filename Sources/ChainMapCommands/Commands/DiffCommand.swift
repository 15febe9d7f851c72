import ArgumentParser
import ChainAnalysis
import ChainModel
import ChainOutput

/// `chainmap diff OLD NEW`: what changed between two snapshots of a park.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract:
            "What changed between two snapshots of a park: firms, links, coverage, organizations, pairings, needs, gaps.",
        discussion: """
            OLD and NEW are two snapshots of one park (any park format, or a bundled sample), \
            each dated by its dataDate. Records are matched by id (links by their two firms, \
            then id or product); an id whose record changed meaning (another name and stage, \
            another name and kind) is listed, not paired; OLD and NEW must be the same park (the \
            same park id) with different dates. Coverage counts in-park firms with \
            party members, as `chainmap orgs` does; gap findings are matched by kind, rule and \
            place. Definitions: docs/FORMAT.md (Snapshots and series).

            Examples:
              chainmap diff beilun-nev-2023 beilun-nev
              chainmap diff old.json new.xlsx --section coverage --format csv > coverage.csv
              chainmap diff series/park-2024-01 series/park-2024-02 --format xlsx -o changes.xlsx
            """)

    @Argument(help: "The older snapshot: a park file, CSV folder, workbook or sample name.")
    var old: String

    @Argument(help: "The newer snapshot.")
    var new: String

    @OptionGroup var output: OutputOptions

    @Option(
        help:
            "Section to print: figures, firms, links, coverage, organizations, pairings, needs, gaps, meaning (csv default: figures; table default: all)."
    )
    var section: ParkDiff.Section?

    @Option(help: "Rows per list (0: all). Default: 20 for table and markdown, all for json, csv and xlsx.")
    var limit: Int?

    @Flag(name: .customLong("no-warnings"), help: "Do not print data warnings on standard error.")
    var noWarnings = false

    func validate() throws {
        if let limit, limit < 0 { throw Usage.notNegative("--limit") }
    }

    func run() throws {
        let oldPark = try ParkOptions.load(old, noWarnings: noWarnings)
        let newPark = try ParkOptions.load(new, noWarnings: noWarnings)
        _ = try ParkSeries.checkPair(old: oldPark, oldName: old, new: newPark, newName: new)
        let rows = limit ?? (output.format == .table || output.format == .markdown ? 20 : 0)
        try output.emit(ParkDiff(old: oldPark, new: newPark, limit: rows, section: section))
    }
}

extension ParkDiff.Section: ExpressibleByArgument {}

extension ParkOptions {
    /// Loads the park `argument` names (with progress and the warnings note), for commands
    /// that take more than one.
    static func load(_ argument: String, noWarnings: Bool) throws -> Park {
        var options = ParkOptions()
        options.park = argument
        options.noWarnings = noWarnings
        return try options.load().park
    }
}
