@_spi(Internals) import ChainModel

extension ParkDiff {
    /// Links grouped by supplier (old positions), then by buyer: a counting sort, so the
    /// comparison is linear in the links and never hashes a string per link.
    private struct LinkGroups {
        /// `order[offsets[s] ..< offsets[s + 1]]`: links of supplier `s`, by buyer then index.
        var offsets: [Int32]
        var order: [Int32]
        /// Buyer key of each link (old position), or -1 when the link cannot be matched.
        var buyer: [Int32]

        init(supplier: [Int32], buyer: [Int32], firms: Int) {
            var offsets = [Int32](repeating: 0, count: firms + 1)
            for (i, s) in supplier.enumerated() where s >= 0 && buyer[i] >= 0 { offsets[Int(s) + 1] += 1 }
            for f in 0..<firms { offsets[f + 1] += offsets[f] }
            var fill = offsets
            var order = [Int32](repeating: 0, count: Int(offsets[firms]))
            for (i, s) in supplier.enumerated() where s >= 0 && buyer[i] >= 0 {
                order[Int(fill[Int(s)])] = Int32(i)
                fill[Int(s)] += 1
            }
            // Each supplier's links by buyer, then position (deterministic).
            for f in 0..<firms {
                let lo = Int(offsets[f]), hi = Int(offsets[f + 1])
                if hi - lo < 2 { continue }
                order[lo..<hi].sort { x, y in
                    let bx = buyer[Int(x)], by = buyer[Int(y)]
                    return bx != by ? bx < by : x < y
                }
            }
            self.offsets = offsets
            self.order = order
            self.buyer = buyer
        }
    }

    /// Links added, removed and changed, and the positions of new links that are active now
    /// and were not before (for pairings that turned into supply).
    ///
    /// - Complexity: O(F + L) plus sorting each supplier's links by buyer.
    static func linkChanges(old: Park, new: Park, match: FirmMatch) -> (changes: LinkChanges, won: [Int32]) {
        let oldRes = old.resolution, newRes = new.resolution
        // New links' ends in old positions (-1: a firm the old park does not have).
        var newSupplier = newRes.linkSupplier, newBuyer = newRes.linkBuyer
        for i in newSupplier.indices {
            let s = newSupplier[i], b = newBuyer[i]
            newSupplier[i] = s >= 0 ? match.newToOld[Int(s)] : -1
            newBuyer[i] = b >= 0 ? match.newToOld[Int(b)] : -1
        }
        var oldSupplier = oldRes.linkSupplier, oldBuyer = oldRes.linkBuyer
        for i in oldSupplier.indices {
            // Links of a firm whose id changed meaning cannot be matched.
            if oldSupplier[i] >= 0 && match.changed[Int(oldSupplier[i])] { oldSupplier[i] = -1 }
            if oldBuyer[i] >= 0 && match.changed[Int(oldBuyer[i])] { oldBuyer[i] = -1 }
        }
        let firms = old.firms.count
        let og = LinkGroups(supplier: oldSupplier, buyer: oldBuyer, firms: firms)
        let ng = LinkGroups(supplier: newSupplier, buyer: newBuyer, firms: firms)
        var oldMatched = [Int32](repeating: -1, count: old.links.count)
        var newMatched = [Int32](repeating: -1, count: new.links.count)
        var pending: [Int32] = []
        for s in 0..<firms {
            var i = Int(og.offsets[s]), j = Int(ng.offsets[s])
            let iEnd = Int(og.offsets[s + 1]), jEnd = Int(ng.offsets[s + 1])
            while i < iEnd && j < jEnd {
                let bo = og.buyer[Int(og.order[i])], bn = ng.buyer[Int(ng.order[j])]
                if bo < bn { i += 1; continue }
                if bn < bo { j += 1; continue }
                var i2 = i, j2 = j
                while i2 < iEnd && og.buyer[Int(og.order[i2])] == bo { i2 += 1 }
                while j2 < jEnd && ng.buyer[Int(ng.order[j2])] == bn { j2 += 1 }
                // One pair of firms: by id where both links have one, then by product, in order.
                pending.removeAll(keepingCapacity: true)
                for k in j..<j2 { pending.append(ng.order[k]) }
                for pass in 0..<2 {
                    for k in i..<i2 {
                        let o = og.order[k]
                        if oldMatched[Int(o)] >= 0 { continue }
                        let lo = old.links[Int(o)]
                        for (pi, n) in pending.enumerated() where n >= 0 {
                            let ln = new.links[Int(n)]
                            let same =
                                pass == 0
                                ? (lo.id != nil && lo.id == ln.id)
                                : ((lo.id == nil || ln.id == nil) && lo.product == ln.product)
                            if same {
                                oldMatched[Int(o)] = n
                                newMatched[Int(n)] = o
                                pending[pi] = -1
                                break
                            }
                        }
                    }
                }
                i = i2
                j = j2
            }
        }

        func change(_ o: Int?, _ n: Int?) -> LinkChange {
            let lo = o.map { old.links[$0] }, ln = n.map { new.links[$0] }
            let l = ln ?? lo
            return LinkChange(
                id: l?.id, supplier: l?.supplier ?? "", buyer: l?.buyer ?? "", product: l?.product,
                statusBefore: lo?.status, statusAfter: ln?.status, valueBefore: lo?.value, valueAfter: ln?.value)
        }
        var added: [LinkChange] = [], removed: [LinkChange] = [], status: [LinkChange] = [], value: [LinkChange] = []
        var transitions: [String: Int] = [:]
        var won: [Int32] = []
        for n in new.links.indices {
            let o = newMatched[n]
            let ln = new.links[n]
            if o < 0 {
                added.append(change(nil, n))
                if ln.status == .active { won.append(Int32(n)) }
                continue
            }
            let lo = old.links[Int(o)]
            if lo.status != ln.status {
                status.append(change(Int(o), n))
                transitions[lo.status.rawValue + "->" + ln.status.rawValue, default: 0] += 1
                if ln.status == .active { won.append(Int32(n)) }
            }
            if lo.value != ln.value { value.append(change(Int(o), n)) }
        }
        for o in old.links.indices where oldMatched[o] < 0 { removed.append(change(o, nil)) }
        return (
            LinkChanges(
                added: added, removed: removed, statusChanged: status, valueChanged: value, transitions: transitions),
            won
        )
    }
}
