import ArgumentParser
import ChainModel
import Foundation

/// The park a command works on, as the first argument.
struct ParkOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "A park: a .json file, a folder of CSV files, or the name of a bundled sample.",
            discussion: "Without it, the bundled sample '\(Samples.defaultName)' is used. Run `chainmap samples` for the list.",
            valueName: "park"))
    var park: String?

    @Flag(name: .customLong("no-warnings"), help: "Do not print data warnings on standard error.")
    var noWarnings = false

    /// The path to load: the argument, or a bundled sample by name.
    func resolvedPath() throws -> String {
        guard let park else {
            if let path = Samples.path(Samples.defaultName) { return path }
            throw ValidationError("no park given and the bundled samples are not installed next to the program; name a park file")
        }
        if FileManager.default.fileExists(atPath: park) { return park }
        if let path = Samples.path(park) { return path }
        return park  // the loader reports "no such file" with a hint
    }

    /// A short name for messages: the argument as given, or the sample's name.
    var displayName: String { park ?? Samples.defaultName }

    /// Loads the park; prints diagnostics to standard error and exits 1 on errors.
    func load() throws -> LoadedPark {
        let path = try resolvedPath()
        let progress = ProgressLine("Loading \(displayName)")
        do {
            let loaded = try ParkLoader.load(path: path)
            progress.finish()
            if !noWarnings { printWarnings(loaded.warnings) }
            return loaded
        } catch {
            progress.finish()
            Console.err(error.description + "\n")
            throw ExitCode.failure
        }
    }

    /// Prints up to 20 warnings, then how many more there are.
    func printWarnings(_ warnings: [Diagnostic], limit: Int = 20) {
        for w in warnings.prefix(limit) { Console.err(w.description + "\n") }
        if warnings.count > limit {
            Console.err("… and \(warnings.count - limit) more warnings (run `chainmap validate \(displayName)` to see all)\n")
        }
    }
}
