import ChainGraph

/// Settings of a park-wide agenda (``MatchIndex/agenda(options:)``).
public struct MatchAgendaOptions: Sendable, Equatable {
    /// Most meetings per firm (as requester and offerer together). Default 3.
    public var perFirm: Int = 3
    /// Candidates kept per firm and direction before the assignment. Default 20.
    public var candidatesPerFirm: Int = 20
    /// Scoring settings; the agenda asks every in-park firm for its upstream and capability
    /// matches (downstream pairs are the same pairs seen from the supplier). Defaults as
    /// ``MatchOptions`` except a coarser push (ε = 1e-4) and 500 firms read per index list,
    /// so 100,000 firms fit in a minute.
    public var match: MatchOptions = {
        var m = MatchOptions()
        m.pushEpsilon = 1e-4
        m.scanLimit = 500
        return m
    }()
    /// Worker threads for the candidate search (nil = all processors). The result does not
    /// depend on it.
    public var threads: Int? = nil

    public init() {}
}

/// A matchmaking-day agenda: meetings that maximise the total score with at most
/// ``MatchAgendaOptions/perFirm`` meetings per firm.
public struct MatchAgenda: Sendable, Encodable {
    /// One meeting: the requester (buyer or needer) meets the offerer (supplier or provider).
    public struct Meeting: Sendable, Equatable, Encodable {
        public var requester: String
        public var requesterName: String
        public var offerer: String
        public var offererName: String
        public var suggestion: MatchSuggestion
    }

    /// Meetings by requester (park order), best first for each requester.
    public var meetings: [Meeting]
    /// Candidate pairs the assignment chose from.
    public var candidatePairs: Int
    /// Total score of the agenda.
    public var total: Double
    /// Total of the greedy agenda (best pairs first while both firms have room), for comparison.
    public var greedyTotal: Double
    /// Meetings of the greedy agenda.
    public var greedyMeetings: Int
    /// An upper bound on the best possible total: the optimum when a firm may take `perFirm`
    /// meetings as requester and `perFirm` more as offerer (step 2 of the algorithm).
    public var upperBound: Double
    public var perFirm: Int
}

