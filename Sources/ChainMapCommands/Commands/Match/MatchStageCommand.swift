import ArgumentParser
import ChainAnalysis
import ChainModel

/// `chainmap match stage PARK --stage STAGE`: firms to build or attract for a stage (补链招商).
struct MatchStageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stage",
        abstract: "Firms to fill a stage (补链招商): in the park, and from a file of outside firms.",
        discussion: """
            In-park firms that make what the stage supplies but do not work in it yet, and with \
            --candidates the outside firms of a park file or CSV bundle, ranked by product fit, \
            presence in the stage and size.

            Examples:
              chainmap match stage samples/yihuang-plastics.json --stage pl-resin
              chainmap match stage samples/yihuang-plastics.json --stage pl-resin --candidates outside.json
            """)

    @OptionGroup var common: MatchCommonOptions

    @Option(help: "The stage to fill (a stage id or name).")
    var stage: String

    @Option(help: "A park file or CSV bundle of outside firms to rank as well.")
    var candidates: String?

    @Option(help: "Candidates to list.")
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
            return try StageCandidateReport(
                park: park, stage: stage, outside: outside, top: top, vocabulary: vocabulary)
        }
    }
}
