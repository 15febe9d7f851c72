import Foundation
import Testing

/// Issue #15: what the commands write never replaces or deletes what ChainMap did not write,
/// and a failed or interrupted write leaves nothing behind.
@Suite struct OutputSafetyCLITests {
    let mini = CLI.fixtures.appendingPathComponent("good/mini.json").path

    /// `--force` on a folder used to delete everything in it.
    @Test func forceNeverDeletesFilesChainMapDidNotWrite() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "keep".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let r = try CLI.run(["convert", mini, "--to", "csv", "-o", ".", "--force"], in: folder)
        #expect(r.status == 1)
        #expect(r.stderr.contains("not part of a ChainMap bundle"))
        let items = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(items == ["notes.txt", "sub"])
    }

    @Test func forceReplacesABundleFolderAsAWhole() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("b").path
        #expect(try CLI.run(["convert", mini, "--to", "csv", "-o", out]).status == 0)
        let again = try CLI.run(["convert", mini, "--to", "csv", "-o", out])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already holds a CSV bundle"))
        #expect(try CLI.run(["convert", mini, "--to", "csv", "-o", out, "--force"]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).count == 8)
        // Nothing left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["b"])
    }

    /// `map -o` replaced whatever was at the path: a symlink became a regular file.
    @Test func mapFollowsTheOutputRule() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let real = folder.appendingPathComponent("real.dot").path
        let link = folder.appendingPathComponent("link.dot").path
        try "old".write(toFile: real, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.dot")
        let refused = try CLI.run(["map", mini, "--format", "dot", "-o", link])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("已存在"))
        #expect(try String(contentsOfFile: real, encoding: .utf8) == "old")
        let forced = try CLI.run(["map", mini, "--format", "dot", "-o", link, "--force"])
        #expect(forced.status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.dot")
        #expect(try String(contentsOfFile: real, encoding: .utf8).hasPrefix("digraph"))
        // Non-regular targets are refused even with --force.
        let fifo = folder.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o644) == 0)
        for target in [fifo, folder.path, "/dev/null"] {
            let r = try CLI.run(["map", mini, "--format", "dot", "-o", target, "--force"])
            #expect(r.status == 1, "\(target)")
            #expect(r.stderr.contains("not a regular file") || r.stderr.contains("是一个文件夹"), "\(r.stderr)")
        }
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
        #expect(lstat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR)
    }

    /// A failed write to standard output trapped (exit 132).
    @Test func fullStandardOutputIsAnErrorNotACrash() throws {
        for args in [
            ["info", mini], ["rank", mini], ["convert", mini, "--to", "json"], ["map", mini, "--format", "dot"],
        ] {
            let r = try Self.runShell(CLI.executable?.path ?? "chainmap", args, redirect: "> /dev/full")
            #expect(r.status == 1, "\(args)")
            #expect(
                r.stderr.contains("cannot write to standard output (No space left on device)"), "\(args): \(r.stderr)")
        }
    }

    /// A reader that goes away (`| head -1`) ends the program quietly.
    @Test func closedPipeEndsQuietly() throws {
        let r = try Self.runShell(
            CLI.executable?.path ?? "chainmap", ["convert", mini, "--to", "json"],
            redirect: "| head -c 1 >/dev/null; exit ${PIPESTATUS[0]}")
        #expect(r.status == 0)
        #expect(!r.stderr.contains("Fatal") && !r.stderr.contains("error"))
    }

    /// An interrupted `map -o` left its hidden temporary file behind.
    @Test func interruptedWriteLeavesNoTemporaryFile() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (args, name) in [
            (["map", mini, "--format", "dot", "-o", "m.dot"], "m.dot"),
            (["convert", mini, "--to", "csv", "-o", "b"], "b"),
        ] {
            let exe = try #require(CLI.executable)
            let process = Process()
            // The test runner may hand its children SIGTERM ignored; restore the default.
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["--default-signal=TERM", exe.path] + args
            process.currentDirectoryURL = folder
            process.environment = ProcessInfo.processInfo.environment.merging(["CHAINMAP_TEST_STALL_WRITE": "1"]) { $1 }
            let err = Pipe()
            process.standardError = err
            try process.run()
            // Wait for the temporary to exist (the knob stalls right after writing it).
            var sawTemporary = false
            for _ in 0..<3000 {
                let items = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
                if items.contains(where: { $0.hasPrefix(".\(name).chainmap-") }) { sawTemporary = true; break }
                usleep(5000)
            }
            #expect(sawTemporary)
            usleep(100_000)
            process.terminate()
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [], "\(args)")
        }
    }

    static func runShell(_ exe: String, _ args: [String], redirect: String) throws -> CLIResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        let quoted = ([exe] + args).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(
            separator: " ")
        process.arguments = ["-c", quoted + " " + redirect]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus, stdout: "", stderr: String(decoding: data, as: UTF8.self))
    }
}

/// Issue #15 (5): values that passed validation summed to infinity and trapped.
@Suite struct HugeValueCLITests {
    @Test func hugeOutputsAreRefusedNotATrap() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var firms = "id,name,output\n"
        for i in 0..<4 { firms += "f\(i),F\(i),1e308\n" }
        try firms.write(to: folder.appendingPathComponent("firms.csv"), atomically: true, encoding: .utf8)
        for verb in [["info"], ["info", "--format", "json"], ["gaps"], ["orgs"], ["whatif", "--remove", "f0"]] {
            let r = try CLI.run([verb[0], folder.path] + verb.dropFirst())
            #expect(r.status == 1, "\(verb)")
            #expect(r.stderr.contains("超过上限 1000000000000000"), "\(verb): \(r.stderr)")
        }
        // At the maximum every aggregate stays finite and printable.
        firms = "id,name,output\n"
        for i in 0..<4 { firms += "f\(i),F\(i),1000000000000000\n" }
        try firms.write(to: folder.appendingPathComponent("firms.csv"), atomically: true, encoding: .utf8)
        for verb in [["info"], ["info", "--format", "json"], ["gaps"], ["orgs"], ["whatif", "--remove", "f0"]] {
            let r = try CLI.run([verb[0], folder.path, "--no-warnings"] + verb.dropFirst())
            #expect(r.status == 0, "\(verb): \(r.stderr)")
            #expect(!r.stdout.contains("inf"), "\(verb)")
        }
    }
}
