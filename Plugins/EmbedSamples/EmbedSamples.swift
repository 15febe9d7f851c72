import Foundation
import PackagePlugin

/// Embeds the bundled sample parks (`Samples/*.json` of the target) into the target as Swift
/// source, so that a `chainmap` binary copied or installed anywhere still has them.
@main
struct EmbedSamples: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let samples = target.directoryURL.appending(path: "Samples")
        // The folder is a copied resource, so its files are not among the target's sources.
        let names = try FileManager.default.contentsOfDirectory(atPath: samples.path).filter { $0.hasSuffix(".json") }.sorted()
        let inputs = names.map { samples.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedSamples.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) sample parks",
                executable: try context.tool(named: "SampleEmbedder").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}
