import ArgumentParser
import ChainOutput
import Foundation

extension OutputFormat: ExpressibleByArgument {}

extension Language: ExpressibleByArgument {
    public init?(argument: String) { self.init(code: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// How a command prints its report: `--format` and `--lang`, shared by every data command.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: table, json, csv (UTF-8 with BOM, for Excel) or markdown.")
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp("Language of the text: zh (default) or en.", discussion: "Also set by CHAINMAP_LANG."))
    var lang: Language?

    /// The language to write in: `--lang`, else `CHAINMAP_LANG`, else Chinese.
    var language: Language { lang ?? Language.fromEnvironment(ProcessInfo.processInfo.environment) }

    /// The catalog of the chosen language, for progress and notes on standard error.
    var catalog: Catalog { Catalog(language) }

    /// Writes `report` to standard output in the chosen format and language.
    func emit(_ report: some Report) throws {
        let bytes = try ReportRenderer(format: format, language: language).render(report)
        Console.out(bytes: bytes)
    }
}
