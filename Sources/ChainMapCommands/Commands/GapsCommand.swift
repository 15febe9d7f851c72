import ArgumentParser
import ChainAnalysis
import ChainModel
import ChainOutput
import Foundation

/// `chainmap gaps`: the gap analysis (`gaps find`, the default, so `chainmap gaps PARK` runs it)
/// and its benchmark on generated parks with planted gaps (`gaps benchmark`), as subcommands the
/// argument parser tells apart (`match` is built the same way).
struct GapsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gaps",
        abstract: GapsFindCommand.abstract,
        discussion: GapsFindCommand.discussion,
        subcommands: [GapsFindCommand.self, GapsBenchmarkCommand.self],
        defaultSubcommand: GapsFindCommand.self)
}

/// `chainmap gaps [find] PARK`: where the chains are broken, weak, thin or short, ranked.
struct GapsFindCommand: ParsableCommand {
    static let abstract = "Find broken, weak, thin and short chains (断链/弱链/细链/短链) and the needs that block them."

    static let configuration = CommandConfiguration(
        commandName: "find", abstract: abstract, discussion: discussion)

    static let discussion = """
        Broken (断链): a required stage with no in-park firm; an input stage and a stage that \
        both have firms but no active link between them; a lost link. Weak (弱链): a buyer's \
        input or a stage's input stage with one supplier (by share or count); articulation \
        points and bridges of the supply layer; an input stage sourced mostly from outside. \
        Thin (细链): the flow that can pass from the source stages to the end products is \
        far below their demand (max-flow, the cut names the bounding links). Short (短链): \
        stages at the chain's ends, or optional ones, without in-park firm. Blocking needs \
        (难点/卡点): open finance, talent or capability needs of single points of failure.

        Each finding has a severity (a number with its unit and the output value at risk), \
        a place, its evidence and a remedy (in-park firms that could supply, the stage to \
        attract a firm for, and with --candidates the best outside firms). Ranked: \
        critical first, then value at risk. Definitions: docs/GAPS.md.

        Examples:
          chainmap gaps samples/ningxiang-storage.json
          chainmap gaps samples/beilun-nev.json --chain nev --format json
          chainmap gaps samples/jinchang-battery.json --candidates prospects.json
          chainmap gaps samples/wujin-machinery.json --kind weak --format csv > weak.csv
          chainmap gaps benchmark --seeds 1-20 --firms 500,5000   # planted gaps found
        """

    @OptionGroup var input: ParkOptions

    @OptionGroup var output: OutputOptions

    @Option(help: "Only this chain (its id or name).")
    var chain: String?

    @Option(help: "Only these kinds, comma-separated: broken, weak, thin, short, blocking-need.")
    var kind: String?

    @Option(help: "Outside firms that could be attracted: a park file or CSV bundle whose firms are candidates.")
    var candidates: String?

    @OptionGroup var vocabularyOptions: VocabularyOptions

    @Option(
        name: .customLong("single-source-share"),
        help: "Share of an input from one supplier that makes it single-sourced.")
    var singleSourceShare: Double = GapOptions().singleSourceShare

    @Option(
        name: .customLong("outside-share"),
        help: "Share of an input stage's value from outside the park that makes it weak.")
    var outsideShare: Double = GapOptions().outsideShare

    @Option(
        name: .customLong("thin-ratio"),
        help: "A chain is thin when its flow is below this share of the end products' demand.")
    var thinRatio: Double = GapOptions().thinRatio

    @Option(
        name: .customLong("min-cut-off"), help: "Firms an articulation point or bridge must separate to be reported.")
    var minCutOff: Int = GapOptions().minFirmsCutOff

    @Option(help: "Findings to print (0: all). Default: 30 for table and markdown, all for json and csv.")
    var limit: Int?

    func validate() throws {
        for (name, v) in [
            ("--single-source-share", singleSourceShare), ("--outside-share", outsideShare),
            ("--thin-ratio", thinRatio),
        ] where !(v >= 0 && v <= 1) {
            throw Usage.between(name, "0", "1")
        }
        if minCutOff < 1 { throw Usage.atLeast("--min-cut-off", 1) }
        if let limit, limit < 0 { throw Usage.notNegative("--limit") }
        _ = try kinds()
    }

    func kinds() throws -> Set<GapKind>? {
        guard let kind else { return nil }
        var result = Set<GapKind>()
        for word in kind.split(separator: ",") {
            guard let k = GapKind(rawValue: word.trimmingCharacters(in: .whitespaces)) else {
                throw Usage.unknownValue("--kind", String(word), GapKind.allCases.map(\.rawValue))
            }
            result.insert(k)
        }
        return result
    }

    /// The options as given: thresholds, the chain, the kinds and the number of findings.
    func options() throws -> GapOptions {
        var options = GapOptions()
        options.chain = chain
        options.kinds = try kinds()
        options.singleSourceShare = singleSourceShare
        options.outsideShare = outsideShare
        options.thinRatio = thinRatio
        options.minFirmsCutOff = minCutOff
        options.limit = limit ?? (output.format == .table || output.format == .markdown ? 30 : 0)
        return options
    }

    func run() throws {
        let park = try input.load().park
        var options = try options()
        options.vocabulary = try vocabularyOptions.matchVocabulary()
        // An id or a name (新能源汽车); a mistyped one is a LookupError with the nearest ids
        // (or every chain id), printed in the reader's language by the command line.
        options.chain = try chain.map { (c: String) throws(LookupError) in try park.lookupChain(c, field: "chain").id }
        let pool = try candidates.map { try ParkLoader.candidates(ParkSource(argument: $0), for: park) } ?? []
        try output.emit(GapReport(park: park, options: options, candidates: pool))
    }
}
