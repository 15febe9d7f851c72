/// The outcome of one ``WhatIf`` scenario: removed and cut firms, weakened firms, the stage
/// table before and after, and the output value at risk.
public struct WhatIfReport: Sendable, Equatable {
    /// A firm cut because it lost every supplier of one input.
    public struct CutFirm: Sendable, Equatable {
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
    public struct StageRow: Sendable, Equatable {
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

    public init(parkId: String, parkName: String) {
        self.parkId = parkId
        self.parkName = parkName
    }
}
