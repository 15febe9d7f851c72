import ArgumentParser
import ChainModel
import ChainOutput

/// `chainmap info PARK`: what a park holds.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Summarize a park: firms per chain and stage, links, organizations, pairings, needs.",
        discussion: """
            Examples:
              chainmap info                                   # the bundled Beilun sample
              chainmap info samples/yihuang-plastics.json
              chainmap info my-park/ --format csv > stages.csv
            """)

    @OptionGroup var input: ParkOptions

    @OptionGroup var output: OutputOptions

    func run() throws {
        try output.emit(ParkSummary(try input.load().park))
    }
}
