#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A graph read from an edge list together with the label of each node.
public struct LabeledGraph: Sendable {
    /// The graph; node `i` is the `i`-th distinct label in order of first appearance.
    public var graph: Graph
    /// Label of each node, by node id.
    public var labels: [String]

    public init(graph: Graph, labels: [String]) {
        self.graph = graph
        self.labels = labels
    }
}

/// Reads a plain edge list (`u v [weight]` per line) into a ``Graph``.
///
/// Format:
/// - one edge per line: source label, target label, optional weight;
/// - columns separated by spaces, tabs or commas (runs of separators count as one, so empty
///   comma fields are skipped);
/// - `#` starts a comment anywhere on a line (so labels cannot contain `#`);
/// - blank lines, CRLF line ends and a leading UTF-8 byte-order mark are accepted;
/// - the text is UTF-8; UTF-16 (a byte-order mark FF FE / FE FF, or NUL bytes) is refused as
///   a whole with one message;
/// - labels are arbitrary UTF-8 tokens of at most ``InputLimits/maxLabelBytes`` bytes. Node
///   ids are given in order of first appearance.
///   `7` and `007` are different labels;
/// - the weight is a decimal number (`2`, `-1.5`, `3e-2`); negative weights are kept
///   (algorithms that need nonnegative weights check), NaN and infinities are rejected.
///
/// All bad lines are reported (up to ``Options/maxErrors`` in full, then counted) in one
/// ``EdgeListReadFailure``; nothing is built when there is any error.
///
/// ```swift
/// let result = try EdgeListReader.read(path: "links.txt", options: .init(directed: true))
/// print(result.graph.edgeCount, result.labels[0])
/// ```
///
/// Speed: a regular file is mapped, not copied, and parsed from raw bytes in chunks on all
/// cores; canonical decimal labels (no sign, no leading zero) use a direct lookup table, and
/// an unweighted list stores no per-edge weights until the CSR build. About 0.033 s for a
/// million edges over 100,000 integer labels, CSR included (release build, 2-core machine).
/// A mapped file must not be truncated while it is read.
public enum EdgeListReader {
    /// Reading options.
    public struct Options: Sendable {
        /// Whether the graph is directed (default `true`).
        public var directed: Bool
        /// Weight of edges written without a third column (default 1).
        public var defaultWeight: Double
        /// Layer given to every edge (default 0).
        public var layer: EdgeLayer
        /// How many errors are reported in full; the rest are only counted.
        public var maxErrors: Int
        /// Most bytes read from a pipe or FIFO (default ``InputFile/maxStreamBytes``).
        public var maxStreamBytes: Int

        public init(
            directed: Bool = true, defaultWeight: Double = 1, layer: EdgeLayer = 0, maxErrors: Int = 100,
            maxStreamBytes: Int = InputFile.maxStreamBytes
        ) {
            self.directed = directed
            self.defaultWeight = defaultWeight
            self.layer = layer
            self.maxErrors = max(1, maxErrors)
            self.maxStreamBytes = maxStreamBytes
        }
    }

    /// Reads the edge list in the file at `path`.
    /// - Throws: ``EdgeListReadFailure`` listing every bad line (or the unreadable file).
    /// - Complexity: O(bytes + V + E).
    public static func read(path: String, options: Options = Options()) throws(EdgeListReadFailure) -> LabeledGraph {
        // A regular file is mapped, not copied: the parser reads the page cache directly.
        // Once tokenized, the mapped text is dropped from memory (it would otherwise stay
        // resident, 14 bytes per edge of a typical list, through the CSR build).
        // Safe: `bytes` is the live mapping (inside `withMappedFile`), a private read-only file
        // mapping, so MADV_DONTNEED only drops its pages; a later read would fault them back in
        // from the file.
        if let parsed = withMappedFile(
            path,
            { bytes in
                EdgeListParser.parse(
                    bytes, path: path, options: options,
                    releaseInput: {
                        _ = madvise(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count, MADV_DONTNEED)
                    })
            })
        {
            return try parsed.get()
        }
        // Anything else follows InputFile's rule: an empty regular file, or a pipe read with a
        // bound; devices (/dev/zero) and folders are refused with the reason.
        switch InputFile.read(path, allowStream: true, limit: options.maxStreamBytes) {
        case .success(let bytes):
            return try parse(bytes, path: path, options: options)
        case .failure(let problem):
            var error = EdgeListError(
                path: path, line: 0, kind: .unreadableFile, text: "", message: problem.message, hint: problem.hint)
            error.fileProblem = problem
            throw EdgeListReadFailure(errors: [error])
        }
    }

