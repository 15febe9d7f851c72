/// A weakness the generator put into a park on purpose, so that gap analyses can be checked
/// against a known answer.
public struct PlantedGap: Sendable, Equatable {
    /// The kind of gap, after the articles' 断链 / 弱链 / 细链 / 短链 and blocked needs.
    public enum Kind: String, Sendable, CaseIterable {
        /// A required stage with no firm (断链).
        case broken
        /// Supply bought mostly from outside the park (弱链). Not planted at present: the
        /// generator's single-supplier stage is 细链 (one loss cuts it).
        case weak
        /// A stage whose in-park supply rests on one or a few firms (细链): a single firm that
        /// every buyer of its product depends on (`links` empty), or a bottleneck stage passing
        /// its product downstream through a few low-capacity links.
        case thin
        /// A chain without in-park upstream firms and without its extension stages (短链).
        case short
        /// An open finance or talent need of a single-point-of-failure firm (卡点/难点).
        case blockingNeed = "blocking-need"
        /// A firm whose loss would cut every buyer of its stage (单点失效): the single firm of
        /// the single-supplier stage.
        case singlePointOfFailure = "single-point-of-failure"
        /// An open capability need of one in-park firm that a capability another in-park firm
        /// offers meets (`firms`: the needer, then the planted offerer; `needs`: the need).
        case capabilityMatch = "capability-match"
        /// An in-park firm with enough party members for its own branch and no organization
        /// (应建尽建).
        case shouldBuild = "should-build"

        /// The gap kinds (found by `chainmap gaps`), as opposed to the other planted truths.
        public var isGap: Bool {
            switch self {
            case .broken, .weak, .thin, .short, .blockingNeed: true
            case .singlePointOfFailure, .capabilityMatch, .shouldBuild: false
            }
        }
    }

    /// Where the gap is. Lists are empty when they do not apply. A gap on a template edge
    /// (a lost or outside-sourced supply) lists the buying stage, then the input stage.
    public struct Place: Sendable, Equatable {
        public var chain: String
        /// The stage(s) concerned; the first is the main one.
        public var stages: [String]
        public var firms: [String]
        /// Ids of the links concerned (thin: every active link out of the bottleneck stage).
        public var links: [String]
        public var needs: [String]

        public init(
            chain: String, stages: [String] = [], firms: [String] = [], links: [String] = [], needs: [String] = []
        ) {
            self.chain = chain
            self.stages = stages
            self.firms = firms
            self.links = links
            self.needs = needs
        }
    }

    public var kind: Kind
    /// The gap rule expected to report it (docs/GAPS.md), e.g. `lost-link`, when one does.
    public var rule: String?
    public var place: Place
    /// What was planted, in one sentence.
    public var sentence: String

    public init(kind: Kind, rule: String? = nil, place: Place, sentence: String) {
        self.kind = kind
        self.rule = rule
        self.place = place
        self.sentence = sentence
    }
}

extension PlantedGap {
    /// The planted gaps as a JSON document (`planted-gaps.json`), deterministic byte for byte.
    ///
    /// - Complexity: O(size of the gaps).
    public static func json(_ gaps: [PlantedGap], park: Park, options: ParkGenerator.Options) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.key("format"); w.string("chainmap-planted-gaps/2")
        w.key("park"); w.string(park.id)
        w.key("seed"); w.string(String(options.seed))
        w.key("firms"); w.int(park.firms.count)
        w.key("links"); w.int(park.links.count)
        w.key("gaps")
        w.beginArray()
        for g in gaps {
            w.element()
            w.beginObject()
            w.key("kind"); w.string(g.kind.rawValue)
            if let rule = g.rule { w.key("rule"); w.string(rule) }
            w.key("chain"); w.string(g.place.chain)
            w.key("stages"); w.inlineStrings(g.place.stages)
            w.key("firms"); w.inlineStrings(g.place.firms)
            w.key("links"); w.inlineStrings(g.place.links)
            w.key("needs"); w.inlineStrings(g.place.needs)
            w.key("sentence"); w.string(g.sentence)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.finish()
    }
}
