import Foundation

/// The parks bundled with ChainMap (from the five source articles), available without any
/// file: `chainmap info` uses ``defaultName`` when no park is given.
public enum Samples {
    /// Names of the bundled parks, e.g. `beilun-nev`.
    public static let names = ["beilun-nev", "yihuang-plastics", "wujin-machinery", "ningxiang-storage", "jinchang-battery"]

    /// The park used when a command is given none.
    public static let defaultName = "beilun-nev"

    /// Folder of the bundled samples, if the resource bundle is present next to the program.
    public static var folder: URL? {
        // Bundle.module traps when the resource bundle is missing (e.g. a copied binary),
        // so look for it the same way, but softly.
        let bundleName = "ChainMap_ChainModel.resources"
        var candidates: [URL] = []
        candidates.append(Bundle.main.bundleURL.appendingPathComponent(bundleName))
        if let exe = Bundle.main.executableURL {
            candidates.append(exe.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent(bundleName))
        }
        for c in candidates {
            let samples = c.appendingPathComponent("Samples")
            if FileManager.default.fileExists(atPath: samples.path) { return samples }
        }
        return nil
    }

    /// Path of the bundled sample `name`, or nil when unknown or not installed.
    public static func path(_ name: String) -> String? {
        let base = name.hasSuffix(".json") ? String(name.dropLast(5)) : name
        guard names.contains(base), let folder else { return nil }
        let url = folder.appendingPathComponent(base + ".json")
        return FileManager.default.fileExists(atPath: url.path) ? url.path : nil
    }
}

/// `chainmap samples`: the bundled parks with their size.
public struct SampleList: Sendable, Encodable {
    /// One bundled park.
    public struct Entry: Sendable, Encodable {
        public var name: String
        /// Whether its file is installed and loads.
        public var installed: Bool
        public var firms: Int?
        public var links: Int?
        /// The park's own name.
        public var park: String?
        public var path: String?
    }

    public var samples: [Entry]

    /// Loads every bundled sample to count it.
    ///
    /// - Complexity: that of loading the samples (a few hundred firms each).
    public init() {
        samples = Samples.names.map { name in
            guard let path = Samples.path(name), let loaded = try? ParkLoader.load(path: path) else {
                return Entry(name: name, installed: false)
            }
            return Entry(name: name, installed: true, firms: loaded.park.firms.count, links: loaded.park.links.count, park: loaded.park.name, path: path)
        }
    }
}
