import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A problem writing output.
public struct WriteError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var hint: String?
    /// ``message`` and ``hint`` from the message catalog (`problem.output.*`), when they have
    /// catalog words.
    public var text: Message?
    public var hintText: Message?

    public init(path: String, message: String, hint: String? = nil, text: Message? = nil, hintText: Message? = nil) {
        self.path = path
        self.message = message
        self.hint = hint
        self.text = text
        self.hintText = hintText
    }

    public var description: String {
        "\(path): error: \(message)" + (hint.map { ". Hint: \($0)" } ?? "")
    }
}

/// Writes parks and other output so that a failure leaves nothing partial behind: files
/// follow ``OutputFile``'s rule (temporary sibling, renamed into place); a CSV bundle is
/// filled as a temporary sibling folder and renamed as a whole (``CSVBundleWriter``).
public enum ParkWriter {
    /// Output formats of `convert`.
    public enum Format: String, Sendable, CaseIterable {
        case json
        case csv
        case graphml
        /// One Excel workbook (`.xlsx`), a sheet per record kind.
        case xlsx
        /// A binary park snapshot (``ParkSnapshot``), loaded by every verb without parsing.
        case chainpark
    }

    /// Writes `park` to `path` in `format` (csv: a folder; xlsx: one workbook). Refuses to replace an existing
    /// file or bundle folder unless `overwrite` is true, and never replaces anything else
    /// (see ``OutputFile`` and ``CSVBundleWriter/write(_:to:extraFiles:overwrite:progress:)``).
    public static func write(_ park: Park, format: Format, to path: String, overwrite: Bool = false) throws(WriteError)
    {
        switch format {
        case .json: try writeFile(ParkJSON.encode(park), to: path, overwrite: overwrite)
        case .graphml: try writeFile(GraphMLExport.export(park), to: path, overwrite: overwrite)
        case .chainpark: try writeSnapshot(park, to: path, overwrite: overwrite)
        case .csv: try CSVBundleWriter.write(park, to: path, overwrite: overwrite)
        case .xlsx: try ParkXLSXWriter.write(park, to: path, overwrite: overwrite)
        }
    }

    /// The bytes of `park` in a single-file format (`json`, `graphml` or `chainpark`); nil for the others.
    public static func encode(_ park: Park, format: Format) -> [UInt8]? {
        switch format {
        case .json: ParkJSON.encode(park)
        case .graphml: GraphMLExport.export(park)
        case .chainpark: ParkSnapshot.encode(park)
        case .csv, .xlsx: nil
        }
    }

    /// Writes the snapshot of `park` to `path` under the output rule of ``OutputFile``, as it
    /// is made (``ParkSnapshot/write(_:version:to:)``): the file is never whole in memory.
    /// Standard output, which may be a pipe, gets the bytes in order from memory.
    static func writeSnapshot(_ park: Park, to path: String, overwrite: Bool) throws(WriteError) {
        if OutputFile.descriptor(named: path) == 1 {
            return try writeFile(ParkSnapshot.encode(park), to: path, overwrite: overwrite)
        }
        try OutputFile.write(to: path, replace: overwrite) { (fd: Int32) throws(WriteError) in
            _ = try ParkSnapshot.write(park, to: SnapshotFileSink(fd: fd, path: path))
        }
    }

    /// Writes `bytes` to `path` under the output rule of ``OutputFile`` (`overwrite` is the
    /// verbs' `--force`).
    public static func writeFile(_ bytes: [UInt8], to path: String, overwrite: Bool = false) throws(WriteError) {
        try OutputFile.write(bytes, to: path, replace: overwrite)
    }
}
