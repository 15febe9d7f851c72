import ArgumentParser
import ChainModel
import ChainOutput
import Foundation

/// The park a command works on, as the first argument.
struct ParkOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "A park: a .json file, a folder of CSV files, an .xlsx workbook, or the name of a bundled sample.",
            discussion:
                "Without it, the bundled sample '\(Samples.defaultName)' is used. Run `chainmap samples` for the list.",
            valueName: "park"))
    var park: String?

    @Flag(name: .customLong("no-warnings"), help: "Do not print data warnings on standard error.")
    var noWarnings = false

    /// The park to load: the path given, or a bundled sample by name.
    var source: ParkSource { ParkSource(argument: park) }

    /// A short name for messages: the argument as given, or the sample's name.
    var displayName: String { park ?? Samples.defaultName }

    /// Loads the park; throws every problem found (printed by the command line). Warnings
    /// are summed up in one line (`chainmap validate` lists them).
    ///
    /// With `quiet`, the warnings note is left out: for a command that loads the same park
    /// again (`measure --repeat`), so the note appears once per run.
    func load(quiet: Bool = false) throws -> LoadedPark {
        let progress = ProgressLine(StderrText.catalog(Message("cli.progress.loading", ["park": .text(displayName)])))
        let loaded: LoadedPark
        do {
            // The progress line is cleared before the note, so the note stands on its own line.
            defer { progress.finish() }
            loaded = try source.load()
        }
        ProcessLifetime.keep(loaded.park)  // freed by the exit, not record by record
        let n = loaded.warnings.count
        if !noWarnings && !quiet && n > 0 {
            StderrText.say(
                Message(
                    n == 1 ? "cli.note.warning" : "cli.note.warnings",
                    ["count": .integer(n), "park": .text(displayName)]))
        }
        return loaded
    }
}
