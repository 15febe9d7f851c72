import ChainModel
import Foundation
import Testing

/// Determinism across processes. Swift seeds its hashing anew in every process, so two runs in
/// one process share one `Set`/`Dictionary` iteration order and cannot see output that depends
/// on it. Here every command runs as two separate `chainmap` processes, one with
/// `SWIFT_DETERMINISTIC_HASHING=1` (seed 0) and one with the default random seed, and their
/// output must be equal byte for byte.
@Suite("Cross-process determinism")
struct CrossProcessDeterminismTests {
    /// Runs `arguments` in two processes with different hash seeds; both must succeed.
    static func twice(_ arguments: [String]) throws -> (CLIResult, CLIResult) {
        let fixed = try CLI.run(arguments, environment: ["SWIFT_DETERMINISTIC_HASHING": "1"])
        let random = try CLI.run(arguments, environment: ["SWIFT_DETERMINISTIC_HASHING": ""])
        #expect(fixed.status == 0, "\(arguments): \(fixed.stderr)")
        #expect(random.status == 0, "\(arguments): \(random.stderr)")
        return (fixed, random)
    }

    /// Every report of one park, as JSON (and the map as DOT).
    static func commands(_ park: String) throws -> [[String]] {
        let path = SampleFiles.path(park)
        let firm = try #require(try ParkLoader.load(path: path).park.firms.first?.id)
        return [
            ["info", park, "--format", "json"],
            ["validate", park, "--format", "json"],
            ["rank", park, "--by", "pagerank", "--top", "0", "--format", "json"],
            ["rank", park, "--by", "betweenness", "--top", "0", "--format", "json"],
            ["structure", park, "--format", "json"],
            ["gaps", park, "--format", "json"],
            ["whatif", park, "--remove", firm, "--format", "json"],
            ["match", "agenda", park, "--format", "json"],
            ["match", "firm", park, "--firm", firm, "--format", "json"],
            ["gaps", park],
            ["orgs", park, "--format", "csv"],
            ["orgs", park, "--suggest-joint", "--format", "json"],
            ["map", park, "--format", "dot"],
            ["map", park, "--aggregate", "stage", "--format", "dot"],
        ]
    }

    /// The smallest sample, every command: part of the quick run.
    @Test func reportsOfOneSampleAreTheSameInEveryProcess() throws {
        for arguments in try Self.commands("jinchang-battery") {
            let (a, b) = try Self.twice(arguments)
            #expect(a.stdout == b.stdout, "\(arguments) differs between two processes")
            #expect(!a.stdout.isEmpty, "\(arguments)")
        }
    }

    @Test(
        .tags(.slow), .enabled(if: Slow.allowed),
        arguments: ["beilun-nev", "ningxiang-storage", "wujin-machinery", "yihuang-plastics"])
    func reportsOfEverySampleAreTheSameInEveryProcess(_ sample: String) throws {
        for arguments in try Self.commands(sample) {
            let (a, b) = try Self.twice(arguments)
            #expect(a.stdout == b.stdout, "\(arguments) differs between two processes")
        }
    }

    /// Files written by the generator, the converters and the renderer (through the worker).
    @Test(.tags(.slow), .enabled(if: Slow.allowed))
    func writtenFilesAreTheSameInEveryProcess() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let jobs: [(name: String, arguments: [String])] = [
            ("generated.json", ["generate", "--firms", "2000", "--seed", "7", "--plant-gaps", "--format", "json"]),
            ("generated-csv", ["generate", "--firms", "2000", "--seed", "7", "--plant-gaps", "--format", "csv"]),
            ("beilun.graphml", ["convert", "beilun-nev", "--to", "graphml"]),
            ("beilun-csv", ["convert", "beilun-nev", "--to", "csv"]),
            (
                "yihuang.json",
                ["convert", SampleFiles.folder + "/yihuang-plastics", "--to", "json"]
            ),
            ("beilun.svg", ["map", "beilun-nev", "--format", "svg"]),
        ]
        for job in jobs {
            let first = folder.appendingPathComponent("a-" + job.name)
            let second = folder.appendingPathComponent("b-" + job.name)
            let a = try CLI.run(job.arguments + ["-o", first.path], environment: ["SWIFT_DETERMINISTIC_HASHING": "1"])
            let b = try CLI.run(job.arguments + ["-o", second.path], environment: ["SWIFT_DETERMINISTIC_HASHING": ""])
            #expect(a.status == 0 && b.status == 0, "\(job.arguments): \(a.stderr) \(b.stderr)")
            #expect(try Self.contents(first) == Self.contents(second), "\(job.name) differs between two processes")
        }
    }

    /// A file's bytes, or a folder's files' bytes by name.
    static func contents(_ url: URL) throws -> [String: Data] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return [:] }
        if !isFolder.boolValue { return ["": try Data(contentsOf: url)] }
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: url.path) {
            files[name] = try Data(contentsOf: url.appendingPathComponent(name))
        }
        return files
    }
}
