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
    /// Writes the bundle into a new folder at `path`, atomically (filled aside, then
    /// renamed), with `extraFiles` added. Refuses a non-empty folder unless `overwrite`.
    public static func write(
        _ park: Park, to path: String, extraFiles: [(name: String, bytes: [UInt8])] = [], overwrite: Bool = false,
        progress: ((Int, Int) -> Void)? = nil
    ) throws(WriteError) {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        let exists = fm.fileExists(atPath: path, isDirectory: &isDir)
        if exists && !isDir.boolValue { throw WriteError(path: path, message: "is a file, not a folder", hint: "name a folder for the CSV bundle") }
        if exists, !overwrite, let items = try? fm.contentsOfDirectory(atPath: path), !items.isEmpty {
            throw WriteError(path: path, message: "folder is not empty", hint: "choose a new folder, or pass --force to replace it")
        }
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let tmp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try? fm.removeItem(at: tmp)
            try fm.createDirectory(at: tmp, withIntermediateDirectories: true)
            for kind in RecordKind.allCases {
                let file = tmp.appendingPathComponent(kind.csvFile).path
                let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                if fd < 0 { throw WriteError(path: file, message: "cannot create (\(String(cString: strerror(errno))))", hint: "check that the folder is writable") }
                let sink = CSVByteSink(fd: fd)
                encode(kind, of: park, into: sink, progress: progress)
                sink.flush()
                let failure = sink.failure
                if close(fd) != 0 || failure != 0 {
                    throw WriteError(path: file, message: "cannot write (\(String(cString: strerror(failure != 0 ? failure : errno))))", hint: "check the free disk space")
                }
            }
            for file in extraFiles {
                try Data(file.bytes).write(to: tmp.appendingPathComponent(file.name))
            }
            if exists { try fm.removeItem(at: url) }
            try fm.moveItem(at: tmp, to: url)
        } catch let error as WriteError {
            try? fm.removeItem(at: tmp)
            throw error
        } catch {
            try? fm.removeItem(at: tmp)
            throw WriteError(path: path, message: "cannot write (\(error.localizedDescription))", hint: "check that the parent folder exists and is writable")
        }
    }

    /// The files of the bundle in memory, by file name.
    public static func encode(_ park: Park) -> [(name: String, bytes: [UInt8])] {
        RecordKind.allCases.map { kind in
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
            generic(park.chains.flatMap { c in c.stages.map { (c.id, $0) } }) { RecordCoding.encode($0.1, chain: $0.0, into: &$1) }
        case .firm: firms(park.firms, sink)
        case .link: links(park.links, sink, progress: progress)
        case .organization: generic(park.organizations) { RecordCoding.encode($0, into: &$1) }
        case .pairing: generic(park.pairings) { RecordCoding.encode($0, into: &$1) }
        case .need: generic(park.needs) { RecordCoding.encode($0, into: &$1) }
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
    static func links(_ links: [SupplyLink], _ s: CSVByteSink, progress: ((Int, Int) -> Void)?) {
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
