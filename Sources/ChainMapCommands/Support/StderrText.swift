import ArgumentParser
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

/// Usage errors (exit 2) in the reader's language. ArgumentParser adds its own `Error:` and
/// the usage line, which stay English like the help text.
enum Usage {
    static func error(_ message: Message) -> ValidationError { ValidationError(StderrText.text(message)) }

    static func atLeast(_ option: String, _ minimum: Int) -> ValidationError {
        error(Message("cli.usage.atLeast", ["option": .text(option), "minimum": .integer(minimum)]))
    }

    static func notNegative(_ option: String) -> ValidationError {
        error(Message("cli.usage.notNegative", ["option": .text(option)]))
    }

    static func between(_ option: String, _ low: String, _ high: String) -> ValidationError {
        error(Message("cli.usage.between", ["option": .text(option), "low": .text(low), "high": .text(high)]))
    }

    static func positive(_ option: String) -> ValidationError {
        error(Message("cli.usage.positive", ["option": .text(option)]))
    }

    /// `value` is not one of `known` for `option` (empty `value`: none was given).
    static func unknownValue(_ option: String, _ value: String, _ known: [String]) -> ValidationError {
        error(
            Message(
                "cli.usage.unknownValue",
                [
                    "option": .text(option), "value": .text(value), "known": .list(known.map { .text($0) }, limit: 50),
                ]))
    }
}
