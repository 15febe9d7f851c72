import HeapModule

/// Maximum-weight bipartite b-matching by successive shortest paths (min-cost flow), and
/// the greedy baseline it is compared with.
///
/// The network: each requester `r` may take up to `requesterCapacity[r]` pairs, each offerer
/// `o` up to `offererCapacity[o]`; pair `(r, o)` carries weight `w > 0`. As a min-cost flow:
/// `r → o` (capacity 1, cost −w), `o → t` (capacity `cap(o)`, cost 0), and `r → t`
/// (unbounded, cost 0: a slot left empty). Requesters are added one at a time, one unit of
/// capacity at a time (the primal–dual "Hungarian" order): Dijkstra on reduced costs from the
/// requester to `t`, then augment. Each step keeps the flow of the requesters added so far
/// optimal, so the result is a maximum-weight b-matching, exactly, with integer weights.
/// Potentials are updated only on the nodes Dijkstra finalized (`π(v) += d(v) − d(t)`),
/// which keeps reduced costs non-negative, so one step costs only the region it explores.
/// Ties: Dijkstra pops by (distance, node), requesters are added in index order, so the
/// result is deterministic.
///
/// ```swift
/// let pairs = [MatchAssignment.Pair(requester: 0, offerer: 0, weight: 5), …]
/// let chosen = MatchAssignment.maximumWeight(pairs: pairs, requesterCapacity: [1, 1], offererCapacity: [1, 1])
/// ```
public enum MatchAssignment {
    /// A possible pair and its weight (an integer, e.g. the score × 10⁶).
    public struct Pair: Sendable, Equatable {
        public var requester: Int32
        public var offerer: Int32
        public var weight: Int64
        public init(requester: Int32, offerer: Int32, weight: Int64) {
            self.requester = requester
            self.offerer = offerer
            self.weight = weight
        }
    }

