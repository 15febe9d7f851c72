import ArgumentParser
import ChainModel

/// `chainmap samples`: the bundled parks.
struct SamplesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samples",
        abstract: "List the bundled sample parks (usable by name in every command).",
        discussion: """
            Examples:
              chainmap samples
              chainmap info yihuang-plastics
            """)

    func run() throws {
        var table = TextTable(["name", "firms", "links", "park", "file"], alignments: [.left, .right, .right, .left, .left])
        for name in Samples.names {
            guard let path = Samples.path(name), let loaded = try? ParkLoader.load(path: path) else {
                table.add([name, "-", "-", "(not installed)", ""])
                continue
            }
            table.add([name, String(loaded.park.firms.count), String(loaded.park.links.count), loaded.park.name, path])
        }
        Console.out(table.render())
    }
}
