import ChainGraph
import ChainModel
import Foundation

/// The network a graph verb (`rank`, `structure`) works on: a park's chosen layers, or a plain
/// edge list (`u v [weight]` per line), with what people need to read each node: its id, its
/// name, and for firms their stages and chain-leader mark.
public struct NetworkInput: Sendable {
    public var graph: Graph
    /// Node ids: firm or organization ids, or edge-list labels.
    public var ids: [String]
    /// Nodes below this index are firms; the rest are organizations (all nodes for an edge list).
    public var firmCount: Int
    /// Names of the organization nodes (`firmCount...`), for parks with those layers.
    private var organizationNames: [String]
    /// The park, when the input was one (nil for an edge list).
    public var park: Park?
    /// Whether the input was a park (else an edge list).
    public var isPark: Bool { park != nil }

    /// A park's network over `layers` (firms first, then organizations on the membership or
    /// pairing layers).
    ///
    /// - Complexity: O(firms + links + organizations).
    public init(park: Park, layers: Set<EdgeLayer> = [.supply]) {
        let pg = ParkGraph(park, layers: layers)
        graph = pg.graph
        ids = pg.ids
        firmCount = pg.firmCount
        self.park = park
        var orgName: [String: String] = [:]
        if pg.ids.count > pg.firmCount { for o in park.organizations { orgName[o.id] = o.name } }
        organizationNames = pg.ids[pg.firmCount...].map { orgName[$0] ?? $0 }
    }

    /// An edge list's network: labels are ids and names.
    public init(edgeList labeled: LabeledGraph) {
        graph = labeled.graph
        ids = labeled.labels
        firmCount = labeled.labels.count
        park = nil
        organizationNames = []
    }

    /// Whether `path` names an edge list rather than a park: a regular file with an edge-list
    /// extension (.txt .edges .el .tsv .edgelist .csv), or any other non-JSON file whose first
    /// visible byte is not `{`. Folders and `.json` files are parks. A pipe is never peeked at
    /// (that would eat its first bytes): it is a park only when named `.json`.
    public static func isEdgeList(path: String) -> Bool {
        let ext = (path as NSString).pathExtension.lowercased()
        switch InputFile.kind(path) {
        case .success(.regular): break
        case .success(.stream): return ext != "json"
        case .success(.other): return ext != "json"  // the edge-list reader refuses it with the reason
        default: return false
        }
        if ["txt", "edges", "el", "tsv", "edgelist", "csv"].contains(ext) { return true }
        if ext == "json" || ext == ParkSnapshot.fileExtension { return false }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 64)) ?? Data()
        if ParkSnapshot.hasMagic(head) { return false }  // a park snapshot under another name
        let visible = head.first {
            !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF)
        }
        return visible != UInt8(ascii: "{")
    }

    /// The node's id and name.
    public func ref(_ node: Int32) -> NodeRef { NodeRef(id: ids[Int(node)], name: name(of: Int(node))) }

    // What people read about a node, looked up for the nodes shown only (a ranking shows
    // 20 of a million): no per-node arrays of names and stage texts are built.

    /// The name to show: the firm's or organization's name for a park, the label for an edge
    /// list. - Complexity: O(1).
    public func name(of node: Int) -> String {
        guard let park else { return ids[node] }
        return node < firmCount ? park.firms[node].name : organizationNames[node - firmCount]
    }

    /// A firm node's stage names, `/`-joined in the firm's order (empty for other nodes and
    /// edge lists). - Complexity: O(stages of the park).
    public func stageNames(of node: Int) -> String {
        guard let park, node < firmCount else { return "" }
        return park.firms[node].stages.compactMap { id in
            park.chains.lazy.flatMap(\.stages).first { $0.id == id }?.name
        }.joined(separator: "/")
    }

    /// Whether a node is a chain leader (false for other nodes and edge lists).
    public func isLeader(_ node: Int) -> Bool {
        guard let park, node < firmCount else { return false }
        return park.firms[node].isChainLeader
    }
}

/// A node as reports name it: its id and its name (the same for edge-list labels).
public struct NodeRef: Sendable, Hashable, Encodable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

extension NetworkInput {
    /// The nodes a file of node ids or labels names, one per line (`#` starts a comment), for
    /// betweenness from chosen sources.
    ///
    /// - Throws: ``SourceListError`` with every unknown name and its line, or when the file
    ///   cannot be read or lists nothing.
    /// - Complexity: O(nodes + lines).
    public func sources(fromFile path: String) throws(SourceListError) -> [Int32] {
        let bytes: [UInt8]
        switch InputFile.read(path, allowStream: true, limit: 1 << 30) {
        case .success(let b): bytes = b
        case .failure(let problem): throw SourceListError(diagnostics: [problem.diagnostic(file: path)])
        }
        var index: [String: Int32] = [:]
        index.reserveCapacity(ids.count)
        for (i, id) in ids.enumerated() { index[id] = Int32(i) }
        var result: [Int32] = []
        var problems: [Diagnostic] = []
        for (n, line) in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
        {
            let word = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if word.isEmpty || word.hasPrefix("#") { continue }
            if let v = index[word] {
                result.append(v)
            } else if problems.count < 100 {
                problems.append(
                    Diagnostic(
                        .error, file: path, line: n + 1, "unknown node \"\(word)\"",
                        hint: "use ids of the park or labels of the edge list"
                    )
                    .with(
                        Message("problem.sources.unknownNode", ["node": .text(word)]),
                        hint: "problem.sources.unknownNode.hint"))
            }
        }
        if result.isEmpty && problems.isEmpty {
            problems.append(
                Diagnostic(.error, file: path, "no sources listed", hint: "one node id or label per line")
                    .with("problem.sources.empty", hint: "problem.sources.empty.hint"))
        }
        if !problems.isEmpty { throw SourceListError(diagnostics: problems) }
        return result
    }
}

/// A `--sources` file that names nodes the network does not have, or none.
public struct SourceListError: ChainMapError {
    public var diagnostics: [Diagnostic]
}
