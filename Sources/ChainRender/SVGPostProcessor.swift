/// Fixes up Graphviz's SVG so it shows Chinese in common browsers: every `font-family`
/// attribute names the full CJK font stack (some Graphviz versions write only the first family,
/// or a PostScript alias such as `Times,serif`).
package enum SVGPostProcessor {
    /// Returns `svg` with every `font-family="…"` value that lacks a generic family replaced by
    /// `fontStack`. The stack is XML-escaped.
    ///
    /// - Complexity: O(n) in the SVG size.
    package static func process(_ svg: [UInt8], fontStack: String) -> [UInt8] {
        let marker = Array("font-family=\"".utf8)
        let replacement = Array(DOTText.xml(fontStack).utf8)
        var out: [UInt8] = []
        out.reserveCapacity(svg.count + svg.count / 16)
        var i = 0
        // In bounds: i and j stay below bytes.count (each loop tests it first); the marker is
        // compared only when i + marker.count <= bytes.count.
        svg.withUnsafeBufferPointer { bytes in
            while i < bytes.count {
                if bytes[i] == marker[0], i + marker.count <= bytes.count, matches(bytes, at: i, marker) {
                    out.append(contentsOf: marker)
                    var j = i + marker.count
                    while j < bytes.count && bytes[j] != UInt8(ascii: "\"") { j += 1 }
                    let value = Array(bytes[(i + marker.count)..<j])
                    if hasGenericFamily(value) && containsCJKFamily(value) {
                        out.append(contentsOf: value)
                    } else {
                        out.append(contentsOf: replacement)
                    }
                    i = j
                } else {
                    out.append(bytes[i])
                    i += 1
                }
            }
        }
        return out
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, _ pattern: [UInt8]) -> Bool {
        for k in pattern.indices where bytes[i + k] != pattern[k] { return false }
        return true
    }

    private static func hasGenericFamily(_ value: [UInt8]) -> Bool {
        let text = String(decoding: value, as: UTF8.self)
        return text.hasSuffix("sans-serif") || text.hasSuffix("serif")
    }

    private static func containsCJKFamily(_ value: [UInt8]) -> Bool {
        let text = String(decoding: value, as: UTF8.self)
        return text.contains("CJK") || text.contains("YaHei") || text.contains("PingFang") || text.contains("Han Sans")
    }
}
