import ChainModel
import Foundation
import Testing

/// Every verb reads a `.chainpark` snapshot like the park it was made from.
@Suite struct SnapshotCLITests {
    @Test func verbsGiveTheSameOutputOnASnapshot() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = SampleFiles.path("wujin-machinery")
        let snapshot = folder.appendingPathComponent("wujin.chainpark").path
        let converted = try CLI.run(["convert", source, "--to", "chainpark", "-o", snapshot])
        #expect(converted.status == 0, "\(converted.stderr)")
        let verbs: [[String]] = [
            ["info"], ["rank", "--by", "pagerank", "--top", "5"], ["structure"], ["gaps"],
            ["whatif", "--remove", "恒立液压"], ["orgs"], ["map", "--aggregate", "stage", "--format", "dot"],
            ["convert", "--to", "json"],
        ]
        for verb in verbs {
            let a = try CLI.run([verb[0], source] + verb.dropFirst())
            let b = try CLI.run([verb[0], snapshot] + verb.dropFirst())
            #expect(a.status == 0 && b.status == 0, "\(verb): \(b.stderr)")
            #expect(a.stdout == b.stdout, "\(verb)")
        }
    }

    @Test func aDamagedSnapshotIsRefusedWithTheFileAndAHint() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let snapshot = folder.appendingPathComponent("j.chainpark")
        #expect(try CLI.run(["convert", "jinchang-battery", "--to", "chainpark", "-o", snapshot.path]).status == 0)
        var bytes = try Data(contentsOf: snapshot)
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: snapshot)
        let r = try CLI.run(["info", snapshot.path, "--lang", "en"])
        #expect(r.status == 1)
        #expect(
            r.stderr.contains(
                "\(snapshot.path): error: not a readable park snapshot: the data is damaged (XXH64 checksum mismatch)"))
        #expect(r.stderr.contains("--to chainpark"))
    }
}
