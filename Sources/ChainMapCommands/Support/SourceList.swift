import ArgumentParser
import Foundation

/// A file of node ids or labels, one per line (`#` comments), for `--sources`: each must name
/// a node of the graph; unknown names are reported with their lines.
enum SourceList {
    static func read(_ path: String, ids: [String]) throws -> [Int32] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            Console.err("\(path): error: cannot read the sources file. Hint: one node id or label per line\n")
            throw ExitCode.failure
        }
        var index: [String: Int32] = [:]
        for (i, id) in ids.enumerated() { index[id] = Int32(i) }
        var result: [Int32] = []
        var unknown: [String] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let word = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if word.isEmpty || word.hasPrefix("#") { continue }
            if let v = index[word] { result.append(v) } else { unknown.append("\(path):\(n + 1): error: unknown node \"\(word)\"") }
        }
        if !unknown.isEmpty {
            unknown.prefix(20).forEach { Console.err($0 + ". Hint: use ids of the park or labels of the edge list\n") }
            throw ExitCode.failure
        }
        if result.isEmpty {
            Console.err("\(path): error: no sources listed. Hint: one node id or label per line\n")
            throw ExitCode.failure
        }
        return result
    }
}
