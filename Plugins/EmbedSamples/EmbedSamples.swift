import Foundation
import PackagePlugin

/// Embeds data files into a target as Swift source, so that a `chainmap` binary copied or
/// installed anywhere still has them: the bundled sample parks (the package's top-level
/// `samples/*.json`, into ChainModel as `EmbeddedSamples`) and the matching vocabulary
/// (ChainAnalysis's `Resources/*.tsv`, as `EmbeddedResources`). The files are the commands'
/// inputs, so editing one rebuilds the target.
@main
struct EmbedSamples: BuildToolPlugin {
    /// Where a folder lives: in the package's directory or in the target's.
    enum Base {
        case package, target
    }

    /// The target the folder is embedded into (nil: any target using the plugin that has it),
    /// where the folder lives, the enum the generated file declares, and the file endings read.
    static let folders: [(target: String?, base: Base, folder: String, name: String, endings: [String])] = [
        ("ChainModel", .package, "samples", "EmbeddedSamples", [".json"]),
        (nil, .target, "Resources", "EmbeddedResources", [".tsv", ".json"]),
    ]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        var commands: [Command] = []
        for (owner, base, folder, name, endings) in Self.folders where owner == nil || owner == target.name {
            let root = base == .package ? context.package.directoryURL : target.directoryURL
            let directory = root.appending(path: folder)
            // The folder is outside the target or an excluded resource, so its files are not
            // among the target's sources.
            guard let all = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { continue }
            let names = all.filter { file in endings.contains { file.hasSuffix($0) } }.sorted()
            let inputs = names.map { directory.appending(path: $0) }
            let output = context.pluginWorkDirectoryURL.appending(path: name + ".swift")
            commands.append(
                .buildCommand(
                    displayName: "Embedding \(inputs.count) files of \(folder) as \(name)",
                    executable: try context.tool(named: "SampleEmbedder").url,
                    arguments: [output.path, "--enum", name] + inputs.map(\.path),
                    inputFiles: inputs,
                    outputFiles: [output]))
        }
        return commands
    }
}
