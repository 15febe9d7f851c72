import ChainGraph
import ChainModel
import Foundation

/// Benchmark inputs that are expensive to make: generated parks, their CSV bundles and JSON
/// files, and the supply graphs of big parks.
///
/// package-benchmark runs every benchmark in its own process (and the closure once per
/// iteration), so inputs are made at most once per process (cached in memory) and files at
/// most once per machine (in the temporary folder, named by size and seed, reused by later
/// runs). Delete `$TMPDIR/chainmap-bench-*` to make them again.
public enum BenchParks {
    /// The seed every suite uses.
    public static let seed: UInt64 = 42

    /// A park generated with default options (all four chain templates, no planted gaps),
    /// once per process.
    public static func generated(firms: Int, seed: UInt64 = seed) throws -> Park {
        try cache.value(key: "generated-\(firms)-\(seed)") {
            try ParkGenerator.generate(.init(firms: firms, seed: seed)).park
        }
    }

    /// The generated park as a CSV bundle folder, written once per machine (the park made
    /// for it is not kept, so it does not count in the caller's memory).
    public static func csvBundle(firms: Int, seed: UInt64 = seed) throws -> String {
        let path = bundlePath(firms: firms, seed: seed)
        if FileManager.default.fileExists(atPath: path + "/links.csv") { return path }
        try CSVBundleWriter.write(
            try ParkGenerator.generate(.init(firms: firms, seed: seed)).park, to: path, overwrite: true)
        return path
    }

    /// The generated park as one JSON file, written once per machine (the park made for it
    /// is not kept).
    public static func jsonFile(firms: Int, seed: UInt64 = seed) throws -> String {
        let path = temporaryPath("chainmap-bench-park-\(firms)-s\(seed).json")
        if FileManager.default.fileExists(atPath: path) { return path }
        try ParkWriter.write(
            try ParkGenerator.generate(.init(firms: firms, seed: seed)).park, format: .json, to: path, overwrite: true)
        return path
    }

    /// The generated park as one Excel workbook (`convert --to xlsx`), written once per
    /// machine (the park made for it is not kept).
    public static func workbook(firms: Int, seed: UInt64 = seed) throws -> String {
        let path = temporaryPath("chainmap-bench-park-\(firms)-s\(seed).xlsx")
        if FileManager.default.fileExists(atPath: path) { return path }
        try ParkWriter.write(
            try ParkGenerator.generate(.init(firms: firms, seed: seed)).park, format: .xlsx, to: path, overwrite: true)
        return path
    }

    /// The generated park as a binary snapshot (`convert --to chainpark`), written once per
    /// machine (the park made for it is not kept).
    public static func snapshot(firms: Int, seed: UInt64 = seed) throws -> String {
        let path = temporaryPath("chainmap-bench-park-\(firms)-s\(seed).chainpark")
        if FileManager.default.fileExists(atPath: path) { return path }
        try ParkWriter.write(
            try ParkGenerator.generate(.init(firms: firms, seed: seed)).park, format: .chainpark, to: path,
            overwrite: true)
        return path
    }

    /// The park the analysis suites work on, once per process: generated in memory (6 s
    /// at 1M firms on the 2-core reference machine, against 15–25 s to load its CSV bundle).
    public static func park(firms: Int, seed: UInt64 = seed) throws -> Park {
        try generated(firms: firms, seed: seed)
    }

    /// The active supply graph of the generated park (`ParkGraph(park, layers: [.supply])`:
    /// firms and outside-park nodes, same node ids and edges; weights and layers are not
    /// kept, so use it unweighted), once per process. Its edges are kept in
    /// a binary file once per machine, so later processes rebuild the same CSR without
    /// loading the park.
    public static func supplyGraph(firms: Int, seed: UInt64 = seed) throws -> Graph {
        try cache.value(key: "supply-\(firms)-\(seed)") {
            let path = temporaryPath("chainmap-bench-supply-\(firms)-s\(seed).bin")
            if let graph = try readEdges(path: path) { return graph }
            let graph = ParkGraph(try ParkGenerator.generate(.init(firms: firms, seed: seed)).park, layers: [.supply])
                .graph
            try writeEdges(graph, path: path)
            return graph
        }
    }

    /// Directed G(n, m) of ``gnmEdges(nodes:edges:seed:)`` as a graph, once per process.
    public static func gnm(nodes: Int, edges: Int, seed: UInt64 = seed) throws -> Graph {
        try cache.value(key: "gnm-\(nodes)-\(edges)-\(seed)") {
            let (s, t) = gnmEdges(nodes: nodes, edges: edges, seed: seed)
            var builder = GraphBuilder(directed: true, nodeCount: nodes)
            builder.reserveCapacity(edges: s.count)
            for i in 0..<s.count { builder.addEdge(s[i], t[i]) }
            return try builder.build()
        }
    }

