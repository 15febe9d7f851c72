@_spi(Fuzzing) import ChainGraph
import FuzzSupport

/// (c) The edge-list reader, through the sequential and the chunked path.
///
/// Input layout: byte 0 holds the options (bit 0: undirected; bit 1: default weight 2.5
/// instead of 1; bits 2–7: the chunking threshold, `chunkThresholds[(byte >> 2) % count]`);
/// the rest is the edge list's bytes. Oracle: no crash or sanitizer report, and the chunked
/// read equals the sequential one (same graph arrays and labels, or the same errors).
@_cdecl("FuzzEdgeList_main")
func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc: argc, argv: argv) { data, size in
        let bytes = inputBytes(data, size)
        guard let control = bytes.first else { return 0 }
        let options = EdgeListReader.Options(
            directed: control & 1 == 0, defaultWeight: control & 2 == 0 ? 1 : 2.5, maxErrors: 5)
        let threshold = chunkThresholds[Int(control >> 2) % chunkThresholds.count]
        let text = Array(bytes[1...])
        let chunked = Result { () throws(EdgeListReadFailure) in
            try EdgeListReader.parse(text, options: options, minimumParallelBytes: threshold)
        }
        let sequential = Result { () throws(EdgeListReadFailure) in
            try EdgeListReader.parse(text, options: options, minimumParallelBytes: .max)
        }
        switch (sequential, chunked) {
        case (.success(let a), .success(let b)):
            if a.labels != b.labels { mismatch("labels", a.labels, b.labels) }
            let (g, h) = (a.graph, b.graph)
            if g.nodeCount != h.nodeCount || g.isDirected != h.isDirected || g.outOffsets != h.outOffsets
                || g.outTargets != h.outTargets || g.weights != h.weights || g.layers != h.layers
                || g.inOffsets != h.inOffsets || g.inSources != h.inSources || g.inEdges != h.inEdges
            {
                mismatch("graphs", g, h)
            }
        case (.failure(let a), .failure(let b)):
            if a != b { mismatch("errors", a, b) }
        default:
            mismatch("outcomes", sequential, chunked)
        }
        return 0
    }
}
