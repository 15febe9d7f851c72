import Foundation
import Testing

/// `-o /dev/stdout` once replaced the link (as root): OutputFile resolved it through
/// /proc/self/fd/1 and renamed a temporary file over the target. A path that names a file
/// descriptor is never resolved and renamed over: standard output streams, others are refused.
@Suite struct DescriptorOutputCLITests {
    static func isSymlink(_ path: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeSymbolicLink
    }

    @Test func devStdoutStreamsAndStaysALink() throws {
        let before = Self.isSymlink("/dev/stdout")
        let r = try CLI.run(["gaps", "beilun-nev", "-o", "/dev/stdout", "--no-warnings"])
        #expect(r.status == 0, "\(r.stderr)")
        let plain = try CLI.run(["gaps", "beilun-nev", "--no-warnings"])
        #expect(r.stdout == plain.stdout)
        #expect(Self.isSymlink("/dev/stdout") == before)
        // Even with --force, and for a binary format.
        let xlsx = try CLI.run([
            "gaps", "beilun-nev", "--format", "xlsx", "-o", "/dev/stdout", "--force", "--no-warnings",
        ])
        #expect(xlsx.status == 0, "\(xlsx.stderr)")
        #expect(xlsx.stdout.utf8.starts(with: "PK".utf8))
        #expect(Self.isSymlink("/dev/stdout") == before)
    }

    @Test func aLinkIntoProcSelfFdStreamsToo() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("out.txt").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/proc/self/fd/1")
        let r = try CLI.run(["info", "beilun-nev", "-o", link, "--force", "--no-warnings"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.isEmpty)
        #expect(Self.isSymlink(link))
    }

    @Test func otherDescriptorsAreRefused() throws {
        for path in ["/dev/stderr", "/dev/fd/2", "/proc/self/fd/0"] {
            let r = try CLI.run(["info", "beilun-nev", "-o", path, "--force", "--no-warnings"])
            #expect(r.status == 1, "\(path): \(r.stderr)")
            #expect(r.stderr.contains("文件描述符"), "\(path): \(r.stderr)")
        }
        #expect(Self.isSymlink("/dev/stderr"))
    }
}