    /// The R-MAT graph of ``rmatEdges(scale:edgeFactor:seed:)`` (what `compare.sh --rmat SCALE`
    /// loads, with the same node numbering), built in memory once per process.
    public static func rmat(scale: Int, edgeFactor: Int = 16, seed: UInt64 = seed) throws -> Graph {
        try cache.value(key: "rmat-\(scale)-\(edgeFactor)-\(seed)") {
            let (s, t) = rmatEdges(scale: scale, edgeFactor: edgeFactor, seed: seed)
            var builder = GraphBuilder(directed: true, sources: s, targets: t)
            return try builder.buildReleasingEdges()
        }
    }

    static func bundlePath(firms: Int, seed: UInt64) -> String {
        temporaryPath("chainmap-bench-park-\(firms)-s\(seed)")
    }

    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent(name).path
    }

    // Binary edge file: node count, edge count (Int64 each), then sources and targets (Int32).
    static func writeEdges(_ graph: Graph, path: String) throws {
        var data = Data()
        var header = [Int64(graph.nodeCount), Int64(graph.edgeCount)]
        header.withUnsafeMutableBytes { data.append(contentsOf: $0) }
        var sources = graph.edgeSources()
        sources.withUnsafeMutableBytes { data.append(contentsOf: $0) }
        var targets = graph.outTargets
        targets.withUnsafeMutableBytes { data.append(contentsOf: $0) }
        let tmp = path + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        try data.write(to: URL(fileURLWithPath: tmp))
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.moveItem(atPath: tmp, toPath: path)
    }

    static func readEdges(path: String) throws -> Graph? {
        guard let data = FileManager.default.contents(atPath: path), data.count >= 16 else { return nil }
        return try data.withUnsafeBytes { raw throws -> Graph? in
            let n = Int(raw.loadUnaligned(fromByteOffset: 0, as: Int64.self))
            let m = Int(raw.loadUnaligned(fromByteOffset: 8, as: Int64.self))
            guard n >= 0, m >= 0, data.count == 16 + 8 * m else { return nil }
            var builder = GraphBuilder(directed: true, nodeCount: n)
            builder.reserveCapacity(edges: m)
            for i in 0..<m {
                let s = raw.loadUnaligned(fromByteOffset: 16 + 4 * i, as: Int32.self)
                let t = raw.loadUnaligned(fromByteOffset: 16 + 4 * (m + i), as: Int32.self)
                builder.addEdge(s, t)
            }
            return try builder.build()
        }
    }

    private static var cache: ProcessCache { ProcessCache.shared }
}

/// Values made once per process, by key (a maker may use other cached values): suites keep
/// their own expensive inputs here (an index built once, outside the measured part).
///
/// ```swift
/// let index = try ProcessCache.shared.value(key: "match-1M") { MatchIndex(park: try BenchParks.park(firms: 1_000_000)) }
/// ```
public final class ProcessCache: @unchecked Sendable {
    public static let shared = ProcessCache()
    private let lock = NSRecursiveLock()  // makers call other cached makers
    private var values: [String: Any] = [:]

    public func value<T>(key: String, make: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        if let value = values[key] as? T { return value }
        let value = try make()
        values[key] = value
        return value
    }
}

/// The bundled samples' files, read from disk by the loading benchmarks: a copy of the
/// repository's `samples/` (found from this file's path) at one fixed place in the temporary
/// folder, so the paths the loader builds, and with them the allocation gate's malloc counts,
/// do not depend on where the repository is checked out (a clone in /tmp/ci-clone counted 11
/// mallocs more than /work/main for the CSV bundle).
public enum BenchSamples {
    /// The repository's `samples` folder.
    static let repository: String = {
        // Benchmarks/Benchmarks/BenchmarkSupport/BenchParks.swift → the repository.
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)
        return (parts + ["samples"]).joined(separator: "/")
    }()

    /// The fixed copy (`<temporary folder>/chainmap-bench-samples`), refreshed from the
    /// repository each run; the repository's own folder when the copy cannot be made.
    public static let folder: String = {
        let fm = FileManager.default
        let copy = (NSTemporaryDirectory() as NSString).appendingPathComponent("chainmap-bench-samples")
        do {
            if fm.fileExists(atPath: copy) { try fm.removeItem(atPath: copy) }
            try fm.copyItem(atPath: repository, toPath: copy)
            return copy
        } catch {
            return repository
        }
    }()

    /// The path of sample `name` (`beilun-nev` → `…/beilun-nev.json`).
    public static func path(_ name: String) -> String { folder + "/" + name + ".json" }
}
