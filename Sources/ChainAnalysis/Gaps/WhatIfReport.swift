/// The outcome of one ``WhatIf`` scenario: removed and cut firms, weakened firms, the stage
/// table before and after, and the output value at risk.
public struct WhatIfReport: Sendable, Equatable, Encodable {
    /// A firm cut because it lost every supplier of one input.
    public struct CutFirm: Sendable, Equatable, Encodable {
        public var firm: GapFirmRef
        /// 1 when cut by a removed firm, 2 by a firm cut in round 1, and so on.
        public var round: Int
        /// The input it lost every supplier of (the first such input).
        public var input: String
        /// Those suppliers (ids, in link order).
        public var lostSuppliers: [String]
        public var output: Double?
        public var inPark: Bool
    }

    /// One stage before and after (in-park firms only).
    public struct StageRow: Sendable, Equatable, Encodable {
        public var chain: String
        public var stage: String
        public var name: String
        public var required: Bool
        public var firmsBefore: Int
        public var firmsAfter: Int
        public var outputBefore: Double
        public var outputAfter: Double
        /// The stage had in-park firms and has none left.
        public var broken: Bool { firmsBefore > 0 && firmsAfter == 0 }
        /// Output lost, RMB.
        public var outputLost: Double { outputBefore - outputAfter }

        private enum CodingKeys: String, CodingKey {
            case chain, stage, name, required, firmsBefore, firmsAfter, outputBefore, outputAfter, broken
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(chain, forKey: .chain)
            try c.encode(stage, forKey: .stage)
            try c.encode(name, forKey: .name)
            try c.encode(required, forKey: .required)
            try c.encode(firmsBefore, forKey: .firmsBefore)
            try c.encode(firmsAfter, forKey: .firmsAfter)
            try c.encode(outputBefore, forKey: .outputBefore)
            try c.encode(outputAfter, forKey: .outputAfter)
            try c.encode(broken, forKey: .broken)
        }
    }

    public var parkId: String
    public var parkName: String
    /// Firms removed (park order).
    public var removed: [GapFirmRef] = []
    /// Ids given that name no firm.
    public var unknown: [String] = []
    /// Firms cut, by round then park order.
    public var cut: [CutFirm] = []
    /// Firms still supplied but with fewer suppliers of some input (park order).
    public var weakened: [GapFirmRef] = []
    /// Every stage of every chain, park order.
    public var stages: [StageRow] = []
    /// Stages left without in-park firm (ids, park order).
    public var brokenStages: [String] = []
    /// Active links leaving removed or cut firms, and their value in RMB.
    public var lostLinks = 0
    public var lostLinkValue = 0.0
    /// Output of the removed in-park firms, RMB.
    public var removedOutput = 0.0
    /// Output of the cut in-park firms, RMB.
    public var cutOutput = 0.0
    /// Output value at risk: removed plus cut in-park firms, RMB.
    public var outputAtRisk: Double { removedOutput + cutOutput }
    /// Firms cut and weakened in all (``cut`` and ``weakened`` may list fewer, see
    /// ``WhatIfOptions/limit``).
    public var cutTotal = 0
    public var weakenedTotal = 0
    /// The chain the stage table was limited to, if any.
    public var chain: String?

    public init(parkId: String, parkName: String) {
        self.parkId = parkId
        self.parkName = parkName
    }

    private enum CodingKeys: String, CodingKey {
        case park, name, chain, removed, unknown, outputAtRisk, removedOutput, cutOutput, lostLinks, lostLinkValue
        case brokenStages, cutTotal, cut, weakenedTotal, weakened, stages
    }

    private enum FirmKeys: String, CodingKey { case id, name }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        func firms(_ list: [GapFirmRef], _ key: CodingKeys) throws {
            var a = c.nestedUnkeyedContainer(forKey: key)
            for f in list {
                var o = a.nestedContainer(keyedBy: FirmKeys.self)
                try o.encode(f.id, forKey: .id)
                try o.encode(f.name, forKey: .name)
            }
        }
        try c.encode(parkId, forKey: .park)
        try c.encode(parkName, forKey: .name)
        try c.encodeIfPresent(chain, forKey: .chain)
        try firms(removed, .removed)
        try c.encode(unknown, forKey: .unknown)
        try c.encode(outputAtRisk, forKey: .outputAtRisk)
        try c.encode(removedOutput, forKey: .removedOutput)
        try c.encode(cutOutput, forKey: .cutOutput)
        try c.encode(lostLinks, forKey: .lostLinks)
        try c.encode(lostLinkValue, forKey: .lostLinkValue)
        try c.encode(brokenStages, forKey: .brokenStages)
        try c.encode(cutTotal, forKey: .cutTotal)
        try c.encode(cut, forKey: .cut)
        try c.encode(weakenedTotal, forKey: .weakenedTotal)
        try firms(weakened, .weakened)
        try c.encode(stages, forKey: .stages)
    }
}

extension WhatIfReport.CutFirm {
    private enum CodingKeys: String, CodingKey { case id, name, round, input, lostSuppliers, output, inPark }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(firm.id, forKey: .id)
        try c.encode(firm.name, forKey: .name)
        try c.encode(round, forKey: .round)
        try c.encode(input, forKey: .input)
        try c.encode(lostSuppliers, forKey: .lostSuppliers)
        try c.encodeIfPresent(output, forKey: .output)
        try c.encode(inPark, forKey: .inPark)
    }
}

/// A what-if scenario as people name it (`chainmap whatif`): firms by id or (part of a) name,
/// a zone, the chain to show.
///
/// ```swift
/// var options = WhatIfOptions()
/// options.remove = ["恒立液压"]
/// let report = try WhatIf(park: park).run(options)
/// ```
public struct WhatIfOptions: Sendable, Equatable {
    /// Firms to remove: ids, names or parts of a name (each must fit one firm).
    public var remove: [String] = []
    /// Remove every firm of this zone too.
    public var zone: String?
    /// Only this chain's stages in the stage table (the totals cover the whole park).
    public var chain: String?
    /// Most cut and weakened firms listed (0: all); the totals stay complete.
    public var limit: Int = 0

    public init() {}
}
