import Foundation

extension ParkGenerator {
    /// How a generated park is written: a CSV bundle (a folder), one JSON file or one binary
    /// snapshot (``ParkSnapshot``, the only form that holds ten million firms in memory and on
    /// disk comfortably).
    public enum OutputFormat: String, Sendable, CaseIterable {
        case csv
        case json
        case chainpark

        /// The format a path asks for: `.json` → JSON, `.chainpark` → a snapshot, anything else
        /// → a CSV folder.
        public init(path: String) {
            let p = path.lowercased()
            self = p.hasSuffix(".json") ? .json : p.hasSuffix("." + ParkSnapshot.fileExtension) ? .chainpark : .csv
        }
    }

    /// `park.json` → `park.planted-gaps.json`: where the planted gaps of a JSON park (or a
    /// snapshot, `park.chainpark`) go (a CSV bundle holds them as `planted-gaps.json`).
    public static func plantedGapsPath(forJSON path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension.lowercased()
        let base = ext == "json" || ext == ParkSnapshot.fileExtension ? url.deletingPathExtension() : url
        return base.path + ".planted-gaps.json"
    }
}

extension ParkGenerator.Result {
    /// Writes the park — and, when gaps were planted, what was planted — to `path` under the
    /// output rule (``OutputFile``, ``CSVBundleWriter``): nothing partial, nothing replaced
    /// without `replace`.
    ///
    /// - Throws: ``WriteError`` naming the path; a `.json` path asked to hold a CSV folder (or
    ///   a folder-like path a JSON file) is refused, since the name would mislead.
    /// - Complexity: O(size of the park).
    public func write(
        to path: String, format: ParkGenerator.OutputFormat, options: ParkGenerator.Options, replace: Bool,
        progress: ((Int, Int) -> Void)? = nil
    ) throws(WriteError) {
        if format == .csv && path.lowercased().hasSuffix(".json") {
            throw WriteError(
                path: path, message: "names a JSON file, but the format is csv (a folder)",
                hint: "leave out --format csv, or name a folder")
        }
        switch format {
        case .csv:
            var extra: [(name: String, bytes: [UInt8])] = []
            if !gaps.isEmpty {
                extra.append(("planted-gaps.json", PlantedGap.json(gaps, park: park, options: options)))
            }
            try CSVBundleWriter.write(park, to: path, extraFiles: extra, overwrite: replace) { done, total in
                progress?(done, total)
            }
        case .json, .chainpark:
            let gapsPath = ParkGenerator.plantedGapsPath(forJSON: path)
            if !gaps.isEmpty { _ = try OutputFile.check(gapsPath, replace: replace) }
            try ParkWriter.write(park, format: format == .json ? .json : .chainpark, to: path, overwrite: replace)
            if !gaps.isEmpty {
                try ParkWriter.writeFile(
                    PlantedGap.json(gaps, park: park, options: options), to: gapsPath, overwrite: replace)
            }
        }
    }
}
