import ArgumentParser
import ChainAnalysis

/// `chainmap match agenda PARK`: a matchmaking day for the whole park.
struct MatchAgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "A park-wide matchmaking agenda: at most --per-firm meetings per firm, best total score.",
        discussion: """
            Every in-park firm's best upstream and capability candidates, then an exact \
            b-matching (min-cost flow, successive shortest paths) that maximises the total score \
            with at most --per-firm meetings per firm, compared with greedy and an upper bound.

            Examples:
              chainmap match agenda samples/wujin-machinery.json --per-firm 3
              chainmap match agenda samples/beilun-nev.json --format csv > agenda.csv
            """)

    @OptionGroup var common: MatchCommonOptions

    @Option(name: .customLong("per-firm"), help: "Most meetings per firm.")
    var perFirm: Int = 3

    @Option(
        name: .customLong("candidates-per-firm"), help: "Candidates kept per firm and direction before the assignment.")
    var candidatesPerFirm: Int = 20

    @OptionGroup var scoring: MatchScoringOptions

    func validate() throws {
        if perFirm < 1 { throw Usage.atLeast("--per-firm", 1) }
        if candidatesPerFirm < 1 { throw Usage.atLeast("--candidates-per-firm", 1) }
    }

    func run() throws {
        var options = MatchAgendaOptions()
        options.perFirm = perFirm
        options.candidatesPerFirm = candidatesPerFirm
        options.match = scoring.options(options.match)
        options.match.vocabulary = try common.matchVocabulary()
        try common.run(progress: "match.progress.agenda") { MatchAgendaReport(park: $0, options: options) }
    }
}
