import ArgumentParser
import ChainAnalysis
import ChainModel

/// `chainmap match gaps PARK`: for each finding of `chainmap gaps`, who could fill it.
struct MatchGapsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gaps",
        abstract:
            "For each finding of `chainmap gaps`: firms to fill it (in the park, and with --candidates from outside).",
        discussion: """
            Per finding (at most 20): firms for its stage, and for a finding about a firm or a \
            link, that firm's best new suppliers.

            Examples:
              chainmap match gaps samples/jinchang-battery.json
              chainmap match gaps samples/jinchang-battery.json --candidates prospects.json --format csv
            """)

    @OptionGroup var common: MatchCommonOptions

    @Option(help: "A park file or CSV bundle of outside firms to rank as well.")
    var candidates: String?

    @Option(help: "Candidates per finding (stage firms and suppliers each).")
    var top: Int = 10

    func validate() throws {
        if top < 1 { throw Usage.atLeast("--top", 1) }
    }

    func run() throws {
        let vocabulary = try common.matchVocabulary()
        try common.run(progress: "match.progress.index") { park in
            let outside = try candidates.map {
                Park(id: "candidates", name: $0, firms: try ParkLoader.candidates(ParkSource(argument: $0), for: park))
            }
            return GapFillReport(park: park, outside: outside, top: top, vocabulary: vocabulary)
        }
    }
}
