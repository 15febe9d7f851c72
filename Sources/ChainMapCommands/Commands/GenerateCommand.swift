import ArgumentParser
import ChainModel
import ChainOutput
import Foundation

/// `chainmap generate --firms N --seed S [--plant-gaps] [--format csv|json|chainpark] -o PATH`.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate a large synthetic park from a seed, for tests and benchmarks.",
        discussion: """
            Chains follow the bundled samples' templates (nev, battery, machinery,
            plastics; the default), the industry templates (pv, semiconductor,
            textile, food) or templates of your own (--template FILE, a JSON file,
            docs/TEMPLATES.md): firms per stage, chain leaders, heavy-tailed supply links
            (about 10 per firm), firms outside the park, party organizations,
            pairings and needs. The same seed and options give the same files,
            byte for byte.

            With --plant-gaps known truths are planted — a missing mid-chain stage
            and a lost in-park edge (broken), an edge supplied mostly from outside
            (weak), a single-firm stage and a bottleneck stage (thin), a short chain,
            a blocking need, a single point of failure, a capability match and a
            should-build firm — and described in planted-gaps.json: inside the CSV
            folder, or next to the JSON file as NAME.planted-gaps.json
            (docs/TEMPLATES.md). `chainmap gaps benchmark` scores the gap rules on them.

            With --snapshots K, -o names a folder that gets K monthly snapshots of one park \
            (PARK-2024-01, PARK-2024-02, …; CSV folders, or .json files with --format json) \
            with churn between them — firms entering and leaving, links lost and won, needs \
            raised and solved, organizations founded — and changes.json, the log of every \
            change made (see docs/FORMAT.md).

            Examples:
              chainmap generate --firms 10000 --seed 42 -o /tmp/park10k
              chainmap generate --firms 100000 --seed 1 --snapshots 12 -o series/
              chainmap generate --firms 1000000 --seed 42 -o /tmp/p1m
              chainmap generate --firms 10000000 --seed 1 -o /tmp/p10m.chainpark
              chainmap generate --firms 5000 --seed 7 --plant-gaps \\
                  --format json -o gaps.json
              chainmap generate --firms 20000 --seed 1 --chains nev,battery \\
                  -o /tmp/two-chains
              chainmap generate --firms 2000 --seed 3 --chains pv --plant-gaps -o pv/
              chainmap generate --firms 2000 --seed 3 --template my-chain.json -o mine/
            """)

    @Option(help: "Number of firms (\(ParkGenerator.minimumFirms) to \(ParkGenerator.maximumFirms)).")
    var firms: Int

    @Option(help: "Random seed (an unsigned 64-bit number).")
    var seed: UInt64

    @Option(
        help:
            "Chain templates, comma-separated: \(ChainTemplate.allNames.joined(separator: ",")) or ids from --template (default: \(ChainTemplate.names.joined(separator: ",")), or every template of --template)."
    )
    var chains: String?

    @Option(name: .customLong("template"), help: "A chain template file (JSON, docs/TEMPLATES.md); repeatable.")
    var templateFiles: [String] = []

    @Flag(
        name: .customLong("plant-gaps"), help: "Plant known gaps and truths of every kind and write planted-gaps.json.")
    var plantGaps = false

    @Option(help: "Write this many monthly snapshots of the park into the -o folder, with changes.json.")
    var snapshots: Int?

    @Option(
        name: .customLong("snapshot-format"),
        help: "With --snapshots: each snapshot as csv (a folder, default), json, xlsx or chainpark (fastest to load).")
    var snapshotFormat: ParkWriter.Format?

    @Option(
        help:
            "Output format: csv (a folder), json (one file) or chainpark (a binary snapshot, for millions of firms); by default, from -o's ending (.json, .chainpark), else csv."
    )
    var format: ParkGenerator.OutputFormat?

    @Option(name: [.short, .customLong("output")], help: "Output folder (csv) or file (json).")
    var output: String

    @Flag(help: "Replace an existing output file or folder.")
    var force = false

    /// Read by ``StderrText`` from the command line: the language of progress, notes and errors.
    @Option(help: ArgumentHelp("Language of messages: zh (default) or en.", discussion: "Also set by CHAINMAP_LANG."))
    var lang: Language?

    var chainNames: [String]? {
        chains.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
    }

    func validate() throws {
        guard firms >= ParkGenerator.minimumFirms, firms <= ParkGenerator.maximumFirms else {
            throw Usage.between("--firms", String(ParkGenerator.minimumFirms), String(ParkGenerator.maximumFirms))
        }
        if let names = chainNames {
            if names.isEmpty { throw Usage.unknownValue("--chains", "", ChainTemplate.allNames) }
            // Names from --template files are checked when the files are read.
            for name in names where templateFiles.isEmpty && ChainTemplate.builtIn(name) == nil {
                throw Usage.unknownValue("--chains", name, ChainTemplate.allNames)
            }
            if Set(names).count != names.count {
                throw Usage.error(Message("cli.usage.twice", ["option": .text("--chains")]))
            }
        }
        if output.isEmpty { throw Usage.error("cli.usage.outputEmpty") }
        if let snapshots, !(1...120).contains(snapshots) { throw Usage.between("--snapshots", "1", "120") }
        if snapshotFormat == .graphml { throw Usage.error("cli.usage.snapshotGraphML") }
        if snapshots == nil && snapshotFormat != nil {
            throw Usage.error(
                Message("cli.usage.goesWith", ["a": .text("--snapshot-format"), "b": .text("--snapshots")]))
        }
        if snapshots != nil && plantGaps {
            throw Usage.error(Message("cli.usage.exclusive", ["a": .text("--plant-gaps"), "b": .text("--snapshots")]))
        }
    }

    func run() throws {
        var options = ParkGenerator.Options(firms: firms, seed: seed, plantGaps: plantGaps)
        for file in templateFiles { options.templates += try ChainTemplate.load(path: file) }
        options.chains = chainNames ?? (templateFiles.isEmpty ? ChainTemplate.names : options.templates.map(\.id))
        if let snapshots {
            let line = ProgressLine(StderrText.text(Message("cli.progress.generating", ["firms": .integer(firms)])))
            try ParkGenerator.writeSeries(
                options, count: snapshots, to: output, format: snapshotFormat ?? (format == .json ? .json : .csv),
                replace: force
            ) { line.update($0, $1) }
            line.finish()
            return
        }
        let line = ProgressLine(StderrText.text(Message("cli.progress.generating", ["firms": .integer(firms)])))
        let result = try ParkGenerator.generate(options) { _, done, total in line.update(done, total) }
        line.finish()
        let writing = ProgressLine(StderrText.text(Message("cli.progress.writing", ["path": .text(output)])))
        let format = format ?? ParkGenerator.OutputFormat(path: output)
        try result.write(to: output, format: format, options: options, replace: force) { writing.update($0, $1) }
        writing.finish()
        let p = result.park
        var arguments: [String: Message.Argument] = [
            "path": .text(output), "format": .text(format.rawValue), "firms": .integer(p.firms.count),
            "links": .integer(p.links.count),
            "organizations": .integer(p.organizations.count), "pairings": .integer(p.pairings.count),
            "needs": .integer(p.needs.count),
        ]
        if plantGaps { arguments["gaps"] = .integer(result.gaps.count) }
        StderrText.say(Message(plantGaps ? "cli.wrote.generated.gaps" : "cli.wrote.generated", arguments))
    }
}

extension ParkGenerator.OutputFormat: ExpressibleByArgument {}
