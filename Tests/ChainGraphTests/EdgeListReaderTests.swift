import Foundation
import Testing

@testable import ChainGraph

/// (source label, target label, weight) of every edge, sorted: a label-level edge multiset.
func labeledEdges(_ lg: LabeledGraph) -> [String] {
    let g = lg.graph
    let sources = g.edgeSources()
    return (0..<g.edgeCount).map { e in
        "\(lg.labels[Int(sources[e])])|\(lg.labels[Int(g.outTargets[e])])|\(g.weights[e])"
    }.sorted()
}

func readFailure(_ text: String, options: EdgeListReader.Options = .init()) -> EdgeListReadFailure? {
    do {
        _ = try EdgeListReader.parse(text, path: "t.txt", options: options)
        return nil
    } catch {
        return error
    }
}

@Suite struct EdgeListReaderTests {
    @Test func readsLabelsInFirstSeenOrderWithWeights() throws {
        let lg = try EdgeListReader.parse("a b\nb c 2.5\nc a -1\n")
        #expect(lg.labels == ["a", "b", "c"])
        #expect(lg.graph.isDirected)
        #expect(lg.graph.edgeCount == 3)
        #expect(Array(lg.graph.successors(of: 1)) == [2])
        // Negative weights are kept; the default weight is 1.
        #expect(lg.graph.weights == [1, 2.5, -1])
    }

    @Test func integerLabelsAreTokensNotNumbers() throws {
        let lg = try EdgeListReader.parse("10 3\n3 7\n007 7\n99999999999999999999 10\n123456789012 0\n")
        // "007" differs from "7"; a 20-digit label and a large one take the slow paths.
        #expect(lg.labels == ["10", "3", "7", "007", "99999999999999999999", "123456789012", "0"])
        #expect(lg.graph.nodeCount == 7)
        #expect(labeledEdges(lg).contains("007|7|1.0"))
    }

    @Test func acceptsBOMCRLFCommentsBlankLinesTabsAndCommas() throws {
        let text = "\u{FEFF}# header comment\r\n\r\nx\ty\t2 # trailing\r\n   \r\ny,z,3\r\n#x z\nz , x\n"
        let lg = try EdgeListReader.parse(text)
        #expect(lg.labels == ["x", "y", "z"])
        #expect(labeledEdges(lg) == ["x|y|2.0", "y|z|3.0", "z|x|1.0"])
    }

    @Test func readsChineseLabels() throws {
        let lg = try EdgeListReader.parse("华为 比亚迪 3\n比亚迪 宁德时代\n宁德时代 华为 0.5\n")
        #expect(lg.labels == ["华为", "比亚迪", "宁德时代"])
        #expect(lg.graph.weights == [3, 1, 0.5])
    }

    @Test func optionsSetDirectionDefaultWeightAndLayer() throws {
        let lg = try EdgeListReader.parse("1 2\n2 3 4\n", options: .init(directed: false, defaultWeight: 7, layer: 1))
        #expect(!lg.graph.isDirected)
        #expect(lg.graph.weights == [7, 4])
        #expect(lg.graph.layers == [1, 1])
    }

    @Test func parsesWeightsExactly() throws {
        let tokens = [
            "0.1", "123.456", "-0.5", ".5", "5.", "1e-3", "2.5E2", "+4", "0.000001", "12345678901234567890.5",
        ]  // decimal only: 0x10 is refused (hexadecimalWeightIsNotANumber)
        let text = tokens.map { "a b \($0)" }.joined(separator: "\n")
        let lg = try EdgeListReader.parse(text)
        let expected = tokens.map { Double($0) }
        #expect(lg.graph.weights.map { Optional($0) } == expected)
    }

