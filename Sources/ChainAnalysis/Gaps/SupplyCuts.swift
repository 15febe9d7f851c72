import ChainGraph

/// Articulation points and bridges of the undirected view of a supply graph, with how many
/// firms (counted by `weight`: 1 for in-park firms, 0 for outside ones) and how much output
/// each one separates from the largest remaining part of its component.
///
/// One iterative Hopcroft–Tarjan pass that also sums subtree sizes and outputs; parallel
/// edges (several products between two firms, or links both ways) form a cycle and are no
/// bridge, as in ``ChainGraph/Graph/biconnectivity(layers:progress:)``.
///
/// - Complexity: O(V + E) time and memory.
struct SupplyCuts {
    struct Cut {
        /// Node (articulation point) or edge id (bridge).
        var id: Int
        /// Firms separated from the largest remaining part.
        var cutOff: Int
        /// Their summed output.
        var cutOutput: Double
        /// Parts the component falls into.
        var pieces: Int
        /// Nodes in the component.
        var componentSize: Int
    }

    var articulationPoints: [Cut] = []
    var bridges: [Cut] = []

    init(graph g: Graph, weight: [Int32], output: [Double]) {
        let n = g.nodeCount
        var disc = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n)
        var size = weight
        var sub = output
        var sepSize = [Int32](repeating: 0, count: n)
        var sepOut = [Double](repeating: 0, count: n)
        var maxPiece = [Int32](repeating: 0, count: n)
        var maxPieceOut = [Double](repeating: 0, count: n)
        var sepCount = [Int32](repeating: 0, count: n)
        var parentEdgeOf = [Int32](repeating: -1, count: n)
        var frameNode = [Int32](repeating: 0, count: n)
        var frameCursor = [Int](repeating: 0, count: n)
        var order: [Int32] = []
        var counter: Int32 = 0
        // In bounds: the per-node arrays and the DFS frames have n entries (a node is on the
        // frame stack at most once, so depth <= n); node and edge ids come from a graph whose
        // CSR invariants `Graph.checkInvariants` checked.
        assert(g.nodeCount == n && frameNode.count == n && frameCursor.count == n && parentEdgeOf.count == n)
        g.outOffsets.withUnsafeBufferPointer { outOff in
            g.outTargets.withUnsafeBufferPointer { outT in
                g.inOffsets.withUnsafeBufferPointer { inOff in
                    g.inSources.withUnsafeBufferPointer { inS in
                        g.inEdges.withUnsafeBufferPointer { inE in
                            for root in 0..<n where disc[root] < 0 {
                                order.removeAll(keepingCapacity: true)
                                disc[root] = counter; low[root] = counter; counter += 1
                                order.append(Int32(root))
                                frameNode[0] = Int32(root); frameCursor[0] = 0
                                var depth = 1
                                while depth > 0 {
                                    let v = Int(frameNode[depth - 1])
                                    let parentEdge = parentEdgeOf[v]
                                    var cursor = frameCursor[depth - 1]
                                    let outStart = outOff[v], outCount = outOff[v + 1] - outStart
                                    let inStart = inOff[v], total = outCount + inOff[v + 1] - inStart
                                    var descended = false
                                    while cursor < total {
                                        let e: Int, w: Int
                                        if cursor < outCount {
                                            e = outStart + cursor; w = Int(outT[e])
                                        } else {
                                            let i = inStart + cursor - outCount
                                            e = Int(inE[i]); w = Int(inS[i])
                                        }
                                        cursor += 1
                                        if w == v || e == Int(parentEdge) { continue }
                                        if disc[w] < 0 {
                                            frameCursor[depth - 1] = cursor
                                            disc[w] = counter; low[w] = counter; counter += 1
                                            order.append(Int32(w))
                                            parentEdgeOf[w] = Int32(e)
                                            frameNode[depth] = Int32(w); frameCursor[depth] = 0
                                            depth += 1
                                            descended = true
                                            break
                                        } else if disc[w] < low[v] {
                                            low[v] = disc[w]
                                        }
                                    }
                                    if descended { continue }
                                    depth -= 1
                                    guard depth > 0 else { break }
                                    let p = Int(frameNode[depth - 1])
                                    if low[v] < low[p] { low[p] = low[v] }
                                    size[p] += size[v]
                                    sub[p] += sub[v]
                                    if low[v] >= disc[p] {
                                        sepSize[p] += size[v]
                                        sepOut[p] += sub[v]
                                        sepCount[p] += 1
                                        if size[v] > maxPiece[p] || (size[v] == maxPiece[p] && sub[v] > maxPieceOut[p])
                                        {
                                            maxPiece[p] = size[v]; maxPieceOut[p] = sub[v]
                                        }
                                    }
                                }
                                let compSize = Int(size[root])
                                let compOut = sub[root]
                                for node in order {
                                    let v = Int(node)
                                    let isRoot = v == root
                                    if (isRoot && sepCount[v] >= 2) || (!isRoot && sepCount[v] >= 1) {
                                        let rest = compSize - Int(weight[v]) - Int(sepSize[v])
                                        let restOut = compOut - output[v] - sepOut[v]
                                        var keep = Int(maxPiece[v]), keepOut = maxPieceOut[v]
                                        if rest > keep || (rest == keep && restOut > keepOut) {
                                            keep = rest; keepOut = restOut
                                        }
                                        articulationPoints.append(
                                            Cut(
                                                id: v, cutOff: compSize - Int(weight[v]) - keep,
                                                cutOutput: compOut - output[v] - keepOut,
                                                pieces: Int(sepCount[v]) + (isRoot ? 0 : 1), componentSize: compSize))
                                    }
                                    if !isRoot {
                                        let pe = Int(parentEdgeOf[v])
                                        // The parent's discovery time is below v's; the bridge test needs it.
                                        let p = Int(outT[pe]) == v ? Self.source(pe, outOff) : Int(outT[pe])
                                        if low[v] > disc[p] {
                                            let below = Int(size[v]), above = compSize - below
                                            let cutOff = min(below, above)
                                            let cutOutput =
                                                below < above || (below == above && sub[v] <= compOut - sub[v])
                                                ? sub[v] : compOut - sub[v]
                                            bridges.append(
                                                Cut(
                                                    id: pe, cutOff: cutOff, cutOutput: cutOutput, pieces: 2,
                                                    componentSize: compSize))
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        articulationPoints.sort { $0.id < $1.id }
        bridges.sort { $0.id < $1.id }
    }

    /// Source node of edge `e` by binary search over the offsets.
    static func source(_ e: Int, _ off: UnsafeBufferPointer<Int>) -> Int {
        var lo = 0, hi = off.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if off[mid] <= e { lo = mid } else { hi = mid }
        }
        return lo
    }
}