    /// Runs `body` over the bytes of the regular, non-empty file at `path` mapped read-only;
    /// nil when the file cannot be mapped (then it is read with `readFile`, which reports why).
    private static func withMappedFile<R>(_ path: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        // O_NONBLOCK: a FIFO without a writer must not hang here (InputFile reports it).
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        #if os(Linux)
        let flags = MAP_PRIVATE | MAP_POPULATE
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let base = mmap(nil, size, PROT_READ, flags, fd, 0), base != UnsafeMutableRawPointer(bitPattern: -1)
        else { return nil }
        defer { munmap(base, size) }
        // In bounds: the mapping covers exactly `size` readable bytes (the file's size at
        // fstat) and stays mapped until `body` returns; pages of a file truncated meanwhile
        // would fault (SIGBUS), hence the note on the type. Bytes are read, never bound.
        assert(size == Int(info.st_size))
        return body(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: size))
    }

    /// Parses an edge list held in memory as a string.
    /// - Throws: ``EdgeListReadFailure`` listing every bad line.
    public static func parse(_ text: String, path: String? = nil, options: Options = Options())
        throws(EdgeListReadFailure) -> LabeledGraph
    {
        try parse(Array(text.utf8), path: path, options: options)
    }

    /// Parses an edge list held in memory as UTF-8 bytes.
    /// - Throws: ``EdgeListReadFailure`` listing every bad line.
    /// - Complexity: O(bytes + V + E).
    public static func parse(_ bytes: [UInt8], path: String? = nil, options: Options = Options())
        throws(EdgeListReadFailure) -> LabeledGraph
    {
        try bytes.withUnsafeBufferPointer { EdgeListParser.parse($0, path: path, options: options) }.get()
    }

    /// Parses an edge list held in memory, cutting it into chunks tokenized on all cores from
    /// `minimumParallelBytes` bytes (default 1 MiB). For the fuzzer (Fuzz/) and tests: a
    /// threshold of 1 exercises the chunked path on tiny inputs.
    @_spi(Fuzzing)
    public static func parse(_ bytes: [UInt8], options: Options = Options(), minimumParallelBytes: Int)
        throws(EdgeListReadFailure) -> LabeledGraph
    {
        try bytes.withUnsafeBufferPointer {
            EdgeListParser.parse($0, path: nil, options: options, minimumParallelBytes: minimumParallelBytes)
        }.get()
    }
}

/// The byte-level parser behind ``EdgeListReader``.
///
/// Two passes. The file is cut into chunks at line ends; each chunk is tokenized on its own
/// core, writing each edge's two label *codes* into its slice of the final source and target
/// arrays: a canonical decimal label below 10^9 is its value, any other label `-(k + 1)` for
/// the chunk's `k`-th other label (kept as text, UTF-8 checked there). A sequential pass then
/// turns codes into node ids in order of first appearance (a direct table for small
/// integers), in place, and the arrays go to the CSR build without being copied. Errors
/// carry chunk-local line numbers until the chunks' line counts are known.
struct EdgeListParser {
    let path: String?
    let options: EdgeListReader.Options

    /// What one chunk found.
    struct Chunk: Sendable {
        /// First slot of the chunk's edges in the source and target arrays.
        var base = 0
        /// One past the last slot of the chunk's region while it is parsed.
        var end = 0
        var edges = 0
        var lines = 0
        /// Largest small-integer code written.
        var maxCode: Int32 = -1
        /// Labels that are not small canonical decimals, by code `-(k + 1)`.
        var others: [String] = []
        /// Per edge, when a line of the chunk has a weight.
        var weights: [Double]?
        var errors: [EdgeListError] = []
        var omitted = 0
    }

