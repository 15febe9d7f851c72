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

/// Quoting of one CSV field for command output (RFC 4180).
enum CSVField {
    static func quote(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
