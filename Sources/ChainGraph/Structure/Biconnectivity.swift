/// Cut structure of the undirected view of a graph: articulation points, bridges and
/// biconnected components.
///
/// Edges are told apart by edge id, so two parallel edges between the same nodes (or
/// `u → v` plus `v → u` in a directed graph) form a cycle: neither is a bridge. Self-loops
/// are ignored (they belong to no biconnected component). Isolated nodes belong to no
/// component.
///
/// ```swift
/// let cuts = graph.biconnectivity()
/// cuts.articulationPoints   // nodes whose removal disconnects their component
/// cuts.bridges              // edge ids whose removal disconnects their component
/// ```
public struct Biconnectivity: Sendable, Equatable {
    /// Articulation points (cut vertices), increasing.
    public let articulationPoints: [Int32]
    /// Bridge edge ids, increasing.
    public let bridges: [Int]
    /// Edge ids of each biconnected component (each list increasing); components are ordered
    /// by their smallest edge id. Empty when asked for cuts only (`components: false`).
    public let componentEdges: [[Int]]
    /// Nodes of each biconnected component (each list increasing), in the order of
    /// ``componentEdges``.
    public let componentNodes: [[Int32]]
}

extension Graph {
    /// Articulation points, bridges and biconnected components of the undirected view.
    ///
    /// Iterative Hopcroft–Tarjan (explicit stack of (node, parent edge, cursor) and a stack
    /// of edge ids); the parent edge is skipped by edge id, so parallel edges are handled.
    ///
    /// - Parameters:
    ///   - layers: only edges in these layers count (nil: all).
    ///   - components: false for the articulation points and bridges only (no edge stack, no
    ///     component lists; ``Biconnectivity/componentEdges`` and
    ///     ``Biconnectivity/componentNodes`` are empty): about half the time on large graphs.
    ///   - progress: called now and then with (nodes visited, node count).
    /// - Complexity: O(V + E) time and extra memory (O(V) with `components: false`), plus
    ///   O(E log E) to sort the components' edges.
    public func biconnectivity(
        layers: Set<EdgeLayer>? = nil, components collect: Bool = true,
        progress: ((_ done: Int, _ total: Int) -> Void)? = nil
    ) -> Biconnectivity {
        let n = nodeCount
        let mask = EdgeLayerMask(layers)
        var ticker = ProgressTicker(progress, total: n)
        let sources = edgeSources()
        var disc = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n)
        var isCut = [Bool](repeating: false, count: n)
        var frameNode = [Int32](repeating: 0, count: n)
        var frameParentEdge = [Int32](repeating: -1, count: n)
        var frameCursor = [Int](repeating: 0, count: n)
        var edgeStack: [Int32] = []
        if collect { edgeStack.reserveCapacity(min(edgeCount, 1 << 20)) }
        var bridges: [Int] = []
        var components: [[Int]] = []
        var counter: Int32 = 0

        for root in 0..<n where disc[root] < 0 {
            disc[root] = counter; low[root] = counter; counter += 1
            ticker.tick(Int(counter))
            var rootChildren = 0
            frameNode[0] = Int32(root); frameParentEdge[0] = -1; frameCursor[0] = 0
            var depth = 1
            while depth > 0 {
                let v = Int(frameNode[depth - 1])
                let parentEdge = frameParentEdge[depth - 1]
                var cursor = frameCursor[depth - 1]
                let outStart = outOffsets[v], outCount = outOffsets[v + 1] - outStart
                let inStart = inOffsets[v], total = outCount + inOffsets[v + 1] - inStart
                var descended = false
                while cursor < total {
                    let e: Int
                    let w: Int
                    if cursor < outCount {
                        e = outStart + cursor
                        w = Int(outTargets[e])
                    } else {
                        let i = inStart + cursor - outCount
                        e = Int(inEdges[i])
                        w = Int(inSources[i])
                    }
                    cursor += 1
                    if w == v || e == Int(parentEdge) || !mask.allows(self.layers[e]) { continue }
                    if disc[w] < 0 {
                        frameCursor[depth - 1] = cursor
                        if collect { edgeStack.append(Int32(e)) }
                        disc[w] = counter; low[w] = counter; counter += 1
                        ticker.tick(Int(counter))
                        if depth == 1 { rootChildren += 1 }
                        frameNode[depth] = Int32(w); frameParentEdge[depth] = Int32(e); frameCursor[depth] = 0
                        depth += 1
                        descended = true
                        break
                    } else if disc[w] < disc[v] {
                        // Back edge to an ancestor (seen once, from the lower end).
                        if collect { edgeStack.append(Int32(e)) }
                        if disc[w] < low[v] { low[v] = disc[w] }
                    }
                }
                if descended { continue }
                depth -= 1
                guard depth > 0 else { break }
                let p = Int(frameNode[depth - 1])
                if low[v] < low[p] { low[p] = low[v] }
                if low[v] >= disc[p] {
                    if depth > 1 { isCut[p] = true }
                    if collect {
                        var component: [Int] = []
                        while let top = edgeStack.popLast() {
                            component.append(Int(top))
                            if top == parentEdge { break }
                        }
                        component.sort()
                        components.append(component)
                    }
                    if low[v] > disc[p] { bridges.append(Int(parentEdge)) }
                }
            }
            if rootChildren >= 2 { isCut[root] = true }
        }
        ticker.finish()

        components.sort { $0[0] < $1[0] }
        var stamp = [Int](repeating: -1, count: n)
        var componentNodes: [[Int32]] = []
        componentNodes.reserveCapacity(components.count)
        for (c, edges) in components.enumerated() {
            var nodes: [Int32] = []
            for e in edges {
                let a = Int(sources[e]), b = Int(outTargets[e])
                if stamp[a] != c { stamp[a] = c; nodes.append(Int32(a)) }
                if stamp[b] != c { stamp[b] = c; nodes.append(Int32(b)) }
            }
            nodes.sort()
            componentNodes.append(nodes)
        }
        bridges.sort()
        var cuts: [Int32] = []
        for v in 0..<n where isCut[v] { cuts.append(Int32(v)) }
        return Biconnectivity(
            articulationPoints: cuts, bridges: bridges, componentEdges: components, componentNodes: componentNodes)
    }
}
