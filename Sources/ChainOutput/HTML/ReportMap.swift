/// The chain map of a committee report, as the HTML renderer embeds it: an SVG drawn by
/// ChainRender (this module does not draw maps) and the element id of each firm, stage and
/// chain in it, so findings, search and cards can point at the map.
public struct ReportMap: Sendable {
    /// The SVG element, ready to be inlined (see ``inline(_:)``).
    public var svg: [UInt8]
    /// Whether the map shows stages (or chains) as nodes instead of firms.
    public var aggregated: Bool
    /// Firm id → element id in ``svg``, for firms drawn on the map.
    public var firmElements: [String: String]
    /// Stage id → element id (a stage box or, aggregated, a stage node).
    public var stageElements: [String: String]
    /// Chain id → element id (aggregated by chain).
    public var chainElements: [String: String]
    /// Notes the map builder left (view switched, overlays skipped). ChainRender writes them in
    /// English for developers; the page does not show them.
    public var notes: [String]

    public init(
        svg: [UInt8], aggregated: Bool, firmElements: [String: String] = [:], stageElements: [String: String] = [:],
        chainElements: [String: String] = [:], notes: [String] = []
    ) {
        self.svg = svg
        self.aggregated = aggregated
        self.firmElements = firmElements
        self.stageElements = stageElements
        self.chainElements = chainElements
        self.notes = notes
    }

    /// `svg` from its `<svg` tag on, without the XML declaration, document type and comments
    /// before it, and without namespace declarations (`xmlns…="…"`), which HTML does not need
    /// and which would be the file's only web addresses. Comments inside are removed too, and
    /// Graphviz's `&#45;` becomes `-` (ids such as `firm-a` are then what the HTML holds).
    ///
    /// - Complexity: O(n).
    public static func inline(_ svg: [UInt8]) -> [UInt8] {
        let open = Array("<svg".utf8), comment = Array("<!--".utf8), endComment = Array("-->".utf8)
        let xmlns = Array(" xmlns".utf8), hyphen = Array("&#45;".utf8)
        func at(_ i: Int, _ p: [UInt8]) -> Bool {
            guard i + p.count <= svg.count else { return false }
            for k in p.indices where svg[i + k] != p[k] { return false }
            return true
        }
        var start = 0
        while start < svg.count && !at(start, open) { start += 1 }
        var out: [UInt8] = []
        out.reserveCapacity(svg.count - start)
        var i = start
        var inTag = false
        while i < svg.count {
            let c = svg[i]
            if !inTag && at(i, comment) {
                var j = i + comment.count
                while j < svg.count && !at(j, endComment) { j += 1 }
                i = min(svg.count, j + endComment.count)
                continue
            }
            if c == UInt8(ascii: "&") && at(i, hyphen) {
                out.append(UInt8(ascii: "-"))
                i += hyphen.count
                continue
            }
            if c == UInt8(ascii: "<") { inTag = true }
            if c == UInt8(ascii: ">") { inTag = false }
            if inTag && at(i, xmlns) {
                // Skip ` xmlns[:prefix]="…"`.
                var j = i + xmlns.count
                while j < svg.count && svg[j] != UInt8(ascii: "\"") && svg[j] != UInt8(ascii: ">") { j += 1 }
                if j < svg.count && svg[j] == UInt8(ascii: "\"") {
                    j += 1
                    while j < svg.count && svg[j] != UInt8(ascii: "\"") { j += 1 }
                    i = min(svg.count, j + 1)
                    continue
                }
            }
            out.append(c)
            i += 1
        }
        return out
    }

    /// The `id="…"` values of `svg`, in order.
    public static func elementIds(_ svg: [UInt8]) -> [String] {
        let marker = Array(" id=\"".utf8)
        var ids: [String] = []
        var i = 0
        while i + marker.count <= svg.count {
            var hit = true
            for k in marker.indices where svg[i + k] != marker[k] {
                hit = false
                break
            }
            if hit {
                var j = i + marker.count
                while j < svg.count && svg[j] != UInt8(ascii: "\"") { j += 1 }
                ids.append(String(decoding: svg[(i + marker.count)..<j], as: UTF8.self))
                i = j
            } else {
                i += 1
            }
        }
        return ids
    }
}
