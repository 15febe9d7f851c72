import ChainModel
import ChainOutput
import Foundation

/// The language of what the command line itself says on standard error (progress, notes,
/// "wrote …"): `--lang` on the command line, else `CHAINMAP_LANG`, else Chinese — the same
/// choice the reports make, read before any command has parsed its options.
enum StderrText {
    static var catalog: Catalog {
        Catalog(Language.fromEnvironment(ProcessInfo.processInfo.environment, arguments: CommandLine.arguments))
    }

    /// `message` in the reader's language.
    static func text(_ message: Message) -> String { catalog(message) }

    static func say(_ message: Message) { Console.err(catalog(message) + "\n") }
}