    static let space: UInt8 = 0x20, tab: UInt8 = 0x09, comma: UInt8 = 0x2C, cr: UInt8 = 0x0D
    static let newline: UInt8 = 0x0A, hash: UInt8 = 0x23

    @inline(__always)
    static func isSeparator(_ c: UInt8) -> Bool {
        c == space || c == tab || c == comma || c == cr
    }

    /// Below this many bytes the file is one chunk.
    static let parallelBytes = 1 << 20

    /// - Parameter minimumParallelBytes: size from which the file is cut into chunks (tests
    ///   lower it to check that chunking changes nothing).
    static func parse(
        _ p: UnsafeBufferPointer<UInt8>, path: String?, options: EdgeListReader.Options,
        minimumParallelBytes: Int = parallelBytes, releaseInput: (() -> Void)? = nil
    ) -> Result<LabeledGraph, EdgeListReadFailure> {
        let n = p.count
        var start = 0
        if n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF { start = 3 }
        // UTF-16 (Excel's "Unicode Text", Windows Notepad): one clear message instead of a
        // weight "\0" "1" "\0" that is not a number on every line.
        let utf16BOM = n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF))
        if utf16BOM || p[0..<min(n, 4096)].contains(0) {
            let firstNUL = p[0..<min(n, 4096)].firstIndex(of: 0) ?? 0
            let line = 1 + p[0..<firstNUL].reduce(0) { $0 + ($1 == newline ? 1 : 0) }
            return .failure(
                EdgeListReadFailure(errors: [
                    EdgeListError(
                        path: path, line: utf16BOM ? 1 : line, kind: .invalidUTF8, text: "",
                        message: utf16BOM
                            ? "the file is UTF-16; ChainMap reads UTF-8 text"
                            : "the file holds NUL bytes: it is UTF-16 or binary, not UTF-8 text",
                        hint:
                            "save it as UTF-8 (in Notepad or Excel choose the UTF-8 encoding), or run `iconv -f UTF-16 -t UTF-8 in.txt > out.txt`"
                    )
                ]))
        }
        // Chunk bounds, each after a line end.
        // Every chunk reads only the file's bytes, which nobody writes meanwhile.
        nonisolated(unsafe) let p = p
        let pieces = n >= minimumParallelBytes ? max(2, Parallel.processorCount * 2) : 1
        var bounds = [start]
        for c in 1..<pieces {
            // b >= 1 so that p[b - 1] is in bounds: on inputs shorter than `pieces` bytes (the
            // tests' and the fuzzer's tiny thresholds) the share below can be 0, and p[-1] was
            // read (found by the unsafe-code audit; ASan cannot see it inside an array's header).
            var b = max(bounds[bounds.count - 1], start + (n - start) * c / pieces, start + 1)
            while b < n && p[b - 1] != newline { b += 1 }
            if b > bounds[bounds.count - 1] && b < n { bounds.append(b) }
        }
        bounds.append(n)
        let chunkCount = bounds.count - 1
        // Edge slots per chunk: at most its line count.
        // In bounds: bounds are increasing offsets in start...n, so chunk c reads p[b[c]..<b[c + 1]]
        // and writes cap[c + 1], c < chunkCount.
        assert(
            zip(bounds, bounds.dropFirst()).allSatisfy { $0 < $1 } && bounds.first == start && bounds.last == n
                || n == start)
        var capacity = [Int](repeating: 0, count: chunkCount + 1)
        capacity.withUnsafeMutableBufferPointer { cap in
            nonisolated(unsafe) let cap = cap
            let b = bounds
            Parallel.forEach(iterations: chunkCount) { c in
                var lines = 1
                for i in b[c]..<b[c + 1] where p[i] == newline { lines += 1 }
                cap[c + 1] = lines
            }
        }
        for c in 0..<chunkCount { capacity[c + 1] += capacity[c] }
        let slots = capacity[chunkCount]
        // The source and target arrays are made uninitialized (no zeroing of 8 bytes per line
        // first). Chunk c initializes slots cap[c] ..< cap[c] + edges of its region
        // cap[c] ..< cap[c + 1] (edges <= lines <= region size: `parseChunk` writes one slot per
        // edge line, and the region holds the chunk's newlines + 1); the rest of each region
        // (comment, blank and bad lines) is then set to 0, so every element is initialized
        // when the arrays take their count, as `init(unsafeUninitializedCapacity:initializingWith:)`
        // requires. `finish` drops those slots when it compacts the ids.
        var chunks = [Chunk](repeating: Chunk(), count: chunkCount)
        var targets: [Int32] = []
        var sources = [Int32](unsafeUninitializedCapacity: slots) { src, sourceCount in
            targets = [Int32](unsafeUninitializedCapacity: slots) { tgt, targetCount in
                chunks.withUnsafeMutableBufferPointer { out in
                    // Each chunk writes its own slots and its own result.
                    nonisolated(unsafe) let (src, tgt, out) = (src, tgt, out)
                    let b = bounds, cap = capacity
                    let work: @Sendable (Int) -> Void = { c in
                        var chunk = Chunk()
                        chunk.base = cap[c]
                        chunk.end = cap[c + 1]
                        parseChunk(p, b[c]..<b[c + 1], path: path, options: options, src: src, tgt: tgt, into: &chunk)
                        // The region's unused tail.
                        let used = chunk.base + chunk.edges
                        assert(used <= chunk.end, "chunk \(c) wrote past its region")
                        if used < chunk.end, let s = src.baseAddress, let t = tgt.baseAddress {
                            (s + used).initialize(repeating: 0, count: chunk.end - used)
                            (t + used).initialize(repeating: 0, count: chunk.end - used)
                        }
                        out[c] = chunk
                    }
                    Parallel.forEach(iterations: chunkCount, work)
                }
                assert(capacity[chunkCount] == slots && capacity[0] == 0)
                targetCount = slots
            }
            sourceCount = slots
        }
        releaseInput?()  // nothing reads `p` from here on
        var parser = EdgeListParser(path: path, options: options)
        return parser.finish(chunks: chunks, sources: &sources, targets: &targets, byteCount: n)
    }

    /// Tokenizes the lines of `range`, writing label codes at `chunk.base`.
    static func parseChunk(
        _ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, path: String?, options: EdgeListReader.Options,
        src: UnsafeMutableBufferPointer<Int32>, tgt: UnsafeMutableBufferPointer<Int32>, into chunk: inout Chunk
    ) {
        func report(
            _ line: Int, _ start: Int, _ end: Int, _ kind: EdgeListError.Kind, _ message: String, _ hint: String
        ) {
            if chunk.errors.count >= options.maxErrors { chunk.omitted += 1; return }
            chunk.errors.append(
                EdgeListError(
                    path: path, line: line, kind: kind, text: text(p, start, end), message: message, hint: hint))
        }
        /// The code of label `p[s..<e]`, nil (and an error) when it is not UTF-8.
        @inline(__always) func code(_ s: Int, _ e: Int, _ line: Int, _ lineStart: Int, _ lineEnd: Int) -> Int32? {
            let length = e - s
            if length > InputLimits.maxLabelBytes {
                report(
                    line, lineStart, lineEnd, .labelTooLong,
                    "label is \(length) bytes long; at most \(InputLimits.maxLabelBytes) are allowed",
                    "labels are names or ids; shorten it (is this really an edge list?)")
                return nil
            }
            let first = p[s]
            // Canonical decimal: digits only, no leading zero (except "0"), below 10^9.
            if length <= 9 && first &- 0x30 <= 9 && (first != 0x30 || length == 1) {
                var value: Int32 = 0
                var k = s
                while k < e {
                    let d = p[k] &- 0x30
                    if d > 9 { break }
                    value = value &* 10 &+ Int32(d)
                    k += 1
                }
                if k == e {
                    if value > chunk.maxCode { chunk.maxCode = value }
                    return value
                }
            }
            guard let label = String(validating: UnsafeBufferPointer(rebasing: p[s..<e]), as: UTF8.self) else {
                report(
                    line, lineStart, lineEnd, .invalidUTF8,
                    "label is not valid UTF-8",
                    "save the file as UTF-8 (labels may be any UTF-8 text without spaces, tabs, commas or `#`)")
                return nil
            }
            chunk.others.append(label)
            return Int32(-chunk.others.count)
        }

        let end = range.upperBound
        var i = range.lowerBound
        var line = 0
        var slot = chunk.base
        while i < end {
            line += 1
            let lineStart = i
            var count = 0
            var s0 = 0, e0 = 0, s1 = 0, e1 = 0, s2 = 0, e2 = 0
            while i < end {
                let c = p[i]
                if c == newline { break }
                if isSeparator(c) { i += 1; continue }
                if c == hash {
                    while i < end && p[i] != newline { i += 1 }
                    break
                }
                let tokenStart = i
                i += 1
                while i < end {
                    let d = p[i]
                    if d == newline || d == hash || isSeparator(d) { break }
                    i += 1
                }
                switch count {
                case 0: s0 = tokenStart; e0 = i
                case 1: s1 = tokenStart; e1 = i
                case 2: s2 = tokenStart; e2 = i
                default: break
                }
                count += 1
            }
            let lineEnd = i
            i += 1  // past the newline
            if count == 0 { continue }
            if count == 1 {
                report(
                    line, lineStart, lineEnd, .missingTarget,
                    "the line has a source but no target",
                    "write each edge as `source target [weight]` separated by spaces, tabs or commas")
                continue
            }
            if count > 3 {
                report(
                    line, lineStart, lineEnd, .tooManyColumns,
                    "\(count) columns; an edge has 2 or 3 (`source target [weight]`)",
                    "labels cannot contain spaces, tabs, commas or `#`; join words with `_` or remove the extra columns"
                )
                continue
            }
            var weight = options.defaultWeight
            if count == 3 {
                switch parseWeight(p, s2, e2) {
                case .value(let w): weight = w
                case .notANumber:
                    report(
                        line, lineStart, lineEnd, .badWeight,
                        "weight \"\(text(p, s2, e2))\" is not a number",
                        "write the weight as a decimal number such as 2.5 (not hexadecimal), or drop the third column to use the default weight"
                    )
                    continue
                case .nonFinite:
                    report(
                        line, lineStart, lineEnd, .nonFiniteWeight,
                        "weight \"\(text(p, s2, e2))\" is not finite",
                        "use a finite number; NaN and infinities are not allowed")
                    continue
                }
            }
            guard let u = code(s0, e0, line, lineStart, lineEnd),
                let v = code(s1, e1, line, lineStart, lineEnd)
            else { continue }
            // In bounds: one slot per edge line, and the region has a slot per line.
            assert(slot < chunk.end, "edge slot \(slot) past the chunk's region end \(chunk.end)")
            src[slot] = u
            tgt[slot] = v
            if count == 3 && chunk.weights == nil {
                chunk.weights = [Double](repeating: options.defaultWeight, count: chunk.edges)
            }
            chunk.weights?.append(weight)
            chunk.edges += 1
            slot += 1
        }
        chunk.lines = line
    }

    // Sequential pass: node ids in order of first appearance.

    /// Small integer label → id + 1 (0 = unseen).
    var dense: [Int32] = []
    var bigInts: [Int: Int32] = [:]
    var strings: [String: Int32] = [:]
    /// Per node: the integer label, or -1 when the label is in `stringLabels`.
    var intLabel: [Int] = []
    var stringLabels: [Int32: String] = [:]
    var nodeCount: Int32 = 0

    init(path: String?, options: EdgeListReader.Options) {
        self.path = path
        self.options = options
    }

    mutating func finish(
        chunks: [Chunk], sources: inout [Int32], targets: inout [Int32], byteCount: Int
    ) -> Result<LabeledGraph, EdgeListReadFailure> {
        // Errors in file order, with file line numbers.
        var errors: [EdgeListError] = []
        var omitted = 0
        var lineBase = 0
        for chunk in chunks {
            for var e in chunk.errors {
                e.line += lineBase
                if errors.count < options.maxErrors { errors.append(e) } else { omitted += 1 }
            }
            omitted += chunk.omitted
            lineBase += chunk.lines
        }
        if !errors.isEmpty { return .failure(EdgeListReadFailure(errors: errors, omittedCount: omitted)) }

        // A direct table for integer labels up to about half the file size (a line holding an
        // edge has at least 4 bytes, so that covers twice as many labels as edges).
        let denseLimit = max(1 << 12, byteCount / 2)
        let maxCode = chunks.map { Int($0.maxCode) }.max() ?? -1
        dense = [Int32](repeating: 0, count: min(maxCode + 1, denseLimit))
        let edgeCount = chunks.reduce(0) { $0 + $1.edges }
        intLabel.reserveCapacity(min(2 * edgeCount, 1 << 24))
        var out = 0
        var failed: EdgeListError?
        // In bounds: chunk regions lie inside the arrays (base + edges <= region end <= count,
        // see `parse`), and `out` only counts edges already read, so out <= k < count.
        assert(chunks.allSatisfy { $0.base + $0.edges <= sources.count } && targets.count == sources.count)
        sources.withUnsafeMutableBufferPointer { src in
            targets.withUnsafeMutableBufferPointer { tgt in
                outer: for chunk in chunks {
                    for k in chunk.base..<(chunk.base + chunk.edges) {
                        // In place: `out <= k`, and slot k is read before slot `out` is written.
                        guard let u = id(src[k], chunk), let v = id(tgt[k], chunk) else {
                            failed = EdgeListError(
                                path: path, line: 0, kind: .tooLarge, text: "",
                                message: "more than \(Int32.max - 1) distinct labels",
                                hint: "split the graph; node ids are 32-bit")
                            break outer
                        }
                        src[out] = u
                        tgt[out] = v
                        out += 1
                    }
                }
            }
        }
        if let failed { return .failure(EdgeListReadFailure(errors: [failed])) }
        sources.removeLast(sources.count - out)
        targets.removeLast(targets.count - out)
        if out > Int(Int32.max) {
            return .failure(
                EdgeListReadFailure(errors: [
                    EdgeListError(
                        path: path, line: 0, kind: .tooLarge, text: "",
                        message: GraphError.tooManyEdges(out).description,
                        hint: "split the graph; edge ids are 32-bit")
                ]))
        }
        var weights: [Double]?
        if chunks.contains(where: { $0.weights != nil }) {
            var all: [Double] = []
            all.reserveCapacity(out)
            for chunk in chunks {
                if let w = chunk.weights {
                    all.append(contentsOf: w)
                } else {
                    all.append(contentsOf: repeatElement(options.defaultWeight, count: chunk.edges))
                }
            }
            weights = all
        }
        var builder = GraphBuilder(
            directed: options.directed, nodeCount: Int(nodeCount), sources: sources, targets: targets,
            weights: weights, uniformWeight: options.defaultWeight, uniformLayer: options.layer)
        sources = []
        targets = []
        let graph: Graph
        do {
            graph = try builder.buildReleasingEdges()
        } catch {
            return .failure(
                EdgeListReadFailure(errors: [
                    EdgeListError(
                        path: path, line: 0, kind: .tooLarge, text: "", message: error.description,
                        hint: "split the graph; edge ids are 32-bit")
                ]))
        }
        var labels: [String] = []
        labels.reserveCapacity(Int(nodeCount))
        for id in 0..<Int(nodeCount) {
            let value = intLabel[id]
            labels.append(value >= 0 ? String(value) : stringLabels[Int32(id)] ?? "")
        }
        return .success(LabeledGraph(graph: graph, labels: labels))
    }

    /// The node id of `code` from `chunk`, made on first sight; nil past `Int32.max - 1` nodes.
    @inline(__always)
    mutating func id(_ code: Int32, _ chunk: Chunk) -> Int32? {
        if code >= 0 && Int(code) < dense.count {
            let stored = dense[Int(code)]
            if stored != 0 { return stored - 1 }
            guard let id = newId() else { return nil }
            dense[Int(code)] = id + 1
            intLabel.append(Int(code))
            return id
        }
        if code >= 0 { return bigIntId(Int(code)) }
        let label = chunk.others[Int(-code) - 1]
        if let value = Self.canonicalInteger(label) { return bigIntId(value) }
        if let id = strings[label] { return id }
        guard let id = newId() else { return nil }
        strings[label] = id
        intLabel.append(-1)
        stringLabels[id] = label
        return id
    }

    mutating func bigIntId(_ value: Int) -> Int32? {
        if let id = bigInts[value] { return id }
        guard let id = newId() else { return nil }
        bigInts[value] = id
        intLabel.append(value)
        return id
    }

    /// The value of a canonical decimal label (digits only, no leading zero except "0", at
    /// most 18 digits); nil for any other label.
    static func canonicalInteger(_ label: String) -> Int? {
        let utf8 = label.utf8
        guard let first = utf8.first, utf8.count <= 18, first &- 0x30 <= 9, first != 0x30 || utf8.count == 1 else {
            return nil
        }
        var value = 0
        for c in utf8 {
            let d = c &- 0x30
            if d > 9 { return nil }
            value = value &* 10 &+ Int(d)
        }
        return value
    }

    mutating func newId() -> Int32? {
        if nodeCount == Int32.max - 1 { return nil }
        let id = nodeCount
        nodeCount += 1
        return id
    }

    enum WeightParse {
        case value(Double)
        case notANumber
        case nonFinite
    }

    /// Decimal fast path (exact: mantissa below 2^53 and at most 22 fraction digits, the
    /// division by an exact power of ten is correctly rounded); otherwise the standard library.
    static func parseWeight(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> WeightParse {
        var k = start
        var negative = false
        if p[k] == 0x2D || p[k] == 0x2B { negative = p[k] == 0x2D; k += 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var fraction = 0
        var sawPoint = false
        var sawDigit = false
        var simple = true
        while k < end {
            let c = p[k]
            if c == 0x2E {
                if sawPoint { simple = false; break }
                sawPoint = true
            } else {
                let d = c &- 0x30
                if d > 9 { simple = false; break }
                sawDigit = true
                if mantissa == 0 && d == 0 {
                    // leading zeros do not count toward precision
                } else {
                    digits += 1
                }
                mantissa = mantissa &* 10 &+ UInt64(d)
                if sawPoint { fraction += 1 }
            }
            k += 1
        }
        if simple && sawDigit && digits <= 15 && fraction <= 22 {
            var value = Double(mantissa)
            if fraction > 0 { value /= powersOfTen[fraction] }
            return .value(negative ? -value : value)
        }
        // Decimal only: Double(String) would also take 0x10, 0x1p3 and inf.
        let token = UnsafeBufferPointer(rebasing: p[start..<end])
        if DecimalNumber.isNonFiniteWord(token) { return .nonFinite }
        guard let value = DecimalNumber.parse(token) else { return .notANumber }
        return value.isFinite ? .value(value) : .nonFinite
    }

    static let powersOfTen: [Double] = (0...22).map { k in
        var x = 1.0
        for _ in 0..<k { x *= 10 }
        return x
    }

    static func text(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        var stop = end
        while stop > start && (p[stop - 1] == cr || p[stop - 1] == space || p[stop - 1] == tab) { stop -= 1 }
        let limit = min(stop, start + 480)
        var s = String(decoding: UnsafeBufferPointer(rebasing: p[start..<limit]), as: UTF8.self)
        if s.count > 120 { s = String(s.prefix(120)) + "…" } else if limit < stop { s += "…" }
        return s
    }
}
