import ArgumentParser
import ChainModel
import ChainOutput

/// `chainmap samples`: the bundled parks.
struct SamplesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samples",
        abstract: "List the bundled sample parks (usable by name in every command).",
        discussion: """
            Examples:
              chainmap samples
              chainmap info yihuang-plastics
            """)

    @OptionGroup var output: OutputOptions

    func run() throws {
        try output.emit(SampleList())
    }
}
