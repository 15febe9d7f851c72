/// Generates large, realistic, seeded parks for tests and benchmarks: chains from the
/// built-in templates, firms per stage, heavy-tailed supply links, the organization overlay,
/// pairings and needs, and optionally a set of known gaps (``PlantedGap``).
///
/// Deterministic: the same options give the same park, byte for byte, on every run.
///
/// ```swift
/// let result = try ParkGenerator.generate(.init(firms: 10_000, seed: 42, plantGaps: true))
/// print(result.park.links.count, result.gaps.map(\.kind))
/// ```
/// - Complexity: O(firms + links) time and memory (about 10 links per firm by default).
public enum ParkGenerator {
    /// What to generate.
    public struct Options: Sendable, Equatable {
        /// Number of firms (in and outside the park), at least ``ParkGenerator/minimumFirms``.
        public var firms: Int
        public var seed: UInt64
        /// Template names (see ``ChainTemplate/names``), in chain order.
        public var chains: [String]
        /// Plant one gap of each ``PlantedGap/Kind``.
        public var plantGaps: Bool
        /// Mean supply links per firm (total links ≈ firms × this).
        public var linksPerFirm: Double
        /// Share of firms outside the park (suppliers that trade with park firms).
        public var outsideShare: Double
        /// Share of a buyer's links that go to suppliers outside the park.
        public var nonLocalLinkShare: Double
        /// Shares of planned and lost links.
        public var plannedShare: Double
        public var lostShare: Double
        /// Share of in-park firms that raised a need.
        public var needShare: Double
        /// Templates of the user's (from a template file, ``ChainTemplate/load(path:)``):
        /// ``chains`` may name them by id besides the built-in ones.
        public var templates: [ChainTemplate] = []

        public init(
            firms: Int, seed: UInt64, chains: [String] = ChainTemplate.names, plantGaps: Bool = false,
            linksPerFirm: Double = 10, outsideShare: Double = 0.07, nonLocalLinkShare: Double = 0.2,
            plannedShare: Double = 0.02, lostShare: Double = 0.01, needShare: Double = 0.08
        ) {
            self.firms = firms
            self.seed = seed
            self.chains = chains
            self.plantGaps = plantGaps
            self.linksPerFirm = linksPerFirm
            self.outsideShare = outsideShare
            self.nonLocalLinkShare = nonLocalLinkShare
            self.plannedShare = plannedShare
            self.lostShare = lostShare
            self.needShare = needShare
        }
    }

    /// A generated park and the gaps planted in it (empty without ``Options/plantGaps``).
    public struct Result: Sendable {
        public var park: Park
        public var gaps: [PlantedGap]
    }

    /// Fewest firms the generator accepts (every stage gets at least two firms).
    public static let minimumFirms = 200
    /// Most firms the generator accepts.
    public static let maximumFirms = 50_000_000

    /// Generates a park. `progress` is called now and then with a phase name, work done and
    /// work total.
    ///
    /// - Throws: ``GeneratorError`` for a firm count out of range, an unknown or repeated
    ///   template name, or shares outside 0–1.
    /// - Complexity: O(firms + links).
    public static func generate(
        _ options: Options, progress: ((String, Int, Int) -> Void)? = nil
    ) throws(GeneratorError) -> Result {
        guard options.firms >= minimumFirms, options.firms <= maximumFirms else {
            throw GeneratorError("firms must be between \(minimumFirms) and \(maximumFirms), got \(options.firms)")
        }
        guard !options.chains.isEmpty else { throw GeneratorError("name at least one chain template") }
        var templates: [ChainTemplate] = []
        for name in options.chains {
            guard let t = options.templates.first(where: { $0.id == name }) ?? ChainTemplate.builtIn(name) else {
                let known = options.templates.map(\.id) + ChainTemplate.allNames
                throw GeneratorError("unknown chain template \"\(name)\"; known: " + known.joined(separator: ", "))
            }
            if templates.contains(where: { $0.id == t.id }) {
                throw GeneratorError("chain template \"\(name)\" named twice")
            }
            if let p = t.problems().first { throw GeneratorError("chain template \"\(t.id)\": \(p.field): \(p.id)") }
            for s in t.stages where templates.contains(where: { $0.stages.contains { $0.id == s.id } }) {
                throw GeneratorError("stage \"\(s.id)\" of chain template \"\(t.id)\" is also in another template")
            }
            templates.append(t)
        }
        let shares = [
            options.outsideShare, options.nonLocalLinkShare, options.plannedShare, options.lostShare, options.needShare,
        ]
        guard shares.allSatisfy({ $0 >= 0 && $0 <= 1 }), options.plannedShare + options.lostShare <= 1 else {
            throw GeneratorError("shares must lie between 0 and 1")
        }
        guard options.linksPerFirm >= 1, options.linksPerFirm <= 200 else {
            throw GeneratorError("links per firm must be between 1 and 200")
        }
        var run = GeneratorRun(options: options, templates: templates, progress: progress)
        return run.run()
    }
}

/// A problem with the generator's options.
public struct GeneratorError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
