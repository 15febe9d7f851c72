import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A problem writing output.
public struct WriteError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var hint: String?

    public var description: String {
        "\(path): error: \(message)" + (hint.map { ". Hint: \($0)" } ?? "")
    }
}

/// Writes parks and other output so that a failure leaves nothing partial behind: files are
/// written to a temporary sibling and renamed into place; a CSV bundle is filled as a
/// temporary sibling folder and renamed as a whole (``CSVBundleWriter``).
public enum ParkWriter {
    /// Output formats of `convert`.
    public enum Format: String, Sendable, CaseIterable {
        case json
        case csv
        case graphml
    }

    /// Writes `park` to `path` in `format` (csv: a folder). Refuses to replace an existing
    /// file or non-empty folder unless `overwrite` is true.
    public static func write(_ park: Park, format: Format, to path: String, overwrite: Bool = false) throws(WriteError) {
        switch format {
        case .json: try writeFile(ParkJSON.encode(park), to: path, overwrite: overwrite)
        case .graphml: try writeFile(GraphMLExport.export(park), to: path, overwrite: overwrite)
        case .csv: try CSVBundleWriter.write(park, to: path, overwrite: overwrite)
        }
    }

    /// The bytes of `park` in a single-file format (`json` or `graphml`).
    public static func encode(_ park: Park, format: Format) -> [UInt8]? {
        switch format {
        case .json: ParkJSON.encode(park)
        case .graphml: GraphMLExport.export(park)
        case .csv: nil
        }
    }

    /// Atomically writes `bytes` to `path` (temporary file + rename).
    public static func writeFile(_ bytes: [UInt8], to path: String, overwrite: Bool = false) throws(WriteError) {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDir) {
            if isDir.boolValue { throw WriteError(path: path, message: "is a folder", hint: "name a file") }
            if !overwrite { throw WriteError(path: path, message: "already exists", hint: "choose another name, or pass --force to replace it") }
        }
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(bytes).write(to: tmp)
            // rename(2) replaces the target atomically.
            if rename(tmp.path, url.path) != 0 {
                throw WriteError(path: path, message: "cannot replace (\(String(cString: strerror(errno))))", hint: "check that the folder is writable")
            }
        } catch let error as WriteError {
            try? fm.removeItem(at: tmp)
            throw error
        } catch {
            try? fm.removeItem(at: tmp)
            throw WriteError(path: path, message: "cannot write (\(error.localizedDescription))", hint: "check that the folder exists and is writable")
        }
    }
}