    @Test func reportsEveryBadLineWithLineNumberAndHint() throws {
        var bytes = Array("a b\nlonely\nc d abc\ne f nan\ng h inf\n\ni j 1 2\n".utf8)
        bytes += [0xFF, 0xFE, 0x20, 0x61, 0x0A]  // line 8: invalid UTF-8 label
        bytes += Array("k l 1e999\nm n -\n".utf8)
        var failure: EdgeListReadFailure?
        do { _ = try EdgeListReader.parse(bytes, path: "bad.txt") } catch { failure = error }
        let errors = try #require(failure).errors
        #expect(errors.map(\.line) == [2, 3, 4, 5, 7, 8, 9, 10])
        #expect(
            errors.map(\.kind) == [
                .missingTarget, .badWeight, .nonFiniteWeight, .nonFiniteWeight, .tooManyColumns, .invalidUTF8,
                .nonFiniteWeight, .badWeight,
            ])
        #expect(errors[1].text == "c d abc")
        #expect(errors[1].message.contains("\"abc\""))
        #expect(errors.allSatisfy { $0.path == "bad.txt" && !$0.hint.isEmpty })
        #expect(errors[0].description.hasPrefix("bad.txt:2: "))
        #expect(errors[0].description.contains("hint: "))
    }

    @Test func capsErrorsAndCountsTheRest() throws {
        let text = String(repeating: "only\n", count: 150)
        let failure = try #require(readFailure(text, options: .init(maxErrors: 100)))
        #expect(failure.errors.count == 100)
        #expect(failure.omittedCount == 50)
        #expect(failure.totalCount == 150)
        #expect(failure.errors.last?.line == 100)
        #expect(failure.description.contains("50 more"))
    }

    @Test func reportsAnUnreadableFile() throws {
        var failure: EdgeListReadFailure?
        do { _ = try EdgeListReader.read(path: "/nonexistent/dir/edges.txt") } catch { failure = error }
        let error = try #require(failure?.errors.first)
        #expect(error.kind == .unreadableFile)
        #expect(error.line == 0)
        #expect(error.description.hasPrefix("/nonexistent/dir/edges.txt: "))
    }

    @Test func emptyInputGivesEmptyGraph() throws {
        let lg = try EdgeListReader.parse("\u{FEFF}# nothing\n\n")
        #expect(lg.graph.nodeCount == 0 && lg.labels.isEmpty)
        #expect(try EdgeListReader.parse("").graph.nodeCount == 0)
    }

    @Test func randomBytesNeverCrash() {
        var rng = SplitMix64(seed: 2024)
        let alphabet: [UInt8] =
            Array("0123456789 \t,#\r\n.-+eEabc".utf8) + [0xFF, 0xEF, 0xBB, 0xBF, 0xE5, 0x8D, 0x8E, 0x00]
        var successes = 0
        for round in 0..<400 {
            let count = Int.random(in: 0..<200, using: &rng)
            let bytes: [UInt8] = (0..<count).map { _ in
                round % 2 == 0 ? UInt8.random(in: 0...255, using: &rng) : alphabet.randomElement(using: &rng) ?? 0
            }
            do {
                let lg = try EdgeListReader.parse(bytes)
                #expect(lg.labels.count == lg.graph.nodeCount)
                successes += 1
            } catch {
                #expect(!error.errors.isEmpty)
                #expect(error.errors.allSatisfy { $0.line >= 1 })
            }
        }
        #expect(successes > 0)
    }

    @Test func writerRoundTripsThroughAFile() throws {
        var rng = SplitMix64(seed: 9)
        var builder = GraphBuilder(directed: true)
        for _ in 0..<300 {
            let u = Int32.random(in: 0..<60, using: &rng), v = Int32.random(in: 0..<60, using: &rng)
            builder.addEdge(u, v, weight: Double(Int.random(in: -20...20, using: &rng)) / 8)
        }
        let graph = try builder.build()
        let labels = (0..<graph.nodeCount).map { $0 % 3 == 0 ? "节点\($0)" : "n\($0)" }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "structure-roundtrip-\(UInt32.random(in: 0...UInt32.max)).txt"
        ).path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try EdgeListWriter.write(graph, labels: labels, to: path)
        let back = try EdgeListReader.read(path: path)
        #expect(labeledEdges(back) == labeledEdges(LabeledGraph(graph: graph, labels: labels)))
        // Deterministic: writing the same graph twice gives the same text.
        #expect(try EdgeListWriter.string(graph, labels: labels) == EdgeListWriter.string(graph, labels: labels))
    }

    @Test func writerRejectsLabelsItCannotReadBack() throws {
        var builder = GraphBuilder()
        builder.addEdge(0, 1)
        let graph = try builder.build()
        #expect(throws: EdgeListWriteError.unwritableLabel(node: 1, label: "b c")) {
            try EdgeListWriter.string(graph, labels: ["a", "b c"])
        }
        #expect(throws: EdgeListWriteError.labelCountMismatch(labels: 1, nodes: 2)) {
            try EdgeListWriter.string(graph, labels: ["a"])
        }
        #expect(try EdgeListWriter.string(graph, includeWeights: false) == "0 1\n")
    }
}