extension MatchIndex {
    /// The park-wide agenda (`chainmap match --all`).
    ///
    /// 1. **Candidates**: for every in-park firm, its best `candidatesPerFirm` upstream and
    ///    capability matches (requester = the firm); a pair found twice keeps its best score.
    /// 2. **Relaxation**: an exact maximum-weight bipartite b-matching (``MatchAssignment``)
    ///    where each firm may take `perFirm` meetings as requester and `perFirm` as offerer:
    ///    its total is an upper bound.
    /// 3. **Role split**: a firm's `perFirm` limit covers both roles, which makes the true
    ///    problem a b-matching on a general graph. So the limit is split per firm into
    ///    requester and offerer slots, and the exact bipartite b-matching is solved under the
    ///    split. Splits come from a solution's `perFirm` best meetings per firm (the room left
    ///    goes to one role); starting from the relaxation (cut down) and from greedy, then
    ///    re-splitting the best solution, room alternately to each role, while it improves (at
    ///    most 6 rounds). Each solve keeps the solution it was split from feasible, so the
    ///    agenda is never worse than greedy and never above the upper bound.
    ///
    /// Deterministic: candidates are searched in parallel into fixed slots, and everything
    /// after runs in park order.
    ///
    /// - Complexity: F candidate searches (see ``matches(forNode:options:workspace:)``) split
    ///   over the threads, then two b-matchings over at most 2·F·k pairs (see
    ///   ``MatchAssignment/maximumWeight(pairs:requesterCapacity:offererCapacity:)``).
    public func agenda(options: MatchAgendaOptions = MatchAgendaOptions()) -> MatchAgenda {
        let b = max(0, options.perFirm)
        var match = options.match
        match.top = max(1, options.candidatesPerFirm)
        // The agenda is a day in the park: outside firms only when asked (`--include-outside`).
        if match.outside == .separate { match.outside = .excluded }
        let n = firmCount
        // 1. Candidates per firm, in parallel into fixed slots.
        var perFirmCandidates = [[(ScoredCandidate, MatchDirection)]](repeating: [], count: n)
        let workers = max(1, min(options.threads ?? Parallel.processorCount, max(1, n / 64)))
        let index = self
        // In bounds: worker w writes only the slots f ≡ w (mod workers) with f < n ==
        // buffer.count, so no two workers share a slot (SlotWriter checks bounds in debug).
        perFirmCandidates.withUnsafeMutableBufferPointer { buffer in
            assert(buffer.count == n)
            let writer = Parallel.SlotWriter(buffer)
            let m = UncheckedSendable(match)
            Parallel.forEach(iterations: workers) { w in
                var ws = MatchWorkspace(index)
                var f = w
                while f < n {
                    if index.inPark[f] {
                        var list: [(ScoredCandidate, MatchDirection)] = []
                        for d in [MatchDirection.upstream, .capability] where m.value.directions.contains(d) {
                            for c in index.candidates(for: Int32(f), direction: d, options: m.value, workspace: &ws) {
                                list.append((c, d))
                            }
                        }
                        writer[f] = list
                    }
                    f += workers
                }
            }
        }
        // Pairs: requester = firm node, offerer = candidate node; best score per pair.
        var best: [Int64: Int] = [:]
        var pairs: [MatchAssignment.Pair] = []
        var pairInfo: [(ScoredCandidate, MatchDirection, Int32)] = []
        for f in 0..<n {
            for (c, d) in perFirmCandidates[f] {
                // Int64(_:) traps on infinity or beyond ±9.2e18; scores are small, but never trap.
                let total = c.score.total.isFinite ? min(max(c.score.total, -1e12), 1e12) : 0
                let w = Int64((total * 1_000_000).rounded())
                let key = Int64(f) << 32 | Int64(c.node)
                if let k = best[key] {
                    if w > pairs[k].weight {
                        pairs[k].weight = w
                        pairInfo[k] = (c, d, Int32(f))
                    }
                    continue
                }
                best[key] = pairs.count
                pairs.append(MatchAssignment.Pair(requester: Int32(f), offerer: c.node, weight: w))
                pairInfo.append((c, d, Int32(f)))
            }
        }
        perFirmCandidates = []
        let capR = [Int](repeating: b, count: n)
        let capO = [Int](repeating: b, count: nodeCount)
        // 2. Relaxation.
        let relaxed = MatchAssignment.maximumWeight(pairs: pairs, requesterCapacity: capR, offererCapacity: capO)
        var upper: Int64 = 0
        for k in pairs.indices where relaxed[k] { upper += pairs[k].weight }
        // Greedy under the true per-firm limit: the baseline, and one starting split.
        var load = [Int](repeating: 0, count: nodeCount)
        var greedy = [Bool](repeating: false, count: pairs.count)
        let order = pairs.indices.sorted { a, c in
            let x = pairs[a], y = pairs[c]
            if x.weight != y.weight { return x.weight > y.weight }
            if x.requester != y.requester { return x.requester < y.requester }
            return x.offerer < y.offerer
        }
        for k in order {
            let r = Int(pairs[k].requester), o = Int(pairs[k].offerer)
            if load[r] < b && load[o] < b {
                load[r] += 1
                load[o] += 1
                greedy[k] = true
            }
        }
        func value(_ chosen: [Bool]) -> Int64 {
            var v: Int64 = 0
            for k in pairs.indices where chosen[k] { v += pairs[k].weight }
            return v
        }
        // 3. Role splits: each firm's `b` meetings divided into requester and offerer slots,
        // taken from a solution's b best meetings per firm, with the room left to one role;
        // the exact b-matching under a split keeps that solution feasible, so it never gets
        // worse. Start from the relaxation and from greedy; then alternate the room.
        func split(_ chosen: [Bool], roomToRequester: Bool) -> ([Int], [Int]) {
            var byNode = [[Int]](repeating: [], count: nodeCount)
            for k in pairs.indices where chosen[k] {
                byNode[Int(pairs[k].requester)].append(k)
                byNode[Int(pairs[k].offerer)].append(k)
            }
            var capR2 = [Int](repeating: 0, count: n)
            var capO2 = [Int](repeating: b, count: nodeCount)  // organizations only offer
            for v in 0..<n {
                let list = byNode[v].sorted { a, c in
                    pairs[a].weight != pairs[c].weight ? pairs[a].weight > pairs[c].weight : a < c
                }
                var req = 0
                var off = 0
                for k in list.prefix(b) {
                    if Int(pairs[k].requester) == v { req += 1 } else { off += 1 }
                }
                let room = b - req - off
                capR2[v] = req + (roomToRequester ? room : 0)
                capO2[v] = off + (roomToRequester ? 0 : room)
            }
            return (capR2, capO2)
        }
        func solve(_ caps: ([Int], [Int])) -> [Bool] {
            MatchAssignment.maximumWeight(pairs: pairs, requesterCapacity: caps.0, offererCapacity: caps.1)
        }
        var chosen = greedy
        var bestValue = value(greedy)
        for start in [relaxed, greedy] {
            let c = solve(split(start, roomToRequester: true))
            let v = value(c)
            if v > bestValue {
                chosen = c
                bestValue = v
            }
        }
        var rounds = 0
        var improved = true
        while improved && rounds < 6 {
            improved = false
            rounds += 1
            for room in [false, true] {
                let c = solve(split(chosen, roomToRequester: room))
                let v = value(c)
                if v > bestValue {
                    chosen = c
                    bestValue = v
                    improved = true
                }
            }
        }
        let greedyTotal = value(greedy)
        let greedyCount = greedy.filter { $0 }.count
        var meetings: [MatchAgenda.Meeting] = []
        var total: Int64 = 0
        var selected = pairs.indices.filter { chosen[$0] }
        selected.sort { a, c in
            let x = pairs[a], y = pairs[c]
            if x.requester != y.requester { return x.requester < y.requester }
            if x.weight != y.weight { return x.weight > y.weight }
            return x.offerer < y.offerer
        }
        for k in selected {
            total += pairs[k].weight
            let (c, d, f) = pairInfo[k]
            let s = suggestion(for: f, direction: d, c)
            meetings.append(
                MatchAgenda.Meeting(
                    requester: s.requester, requesterName: park.firms[Int(f)].name, offerer: s.offerer,
                    offererName: s.candidateName, suggestion: s))
        }
        return MatchAgenda(
            meetings: meetings, candidatePairs: pairs.count, total: Double(total) / 1e6,
            greedyTotal: Double(greedyTotal) / 1e6,
            greedyMeetings: greedyCount, upperBound: Double(upper) / 1e6, perFirm: b)
    }
}
