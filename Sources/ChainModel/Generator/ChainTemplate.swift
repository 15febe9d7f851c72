/// A chain the generator can build: the stage DAG (ids as in the bundled samples), how many
/// firms each stage gets relative to the others, products, capacity units and name parts.
///
/// ```swift
/// let nev = ChainTemplate.named("nev")
/// print(nev?.stages.map(\.id) ?? [])
/// ```
public struct ChainTemplate: Sendable, Equatable {
    /// One stage of the template.
    public struct StageTemplate: Sendable, Equatable {
        /// Stage id, unique over all templates, e.g. `nev-parts`.
        public var id: String
        public var name: String
        public var tier: Tier
        /// Ids of the stages of the same template that feed this one.
        public var inputs: [String]
        public var required: Bool
        /// What the stage's firms sell, used as the product of their links.
        public var product: String
        public var capacityUnit: String
        /// Output value (RMB) per unit of capacity, to derive a firm's capacity from its output.
        public var unitValue: Double
        /// Relative number of firms in the stage.
        public var weight: Double
        /// Industry words for firm names, e.g. `精密`, `新材料`.
        public var words: [String]
        /// Capabilities the stage's firms may offer others.
        public var capabilities: [String]
        /// Everything the stage's firms make, ``product`` first (firms list them all).
        public var products: [String] = []
        /// Whether firms of the stage buy the stage's own product from each other (a fabric
        /// mill selling grey cloth to another mill). Generated parks draw no such links; the
        /// flag is template data for matchmaking vocabularies.
        public var feedsItself = false

        public init(
            _ id: String, _ name: String, _ tier: Tier, inputs: [String] = [], required: Bool = true,
            product: String, unit: String, unitValue: Double, weight: Double, words: [String], capabilities: [String]
        ) {
            self.id = id
            self.name = name
            self.tier = tier
            self.inputs = inputs
            self.required = required
            self.product = product
            self.capacityUnit = unit
            self.unitValue = unitValue
            self.weight = weight
            self.words = words
            self.capabilities = capabilities
            self.products = [product]
        }

        /// The stage with more products than its link product (which stays first).
        public func making(_ more: [String]) -> StageTemplate {
            var s = self
            s.products = [product] + more.filter { $0 != product }
            return s
        }

        /// The stage, marked as feeding itself (``feedsItself``).
        public func feedingItself() -> StageTemplate {
            var s = self
            s.feedsItself = true
            return s
        }
    }

    /// Template name and chain id, e.g. `nev`.
    public var id: String
    public var name: String
    /// Relative number of firms in the chain.
    public var weight: Double
    /// Zones of the park where the chain's firms sit.
    public var zones: [String]
    /// Stage of the chain leaders (链主), the end product.
    public var leaderStage: String
    /// Stages, upstream first.
    public var stages: [StageTemplate]

    public init(id: String, name: String, weight: Double, zones: [String], leaderStage: String, stages: [StageTemplate])
    {
        self.id = id
        self.name = name
        self.weight = weight
        self.zones = zones
        self.leaderStage = leaderStage
        self.stages = stages
    }

    /// The chain record (stages without firms).
    public var chain: Chain {
        Chain(
            id: id, name: name,
            stages: stages.map {
                Stage(id: $0.id, name: $0.name, tier: $0.tier, inputs: $0.inputs, required: $0.required)
            },
            illustrative: true)
    }
}
