import ArgumentParser
import ChainGraph
import ChainModel
import Foundation

/// A graph to analyse: a park (its supply layer, or the layers asked for) or a plain edge
/// list (`u v [weight]` per line), with a display name for every node.
struct LoadedGraph {
    var graph: Graph
    /// Node ids: firm or organization ids, or edge-list labels.
    var ids: [String]
    /// Names to show: firm names for parks, labels for edge lists.
    var names: [String]
    /// The park, when the input was one.
    var park: Park?
    var parkGraph: ParkGraph?
}

/// The graph argument of graph verbs (`rank`, `structure`): a park or an edge list.
struct GraphOptions: ParsableArguments {
    @OptionGroup var input: ParkOptions

    @Option(help: "Edge layers to analyse for a park: supply, pairing, membership, comma-separated.")
    var layer: String = "supply"

    @Flag(help: "Read an edge list as undirected.")
    var undirected = false

    /// Edge-list files are recognised by extension (.txt .edges .el .tsv .edgelist) or by not
    /// starting with `{`; folders and .json files are parks.
    /// A pipe is never peeked at (that would eat its first bytes): it is a park only when
    /// named .json.
    static func isEdgeList(_ path: String) -> Bool {
        let ext = (path as NSString).pathExtension.lowercased()
        switch InputFile.kind(path) {
        case .success(.regular): break
        case .success(.stream): return ext != "json"
        case .success(.other): return ext != "json"  // the edge-list reader refuses it with the reason
        default: return false
        }
        if ["txt", "edges", "el", "tsv", "edgelist", "csv"].contains(ext) { return true }
        if ext == "json" { return false }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 64)) ?? Data()
        return head.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF) } != UInt8(ascii: "{")
    }

    func layers() throws -> Set<EdgeLayer> {
        var result = Set<EdgeLayer>()
        for word in layer.split(separator: ",") {
            switch word.trimmingCharacters(in: .whitespaces) {
            case "supply": result.insert(.supply)
            case "pairing": result.insert(.pairing)
            case "membership": result.insert(.membership)
            default: throw ValidationError("unknown layer '\(word)'; use supply, pairing or membership")
            }
        }
        return result
    }

    func load() throws -> LoadedGraph {
        let path = try input.resolvedPath()
        if Self.isEdgeList(path) {
            let progress = ProgressLine("Reading \(input.displayName)")
            do {
                let labeled = try EdgeListReader.read(path: path, options: .init(directed: !undirected))
                progress.finish()
                return LoadedGraph(graph: labeled.graph, ids: labeled.labels, names: labeled.labels)
            } catch {
                progress.finish()
                Console.err(error.description + "\n")
                throw ExitCode.failure
            }
        }
        let loaded = try input.load()
        let park = loaded.park
        let pg = ParkGraph(park, layers: try layers())
        var names = pg.ids
        for (i, firm) in park.firms.enumerated() where i < pg.firmCount { names[i] = firm.name }
        var orgName: [String: String] = [:]
        for o in park.organizations { orgName[o.id] = o.name }
        for i in pg.firmCount..<names.count { names[i] = orgName[pg.ids[i]] ?? pg.ids[i] }
        return LoadedGraph(graph: pg.graph, ids: pg.ids, names: names, park: park, parkGraph: pg)
    }
}
