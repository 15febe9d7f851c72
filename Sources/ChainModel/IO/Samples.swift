import Foundation

/// The parks bundled with ChainMap (from the five source articles), available without any
/// file: `chainmap info` uses ``defaultName`` when no park is given. Their files are the
/// repository's `samples/*.json`, built into the program by the EmbedSamples plugin, so
/// ``load(_:)`` needs no file at run time.
public enum Samples {
    /// Names of the bundled parks, e.g. `beilun-nev`.
    public static let names = [
        "beilun-nev", "beilun-nev-2023", "yihuang-plastics", "wujin-machinery", "ningxiang-storage", "jinchang-battery",
    ]

    /// The park used when a command is given none.
    public static let defaultName = "beilun-nev"

    /// Whether `name` (with or without `.json`) is a bundled sample.
    public static func isSample(_ name: String) -> Bool {
        names.contains(name.hasSuffix(".json") ? String(name.dropLast(5)) : name)
    }

    /// The bundled sample `name` loaded from the copy built into the program (so a binary
    /// copied or installed anywhere has its samples); problems name the file
    /// `samples/NAME.json`.
    ///
    /// - Throws: ``ParkLoadError`` when `name` is not a sample.
    public static func load(_ name: String) throws(ParkLoadError) -> LoadedPark {
        let base = name.hasSuffix(".json") ? String(name.dropLast(5)) : name
        guard let json = EmbeddedSamples.text[base] else {
            throw ParkLoadError([
                Diagnostic(
                    .error, file: name, "no bundled sample of this name", hint: "run `chainmap samples` to list them")
            ])
        }
        return try ParkLoader.load(json: Array(json.utf8), name: "samples/\(base).json")
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
            guard let loaded = try? Samples.load(name) else { return Entry(name: name, installed: false) }
            return Entry(
                name: name, installed: true, firms: loaded.park.firms.count, links: loaded.park.links.count,
                park: loaded.park.name,
                path: "samples/\(name).json")
        }
    }
}

/// Where a park comes from: a file or folder, or a bundled sample by name.
public enum ParkSource: Sendable, Equatable {
    case file(String)
    case sample(String)

    /// The source a command-line argument names: an existing path, else a bundled sample of
    /// that name, else the path (whose loading then says what is wrong); no argument: the
    /// default sample.
    public init(argument: String?) {
        guard let argument else {
            self = .sample(Samples.defaultName)
            return
        }
        var info = stat()
        if lstat(argument, &info) == 0 || !Samples.isSample(argument) {
            self = .file(argument)
        } else {
            self = .sample(argument)
        }
    }

    /// The park with its warnings.
    ///
    /// - Throws: ``ParkLoadError`` with every problem found.
    public func load() throws(ParkLoadError) -> LoadedPark {
        switch self {
        case .file(let path): try ParkLoader.load(path: path)
        case .sample(let name): try Samples.load(name)
        }
    }

    /// The file's path, for a file source.
    public var path: String? {
        if case .file(let p) = self { p } else { nil }
    }
}
