import Testing

@testable import ChainGraph

/// Large edge lists are tokenized in chunks on all cores; chunking must not change the graph,
/// the labels, their order or the errors (lines numbered across chunks).
@Suite struct EdgeListChunkTests {
    static func parse(_ text: String, minimumParallelBytes: Int) -> Result<LabeledGraph, EdgeListReadFailure> {
        Array(text.utf8).withUnsafeBufferPointer {
            EdgeListParser.parse($0, path: "t.txt", options: .init(), minimumParallelBytes: minimumParallelBytes)
        }
    }

    /// A mixed list: small and big integers, non-canonical numbers, Chinese labels, weights on
    /// some lines only, comments, blank lines, CRLF and separators of every kind.
    static func mixedList(lines: Int, seed: UInt64) -> String {
        var rng = SplitMix64(seed: seed)
        func label() -> String {
            switch rng.next() % 6 {
            case 0: return String(rng.next() % 50)
            case 1: return String(1_000_000_000 + rng.next() % 7)
            case 2: return "0" + String(rng.next() % 5)
            case 3: return "企业" + String(rng.next() % 9)
            case 4: return String(rng.next() % 3_000)
            default: return "f" + String(rng.next() % 20)
            }
        }
        var text = "\u{FEFF}# header\n"
        for i in 0..<lines {
            switch rng.next() % 10 {
            case 0: text += "\n"
            case 1: text += "# comment \(i)\n"
            case 2: text += "\(label()),\(label()),\(Double(rng.next() % 1000) / 8)\r\n"
            case 3: text += "\(label())\t\(label()) # trailing\n"
            default: text += "\(label()) \(label())\n"
            }
        }
        return text
    }

    @Test(arguments: [1 as UInt64, 2, 3])
    func chunkedEqualsWhole(seed: UInt64) throws {
        let text = Self.mixedList(lines: 3_000, seed: seed)
        let whole = try Self.parse(text, minimumParallelBytes: .max).get()
        let chunked = try Self.parse(text, minimumParallelBytes: 1).get()
        #expect(chunked.labels == whole.labels)
        #expect(chunked.graph.outOffsets == whole.graph.outOffsets)
        #expect(chunked.graph.outTargets == whole.graph.outTargets)
        #expect(chunked.graph.weights == whole.graph.weights)
        #expect(chunked.graph.inSources == whole.graph.inSources)
        #expect(chunked.graph.edgeCount > 2_000)
        // Independent oracle: the label-level edge multiset from a plain line-by-line reading.
        var expected: [String] = []
        // ("\r\n" is one Character in Swift.)
        for raw in text.dropFirst().split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let fields = line.split(whereSeparator: { " \t,\r".contains($0) }).map(String.init)
            guard fields.count >= 2 else { continue }
            expected.append("\(fields[0])|\(fields[1])|\(fields.count == 3 ? Double(fields[2]) ?? .nan : 1)")
        }
        #expect(labeledEdges(chunked) == expected.sorted())
    }

    @Test func errorsKeepFileLineNumbersAcrossChunks() {
        var lines = (1...2_000).map { "\($0) \($0 + 1)" }
        lines[99] = "lonely"  // line 100
        lines[1_499] = "a b c d"  // line 1500
        lines[1_999] = "x y NaN"  // line 2000
        let text = lines.joined(separator: "\n")
        for minimum in [Int.max, 1] {
            guard case .failure(let failure) = Self.parse(text, minimumParallelBytes: minimum) else {
                Issue.record("expected errors")
                continue
            }
            #expect(failure.errors.map(\.line) == [100, 1_500, 2_000])
            #expect(failure.errors.map(\.kind) == [.missingTarget, .tooManyColumns, .nonFiniteWeight])
        }
    }

    @Test func errorCapCountsTheRestAcrossChunks() {
        let text = (1...500).map { $0 % 2 == 0 ? "\($0)" : "\($0) \($0)" }.joined(separator: "\n")
        for minimum in [Int.max, 1] {
            var options = EdgeListReader.Options()
            options.maxErrors = 10
            let result = Array(text.utf8).withUnsafeBufferPointer {
                EdgeListParser.parse($0, path: nil, options: options, minimumParallelBytes: minimum)
            }
            guard case .failure(let failure) = result else { Issue.record("expected errors"); continue }
            #expect(failure.errors.map(\.line) == Array(stride(from: 2, through: 20, by: 2)))
            #expect(failure.omittedCount == 240)
        }
    }
}
