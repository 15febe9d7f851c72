import ArgumentParser
import ChainModel
import ChainOutput

/// `chainmap convert PARK --to FORMAT -o OUT`.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract:
            "Convert a park between JSON, a CSV bundle and an Excel workbook, export it to GraphML, or snapshot it (chainpark).",
        discussion: """
            JSON, CSV and xlsx hold the same data and convert into each other without loss
            (an .xlsx workbook has one sheet per record kind with the CSV columns). GraphML
            (one way) carries firms and supply links with typed attributes for Gephi, yEd,
            Cytoscape, NetworkX and igraph. The park is validated first; nothing is written if
            it has errors, and nothing partial is left if writing fails. A chainpark snapshot is a
            checksummed binary form of the validated park that every verb loads without parsing
            or validating it again (docs/FORMAT.md, "Binary snapshot").

            Examples:
              chainmap convert samples/yihuang-plastics.json --to csv -o /tmp/yihuang
              chainmap convert /tmp/yihuang --to json -o yihuang.json
              chainmap convert samples/yihuang-plastics.json --to xlsx -o yihuang.xlsx
              chainmap convert yihuang.xlsx --to json -o yihuang.json   # edited in Excel or WPS
              chainmap convert samples/yihuang-plastics.json --to graphml -o yihuang.graphml
              chainmap convert big-park/ --to chainpark -o big.chainpark
              chainmap convert samples/wujin-machinery.json --to json       # to standard output
            """)

    @OptionGroup var input: ParkOptions

    @Option(
        name: .customLong("to"),
        help: "Target format: json, csv (a folder), xlsx (a workbook), graphml, or chainpark (binary snapshot).")
    var target: ParkWriter.Format

    @Option(
        name: [.short, .customLong("output")],
        help: "Output file (json, xlsx, graphml) or folder (csv). Without it, json and graphml go to standard output.")
    var output: String?

    @Flag(help: "Replace an existing output file or folder.")
    var force = false

    /// Read by ``StderrText`` from the command line: the language of progress, notes and errors.
    @Option(help: ArgumentHelp("Language of messages: zh (default) or en.", discussion: "Also set by CHAINMAP_LANG."))
    var lang: Language?

    func validate() throws {
        if target == .csv && output == nil {
            throw Usage.error("cli.usage.convertCSV")
        }
        if target == .xlsx && output == nil {
            throw Usage.error("cli.usage.convertXLSX")
        }
    }

    func run() throws {
        let loaded = try input.load()
        guard let output else {
            if let bytes = ParkWriter.encode(loaded.park, format: target) { Console.out(bytes: bytes) }
            return
        }
        try ParkWriter.write(loaded.park, format: target, to: output, overwrite: force)
        StderrText.say(Message("cli.wrote.format", ["path": .text(output), "format": .text(target.rawValue)]))
    }
}

extension ParkWriter.Format: ExpressibleByArgument {}
