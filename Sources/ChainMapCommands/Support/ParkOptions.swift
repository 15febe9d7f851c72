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

    /// Loads the park; throws every problem found (printed by the command line). Warnings
    /// are summed up in one line (`chainmap validate` lists them).
    func load() throws -> LoadedPark {
        let path = try resolvedPath()
        let progress = ProgressLine("Loading \(displayName)")
        do {
            var loaded = try ParkLoader.load(path: path)
            progress.finish()
            loaded.warnings = loaded.warnings.map(shortened)
            let n = loaded.warnings.count
            if !noWarnings && n > 0 {
                Console.err("note: \(n) data warning\(n == 1 ? "" : "s"); `chainmap validate \(displayName)` lists \(n == 1 ? "it" : "them")\n")
            }
            return loaded
        } catch {
            progress.finish()
            var report = error
            report.diagnostics = report.diagnostics.map(shortened)
            throw report
        }
    }

    /// Names a bundled sample's file as `samples/NAME.json` instead of its install path.
    func shortened(_ d: Diagnostic) -> Diagnostic {
        guard let folder = Samples.folder?.path, d.file.hasPrefix(folder + "/") else { return d }
        var copy = d
        copy.file = "samples/" + d.file.dropFirst(folder.count + 1)
        return copy
    }
}
