import ArgumentParser
import ChainModel
import Foundation

/// The park a command works on, as the first argument.
struct ParkOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "A park: a .json file, a folder of CSV files, an .xlsx workbook, or the name of a bundled sample.",
            discussion: "Without it, the bundled sample '\(Samples.defaultName)' is used. Run `chainmap samples` for the list.",
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
    func load() throws -> LoadedPark {
        let progress = ProgressLine("Loading \(displayName)")
        defer { progress.finish() }
        let loaded = try source.load()
        let n = loaded.warnings.count
        if !noWarnings && n > 0 {
            Console.err("note: \(n) data warning\(n == 1 ? "" : "s"); `chainmap validate \(displayName)` lists \(n == 1 ? "it" : "them")\n")
        }
        return loaded
    }
}
