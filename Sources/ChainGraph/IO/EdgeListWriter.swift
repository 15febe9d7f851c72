#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A problem writing an edge list.
public enum EdgeListWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The label array does not have one label per node.
    case labelCountMismatch(labels: Int, nodes: Int)
    /// A label is empty or contains a space, tab, comma, `#` or line break, so it could not
    /// be read back.
    case unwritableLabel(node: Int32, label: String)
    /// The file could not be written.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .labelCountMismatch(let l, let n):
            "\(l) labels for \(n) nodes; give one label per node"
        case .unwritableLabel(let node, let label):
            "label \"\(label)\" of node \(node) is empty or contains a space, tab, comma, `#` or line break; replace those characters (e.g. with `_`)"
        case .cannotWrite(let path, let reason):
            "cannot write \(path): \(reason)"
        }
    }
}

/// Writes a graph as a plain edge list that ``EdgeListReader`` reads back.
///
/// One line per edge in edge-id order: `source target weight` separated by a space, the
/// weight in Swift's shortest round-trip form (`1.0`, `2.5`, `1e-05`). Output is
/// deterministic. Isolated nodes (no edges) cannot be expressed and are not written.
///
/// ```swift
/// let text = try EdgeListWriter.string(graph, labels: ["a", "b", "c"])
/// ```
public enum EdgeListWriter {
    /// The edge list as text. With `labels` nil, node ids are written.
    /// - Throws: ``EdgeListWriteError`` for a label count mismatch or an unwritable label.
    /// - Complexity: O(V + E).
    public static func string(_ graph: Graph, labels: [String]? = nil, includeWeights: Bool = true)
        throws(EdgeListWriteError) -> String
    {
        let names = labels ?? (0..<graph.nodeCount).map { String($0) }
        if names.count != graph.nodeCount {
            throw .labelCountMismatch(labels: names.count, nodes: graph.nodeCount)
        }
        for (i, name) in names.enumerated() where !isWritable(name) {
            // Only nodes that appear on an edge matter.
            if graph.outDegree(of: Int32(i)) + graph.inDegree(of: Int32(i)) > 0 {
                throw .unwritableLabel(node: Int32(i), label: name)
            }
        }
        var out = ""
        out.reserveCapacity(graph.edgeCount * 16)
        for v in 0..<Int32(graph.nodeCount) {
            for e in graph.outEdgeRange(of: v) {
                out += names[Int(v)]
                out += " "
                out += names[Int(graph.outTargets[e])]
                if includeWeights {
                    out += " "
                    out += "\(graph.weights[e])"
                }
                out += "\n"
            }
        }
        return out
    }

    /// Writes the edge list to the file at `path` (replacing it).
    /// - Throws: ``EdgeListWriteError``.
    public static func write(_ graph: Graph, labels: [String]? = nil, includeWeights: Bool = true, to path: String)
        throws(EdgeListWriteError)
    {
        let text = try string(graph, labels: labels, includeWeights: includeWeights)
        guard let file = fopen(path, "wb") else {
            throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
        var bytes = Array(text.utf8)
        // fwrite reads exactly the buffer's count bytes from its base address.
        let written = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { fwrite($0, 1, buffer.count, file) } ?? 0
        }
        let closed = fclose(file)
        if written != bytes.count || closed != 0 {
            throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
        bytes.removeAll()
    }

    static func isWritable(_ label: String) -> Bool {
        if label.isEmpty { return false }
        for c in label.utf8 where c == 0x20 || c == 0x09 || c == 0x2C || c == 0x23 || c == 0x0A || c == 0x0D {
            return false
        }
        // A leading byte-order mark on the first label would be eaten by the reader.
        return !label.hasPrefix("\u{FEFF}")
    }
}
