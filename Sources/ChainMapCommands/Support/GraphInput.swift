import ArgumentParser
import ChainAnalysis
import ChainGraph
import ChainModel
import ChainOutput

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
            default: throw Usage.unknownValue("--layer", String(word), ["supply", "pairing", "membership"])
            }
        }
        return result
    }

    /// The park's network over the chosen layers, or the edge list's.
    /// With `quiet`, no data-warnings note (see ``ParkOptions/load(quiet:)``).
    func load(quiet: Bool = false) throws -> NetworkInput {
        guard let path = input.source.path, NetworkInput.isEdgeList(path: path) else {
            return NetworkInput(park: try input.load(quiet: quiet).park, layers: try layers())
        }
        let progress = ProgressLine(
            StderrText.text(Message("cli.progress.reading", ["path": .text(input.displayName)])))
        defer { progress.finish() }
        return NetworkInput(edgeList: try EdgeListReader.read(path: path, options: .init(directed: !undirected)))
    }
}
