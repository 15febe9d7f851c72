import ArgumentParser
import ChainModel
import ChainOutput
import Foundation

/// The root `chainmap` command.
public struct ChainMapCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "chainmap",
        abstract: "Graph analytics for industry-chain networks: map, rank, find gaps, match firms.",
        discussion: """
            A park is a .json file, a folder of CSV files, an Excel workbook (.xlsx; see
            docs/FORMAT.md), or the name of a bundled sample; without one, commands use the
            bundled Beilun NEV sample.

            Exit status: 0 success, 1 failure (bad data, a write error), 2 usage error.
            """,
        version: "0.1.0",
        subcommands: [
            ValidateCommand.self, InfoCommand.self, FirmsCommand.self, ConvertCommand.self, MapCommand.self,
            RankCommand.self,
            StructureCommand.self, GapsCommand.self, WhatIfCommand.self, MatchCommand.self, OrgsCommand.self,
            DiffCommand.self, TrendCommand.self, GenerateCommand.self, MeasureCommand.self, SamplesCommand.self,
            ExportCommand.self, ImportResultsCommand.self,
            ReportCommand.self,
        ]
    )

    public init() {}

    /// The verbs `chainmap` knows, in help order.
    static var verbs: [String] { configuration.subcommands.map { $0._commandName } }

    /// The first argument when it is meant as a verb (not an option) and no verb has that name.
    static func unknownVerb(_ arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), first != "help", !verbs.contains(first) else {
            return nil
        }
        return first
    }

    /// Runs the command line `arguments` (without the program name) and returns the exit
    /// status: 0 success, 1 failure, 2 usage. Help and errors are printed.
    public static func run(arguments: [String]) -> Int32 {
        // A closed pipe is an EPIPE write error that Console handles (quietly), not a signal.
        signal(SIGPIPE, SIG_IGN)
        if let verb = unknownVerb(arguments) {
            // ArgumentParser would say "Unexpected argument" in English; say what was meant.
            let language = Language.fromEnvironment(ProcessInfo.processInfo.environment, arguments: arguments)
            let message =
                Suggest.closest(to: verb, in: verbs).map {
                    Message("cli.error.unknownVerb", ["verb": .text(verb), "suggestion": .text($0)])
                }
                ?? Message(
                    "cli.error.unknownVerb.list",
                    ["verb": .text(verb), "verbs": .list(verbs.map { .text($0) }, limit: 20)])
            Console.err("error: " + Catalog(language)(message) + "\n")
            return 2
        }
        // `gaps` takes an optional park, which ArgumentParser would fill with the word
        // `benchmark` before looking for a subcommand: `gaps benchmark` is parsed on its own.
        let isGapsBenchmark = arguments.count >= 2 && arguments[0] == "gaps" && arguments[1] == "benchmark"
        let parser: any ParsableCommand.Type = isGapsBenchmark ? GapsBenchmarkCommand.self : ChainMapCommand.self
        do {
            var command: any ParsableCommand
            if isGapsBenchmark {
                command = try GapsBenchmarkCommand.parse(Array(arguments.dropFirst(2)))
            } else {
                command = try parseAsRoot(arguments)
            }
            try command.run()
            return 0
        } catch let error as any ChainMapError {
            // Every library error that reaches the user is printed here, in one form.
            let language = Language.fromEnvironment(ProcessInfo.processInfo.environment, arguments: arguments)
            Console.err(DiagnosticRenderer(Catalog(language)).render(error))
            return 1
        } catch let error as OutputError {
            Console.err("error: \(error)\n")
            return 1
        } catch {
            let code = parser.exitCode(for: error)
            let message = parser.fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { Console.out(message + "\n") }
                return 0
            }
            if !message.isEmpty { Console.err(message + "\n") }
            // ArgumentParser's usage errors exit 64 (EX_USAGE); ChainMap promises 2.
            if code == .validationFailure { return 2 }
            return code.rawValue == 0 ? 0 : 1
        }
    }
}
