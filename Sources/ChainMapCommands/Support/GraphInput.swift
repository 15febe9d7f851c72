import ArgumentParser
import ChainAnalysis
import ChainGraph
import ChainModel

/// The graph argument of graph verbs (`rank`, `structure`): a park or an edge list.
struct GraphOptions: ParsableArguments {
    @OptionGroup var input: ParkOptions

    @Option(help: "Edge layers to analyse for a park: supply, pairing, membership, comma-separated.")
    var layer: String = "supply"

    @Flag(help: "Read an edge list as undirected.")
    var undirected = false

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

    /// The park's network over the chosen layers, or the edge list's.
    func load() throws -> NetworkInput {
        let path = try input.resolvedPath()
        guard NetworkInput.isEdgeList(path: path) else {
            return NetworkInput(park: try input.load().park, layers: try layers())
        }
        let progress = ProgressLine("Reading \(input.displayName)")
        defer { progress.finish() }
        return NetworkInput(edgeList: try EdgeListReader.read(path: path, options: .init(directed: !undirected)))
    }
}
