import Foundation

/// Why a firm could not be found from what a user typed.
public struct FirmLookupError: Error, Sendable, Equatable, CustomStringConvertible {
    public var query: String
    /// Firms that matched when the query was ambiguous (id and name), at most ten.
    public var candidates: [(id: String, name: String)]

    public static func == (a: FirmLookupError, b: FirmLookupError) -> Bool {
        a.query == b.query && a.candidates.map(\.id) == b.candidates.map(\.id)
    }

    public var description: String {
        if candidates.isEmpty {
            return
                "no firm \"\(query)\": give a firm id or (part of) its name; `chainmap info` lists the stages, the park file lists the firms"
        }
        let list = candidates.map { "\($0.id) (\($0.name))" }.joined(separator: ", ")
        return "\"\(query)\" matches several firms: \(list); give the id or more of the name"
    }
}

extension Park {
    /// The firm a user means by `query`: an exact id, else an exact name, else the only firm
    /// whose name contains `query` (so `创泰活塞` finds `江西创泰活塞制造有限公司`).
    /// - Complexity: O(firms).
    public func firm(matching query: String) throws(FirmLookupError) -> Firm {
        let q = query.trimmingCharacters(in: .whitespaces)
        if let f = firms.first(where: { $0.id == q }) { return f }
        if let f = firms.first(where: { $0.name == q }) { return f }
        let hits = q.isEmpty ? [] : firms.filter { $0.name.contains(q) || $0.id.lowercased() == q.lowercased() }
        if hits.count == 1 { return hits[0] }
        throw FirmLookupError(query: query, candidates: hits.prefix(10).map { ($0.id, $0.name) })
    }
}
