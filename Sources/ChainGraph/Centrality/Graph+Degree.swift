extension Graph {
    /// Degree of every node: the number of edges in `direction`, optionally counting only
    /// edges whose layer is in `layers`.
    ///
    /// For a directed graph `.outgoing` counts edges leaving a node, `.incoming` edges
    /// entering it and `.both` their sum. For an undirected graph every direction gives the
    /// undirected degree, and a self-loop counts twice (as in NetworkX). Parallel edges each
    /// count.
    ///
    /// ```swift
    /// let inDegrees = graph.degrees(.incoming)
    /// let supplyOut = graph.degrees(.outgoing, layers: [.supply])
    /// ```
    /// - Complexity: O(V) without `layers`, O(V + E) with.
    public func degrees(_ direction: Direction = .both, layers: Set<EdgeLayer>? = nil) -> [Int] {
        let direction = isDirected ? direction : .both
        var result = [Int](repeating: 0, count: nodeCount)
        if let layers {
            var keep = [Bool](repeating: false, count: 256)
            for layer in layers { keep[Int(layer.rawValue)] = true }
            for v in 0..<nodeCount {
                for e in outOffsets[v]..<outOffsets[v + 1] where keep[Int(self.layers[e].rawValue)] {
                    if direction != .incoming { result[v] += 1 }
                    if direction != .outgoing { result[Int(outTargets[e])] += 1 }
                }
            }
            return result
        }
        for v in 0..<nodeCount {
            var d = 0
            if direction != .incoming { d += outOffsets[v + 1] - outOffsets[v] }
            if direction != .outgoing { d += inOffsets[v + 1] - inOffsets[v] }
            result[v] = d
        }
        return result
    }

    /// Strength of every node: the sum of the weights of its edges in `direction`,
    /// optionally only over edges whose layer is in `layers`.
    ///
    /// Same counting rules as ``degrees(_:layers:)`` (undirected: every direction gives the
    /// total; a self-loop adds its weight twice). Sums are taken in edge-id order.
    /// - Complexity: O(V + E).
    public func strengths(_ direction: Direction = .both, layers: Set<EdgeLayer>? = nil) -> [Double] {
        let direction = isDirected ? direction : .both
        var keep = [Bool](repeating: layers == nil, count: 256)
        for layer in layers ?? [] { keep[Int(layer.rawValue)] = true }
        var outSum = [Double](repeating: 0, count: nodeCount)
        var inSum = [Double](repeating: 0, count: nodeCount)
        for v in 0..<nodeCount {
            for e in outOffsets[v]..<outOffsets[v + 1] where keep[Int(self.layers[e].rawValue)] {
                outSum[v] += weights[e]
                inSum[Int(outTargets[e])] += weights[e]
            }
        }
        switch direction {
        case .outgoing: return outSum
        case .incoming: return inSum
        case .both: return zip(outSum, inSum).map { $0 + $1 }
        }
    }
}
