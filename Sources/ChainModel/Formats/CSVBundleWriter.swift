import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Writes a park as a CSV bundle by streaming rows into each file in chunks: the same bytes
/// as ``ParkWriter/write(_:format:to:overwrite:)`` with `.csv` (columns, quoting, BOM, CRLF,
/// `|` lists), without building whole files in memory. Firms and links, the big files, have
/// hand-written row encoders; the other kinds go through the shared record coding.
///
/// ```swift
/// try CSVBundleWriter.write(park, to: "/tmp/p1m")
/// ```
/// - Complexity: O(size of the park); memory O(chunk size) beyond the park.
public enum CSVBundleWriter {
    /// Names of the files a bundle folder may hold: the record files and what `generate`
    /// adds. A folder holding anything else is not a ChainMap bundle and is never replaced.
    public static let bundleFileNames: Set<String> = Set(RecordKind.allCases.map(\.csvFile)).union(["planted-gaps.json"]
    )

    /// Writes the bundle into a folder at `path`, atomically (filled aside, then renamed),
    /// with `extraFiles` added.
    ///
    /// The folder rule (the folder counterpart of ``OutputFile``): a new or empty folder is
    /// filled; a folder holding a ChainMap bundle (only ``bundleFileNames``) is replaced as a
    /// whole when `overwrite` (`--force`); a folder holding anything else is refused even with
    /// `overwrite`, so no file ChainMap did not write is ever removed. A symbolic link to a
    /// folder is followed; a file, device or other non-folder is refused.
    public static func write(
        _ park: Park, to path: String, extraFiles: [(name: String, bytes: [UInt8])] = [], overwrite: Bool = false,
        progress: ((Int, Int) -> Void)? = nil
    ) throws(WriteError) {
        let target = try checkFolder(path, overwrite: overwrite)
        // An absolute path, so that "." and "b/" name the folder itself.
        let absolute =
            target.path.hasPrefix("/") ? target.path : FileManager.default.currentDirectoryPath + "/" + target.path
        let url = URL(fileURLWithPath: absolute).standardizedFileURL
        let parent = OutputFile.folder(of: url.path)
        let name = OutputFile.name(of: url.path)
        var tmp = ""
        for attempt in 0..<100 {
            let candidate = parent + "/.\(name).chainmap-\(getpid())-\(attempt).tmp"
            if mkdir(candidate, 0o777) == 0 { tmp = candidate; break }
            if errno != EEXIST {
                throw WriteError(
                    path: path, message: "cannot create a folder in \(parent) (\(OutputFile.reason(errno)))",
                    hint: "check that the parent folder exists and is writable")
            }
        }
        if tmp.isEmpty {
            throw WriteError(
                path: path, message: "cannot create a temporary folder next to it",
                hint: "remove old .\(name).chainmap-*.tmp folders")
        }
        var tokens = [TemporaryFiles.register(tmp, isFolder: true)]
        defer { tokens.forEach(TemporaryFiles.unregister) }
        func cleanUp() {
            for file in RecordKind.allCases.map(\.csvFile) + extraFiles.map(\.name) { unlink(tmp + "/" + file) }
            rmdir(tmp)
        }
        do throws(WriteError) {
            for kind in RecordKind.written(for: park) {
                let file = tmp + "/" + kind.csvFile
                tokens.append(TemporaryFiles.register(file))
                let fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
                if fd < 0 {
                    throw WriteError(
                        path: file, message: "cannot create (\(OutputFile.reason(errno)))",
                        hint: "check that the folder is writable")
                }
                let sink = CSVByteSink(fd: fd)
                encode(kind, of: park, into: sink, progress: progress)
                sink.flush()
                let failure = sink.failure
                if close(fd) != 0 || failure != 0 {
                    throw WriteError(
                        path: path,
                        message: "cannot write \(kind.csvFile) (\(OutputFile.reason(failure != 0 ? failure : errno)))",
                        hint: "check the free disk space")
                }
            }
            for file in extraFiles {
                let filePath = tmp + "/" + file.name
                tokens.append(TemporaryFiles.register(filePath))
                let fd = open(filePath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
                if fd < 0 {
                    throw WriteError(
                        path: filePath, message: "cannot create (\(OutputFile.reason(errno)))",
                        hint: "check that the folder is writable")
                }
                do throws(WriteError) {
                    try OutputFile.writeAll(fd, file.bytes, path: path)
                } catch {
                    _ = close(fd)
                    throw error
                }
                if close(fd) != 0 {
                    throw WriteError(
                        path: path, message: "cannot write \(file.name) (\(OutputFile.reason(errno)))",
                        hint: "check the free disk space")
                }
            }
            TemporaryFiles.stallForTests()
            try moveIntoPlace(tmp, target: url.path, replacing: target.existingBundle, displayPath: path)
        } catch {
            cleanUp()
            throw error
        }
    }

    /// Checks the output folder against the folder rule; returns the folder to write (a
    /// link's target) and whether it holds a bundle to replace.
    static func checkFolder(_ path: String, overwrite: Bool) throws(WriteError) -> (path: String, existingBundle: Bool)
    {
        var info = stat()
        if lstat(path, &info) != 0 {
            if errno == ENOENT {
                let parent = OutputFile.folder(of: path)
                var p = stat()
                if stat(parent, &p) != 0 || (p.st_mode & S_IFMT) != S_IFDIR {
                    throw WriteError(
                        path: path, message: "its folder \(parent) does not exist",
                        hint: "create the parent folder first or name another output")
                }
                return (path, false)
            }
            throw WriteError(
                path: path, message: "cannot be checked (\(OutputFile.reason(errno)))",
                hint: "check the path and the permissions of its folders")
        }
        var target = path
        if (info.st_mode & S_IFMT) == S_IFLNK {
            if stat(path, &info) != 0 {
                throw WriteError(
                    path: path,
                    message: errno == ELOOP ? "is a symbolic link in a loop" : "is a symbolic link to a missing folder",
                    hint: "remove the link or name another output")
            }
            if let resolved = realpath(path, nil) {
                target = String(cString: resolved)
                free(resolved)
            }
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw WriteError(
                path: path,
                message:
                    "is \(OutputFile.kindName(info.st_mode) == "not a regular file" ? "a file" : OutputFile.kindName(info.st_mode)), not a folder",
                hint: "name a folder for the CSV bundle")
        }
        let items: [String]
        do {
            items = try FileManager.default.contentsOfDirectory(atPath: target)
        } catch {
            throw WriteError(
                path: path, message: "cannot list the folder (\(error.localizedDescription))",
                hint: "check its permissions")
        }
        if items.isEmpty { return (target, false) }
        if let foreign = items.sorted().first(where: { !bundleFileNames.contains($0) }) {
            throw WriteError(
                path: path, message: "folder holds \"\(foreign)\", which is not part of a ChainMap bundle",
                hint: "choose a new folder; --force replaces only a folder that holds nothing but a ChainMap CSV bundle"
            )
        }
        if !overwrite {
            throw WriteError(
                path: path, message: "folder already holds a CSV bundle",
                hint: "choose a new folder, or pass --force to replace it")
        }
        return (target, true)
    }

    /// Renames the filled folder `tmp` to `target`. A bundle already there is first renamed
    /// aside, then its files (bundle files only) and the folder are removed.
    static func moveIntoPlace(_ tmp: String, target: String, replacing: Bool, displayPath: String) throws(WriteError) {
        if !replacing {
            // rename(2) also replaces an empty folder.
            if rename(tmp, target) != 0 {
                throw WriteError(
                    path: displayPath, message: "cannot create the folder (\(OutputFile.reason(errno)))",
                    hint: "check that the parent folder is writable")
            }
            return
        }
        let old = OutputFile.folder(of: target) + "/.\(OutputFile.name(of: target)).chainmap-old-\(getpid())"
        if rename(target, old) != 0 {
            throw WriteError(
                path: displayPath, message: "cannot replace the folder (\(OutputFile.reason(errno)))",
                hint: "check that the parent folder is writable")
        }
        if rename(tmp, target) != 0 {
            let e = errno
            _ = rename(old, target)
            throw WriteError(
                path: displayPath, message: "cannot replace the folder (\(OutputFile.reason(e)))",
                hint: "check that the parent folder is writable")
        }
        for file in bundleFileNames { unlink(old + "/" + file) }
        rmdir(old)
    }

    /// The files of the bundle in memory, by file name.
    public static func encode(_ park: Park) -> [(name: String, bytes: [UInt8])] {
        RecordKind.written(for: park).map { kind in
            let sink = CSVByteSink(fd: -1, capacity: 1 << 16)
            encode(kind, of: park, into: sink, progress: nil)
            sink.flush()
            return (kind.csvFile, sink.collected)
        }
    }

    static func encode(_ kind: RecordKind, of park: Park, into sink: CSVByteSink, progress: ((Int, Int) -> Void)?) {
        sink.bytes([0xEF, 0xBB, 0xBF])
        let schema = Schemas.schema(for: kind)
        sink.row(schema.keys.map(\.name))
        func generic<T>(_ items: [T], _ body: (T, inout CSVRecordWriter) -> Void) {
            for item in items {
                var w = CSVRecordWriter(schema: schema)
                body(item, &w)
                sink.row(w.cells)
            }
        }
        switch kind {
        case .park: generic([park]) { RecordCoding.encode(park: $0, into: &$1) }
        case .chain: generic(park.chains) { RecordCoding.encode($0, into: &$1) }
        case .stage:
            generic(park.chains.flatMap { c in c.stages.map { (c.id, $0) } }) {
                RecordCoding.encode($0.1, chain: $0.0, into: &$1)
            }
        case .firm: firms(park.firms, sink)
        case .link: links(park.links, sink, progress: progress)
        case .organization: generic(park.organizations) { RecordCoding.encode($0, into: &$1) }
        case .pairing: generic(park.pairings) { RecordCoding.encode($0, into: &$1) }
        case .need: generic(park.needs) { RecordCoding.encode($0, into: &$1) }
        case .resource: generic(park.resources) { RecordCoding.encode($0, into: &$1) }
        case .project: generic(park.projects) { RecordCoding.encode($0, into: &$1) }
        }
    }

    /// Firm rows in ``Schemas/firm`` column order.
    static func firms(_ firms: [Firm], _ s: CSVByteSink) {
        for f in firms {
            s.field(f.id); s.comma()
            s.field(f.name); s.comma()
            s.list(f.stages); s.comma()
            s.list(f.leads); s.comma()
            s.list(f.products); s.comma()
            s.list(f.capabilities); s.comma()
            s.double(f.output); s.comma()
            s.int(f.employees); s.comma()
            s.double(f.capacity); s.comma()
            s.field(f.capacityUnit); s.comma()
            s.field(f.zone); s.comma()
            s.bool(f.inPark); s.comma()
            s.int(f.partyMembers); s.comma()
            s.field(f.organization); s.comma()
            s.optionalBool(f.workCovered); s.comma()
            s.bool(f.illustrative); s.comma()
            s.field(f.note)
            s.endRow()
        }
    }

    /// Link rows in ``Schemas/link`` column order.
    static func links(_ links: LinkTable, _ s: CSVByteSink, progress: ((Int, Int) -> Void)?) {
        for (i, l) in links.enumerated() {
            if i & 0xFFFF == 0 { progress?(i, links.count) }
            s.field(l.id); s.comma()
            s.field(l.supplier); s.comma()
            s.field(l.buyer); s.comma()
            s.field(l.product); s.comma()
            s.double(l.value); s.comma()
            s.double(l.share); s.comma()
            if l.status != .active { s.field(l.status.rawValue) }
            s.comma()
            s.optionalBool(l.local); s.comma()
            s.bool(l.primary); s.comma()
            s.bool(l.illustrative); s.comma()
            s.field(l.note)
            s.endRow()
        }
        progress?(links.count, links.count)
    }
}
