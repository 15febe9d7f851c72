/// An industry chain (产业链): a template of stages from raw material to end product.
public struct Chain: Sendable, Equatable {
    /// Chain id, e.g. `nev`.
    public var id: String
    /// Display name, e.g. `新能源汽车`.
    public var name: String
    /// Stages in display order (upstream first). Together they form a DAG through
    /// ``Stage/inputs``.
    public var stages: [Stage]
    /// True when the record is illustrative (made up to give the sample a realistic size).
    public var illustrative: Bool
    public var note: String?

    public init(id: String, name: String, stages: [Stage] = [], illustrative: Bool = false, note: String? = nil) {
        self.id = id
        self.name = name
        self.stages = stages
        self.illustrative = illustrative
        self.note = note
    }
}

/// Position of a stage along a chain.
public enum Tier: String, Sendable, CaseIterable, Comparable {
    /// Raw materials and basic inputs.
    case upstream
    /// Components and intermediate goods.
    case midstream
    /// End products, services, recycling.
    case downstream

    public static func < (a: Tier, b: Tier) -> Bool { a.order < b.order }
    var order: Int {
        switch self {
        case .upstream: 0
        case .midstream: 1
        case .downstream: 2
        }
    }
}

/// One stage (环节) of a chain template, e.g. `cathode` in a battery chain.
public struct Stage: Sendable, Equatable {
    /// Stage id, unique within the park, e.g. `battery-cathode`.
    public var id: String
    /// Display name, e.g. `正极材料`.
    public var name: String
    public var tier: Tier
    /// Ids of the stages (of the same chain) that feed this one. The template must be a DAG.
    public var inputs: [String]
    /// Whether a complete chain needs a firm in this stage (a missing required stage is a
    /// broken chain); optional stages are extensions such as after-market services.
    public var required: Bool
    public var note: String?

    public init(id: String, name: String, tier: Tier, inputs: [String] = [], required: Bool = true, note: String? = nil)
    {
        self.id = id
        self.name = name
        self.tier = tier
        self.inputs = inputs
        self.required = required
        self.note = note
    }
}
