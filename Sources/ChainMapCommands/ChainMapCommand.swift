import ArgumentParser

/// The root `chainmap` command.
public struct ChainMapCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "chainmap",
        abstract: "Graph analytics for industry-chain networks: map, rank, find gaps, match firms.",
        version: "0.1.0",
        subcommands: []
    )
    public init() {}
}
