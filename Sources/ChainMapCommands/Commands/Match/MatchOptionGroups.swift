import ArgumentParser
import ChainAnalysis
import ChainModel
import ChainOutput

/// What every `match` subcommand takes: the park, the output, `--timing`; and `run`, which
/// loads the park, makes the report with one library call and prints it.
struct MatchCommonOptions: ParsableArguments {
    @OptionGroup var input: ParkOptions

    @OptionGroup var output: OutputOptions

    @Flag(help: "Print the time of loading and of the analysis on standard error.")
    var timing = false

    @OptionGroup var vocabularyOptions: VocabularyOptions

    func matchVocabulary() throws -> MatchVocabulary { try vocabularyOptions.matchVocabulary() }

    /// Loads the park, shows `progress` while `make` runs, prints the report and with
    /// --timing the times. Library errors (a name the park does not hold) go up to the
    /// command line, which prints them in the reader's language.
    func run<R: Report>(progress: String, _ make: (Park) throws -> R) throws {
        let clock = ContinuousClock()
        let start = clock.now
        let park = try input.load().park
        let loaded = clock.now
        let line = ProgressLine(output.catalog(Message(progress)))
        let report: R
        do {
            defer { line.finish() }
            report = try make(park)
        }
        try output.emit(report)
        if timing {
            Console.err(
                output.catalog(
                    Message(
                        "match.timing",
                        [
                            "load": .number((loaded - start).inSeconds),
                            "analysis": .number((clock.now - loaded).inSeconds),
                        ])) + "\n")
        }
    }
}

/// `--vocabulary FILE` and `--vocabulary-extend FILE`: every `match` subcommand and
/// `gaps` (which ranks `--candidates` with the same index as `match stage`) take them.
struct VocabularyOptions: ParsableArguments {
    @Option(
        help:
            "A vocabulary file (concepts and their keywords, tab-separated; docs/MATCHING.md) that replaces the built-in one."
    )
    var vocabulary: String?

    @Option(
        name: .customLong("vocabulary-extend"),
        help: "A vocabulary file whose concepts and keywords are added to the built-in ones (repeatable).")
    var vocabularyExtend: [String] = []

    /// The vocabulary the options name: the built-in one, or `--vocabulary`'s, with every
    /// `--vocabulary-extend` file added.
    func matchVocabulary() throws -> MatchVocabulary {
        var v = try vocabulary.map { path throws(VocabularyError) in try MatchVocabulary.load(path: path) } ?? .standard
        for path in vocabularyExtend { v = v.extended(with: try MatchVocabulary.load(path: path)) }
        return v
    }
}

/// The scoring options every query-based `match` subcommand shares.
struct MatchScoringOptions: ParsableArguments {
    @Flag(name: .customLong("include-solved"), help: "Count solved needs too.")
    var includeSolved = false

    @Flag(name: .customLong("in-park-only"), help: "Do not suggest firms outside the park, not even in their own list.")
    var inParkOnly = false

    @Flag(
        name: .customLong("include-outside"),
        help:
            "Rank outside firms together with in-park ones by score (default: in-park first, outside firms in their own list; the agenda in-park only)."
    )
    var includeOutside = false

    @Option(name: .customLong("weight-fit"), help: "Weight of the fit part.")
    var weightFit: Double = MatchWeights().fit
    @Option(name: .customLong("weight-template"), help: "Weight of the chain-template part.")
    var weightTemplate: Double = MatchWeights().template
    @Option(name: .customLong("weight-proximity"), help: "Weight of the graph-proximity part.")
    var weightProximity: Double = MatchWeights().proximity
    @Option(name: .customLong("weight-locality"), help: "Weight of the locality part.")
    var weightLocality: Double = MatchWeights().locality
    @Option(name: .customLong("weight-capacity"), help: "Weight of the capacity part.")
    var weightCapacity: Double = MatchWeights().capacity
    @Option(name: .customLong("weight-leader"), help: "Weight of the chain-leader part.")
    var weightLeader: Double = MatchWeights().leader
    @Option(name: .customLong("weight-record"), help: "Weight of the track-record part.")
    var weightRecord: Double = MatchWeights().record

    @Option(
        name: .customLong("proximity-decades"),
        help: "Decades of PageRank below the best candidate that the proximity part spans.")
    var proximityDecades: Double = MatchOptions().proximityDecades

    @Option(
        name: .customLong("push-epsilon"),
        help: "Precision of the local PageRank push (smaller: more precise, slower). Default 1e-5; 1e-4 for the agenda."
    )
    var pushEpsilon: Double?

    @Option(
        name: .customLong("scan-limit"),
        help:
            "Firms read per product or stage list, largest first (the push adds the ones it reaches). Default 2000; 500 for the agenda."
    )
    var scanLimit: Int?

    func validate() throws {
        if let pushEpsilon, !(pushEpsilon > 0 && pushEpsilon < 1) { throw Usage.between("--push-epsilon", "0", "1") }
        if let scanLimit, scanLimit < 1 { throw Usage.atLeast("--scan-limit", 1) }
        if inParkOnly && includeOutside {
            throw Usage.error(
                Message("cli.usage.exclusive", ["a": .text("--in-park-only"), "b": .text("--include-outside")]))
        }
        if !(proximityDecades > 0) { throw Usage.positive("--proximity-decades") }
        for w in [
            weightFit, weightTemplate, weightProximity, weightLocality, weightCapacity, weightLeader, weightRecord,
        ] where !(w >= 0 && w.isFinite) {
            throw Usage.error("cli.usage.weights")
        }
    }

    /// `base` with these options applied (push and scan limit keep `base`'s when not given).
    func options(_ base: MatchOptions = MatchOptions()) -> MatchOptions {
        var options = base
        options.weights = MatchWeights(
            fit: weightFit, template: weightTemplate, proximity: weightProximity, locality: weightLocality,
            capacity: weightCapacity, leader: weightLeader, record: weightRecord)
        options.includeSolvedNeeds = includeSolved
        options.outside = inParkOnly ? .excluded : includeOutside ? .mixed : base.outside
        options.proximityDecades = proximityDecades
        options.pushEpsilon = pushEpsilon ?? base.pushEpsilon
        options.scanLimit = scanLimit ?? base.scanLimit
        return options
    }
}

extension MatchDirection: ExpressibleByArgument {}
