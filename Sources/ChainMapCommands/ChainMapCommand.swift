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

    /// A mistyped mode of a verb whose park is optional (`gaps benchmrk`, `match agnda`): the
    /// word would otherwise be read as a park path and fail as a missing file. Returns the verb,
    /// the word and the mode meant when the word is no file, folder or sample and is close to a
    /// mode's name.
    static func unknownMode(_ arguments: [String]) -> (verb: String, word: String, mode: String)? {
        guard arguments.count >= 2,
            let command = configuration.subcommands.first(where: { $0._commandName == arguments[0] })
        else { return nil }
        let modes = command.configuration.subcommands.map { $0._commandName }
        let word = arguments[1]
        guard !modes.isEmpty, !word.hasPrefix("-"), !modes.contains(word), !Samples.names.contains(word),
            !FileManager.default.fileExists(atPath: word), let mode = Suggest.closest(to: word, in: modes)
        else { return nil }
        return (arguments[0], word, mode)
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
        if let typo = unknownMode(arguments) {
            let language = Language.fromEnvironment(ProcessInfo.processInfo.environment, arguments: arguments)
            let message = Message(
                "cli.error.unknownMode",
                ["verb": .text(typo.verb), "word": .text(typo.word), "suggestion": .text(typo.mode)])
            Console.err("error: " + Catalog(language)(message) + "\n")
            return 2
        }
        let parser: any ParsableCommand.Type = ChainMapCommand.self
        do {
            var command = try parseAsRoot(arguments)
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
