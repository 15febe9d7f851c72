import ChainModel

/// The park's stages numbered once, chain by chain in template order as written (a duplicated
/// stage id keeps its first place): the table the gap and organization indexes share.
struct StageTable {
    /// Each numbered stage.
    let stages: [Stage]
    /// Chain index of each stage.
    let stageChain: [Int32]
    /// `chainStageStart[c]..<chainStageStart[c+1]` are chain `c`'s stages.
    let chainStageStart: [Int32]
    let stageIndex: [String: Int32]
    let chainIndex: [String: Int32]

    /// - Complexity: O(stages) with hashing.
    init(_ park: Park) {
        var stages: [Stage] = []
        var stageChain: [Int32] = []
        var chainStageStart: [Int32] = [0]
        var stageIndex: [String: Int32] = [:]
        var chainIndex: [String: Int32] = [:]
        for (c, chain) in park.chains.enumerated() {
            if chainIndex[chain.id] == nil { chainIndex[chain.id] = Int32(c) }
            for s in chain.stages where stageIndex[s.id] == nil {
                stageIndex[s.id] = Int32(stages.count)
                stages.append(s)
                stageChain.append(Int32(c))
            }
            chainStageStart.append(Int32(stages.count))
        }
        self.stages = stages
        self.stageChain = stageChain
        self.chainStageStart = chainStageStart
        self.stageIndex = stageIndex
        self.chainIndex = chainIndex
    }
}
