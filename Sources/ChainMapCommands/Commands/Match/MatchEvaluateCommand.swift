import ArgumentParser
import ChainAnalysis

/// `chainmap match evaluate PARK`: how well matchmaking finds hidden links again.
struct MatchEvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract:
            "Benchmark: hide a share of the active links and recover them (precision@k, recall@k, MRR vs baselines).",
        discussion: """
            Examples:
              chainmap match evaluate samples/yihuang-plastics.json
              chainmap match evaluate samples/beilun-nev.json --hide 0.1 --seed 7 --format json
            """)

    @OptionGroup var common: MatchCommonOptions

    @Option(help: "Share of active links hidden.")
    var hide: Double = 0.2
    @Option(help: "Seed of the hiding and sampling.")
    var seed: UInt64 = 42
    @Option(help: "Most queries per direction.")
    var queries: Int = 1000

    @OptionGroup var scoring: MatchScoringOptions

    func validate() throws {
        if !(hide > 0 && hide < 1) { throw Usage.between("--hide", "0", "1") }
        if queries < 1 { throw Usage.atLeast("--queries", 1) }
    }

    func run() throws {
        var options = MatchEvaluationOptions()
        options.hide = hide
        options.seed = seed
        options.maxQueries = queries
        options.match = scoring.options()
        options.match.vocabulary = try common.matchVocabulary()
        try common.run(progress: "match.progress.evaluate") { MatchEvaluation(park: $0, options: options) }
    }
}
