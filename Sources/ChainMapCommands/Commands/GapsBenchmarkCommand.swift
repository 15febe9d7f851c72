import ArgumentParser
import ChainAnalysis
import ChainModel
import ChainOutput

/// `chainmap gaps benchmark`: the held-out gap benchmark over generated parks with planted
/// truths (docs/GAPS.md, "Benchmark").
struct GapsBenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark",
        abstract: "Score the gap rules on generated parks with planted gaps, over many seeds, sizes and templates.",
        discussion: """
            Each template set, seed and firm count is one generated park with planted
            truths (generate --plant-gaps): broken (missing stage, lost supply), weak,
            thin, short, a blocking need, a single point of failure, a capability match
            and a should-build firm. Reported: the share found with the right kind at
            the right place, false findings per park, findings per planted gap, and
            missing-stage findings at a chain end (always 0). Definitions: docs/GAPS.md.

            --templates: comma-separated sets; '+' joins templates into one park.
            'industry' = pv,semiconductor,textile,food (the default); 'samples' =
            nev,battery,machinery,plastics and all four in one park.

            Examples:
              chainmap gaps benchmark --seeds 1-20 --firms 500,5000,50000
              chainmap gaps benchmark --templates samples --seeds 1-20 --firms 500,5000
              chainmap gaps benchmark --template mine.json --templates mine --seeds 1-5
            """)

    @OptionGroup var output: OutputOptions

    @Option(help: "Template sets: names joined by '+' for one park, sets by ','; or industry, samples.")
    var templates = "industry"

    @Option(
        name: .customLong("template"),
        help: "A chain template file (JSON, docs/TEMPLATES.md) whose ids --templates may name; repeatable.")
    var templateFiles: [String] = []

    @Option(help: "Seeds: a list and ranges, e.g. 1-20 or 1,7,42.")
    var seeds = "1-20"

    @Option(help: "Firm counts, comma-separated.")
    var firms = "500,5000,50000"

    @Option(
        name: .customLong("capability-top"),
        help: "A planted capability match counts when an offerer is among this many suggestions.")
    var capabilityTop = 3

    func validate() throws {
        _ = try numbers(seeds, "--seeds")
        let counts = try numbers(firms, "--firms")
        for n in counts where n < UInt64(ParkGenerator.minimumFirms) || n > UInt64(ParkGenerator.maximumFirms) {
            throw Usage.between("--firms", String(ParkGenerator.minimumFirms), String(ParkGenerator.maximumFirms))
        }
        if capabilityTop < 1 { throw Usage.atLeast("--capability-top", 1) }
        if templateSets.isEmpty {
            throw Usage.error(
                Message("gapbench.usage.numbers", ["option": .text("--templates"), "text": .text(templates)]))
        }
    }

    /// `1-20,42` → 1…20, 42.
    func numbers(_ text: String, _ option: String) throws -> [UInt64] {
        var out: [UInt64] = []
        for part in text.split(separator: ",") {
            let ends = part.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(ends.count), let lo = UInt64(ends[0]), let hi = UInt64(ends[ends.count - 1]),
                lo <= hi, hi - lo < 100_000
            else {
                throw Usage.error(
                    Message("gapbench.usage.numbers", ["option": .text(option), "text": .text(String(part))]))
            }
            out += Array(lo...hi)
        }
        if out.isEmpty {
            throw Usage.error(Message("gapbench.usage.numbers", ["option": .text(option), "text": .text(text)]))
        }
        return out
    }

    var templateSets: [[String]] {
        templates.split(separator: ",").flatMap { word -> [[String]] in
            switch word {
            case "industry": ChainTemplate.industryNames.map { [$0] }
            case "samples": ChainTemplate.names.map { [$0] } + [ChainTemplate.names]
            default: [word.split(separator: "+").map(String.init)]
            }
        }
    }

    func run() throws {
        var options = GapBenchmarkOptions()
        options.templateSets = templateSets
        options.seeds = try numbers(seeds, "--seeds")
        options.firms = try numbers(firms, "--firms").map { Int($0) }
        options.capabilityTop = capabilityTop
        for file in templateFiles { options.templates += try ChainTemplate.load(path: file) }
        let line = ProgressLine(StderrText.text("gapbench.progress"))
        let bench = try GapBenchmark(options: options) { done, total in line.update(done, total) }
        line.finish()
        try output.emit(bench)
    }
}
