import ChainModel

// Needs are compared by id and status only. When needs carry `raised` / `solved` dates
// (issue #14 item 4), "raised" and "solved between the two dates" can use them; this file is
// the one place to change.

extension ParkDiff {
    /// A need as it was and as it is.
    public struct NeedChange: Sendable, Equatable, Encodable {
        public var id: String
        public var firm: String
        public var kind: NeedKind
        public var statusBefore: NeedStatus?
        public var statusAfter: NeedStatus?
        public var text: String?
    }

    /// Needs between the two snapshots, by id and status: raised (new ids), solved (solved now,
    /// not before, new or old), still open (open or in progress in both), reopened (solved
    /// before, not now), removed (gone without being solved in the new data); each in
    /// snapshot order.
    public struct NeedChanges: Sendable, Equatable, Encodable {
        public var raised: [NeedChange]
        public var solved: [NeedChange]
        public var stillOpen: [NeedChange]
        public var reopened: [NeedChange]
        public var removed: [NeedChange]
    }

    /// - Complexity: O(needs of both snapshots), hashing each id once.
    static func needChanges(old: Park, new: Park, meaning: inout [MeaningChange]) -> NeedChanges {
        var oldIndex = [String: Int](minimumCapacity: old.needs.count)
        for (i, n) in old.needs.enumerated() where oldIndex[n.id] == nil { oldIndex[n.id] = i }
        var kept = [Bool](repeating: false, count: old.needs.count)
        var result = NeedChanges(raised: [], solved: [], stillOpen: [], reopened: [], removed: [])
        for n in new.needs {
            var was: Need?
            if let i = oldIndex[n.id], !kept[i] {
                let w = old.needs[i]
                if w.firm != n.firm && w.kind != n.kind {
                    meaning.append(MeaningChange(kind: .need, id: n.id, before: w.firm, after: n.firm))
                } else {
                    kept[i] = true
                    was = w
                }
            }
            let change = NeedChange(
                id: n.id, firm: n.firm, kind: n.kind, statusBefore: was?.status, statusAfter: n.status, text: n.text)
            if was == nil { result.raised.append(change) }
            let solvedBefore = was?.status == .solved
            if n.status == .solved && !solvedBefore { result.solved.append(change) }
            if n.status != .solved && was != nil && !solvedBefore { result.stillOpen.append(change) }
            if n.status != .solved && solvedBefore { result.reopened.append(change) }
        }
        for (i, w) in old.needs.enumerated() where !kept[i] {
            result.removed.append(
                NeedChange(id: w.id, firm: w.firm, kind: w.kind, statusBefore: w.status, statusAfter: nil, text: w.text)
            )
        }
        return result
    }
}
