import ChainAnalysis
import Testing

/// The vocabulary, the b-matching and the evaluation metrics on tiny hand-computed cases.
@Suite struct MatchAlgorithmTests {
    @Test func automationWordsMeanOneConcept() {
        let v = MatchVocabulary.standard
        for word in ["自动化", "automation", "自动化改造", "自动化研发", "设备自动化", "Automation"] {
            #expect(v.concepts(of: word) == ["automation"], "\(word)")
        }
        #expect(v.concepts(of: "齿轮加工") == ["machining"])  // longest keyword wins (not 齿轮, transmission)
        #expect(v.concepts(of: "PP粒料") == ["pp", "resin"])
        #expect(v.concepts(of: "support") == ["=support"])  // `pp` only as a word
        #expect(v.concepts(of: "电火花烧毛技术改造") == ["=电火花烧毛技术"])  // one suffix stripped
        #expect(v.concepts(of: "就近配套") == [])  // a modifier
        #expect(v.concepts(of: ["r&d", "研发中心"]) == ["=研发", "rnd"])
    }

    @Test func bMatchingBeatsGreedyOnAHandMadeCase() {
        // Requesters A=0, B=1; offerers X=0, Y=1; one meeting each.
        // Greedy takes A–X (10) and is left with B–Y (1): 11. Optimal: A–Y + B–X = 9 + 8 = 17.
        let pairs = [
            MatchAssignment.Pair(requester: 0, offerer: 0, weight: 10),
            MatchAssignment.Pair(requester: 0, offerer: 1, weight: 9),
            MatchAssignment.Pair(requester: 1, offerer: 0, weight: 8),
            MatchAssignment.Pair(requester: 1, offerer: 1, weight: 1),
        ]
        let optimal = MatchAssignment.maximumWeight(pairs: pairs, requesterCapacity: [1, 1], offererCapacity: [1, 1])
        let greedy = MatchAssignment.greedy(pairs: pairs, requesterCapacity: [1, 1], offererCapacity: [1, 1])
        #expect(optimal == [false, true, true, false])
        #expect(greedy == [true, false, false, true])
        func total(_ chosen: [Bool]) -> Int64 { zip(pairs, chosen).reduce(0) { $0 + ($1.1 ? $1.0.weight : 0) } }
        #expect(total(optimal) == 17)
        #expect(total(greedy) == 11)
    }

    @Test func bMatchingLeavesSlotsEmptyWhenThatPays() {
        // Taking A–Y (2) would force nothing else, but A–X (5) + B–Y (4) = 9 > 2 + … ;
        // and B's second slot stays empty (no third offerer).
        let pairs = [
            MatchAssignment.Pair(requester: 0, offerer: 0, weight: 5),
            MatchAssignment.Pair(requester: 0, offerer: 1, weight: 2),
            MatchAssignment.Pair(requester: 1, offerer: 1, weight: 4),
        ]
        let chosen = MatchAssignment.maximumWeight(pairs: pairs, requesterCapacity: [2, 2], offererCapacity: [1, 1])
        #expect(chosen == [true, false, true])
    }

    @Test func bMatchingIsOptimalOnRandomSmallCases() {
        var state: UInt64 = 12345
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<300 {
            let nr = 1 + next(4), no = 1 + next(4)
            let capR = (0..<nr).map { _ in 1 + next(2) }
            let capO = (0..<no).map { _ in 1 + next(2) }
            var pairs: [MatchAssignment.Pair] = []
            var used = Set<Int>()
            for _ in 0..<(1 + next(9)) {
                let r = next(nr), o = next(no)
                guard used.insert(r * 10 + o).inserted else { continue }
                pairs.append(MatchAssignment.Pair(requester: Int32(r), offerer: Int32(o), weight: Int64(1 + next(20))))
            }
            var best: Int64 = 0
            for mask in 0..<(1 << pairs.count) {
                var lr = [Int](repeating: 0, count: nr), lo = [Int](repeating: 0, count: no)
                var w: Int64 = 0
                var ok = true
                for (k, p) in pairs.enumerated() where mask & (1 << k) != 0 {
                    lr[Int(p.requester)] += 1
                    lo[Int(p.offerer)] += 1
                    w += p.weight
                    if lr[Int(p.requester)] > capR[Int(p.requester)] || lo[Int(p.offerer)] > capO[Int(p.offerer)] {
                        ok = false
                    }
                }
                if ok { best = max(best, w) }
            }
            let chosen = MatchAssignment.maximumWeight(pairs: pairs, requesterCapacity: capR, offererCapacity: capO)
            var lr = [Int](repeating: 0, count: nr), lo = [Int](repeating: 0, count: no)
            var got: Int64 = 0
            for (k, p) in pairs.enumerated() where chosen[k] {
                lr[Int(p.requester)] += 1
                lo[Int(p.offerer)] += 1
                got += p.weight
            }
            #expect(zip(lr, capR).allSatisfy { $0 <= $1 } && zip(lo, capO).allSatisfy { $0 <= $1 })
            #expect(got == best, "\(pairs) capR \(capR) capO \(capO)")
        }
    }

    @Test func metricsOnAHandComputedCase() {
        let m = MatchEvaluation.metrics(ranked: [5, 3, 9], relevant: [3, 7], k: 2)
        #expect(m.precision == 0.5)  // 1 hit in the first 2
        #expect(m.recall == 0.5)  // 1 of 2 relevant
        #expect(m.reciprocalRank == 0.5)  // first relevant at rank 2
        let ten = MatchEvaluation.metrics(ranked: [5, 3, 9, 7], relevant: [3, 7], k: 10)
        #expect(ten.precision == 0.2)
        #expect(ten.recall == 1)
        #expect(ten.reciprocalRank == 0.5)
        let none = MatchEvaluation.metrics(ranked: [1, 2], relevant: [3], k: 10)
        #expect(none.precision == 0 && none.recall == 0 && none.reciprocalRank == 0)
    }
}
