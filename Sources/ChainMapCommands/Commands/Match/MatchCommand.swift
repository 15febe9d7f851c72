import ArgumentParser
import ChainAnalysis
import ChainModel
import ChainRender

/// `chainmap match`: supply–demand matchmaking (供需对接). One question per subcommand;
/// `chainmap match PARK --firm X` runs `match firm`.
struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract:
            "Matchmaking (供需对接): suppliers, buyers and capability providers for a firm, a park-wide agenda, firms to fill a gap.",
        discussion: """
            Score = weighted mean of parts in 0..1: fit (concepts of the need covered by the \
            offer, with a synonym table: 自动化 = automation = 自动化改造 = 自动化研发), template \
            (the candidate's stage feeds the firm's), proximity (personalized PageRank from the \
            firm over supply, pairings and memberships: shared alliances and pairings are trust \
            channels), locality (same zone), capacity (against the need's size), leader \
            (chain-leader involvement), record (how many firms it already supplies or buys \
            from). Weights: --weight-* options. Details: docs/MATCHING.md.

            Examples:
              chainmap match samples/yihuang-plastics.json --firm 创泰
              chainmap match firm samples/beilun-nev.json --firm FIRM --direction upstream --top 10
              chainmap match agenda samples/wujin-machinery.json --per-firm 3 --format csv
              chainmap match stage samples/yihuang-plastics.json --stage pl-resin --candidates outside.json
              chainmap match gaps samples/jinchang-battery.json --candidates prospects.json
              chainmap match evaluate samples/yihuang-plastics.json
              chainmap map samples/yihuang-plastics.json --show matches -o matches.svg
            """,
        subcommands: [
            MatchFirmCommand.self, MatchAgendaCommand.self, MatchStageCommand.self, MatchGapsCommand.self,
            MatchEvaluateCommand.self, MatchBenchmarkCommand.self,
        ],
        defaultSubcommand: MatchFirmCommand.self)
}
