import ArgumentParser
import ChainAnalysis
import ChainModel
import ChainOutput

/// `chainmap firms PARK`: the park's firms, filtered by chain, stage or text.
struct FirmsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "firms",
        abstract: "List a park's firms: id, name, chain, stage, in the park or outside, leader, output.",
        discussion: """
            Chains and stages are given by id or by name; a name the park does not hold is an \
            error that lists the nearest (or all) ids. --search finds text in a firm's id, name, \
            products or capabilities.

            Examples:
              chainmap firms beilun-nev --chain 新能源汽车 --stage 整车制造
              chainmap firms samples/yihuang-plastics.json --search 注塑
              chainmap firms beilun-nev --format csv > firms.csv
            """)

    @OptionGroup var input: ParkOptions

    @Option(help: "Only firms of this chain (id or name).")
    var chain: String?

    @Option(help: "Only firms of this stage (id or name).")
    var stage: String?

    @Option(help: "Only firms whose id, name, products or capabilities contain this text.")
    var search: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let park = try input.load().park
        try output.emit(try FirmList(park: park, chain: chain, stage: stage, search: search))
    }
}
