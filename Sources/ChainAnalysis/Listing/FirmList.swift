import ChainModel

/// The firms of a park, filtered the way a committee asks: "the firms of the NEV chain", "who
/// is in 模具", "which firms make 活塞". `chainmap firms` prints it.
///
/// Rows run in chain-template order (the stage a firm sits in first), in-park firms before
/// outside ones, then by output (largest first), ties by id.
///
/// - Complexity: O(firms × (stages + search length × products)) and a sort.
public struct FirmList: Sendable, Encodable {
    public struct Row: Sendable, Encodable, Equatable {
        public var id: String
        public var name: String
        /// Chain ids the firm has a stage in (template order).
        public var chains: [String]
        public var chainNames: [String]
        /// The firm's stage ids and names (template order).
        public var stages: [String]
        public var stageNames: [String]
        public var inPark: Bool
        /// Chain ids the firm leads (链主企业).
        public var leads: [String]
        /// Output value, RMB.
        public var output: Double?
    }

    public var parkId: String
    public var parkName: String
    /// The filters as resolved: the chain id, the stage id, the search text.
    public var chain: String?
    public var stage: String?
    public var search: String?
    public var rows: [Row]
    /// Rows in the park and outside it.
    public var inPark: Int { rows.lazy.filter(\.inPark).count }
    public var outside: Int { rows.count - inPark }

    /// - Parameters:
    ///   - park: the park whose firms are listed.
    ///   - chain: a chain id or name.
    ///   - stage: a stage id or name.
    ///   - search: text found in a firm's id, name, products or capabilities (case-insensitive).
    /// - Throws: ``LookupError`` for a chain or stage the park does not hold (with the
    ///   nearest ids, or every id when few).
    public init(park: Park, chain: String? = nil, stage: String? = nil, search: String? = nil) throws(LookupError) {
        parkId = park.id
        parkName = park.name
        let chainId = try chain.map { (c: String) throws(LookupError) in try park.lookupChain(c, field: "chain").id }
        let stageId = try stage.map { (s: String) throws(LookupError) in try park.lookupStage(s, field: "stage").id }
        self.chain = chainId
        self.stage = stageId
        let needle = search?.trimmingCharacters(in: .whitespaces).lowercased()
        self.search = needle?.isEmpty == false ? search : nil

        // The package's one stage numbering: chain by chain, a repeated stage id in its first place.
        let table = StageTable(park)
        var keyed: [(order: Int, row: Row)] = []
        for firm in park.firms {
            let numbers = firm.stages.compactMap { table.stageIndex[$0] }.sorted()
            let stages = numbers.map { table.stages[Int($0)].id }
            let chainIndices = numbers.map { Int(table.stageChain[Int($0)]) }.reduce(into: [Int]()) {
                if !$0.contains($1) { $0.append($1) }
            }
            if let chainId, !chainIndices.contains(where: { park.chains[$0].id == chainId }),
                !firm.leads.contains(chainId)
            {
                continue
            }
            if let stageId, !firm.stages.contains(stageId) { continue }
            if let needle, !needle.isEmpty {
                let haystack = [firm.id, firm.name] + firm.products + firm.capabilities
                if !haystack.contains(where: { $0.lowercased().contains(needle) }) { continue }
            }
            keyed.append(
                (
                    numbers.first.map { Int($0) } ?? Int.max,
                    Row(
                        id: firm.id, name: firm.name,
                        chains: chainIndices.map { park.chains[$0].id },
                        chainNames: chainIndices.map { park.chains[$0].name },
                        stages: stages, stageNames: numbers.map { table.stages[Int($0)].name },
                        inPark: firm.inPark, leads: firm.leads, output: firm.output)
                ))
        }
        keyed.sort { a, b in
            if a.order != b.order { return a.order < b.order }
            if a.row.inPark != b.row.inPark { return a.row.inPark }
            if (a.row.output ?? -1) != (b.row.output ?? -1) { return (a.row.output ?? -1) > (b.row.output ?? -1) }
            return a.row.id < b.row.id
        }
        rows = keyed.map(\.row)
    }
}
