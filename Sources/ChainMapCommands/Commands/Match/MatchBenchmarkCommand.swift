import ArgumentParser
import ChainAnalysis

/// `chainmap match benchmark PARK`: how long single-firm queries take.
struct MatchBenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark",
        abstract: "Time single-firm queries (firms spread over the park, every direction) after indexing.",
        discussion: """
            Examples:
              chainmap match benchmark big-park/ --queries 200
            """)

    @OptionGroup var common: MatchCommonOptions

    @Option(help: "Queries to time (at most one per firm).")
    var queries: Int = 200

    @OptionGroup var scoring: MatchScoringOptions

    func validate() throws {
        if queries < 1 { throw Usage.atLeast("--queries", 1) }
    }

    func run() throws {
        var options = scoring.options()
        options.vocabulary = try common.matchVocabulary()
        try common.run(progress: "match.progress.benchmark") {
            MatchBenchmark(park: $0, queries: queries, options: options)
        }
    }
}