/// Issue #15 (8): non-regular inputs are refused or read with a bound.
@Suite struct EdgeListInputTests {
    @Test func deviceIsRefusedNotReadForever() {
        #expect(throws: EdgeListReadFailure.self) { try EdgeListReader.read(path: "/dev/zero") }
        do {
            _ = try EdgeListReader.read(path: "/dev/zero")
        } catch {
            #expect(error.errors.first?.message == "is a device, not a regular file")
        }
    }

    @Test func pipeIsReadWithABound() throws {
        for (limit, ok) in [(1000, true), (10, false)] {
            var fds: [Int32] = [0, 0]
            #expect(pipe(&fds) == 0)
            let text = "a b\nb c\nc d 2\n"
            _ = text.utf8.withContiguousStorageIfAvailable { write(fds[1], $0.baseAddress, $0.count) }
            close(fds[1])
            defer { close(fds[0]) }
            do {
                let g = try EdgeListReader.read(path: "/dev/fd/\(fds[0])", options: .init(maxStreamBytes: limit))
                #expect(ok && g.graph.edgeCount == 3)
            } catch {
                #expect(!ok)
                #expect(error.errors.first?.message.contains("stream is longer than") == true)
            }
        }
    }

    /// Issue #15 (9): a weight 0x1p3 was read as 8.
    @Test func hexadecimalWeightIsNotANumber() {
        do {
            _ = try EdgeListReader.parse("a b 0x1p3\nb c 0x10\nc d inf\nd e 2.5e1\n")
            Issue.record("parsed")
        } catch {
            #expect(error.errors.map(\.kind) == [.badWeight, .badWeight, .nonFiniteWeight])
            #expect(error.errors.map(\.line) == [1, 2, 3])
        }
    }

    /// Issue #15 (11): a UTF-16 list reported `weight "\0" "1" "\0" is not a number` per line.
    @Test func utf16IsOneClearError() {
        var body: [UInt8] = []
        for unit in "a b 1\nb c 2\n".utf16 {
            body.append(UInt8(unit & 0xFF))
            body.append(UInt8(unit >> 8))
        }
        let withMark: [UInt8] = [0xFF, 0xFE] + body
        for bytes in [withMark, body] {
            do {
                _ = try EdgeListReader.parse(bytes)
                Issue.record("parsed")
            } catch {
                #expect(error.errors.count == 1)
                #expect(error.errors.first?.kind == .invalidUTF8)
                #expect(error.errors.first?.message.contains("UTF-16") == true)
            }
        }
    }

    /// Issue #15 (12): a 64 MiB label made `rank` print 805 MB; labels are capped at load.
    @Test func overlongLabelIsALocatedError() {
        let long = String(repeating: "x", count: InputLimits.maxLabelBytes + 1)
        do {
            _ = try EdgeListReader.parse("a b\n\(long) c\n")
            Issue.record("parsed")
        } catch {
            #expect(error.errors.map(\.kind) == [.labelTooLong])
            #expect(error.errors.map(\.line) == [2])
            #expect(error.description.utf8.count < 600)
        }
        #expect((try? EdgeListReader.parse("a \(String(repeating: "y", count: InputLimits.maxLabelBytes))\n")) != nil)
    }
}
