/// The park's stages numbered once: the one stage numbering of the package, shared by the
/// summary, the gap, organization and matching indexes and the map.
///
/// Two orders, named apart:
/// - **Number** (`0..<stages.count`): chain by chain in park order, each chain's stages as
///   written in its template; a stage id that appears again (invalid data) keeps its first
///   place. `chainStageStart[c]..<chainStageStart[c + 1]` are chain `c`'s numbers.
/// - **Template order** (``templateOrder``): the same numbers, chain by chain, each chain's
///   stages in the order of its template DAG: a stage after the stages that feed it; among
///   stages ready together the lower ``Tier``, then the earlier number, first; stages on a
///   cycle (invalid data) follow in the same rule. This is the upstream-to-downstream order a
///   map draws.
///
/// ```swift
/// let table = StageTable(park)
/// let cathode = table.stageIndex["battery-cathode"]      // its number
/// for s in table.templateOrder { print(table.stages[Int(s)].name) }
/// ```
package struct StageTable: Sendable {
    /// Each numbered stage.
    package let stages: [Stage]
    /// Chain index (in `park.chains`) of each stage.
    package let stageChain: [Int32]
    /// `chainStageStart[c]..<chainStageStart[c+1]` are chain `c`'s stage numbers.
    package let chainStageStart: [Int32]
    /// Stage id → number.
    package let stageIndex: [String: Int32]
    /// Chain id → index in `park.chains` (the first, when an id is duplicated).
    package let chainIndex: [String: Int32]
    /// Template inputs of each stage as numbers, in the order written: only stages of the
    /// same chain count, each once.
    package let inputs: [[Int32]]
    /// All stage numbers in template order (see the type's discussion).
    package let templateOrder: [Int32]

    /// - Complexity: O(stages + inputs) with hashing, plus O(S²) per chain of S stages for the
    ///   template order (tens of stages at most).
    package init(_ park: Park) {
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
        var inputs = [[Int32]](repeating: [], count: stages.count)
        for g in stages.indices {
            for id in stages[g].inputs {
                if let i = stageIndex[id], stageChain[Int(i)] == stageChain[g], !inputs[g].contains(i) {
                    inputs[g].append(i)
                }
            }
        }
        var order: [Int32] = []
        order.reserveCapacity(stages.count)
        for c in 0..<park.chains.count {
            order += Self.templateOrder(
                Int(chainStageStart[c])..<Int(chainStageStart[c + 1]), stages: stages, inputs: inputs)
        }
        self.stages = stages
        self.stageChain = stageChain
        self.chainStageStart = chainStageStart
        self.stageIndex = stageIndex
        self.chainIndex = chainIndex
        self.inputs = inputs
        self.templateOrder = order
    }

    /// Each firm's stages as numbers, ascending and each once (unknown ids skipped), as CSR:
    /// firm `i`'s are `values[offsets[i]..<offsets[i + 1]]`.
    /// - Complexity: O(stage references · log) with hashing.
    package func firmStages(_ firms: [Firm]) -> (offsets: [Int32], values: [Int32]) {
        Self.sortedUniqueLists(count: firms.count) { i, list in
            for s in firms[i].stages { if let g = stageIndex[s] { list.append(g) } }
        }
    }

    /// `count` lists of numbers as CSR, each sorted ascending with repeats dropped: `fill(i,
    /// &list)` appends list `i`'s numbers in any order (e.g. the chains of a firm's stages).
    /// - Complexity: O(total · log) for the sorts.
    package static func sortedUniqueLists(
        count: Int, _ fill: (_ i: Int, _ list: inout [Int32]) -> Void
    ) -> (offsets: [Int32], values: [Int32]) {
        var offsets = [Int32](repeating: 0, count: count + 1)
        var values: [Int32] = []
        values.reserveCapacity(count)
        var scratch: [Int32] = []
        for i in 0..<count {
            scratch.removeAll(keepingCapacity: true)
            fill(i, &scratch)
            if scratch.count > 1 { scratch.sort() }
            var last: Int32 = -1
            for g in scratch where g != last { values.append(g); last = g }
            offsets[i + 1] = Int32(values.count)
        }
        return (offsets, values)
    }

    /// Kahn's algorithm over one chain's numbers; among ready stages the lower tier, then the
    /// lower number; on a cycle, the first remaining stage by the same rule.
    /// - Complexity: O(S²) for S stages.
    static func templateOrder(_ range: Range<Int>, stages: [Stage], inputs: [[Int32]]) -> [Int32] {
        var pending = [Int](repeating: 0, count: range.count)
        var consumers = [[Int]](repeating: [], count: range.count)
        for g in range {
            for i in inputs[g] where Int(i) != g {
                pending[g - range.lowerBound] += 1
                consumers[Int(i) - range.lowerBound].append(g)
            }
        }
        var done = [Bool](repeating: false, count: range.count)
        var order: [Int32] = []
        func before(_ a: Int, _ b: Int) -> Bool {
            stages[a].tier != stages[b].tier ? stages[a].tier < stages[b].tier : a < b
        }
        while order.count < range.count {
            var pick: Int?
            for g in range where !done[g - range.lowerBound] && pending[g - range.lowerBound] == 0 {
                if let p = pick { if before(g, p) { pick = g } } else { pick = g }
            }
            if pick == nil {  // a cycle: take the first remaining stage
                for g in range where !done[g - range.lowerBound] {
                    if let p = pick { if before(g, p) { pick = g } } else { pick = g }
                }
            }
            guard let next = pick else { break }
            done[next - range.lowerBound] = true
            order.append(Int32(next))
            for c in consumers[next - range.lowerBound] { pending[c - range.lowerBound] -= 1 }
        }
        return order
    }
}
