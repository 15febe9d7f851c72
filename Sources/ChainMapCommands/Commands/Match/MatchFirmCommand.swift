import ArgumentParser
import ChainAnalysis
import ChainModel

/// `chainmap match firm PARK --firm FIRM` (the default of `match`): suggestions for one firm.
struct MatchFirmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "firm",
        abstract: "Upstream suppliers, downstream buyers and capability providers for one firm (the default).",
        discussion: """
            Upstream candidates make what the firm needs or buys (supply needs, products on its \
            links, stages that feed its stage); downstream candidates buy or need what it makes; \
            capability candidates (firms and agencies) offer what its capability, finance, \
            service or talent needs ask for, across product lines. Firms it already trades with \
            in that direction are left out. A name that fits no firm or several is an error \
            with the nearest names.

            Examples:
              chainmap match samples/yihuang-plastics.json --firm 创泰
              chainmap match firm samples/beilun-nev.json --firm FIRM --direction upstream --top 10 --format csv
            """)

    @OptionGroup var common: MatchCommonOptions

    @Option(help: "The firm to match (an id, its name or a part of it).")
    var firm: String

    @Option(help: "Directions, comma-separated: upstream, downstream, capability (default all).")
    var direction: String?

    @Option(help: "Suggestions per direction.")
    var top: Int = 10

    @Option(help: "A park file or CSV bundle of outside firms one could attract: counted when a need has no answer.")
    var candidates: String?

    @OptionGroup var scoring: MatchScoringOptions

    func validate() throws {
        if top < 1 { throw Usage.atLeast("--top", 1) }
        _ = try directions()
    }

    func directions() throws -> Set<MatchDirection> {
        guard let direction else { return Set(MatchDirection.allCases) }
        var result = Set<MatchDirection>()
        for word in direction.split(separator: ",") {
            guard let d = MatchDirection(rawValue: word.trimmingCharacters(in: .whitespaces)) else {
                throw Usage.unknownValue("--direction", String(word), MatchDirection.allCases.map(\.rawValue))
            }
            result.insert(d)
        }
        return result
    }

    func run() throws {
        var options = scoring.options()
        options.directions = try directions()
        options.top = top
        options.vocabulary = try common.matchVocabulary()
        try common.run(progress: "match.progress.index") { park in
            let outside = try candidates.map { try ParkLoader.candidates(ParkSource(argument: $0), for: park) } ?? []
            return try FirmMatchReport(park: park, firm: firm, options: options, candidates: outside)
        }
    }
}
