import ArgumentParser
import ChainModel
import ChainOutput
import Foundation

extension OutputFormat: ExpressibleByArgument {}

extension Language: ExpressibleByArgument {
    public init?(argument: String) { self.init(code: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// How a command prints its report: `--format` and `--lang`, shared by every data command.
struct OutputOptions: ParsableArguments {
    @Option(
        help:
            "Output format: table, json, csv (UTF-8 with BOM, for Excel), markdown or xlsx (an Excel workbook; needs -o)."
    )
    var format: OutputFormat = .table

    @Option(name: [.customShort("o"), .customLong("output")], help: "Write to this file instead of standard output.")
    var file: String?

    @Flag(help: "Replace the -o file when it exists.")
    var force = false

    @Option(help: ArgumentHelp("Language of the text: zh (default) or en.", discussion: "Also set by CHAINMAP_LANG."))
    var lang: Language?

    /// The language to write in: `--lang`, else `CHAINMAP_LANG`, else Chinese.
    var language: Language { lang ?? Language.fromEnvironment(ProcessInfo.processInfo.environment) }

    /// The catalog of the chosen language, for progress and notes on standard error.
    var catalog: Catalog { Catalog(language) }

    func validate() throws {
        if format.isBinary && file == nil && isatty(1) == 1 {
            throw Usage.error(Message("cli.usage.binaryNeedsFile", ["format": .text(format.rawValue)]))
        }
    }

    /// Writes `report` in the chosen format and language to the `-o` file (atomically) or to
    /// standard output.
    func emit(_ report: some Report) throws {
        let bytes = try ReportRenderer(format: format, language: language).render(report)
        guard let file else {
            Console.out(bytes: bytes)
            return
        }
        try OutputFile.write(bytes, to: file, replace: force)
    }
}