    /// Which pairs a maximum-weight b-matching takes (one flag per pair). Pairs with weight
    /// ≤ 0, duplicates (only the first counts) and out-of-range ends are never taken.
    ///
    /// - Complexity: one Dijkstra per unit of requester capacity that gets used, each over
    ///   the residual region it explores: O(B · E log V) in the worst case for B = Σ requester
    ///   capacities, E pairs, V requesters + offerers; far less in practice because most
    ///   searches stop at a nearby offerer with free capacity. Memory O(V + E).
    public static func maximumWeight(pairs: [Pair], requesterCapacity: [Int], offererCapacity: [Int]) -> [Bool] {
        let nr = requesterCapacity.count
        let no = offererCapacity.count
        let t = nr + no
        let nodes = t + 1
        // Pair edges by requester, in input order.
        var start = [Int](repeating: 0, count: nr + 1)
        var valid = [Bool](repeating: false, count: pairs.count)
        var seenPair = Set<Int64>()
        for (k, p) in pairs.enumerated() {
            guard p.weight > 0, Int(p.requester) >= 0, Int(p.requester) < nr, Int(p.offerer) >= 0, Int(p.offerer) < no
            else { continue }
            guard seenPair.insert(Int64(p.requester) << 32 | Int64(p.offerer)).inserted else { continue }
            valid[k] = true
            start[Int(p.requester) + 1] += 1
        }
        for r in 0..<nr { start[r + 1] += start[r] }
        var fill = Array(start.dropLast())
        var edgeOff = [Int32](repeating: 0, count: start[nr])
        var edgeCost = [Int64](repeating: 0, count: start[nr])  // −w
        var edgeInput = [Int](repeating: 0, count: start[nr])
        var edgeReq = [Int32](repeating: 0, count: start[nr])
        for (k, p) in pairs.enumerated() where valid[k] {
            let e = fill[Int(p.requester)]
            fill[Int(p.requester)] += 1
            edgeOff[e] = p.offerer
            edgeCost[e] = -p.weight
            edgeInput[e] = k
            edgeReq[e] = p.requester
        }
        var matched = [Bool](repeating: false, count: edgeOff.count)
        var matchedAt = [[Int32]](repeating: [], count: no)  // matched edge ids per offerer
        var used = [Int](repeating: 0, count: no)

        // Initial potentials: a feasible dual for the acyclic start.
        var pi = [Int64](repeating: 0, count: nodes)
        for e in 0..<edgeOff.count {
            let o = nr + Int(edgeOff[e])
            pi[o] = min(pi[o], edgeCost[e])
        }
        var piT: Int64 = 0
        for o in 0..<no { piT = min(piT, pi[nr + o]) }
        pi[t] = piT

        // Dijkstra state, re-stamped per search.
        var dist = [Int64](repeating: 0, count: nodes)
        var done = [Bool](repeating: false, count: nodes)
        var mark = [UInt32](repeating: 0, count: nodes)
        // for offerers: forward edge; for requesters: reverse edge
        var parentEdge = [Int32](repeating: -1, count: nodes)
        var parentT: Int32 = -1  // node before t
        var stamp: UInt32 = 0
        var heap = Heap<QueuedNode>()
        var finalized: [Int32] = []

        for r in 0..<nr {
            var units = max(0, requesterCapacity[r])
            while units > 0 {
                units -= 1
                stamp &+= 1
                if stamp == 0 {
                    for i in 0..<nodes { mark[i] = 0 }
                    stamp = 1
                }
                heap.removeAll { _ in true }  // keeps its storage
                finalized.removeAll(keepingCapacity: true)
                func relax(_ v: Int, _ d: Int64, _ edge: Int32, from u: Int) {
                    if mark[v] != stamp {
                        mark[v] = stamp
                        done[v] = false
                        dist[v] = Int64.max
                    }
                    if !done[v] && d < dist[v] {
                        dist[v] = d
                        if v == t { parentT = Int32(u) } else { parentEdge[v] = edge }
                        heap.insert(QueuedNode(distance: d, node: Int32(v)))
                    }
                }
                relax(r, 0, -1, from: r)
                var reachedT = false
                while let top = heap.popMin() {
                    let (d, v32) = (top.distance, top.node)
                    let v = Int(v32)
                    if done[v] || d != dist[v] { continue }
                    done[v] = true
                    finalized.append(v32)
                    if v == t {
                        reachedT = true
                        break
                    }
                    if v < nr {
                        // Requester: its unmatched pair edges, and leaving the slot empty.
                        for e in start[v]..<start[v + 1] where !matched[e] {
                            let o = nr + Int(edgeOff[e])
                            relax(o, d + edgeCost[e] + pi[v] - pi[o], Int32(e), from: v)
                        }
                        relax(t, d + pi[v] - pi[t], -1, from: v)
                    } else {
                        let o = v - nr
                        if used[o] < offererCapacity[o] {
                            relax(t, d + pi[v] - pi[t], -1, from: v)
                        }
                        for e32 in matchedAt[o] {
                            let e = Int(e32)
                            let rq = Int(edgeReq[e])
                            relax(rq, d - edgeCost[e] + pi[v] - pi[rq], e32, from: v)
                        }
                    }
                }
                guard reachedT else { break }
                let dt = dist[t]
                for v32 in finalized {
                    let v = Int(v32)
                    if dist[v] < dt { pi[v] += dist[v] - dt }
                }
                // Augment from t back to r.
                var node = Int(parentT)
                if node == r { break }  // the slot stays empty: so will the rest of r's slots
                if node >= nr { used[node - nr] += 1 }
                while node != r {
                    if node >= nr {
                        let e = Int(parentEdge[node])
                        matched[e] = true
                        matchedAt[node - nr].append(Int32(e))
                        node = Int(edgeReq[e])
                    } else {
                        let e = Int(parentEdge[node])
                        matched[e] = false
                        let o = Int(edgeOff[e])
                        if let k = matchedAt[o].firstIndex(of: Int32(e)) { matchedAt[o].remove(at: k) }
                        node = nr + o
                    }
                }
            }
        }
        var chosen = [Bool](repeating: false, count: pairs.count)
        for e in 0..<matched.count where matched[e] { chosen[edgeInput[e]] = true }
        return chosen
    }

    /// The greedy baseline: pairs by weight (highest first, ties by requester then offerer),
    /// each taken while both ends have capacity left.
    /// - Complexity: O(E log E).
    public static func greedy(pairs: [Pair], requesterCapacity: [Int], offererCapacity: [Int]) -> [Bool] {
        var left = requesterCapacity
        var leftO = offererCapacity
        let order = pairs.indices.sorted { a, b in
            let x = pairs[a], y = pairs[b]
            if x.weight != y.weight { return x.weight > y.weight }
            if x.requester != y.requester { return x.requester < y.requester }
            if x.offerer != y.offerer { return x.offerer < y.offerer }
            return a < b
        }
        var chosen = [Bool](repeating: false, count: pairs.count)
        var seenPair = Set<Int64>()
        for k in order {
            let p = pairs[k]
            guard p.weight > 0, Int(p.requester) < left.count, Int(p.offerer) < leftO.count, p.requester >= 0,
                p.offerer >= 0
            else { continue }
            guard left[Int(p.requester)] > 0, leftO[Int(p.offerer)] > 0 else { continue }
            guard seenPair.insert(Int64(p.requester) << 32 | Int64(p.offerer)).inserted else { continue }
            left[Int(p.requester)] -= 1
            leftO[Int(p.offerer)] -= 1
            chosen[k] = true
        }
        return chosen
    }
}

/// A tentative distance in the matching's Dijkstra: ordered by distance, then node, so pops
/// are deterministic.
private struct QueuedNode: Comparable {
    var distance: Int64
    var node: Int32
    static func < (a: QueuedNode, b: QueuedNode) -> Bool {
        a.distance != b.distance ? a.distance < b.distance : a.node < b.node
    }
}
