import Foundation
import PackagePlugin

/// Embeds a target's data files into the target as Swift source, so that a `chainmap` binary
/// copied or installed anywhere still has them: the bundled sample parks (`Samples/*.json` of
/// ChainModel, as `EmbeddedSamples`) and the matching vocabulary (`Resources/*.tsv` of
/// ChainAnalysis, as `EmbeddedResources`).
@main
struct EmbedSamples: BuildToolPlugin {
    /// Folder of the target, the enum the generated file declares, and the file endings read.
    static let folders: [(folder: String, name: String, endings: [String])] = [
        ("Samples", "EmbeddedSamples", [".json"]),
        ("Resources", "EmbeddedResources", [".tsv", ".json"]),
    ]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        var commands: [Command] = []
        for (folder, name, endings) in Self.folders {
            let directory = target.directoryURL.appending(path: folder)
            // The folder is a copied or excluded resource, so its files are not among the
            // target's sources.
            guard let all = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { continue }
            let names = all.filter { file in endings.contains { file.hasSuffix($0) } }.sorted()
            let inputs = names.map { directory.appending(path: $0) }
            let output = context.pluginWorkDirectoryURL.appending(path: name + ".swift")
            commands.append(.buildCommand(
                displayName: "Embedding \(inputs.count) files of \(folder) as \(name)",
                executable: try context.tool(named: "SampleEmbedder").url,
                arguments: [output.path, "--enum", name] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]))
        }
        return commands
    }
}
