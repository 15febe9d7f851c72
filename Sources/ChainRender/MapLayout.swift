/// The geometry of a grid map, computed by ChainMap itself; Graphviz only draws it (`nop2`:
/// node `pos`, cluster `bb`, edge `pos` and label `xlp` are used as given).
///
/// Arrangement: stages are columns, upstream → downstream (a stage's column is one more than
/// the column of its furthest input, from the scene's rank edges), outside-park firms in a
/// column of their own on the left, unstaged firms and organizations on the right. A stage's
/// firms fill a grid of equal cells inside its box; stages of one column are stacked. The
/// number of rows per box is chosen to maximise the label size when the whole map is printed
/// on A3 (either orientation), which also keeps the aspect ratio near the page's.
///
/// Links are bundled per pair of boxes and status (count and value on the bundle, every firm
/// link in its tooltip). A bundle leaves its box on the right, runs down a vertical track of
/// its own in the channel between columns (bundles that skip columns, or go back upstream,
/// take a lane above or below all boxes) and enters the target box on the left, where its
/// label sits right-aligned on the last segment. Tracks lie left of the channel's label area
/// and the ports of one box side are a label height apart, so labels never overlap each
/// other, a box or another bundle.
struct MapLayout {
    struct Point: Equatable {
        var x: Double
        var y: Double
    }

    struct Rect: Equatable {
        var x: Double
        var y: Double
        var width: Double
        var height: Double
        var maxX: Double { x + width }
        var maxY: Double { y + height }
        func intersects(_ o: Rect) -> Bool { x < o.maxX && o.x < maxX && y < o.maxY && o.y < maxY }
    }

    /// A routed bundle: its polyline (y down), and its label box and text lines.
    struct Route {
        var points: [Point]
        var label: Rect?
    }

    /// Top-left y-down coordinates; the DOT writer flips them.
    var width: Double = 0
    var height: Double = 0
    /// Centre and size of each scene node (index into `scene.nodes`).
    var nodeCenter: [Point] = []
    var nodeSize: [Point] = []
    /// Box of each cluster by key.
    var clusterBox: [String: Rect] = [:]
    var bundles: [MapBundle] = []
    /// Lines of the tallest bundle label: incoming ports are this many lines apart.
    var labelLines = 1
    var routes: [Route] = []
    var legend: Rect?
    /// Columns of legend rows (1 or 2): whichever shape grows the map least.
    var legendColumns = 1
    var title: Point = Point(x: 0, y: 0)
    /// Scale factor that fits the map on A3 in its better orientation.
    var a3Scale: Double = 0

    // MARK: - Text metrics

    /// Estimated width of `text` in ems: CJK, symbols and other wide characters 1 em, the rest 0.6 em.
    static func ems(_ text: String) -> Double {
        var w = 0.0
        for s in text.unicodeScalars { w += s.value >= 0x2000 ? 1.0 : (s.value == 0x20 ? 0.35 : 0.6) }
        return w
    }

    static let lineHeight = 1.25
    /// Line height in a node box: Graphviz sets 12 pt text 14.4 pt apart; the box holds it with 2 pt margins.
    static let nodeLineHeight = 1.16
    static let nodeFont = 12.0
    static let edgeFont = 12.0
    /// Stage box headers at the firms' size: a 14 pt header widened most boxes beyond their firms.
    static let clusterFont = 12.0
    static let titleFont = 20.0
    static let legendFont = 12.0

    static func nodeSize(_ lines: [String], fontSize: Double, minWidth: Double = 0) -> Point {
        let w = (lines.map(ems).max() ?? 1) * fontSize + 2 * 4 + 2
        let h = Double(max(lines.count, 1)) * fontSize * nodeLineHeight + 2 * 2 + 2
        return Point(x: max(w, minWidth), y: h)
    }

    // MARK: - Blocks

    struct Block {
        enum Role { case outside, stage, right }
        var key: String
        var isCluster: Bool
        var nodes: [Int]
        var role: Role
        var column = 0
        var cell = Point(x: 0, y: 0)
        var header = 0.0
        var labelWidth = 0.0
        var rect = Rect(x: 0, y: 0, width: 0, height: 0)
        var inPorts = 0
        var outPorts = 0
    }

    static let cellGap = Point(x: 4, y: 3)
    static let padding = 4.0
    static let blockGap = 10.0
    static let trackGap = 5.0
    static let laneGap = 5.0
    static let portGap = 8.0
    static let arrow = 7.0
    static let a3 = (short: 841.89, long: 1190.55)

    /// Label lines of a map drawn one way: per scene node, and per cluster key.
    struct Labels {
        var nodes: [[String]]
        var clusters: [String: [String]]
    }

    /// Computes the layout of `scene` for the DOT writer, given the size of the legend.
    /// `legendSizes` are the legend's sizes in one and two columns of rows (empty: no legend).
    /// `variants` (label lines from widest to narrowest, in order of preference) are laid out in
    /// turn: the first whose smallest text prints at ``comfortablePrint`` on A3 is kept (long lines
    /// read better), else the one that prints largest; ``variant`` says which.
    init(scene: MapScene, variants: [Labels], bundles: [MapBundle], legendSizes: [Point]) {
        var best: MapLayout?
        var bestScore = -1.0
        for (v, labels) in variants.enumerated() {
            var candidate = MapLayout()
            candidate.variant = v
            let score = candidate.search(scene: scene, labels: labels, bundles: bundles, legendSizes: legendSizes)
            if score > bestScore {
                bestScore = score
                best = candidate
            }
            if candidate.a3Scale * Self.smallestFont >= Self.comfortablePrint { break }
        }
        if let best { self = best }
    }

    /// The printed size (pt on A3) at which a wider label variant is good enough: 10 pt, the
    /// smallest the map aims for, with a margin.
    static let comfortablePrint = 10.5
    /// The smallest font of a grid map's texts.
    static var smallestFont: Double { min(nodeFont, edgeFont, clusterFont, legendFont) }

    init() {}

    /// Which of the label variants the layout uses.
    var variant = 0

    /// Searches the column heights for `labels`; returns the best score (-1 when there is nothing to lay out).
    mutating func search(scene: MapScene, labels: Labels, bundles: [MapBundle], legendSizes: [Point]) -> Double {
        let nodeLabels = labels.nodes, clusterLabels = labels.clusters
        self.bundles = bundles
        labelLines = max(1, bundles.map(\.label.count).max() ?? 1)
        nodeCenter = Array(repeating: Point(x: 0, y: 0), count: scene.nodes.count)
        nodeSize = scene.nodes.indices.map { scene.nodes[$0].size(lines: nodeLabels[$0]) }
        var blocks = Self.blocks(scene: scene, clusterLabels: clusterLabels)
        guard !blocks.isEmpty else { return -1 }
        var blockOf = [String: Int]()
        for (b, block) in blocks.enumerated() { for n in block.nodes { blockOf[scene.nodes[n].name] = b } }
        Self.assignColumns(&blocks, scene: scene, blockOf: blockOf)
        let ends = bundles.map { (from: blockOf[$0.from] ?? 0, to: blockOf[$0.to] ?? 0) }
        for e in ends {
            blocks[e.from].outPorts += 1
            blocks[e.to].inPorts += 1
        }
        // Try column heights from one row of cells up to everything in one column: for each, every
        // box takes the fewest grid columns that keep its stage column within that height.
        var tallest = 0.0
        for block in blocks where block.isCluster {
            tallest +=
                block.header + Self.padding + Double(block.nodes.count) * (cellHeight(block, nodeSize) + Self.cellGap.y)
                + Self.blockGap
        }
        tallest = max(tallest, 100)
        var best: MapLayout?
        var bestScore = -1.0
        // Start at half the height of a landscape page holding every firm cell, not lower.
        var area = 0.0
        for n in scene.nodes.indices { area += (nodeSize[n].x + Self.cellGap.x) * (nodeSize[n].y + Self.cellGap.y) }
        let lowest = max(60, (area / 1.414).squareRoot() / 2)
        let highest = max(tallest * 1.05, lowest)
        // Columns side by side (whole or split) first; stacked columns, which send links round
        // below the boxes, only when those do not print comfortably.
        for modes in [[(false, false), (true, false)], [(false, true)]] {
            if modes[0].1 && bestScore * Self.smallestFont >= Self.comfortablePrint { break }
            var target = lowest
            while target <= highest {
                for (split, stack) in modes {
                    var candidate = self
                    guard
                        candidate.arrange(
                            blocks: blocks, target: target, split: split, stack: stack, ends: ends,
                            legendSizes: legendSizes, scene: scene)
                    else { continue }
                    let aspect = max(candidate.width, candidate.height) / max(1, min(candidate.width, candidate.height))
                    let score = candidate.a3Scale * (aspect <= 2.5 ? 1 : 0.5)
                    if score > bestScore {
                        bestScore = score
                        best = candidate
                    }
                }
                target *= 1.035
            }
        }
        if let best { self = best }
        return bestScore
    }

    static func blocks(scene: MapScene, clusterLabels: [String: [String]]) -> [Block] {
        var byCluster: [String: [Int]] = [:]
        var top: [Int] = []
        for (i, node) in scene.nodes.enumerated() {
            if let c = node.cluster { byCluster[c, default: []].append(i) } else { top.append(i) }
        }
        var blocks: [Block] = []
        var known = Set<String>()
        for cluster in scene.clusters {
            known.insert(cluster.key)
            guard var members = byCluster[cluster.key], !members.isEmpty else { continue }
            // Chain leaders first, then by output (largest first), then as the builder sorted them.
            members = members.enumerated().sorted { a, b in
                let x = scene.nodes[a.element], y = scene.nodes[b.element]
                if x.leader != y.leader { return x.leader }
                if x.scale != y.scale { return x.scale > y.scale }
                return a.offset < b.offset
            }.map(\.element)
            let role: Block.Role
            switch cluster.kind {
            case .outside: role = .outside
            case .stage: role = .stage
            case .unstaged, .organizations: role = .right
            }
            var block = Block(key: cluster.key, isCluster: true, nodes: members, role: role)
            let label = clusterLabels[cluster.key] ?? cluster.label
            block.header = Double(max(label.count, 1)) * clusterFont * lineHeight + 6
            block.labelWidth = (label.map(ems).max() ?? 0) * clusterFont + 2 * padding
            blocks.append(block)
        }
        for (key, members) in byCluster.sorted(by: { $0.key < $1.key }) where !known.contains(key) { top += members }
        top.sort()
        for n in top {
            let role: Block.Role
            switch scene.nodes[n].kind {
            case .group(let g): role = g == "outside" ? .outside : .right
            case .organization: role = .right
            default: role = .stage
            }
            blocks.append(Block(key: scene.nodes[n].name, isCluster: false, nodes: [n], role: role))
        }
        return blocks
    }

    /// Column of each block: outside first, stages by their longest chain of inputs (rank
    /// edges, taken in the scene's template order so a loop cannot recur), the rest last.
    static func assignColumns(_ blocks: inout [Block], scene: MapScene, blockOf: [String: Int]) {
        var level = [Int](repeating: 0, count: blocks.count)
        var inputs = [[Int]](repeating: [], count: blocks.count)
        for edge in scene.rankEdges {
            guard let a = blockOf[edge.from], let b = blockOf[edge.to], a < b else { continue }
            inputs[b].append(a)
        }
        for b in blocks.indices where blocks[b].role == .stage {
            for a in inputs[b] where blocks[a].role == .stage { level[b] = max(level[b], level[a] + 1) }
        }
        let hasOutside = blocks.contains { $0.role == .outside }
        let first = hasOutside ? 1 : 0
        let stageColumns = (blocks.indices.filter { blocks[$0].role == .stage }.map { level[$0] }.max() ?? -1) + 1
        // Unstaged firms and organizations go under the stage column with the fewest nodes
        // (the rightmost of equals), not into a column of their own.
        var load = [Int](repeating: 0, count: stageColumns)
        for b in blocks.indices where blocks[b].role == .stage { load[level[b]] += blocks[b].nodes.count }
        for b in blocks.indices {
            switch blocks[b].role {
            case .outside: blocks[b].column = 0
            case .stage: blocks[b].column = first + level[b]
            case .right:
                guard let lightest = load.indices.min(by: { (load[$0], -$0) < (load[$1], -$1) }) else {
                    blocks[b].column = first
                    continue
                }
                blocks[b].column = first + lightest
                load[lightest] += blocks[b].nodes.count
            }
        }
    }

    func cellHeight(_ block: Block, _ sizes: [Point]) -> Double { block.nodes.map { sizes[$0].y }.max() ?? 0 }

    /// The rows of a box at most as wide as a grid of `cols` equal columns would be: firms in
    /// order, each row as many as fit with their own widths (so a short name takes a narrow
    /// cell), each row as tall as its tallest firm. Rows but the last are stretched to the
    /// box's inner width, so the cells of a box line up at both edges.
    struct Flow {
        /// Per row: its firms (indices into the block's nodes), their x offsets and widths.
        var rows: [[(k: Int, x: Double, width: Double)]]
        var heights: [Double]
        var width: Double
    }

    func flow(_ block: Block, cols: Int) -> Flow {
        let gap = Self.cellGap.x
        let n = block.nodes.count
        // The limit: `cols` columns each as wide as its widest firm in row-major order.
        var widths = [Double](repeating: 0, count: max(1, cols))
        for (k, node) in block.nodes.enumerated() {
            widths[k % widths.count] = max(widths[k % widths.count], nodeSize[node].x)
        }
        let limit = widths.reduce(0, +) + Double(widths.count - 1) * gap + 0.001
        var rows: [[Int]] = []
        var used = 0.0
        for k in 0..<n {
            let w = nodeSize[block.nodes[k]].x
            if let last = rows.indices.last, used + gap + w <= limit {
                rows[last].append(k)
                used += gap + w
            } else {
                rows.append([k])
                used = w
            }
        }
        func natural(_ row: [Int]) -> Double {
            row.reduce(0) { $0 + nodeSize[block.nodes[$1]].x } + Double(row.count - 1) * gap
        }
        let inner = rows.map(natural).max() ?? 0
        var placed: [[(k: Int, x: Double, width: Double)]] = []
        var heights: [Double] = []
        for (r, row) in rows.enumerated() {
            let extra = r < rows.count - 1 ? (inner - natural(row)) / Double(row.count) : 0
            var x = 0.0
            var cells: [(k: Int, x: Double, width: Double)] = []
            for k in row {
                let w = nodeSize[block.nodes[k]].x + extra
                cells.append((k, x, w))
                x += w + gap
            }
            placed.append(cells)
            heights.append(row.map { nodeSize[block.nodes[$0]].y }.max() ?? 0)
        }
        return Flow(rows: placed, heights: heights, width: inner)
    }

    /// The size of a cluster box laid out in `cols` grid columns.
    func boxSize(_ block: Block, cols: Int) -> Point {
        let g = Self.cellGap
        let portStep = Double(labelLines) * Self.edgeFont * Self.lineHeight + 4
        let grid = flow(block, cols: cols)
        var w = grid.width + 2 * Self.padding
        var h = block.header + grid.heights.reduce(0, +) + Double(grid.heights.count - 1) * g.y + Self.padding
        w = max(w, block.labelWidth)
        h = max(h, block.header + Double(block.inPorts) * portStep + Self.padding)
        h = max(h, block.header + Double(block.outPorts) * Self.portGap + Self.padding)
        return Point(x: w, y: h)
    }

    /// Places blocks so that each column stays within `target` height where it can (boxes get
    /// more grid columns, the tallest first), routes the bundles and scores.
    ///
    /// With `split`, a stage column taller than `target` is first cut into several columns side
    /// by side (boxes in order; they keep their upstream → downstream place, bundles between them
    /// take the lanes), which suits many small stages at one level better than wider boxes.
    ///
    /// With `stack`, a stage column is stacked under the one before it (upstream on top) when
    /// both fit in `target` together: short downstream columns stop costing a column and a
    /// channel each. Bundles between boxes of one column take a lane below all boxes. Returns
    /// false (and arranges nothing) when `stack` finds no columns to stack.
    @discardableResult
    mutating func arrange(
        blocks input: [Block], target: Double, split: Bool, stack: Bool = false, ends: [(from: Int, to: Int)],
        legendSizes: [Point], scene: MapScene
    ) -> Bool {
        var blocks = input
        let g = Self.cellGap
        let portStep = Double(labelLines) * Self.edgeFont * Self.lineHeight + 4
        var gridColumns = [Int](repeating: 1, count: blocks.count)
        let minimumCell = blocks.map { block in block.nodes.map { nodeSize[$0].y }.min() ?? 1 }
        // Sizes.
        for b in blocks.indices {
            let members = blocks[b].nodes
            var cell = Point(x: 0, y: 0)
            for n in members {
                cell.x = max(cell.x, nodeSize[n].x)
                cell.y = max(cell.y, nodeSize[n].y)
            }
            blocks[b].cell = cell
            if blocks[b].isCluster {
                let size = boxSize(blocks[b], cols: 1)
                blocks[b].rect = Rect(x: 0, y: 0, width: size.x, height: size.y)
            } else {
                let w = cell.x
                let h = max(
                    cell.y, Double(blocks[b].inPorts) * portStep + 6, Double(blocks[b].outPorts) * Self.portGap + 6)
                blocks[b].rect = Rect(x: 0, y: 0, width: w, height: h)
            }
        }
        var logical = (blocks.map(\.column).max() ?? 0) + 1
        if split {
            var physical = [Int](repeating: 0, count: blocks.count)
            var next = 0
            for c in 0..<logical {
                var height = 0.0
                var sub = 0
                for b in blocks.indices where blocks[b].column == c {
                    if height > 0 && height + blocks[b].rect.height > target {
                        sub += 1
                        height = 0
                    }
                    physical[b] = next + sub
                    height += blocks[b].rect.height + Self.blockGap
                }
                next += sub + 1
            }
            for b in blocks.indices { blocks[b].column = physical[b] }
            logical = next
        }
        var columns = logical
        // Widens the boxes of column `c` (the tallest first) until the column fits in `limit`.
        func fit(_ c: Int, _ limit: Double) {
            let members = blocks.indices.filter { blocks[$0].column == c }
            while members.reduce(0.0, { $0 + blocks[$1].rect.height + Self.blockGap }) > limit {
                // Widen the tallest box that can still be widened.
                guard
                    let b = members.filter({ blocks[$0].isCluster && gridColumns[$0] < blocks[$0].nodes.count })
                        .max(by: { blocks[$0].rect.height < blocks[$1].rect.height })
                else { break }
                // Jump to the fewest columns whose rows of the smallest cell could fit, then step.
                let room =
                    limit
                    - (members.reduce(0.0, { $0 + blocks[$1].rect.height + Self.blockGap }) - blocks[b].rect.height)
                let rowsThatFit = Int(max(1, (room - blocks[b].header - Self.padding) / (minimumCell[b] + g.y)))
                let n = blocks[b].nodes.count
                gridColumns[b] = min(n, max(gridColumns[b] + 1, (n + rowsThatFit - 1) / rowsThatFit - 1))
                let size = boxSize(blocks[b], cols: gridColumns[b])
                blocks[b].rect = Rect(x: 0, y: 0, width: size.x, height: size.y)
            }
        }
        for c in 0..<columns { fit(c, target) }
        // Boxes top to bottom in a column: by the column they had before stacking, then in order.
        var order = Array(blocks.indices)
        if stack {
            let before = blocks.map(\.column)
            guard stackColumns(&blocks, columns: &columns, target: target) else { return false }
            order.sort { (before[$0], $0) < (before[$1], $1) }
        }
        var columnWidth = [Double](repeating: 0, count: columns)
        var columnHeight = [Double](repeating: 0, count: columns)
        for block in blocks {
            columnWidth[block.column] = max(columnWidth[block.column], block.rect.width)
            columnHeight[block.column] += block.rect.height + Self.blockGap
        }
        // The legend (in one or two columns of rows) goes under the column where it grows the
        // map least (widening that column if it must), or into a column of its own.
        var legendColumn = columns
        var legendSize: Point?
        if !legendSizes.isEmpty {
            let width = columnWidth.reduce(0, +) + Double(columns + 1) * 60
            let height = columnHeight.max() ?? 0
            func scale(_ w: Double, _ h: Double) -> Double {
                max(min(Self.a3.short / w, Self.a3.long / h), min(Self.a3.long / w, Self.a3.short / h))
            }
            var best = -1.0
            for (shape, size) in legendSizes.enumerated() {
                let own = scale(width + size.x + 60, max(height, size.y))
                if own > best {
                    best = own
                    legendColumn = columns
                    legendSize = size
                    legendColumns = shape + 1
                }
                for c in 0..<columns {
                    let s = scale(width + max(0, size.x - columnWidth[c]), max(height, columnHeight[c] + size.y))
                    if s > best {
                        best = s
                        legendColumn = c
                        legendSize = size
                        legendColumns = shape + 1
                    }
                }
            }
        }
        if let legendSize, legendColumn < columns, columnHeight[legendColumn] + legendSize.y > target {
            // The legend counts against its column's height: widen that column's boxes to make room.
            fit(legendColumn, max(target - legendSize.y, 0))
            columnWidth[legendColumn] = 0
            columnHeight[legendColumn] = 0
            for block in blocks where block.column == legendColumn {
                columnWidth[legendColumn] = max(columnWidth[legendColumn], block.rect.width)
                columnHeight[legendColumn] += block.rect.height + Self.blockGap
            }
        }
        if let legendSize {
            if legendColumn == columns {
                columnWidth.append(legendSize.x)
                columnHeight.append(0)
            } else {
                columnWidth[legendColumn] = max(columnWidth[legendColumn], legendSize.x)
            }
        }

        // Channels: channel c is left of column c; bundles into column c use tracks and the
        // label area of channel c; bundles out of column c use tracks in channel c + 1.
        // Bundles between neighbouring columns run in one channel; the others take a lane
        // above (downstream) or below (upstream) all boxes.
        let channels = columnWidth.count + 1
        var laneSide = [Int](repeating: 0, count: ends.count)  // 0 none, 1 top, 2 bottom
        var laneCount = (top: 0, bottom: 0)
        for (e, end) in ends.enumerated() {
            let i = blocks[end.from].column, j = blocks[end.to].column
            if j != i + 1 {
                laneSide[e] = j > i ? 1 : 2
                if j > i { laneCount.top += 1 } else { laneCount.bottom += 1 }
            }
        }
        // Heights first (they do not depend on x), with room for every top lane; lanes that
        // can share a row are merged further down and the drawing moves up.
        let titleHeight = Self.titleFont * Self.lineHeight + 10
        func laneBand(_ n: Int) -> Double { Double(n) * Self.laneGap + (n > 0 ? 8 : 0) }
        let top = titleHeight + laneBand(laneCount.top)
        var y = [Double](repeating: top, count: columnWidth.count)
        for b in order {
            let c = blocks[b].column
            blocks[b].rect.y = y[c]
            y[c] += blocks[b].rect.height + Self.blockGap
        }
        var bodyBottom = y.max() ?? top
        if let legendSize {
            let c = legendColumn
            legend = Rect(x: 0, y: y[c], width: legendSize.x, height: legendSize.y)
            bodyBottom = max(bodyBottom, y[c] + legendSize.y + Self.blockGap)
        }

        // Ports: outgoing on the right ordered by target, incoming on the left by source.
        var outOrder = [[Int]](repeating: [], count: blocks.count)
        var inOrder = [[Int]](repeating: [], count: blocks.count)
        for (e, end) in ends.enumerated() {
            outOrder[end.from].append(e)
            inOrder[end.to].append(e)
        }
        var outY = [Double](repeating: 0, count: ends.count)
        var inY = [Double](repeating: 0, count: ends.count)
        for b in blocks.indices {
            let rect = blocks[b].rect
            let start = rect.y + (blocks[b].isCluster ? blocks[b].header : 3)
            let span = rect.maxY - (blocks[b].isCluster ? Self.padding : 3) - start
            let outs = outOrder[b].sorted { (blocks[ends[$0].to].rect.y, $0) < (blocks[ends[$1].to].rect.y, $1) }
            for (k, e) in outs.enumerated() { outY[e] = start + span * (Double(k) + 0.5) / Double(outs.count) }
            let ins = inOrder[b].sorted { (blocks[ends[$0].from].rect.y, $0) < (blocks[ends[$1].from].rect.y, $1) }
            // Labels sit above their line, so a port is at least one label height down.
            for (k, e) in ins.enumerated() {
                inY[e] = start + span * (Double(k) + 0.5) / Double(ins.count)
                inY[e] = max(inY[e], start + Double(k + 1) * portStep - 2)
            }
        }

        // Tracks: vertical runs in a channel share a track when their spans are apart
        // (greedy interval colouring, spans sorted by their top).
        struct Span {
            var edge: Int
            var into: Bool
            var lo: Double
            var hi: Double
        }
        var spans = [[Span]](repeating: [], count: channels)
        for (e, end) in ends.enumerated() {
            let i = blocks[end.from].column, j = blocks[end.to].column
            let y1 = outY[e], y2 = inY[e]
            switch laneSide[e] {
            case 0: spans[j].append(Span(edge: e, into: true, lo: min(y1, y2), hi: max(y1, y2)))
            case 1:
                spans[i + 1].append(Span(edge: e, into: false, lo: 0, hi: y1))
                spans[j].append(Span(edge: e, into: true, lo: 0, hi: y2))
            default:
                spans[i + 1].append(Span(edge: e, into: false, lo: y1, hi: .infinity))
                spans[j].append(Span(edge: e, into: true, lo: y2, hi: .infinity))
            }
        }
        var outTrack = [Int](repeating: 0, count: ends.count)
        var inTrack = [Int](repeating: 0, count: ends.count)
        var tracks = [Int](repeating: 0, count: channels)
        for c in 0..<channels {
            var ends: [Double] = []
            for span in spans[c].sorted(by: { ($0.lo, $0.hi, $0.edge) < ($1.lo, $1.hi, $1.edge) }) {
                var t = 0
                while t < ends.count && ends[t] + Self.portGap > span.lo { t += 1 }
                if t == ends.count { ends.append(span.hi) } else { ends[t] = span.hi }
                if span.into { inTrack[span.edge] = t } else { outTrack[span.edge] = t }
                if laneSide[span.edge] == 0 { outTrack[span.edge] = t }
            }
            tracks[c] = ends.count
        }
        // A channel is as wide as its label area only where a track's vertical runs pass a
        // label: track t must lie left of every label its runs pass (by y), and left of the
        // arrows; a label needs only its own width in the channel.
        var need = [Double](repeating: 12, count: channels)
        var labelsIn = [[(lo: Double, hi: Double, width: Double)]](repeating: [], count: channels)
        for (e, end) in ends.enumerated() where !bundles[e].label.isEmpty {
            let lines = bundles[e].label
            let w = (lines.map(Self.ems).max() ?? 0) * Self.edgeFont + 2
            let h = Double(lines.count) * Self.edgeFont * Self.lineHeight
            let c = blocks[end.to].column
            labelsIn[c].append((inY[e] - 1 - h, inY[e] - 1, w))
            need[c] = max(need[c], w + Self.arrow + 5)
        }
        for c in 0..<channels {
            for span in spans[c] {
                let t = span.into ? inTrack[span.edge] : outTrack[span.edge]
                var clear = Self.arrow + 4
                for label in labelsIn[c] where span.lo < label.hi + 1 && span.hi > label.lo - 1 {
                    clear = max(clear, label.width + Self.arrow + 5)
                }
                need[c] = max(need[c], 8 + Double(t) * Self.trackGap + clear)
            }
        }
        var channelX = [Double](repeating: 0, count: channels)
        var columnX = [Double](repeating: 0, count: columnWidth.count)
        var x = 0.0
        for c in 0..<channels {
            channelX[c] = x
            x += need[c]
            if c < columnWidth.count {
                columnX[c] = x
                x += columnWidth[c]
            }
        }
        width = x
        for b in blocks.indices { blocks[b].rect.x = columnX[blocks[b].column] }
        if legend != nil { legend?.x = columnX[legendColumn] }
        func trackX(_ channel: Int, _ t: Int) -> Double { channelX[channel] + 8 + Double(t) * Self.trackGap }

        // Lanes: runs above (or below) the boxes share a lane when they are apart in x.
        var laneOf = [Int](repeating: -1, count: ends.count)
        var lanesUsed = (top: 0, bottom: 0)
        for side in [1, 2] {
            var lanes: [Double] = []
            let runs = ends.indices.filter { laneSide[$0] == side }.map { e -> (Int, Double, Double) in
                let a = trackX(blocks[ends[e].from].column + 1, outTrack[e]),
                    b = trackX(blocks[ends[e].to].column, inTrack[e])
                return (e, min(a, b), max(a, b))
            }.sorted { ($0.1, $0.2, $0.0) < ($1.1, $1.2, $1.0) }
            for (e, lo, hi) in runs {
                var k = 0
                while k < lanes.count && lanes[k] + Self.trackGap > lo { k += 1 }
                if k == lanes.count { lanes.append(hi) } else { lanes[k] = hi }
                laneOf[e] = k
            }
            if side == 1 { lanesUsed.top = lanes.count } else { lanesUsed.bottom = lanes.count }
        }
        // Move everything up by the top lanes saved.
        let shift = laneBand(laneCount.top) - laneBand(lanesUsed.top)
        for b in blocks.indices { blocks[b].rect.y -= shift }
        if legend != nil { legend?.y -= shift }
        for e in ends.indices {
            outY[e] -= shift
            inY[e] -= shift
        }
        let bottomLaneStart = bodyBottom - shift
        height = bottomLaneStart + Double(lanesUsed.bottom) * Self.laneGap + 8
        title = Point(x: width / 2, y: titleHeight / 2)

        // Nodes in their cells.
        clusterBox = [:]
        for (b, block) in blocks.enumerated() {
            if block.isCluster {
                clusterBox[block.key] = block.rect
                let grid = flow(block, cols: gridColumns[b])
                var y = block.rect.y + block.header
                for (row, cells) in grid.rows.enumerated() {
                    // Row by row, left to right: the most important firms are on top.
                    for cell in cells {
                        let node = block.nodes[cell.k]
                        nodeCenter[node] = Point(
                            x: block.rect.x + Self.padding + cell.x + cell.width / 2, y: y + grid.heights[row] / 2)
                        nodeSize[node] = Point(x: cell.width, y: grid.heights[row])
                    }
                    y += grid.heights[row] + g.y
                }
            } else {
                nodeCenter[block.nodes[0]] = Point(
                    x: block.rect.x + block.rect.width / 2, y: block.rect.y + block.rect.height / 2)
                nodeSize[block.nodes[0]] = Point(x: block.rect.width, y: block.rect.height)
            }
        }

        routes = []
        for (e, end) in ends.enumerated() {
            let a = blocks[end.from].rect, bRect = blocks[end.to].rect
            let i = blocks[end.from].column, j = blocks[end.to].column
            let x1 = trackX(i + 1, outTrack[e]), x2 = trackX(j, inTrack[e])
            let y1 = outY[e], y2 = inY[e]
            var points = [Point(x: a.maxX, y: y1)]
            switch laneSide[e] {
            case 0: points += [Point(x: x2, y: y1), Point(x: x2, y: y2)]
            default:
                let laneY =
                    laneSide[e] == 1
                    ? titleHeight + 4 + Double(laneOf[e]) * Self.laneGap
                    : bottomLaneStart + Double(laneOf[e]) * Self.laneGap
                points += [Point(x: x1, y: y1), Point(x: x1, y: laneY), Point(x: x2, y: laneY), Point(x: x2, y: y2)]
            }
            points.append(Point(x: bRect.x - Self.arrow, y: y2))
            let lines = bundles[e].label
            var label: Rect?
            if !lines.isEmpty {
                let w = (lines.map(Self.ems).max() ?? 0) * Self.edgeFont + 2
                let h = Double(lines.count) * Self.edgeFont * Self.lineHeight
                label = Rect(x: bRect.x - Self.arrow - 3 - w, y: y2 - 1 - h, width: w, height: h)
            }
            routes.append(Route(points: points, label: label))
        }

        // Score: the scale that fits A3 in the better orientation.
        let w = width + 8, h = height + 8
        a3Scale = max(min(Self.a3.short / w, Self.a3.long / h), min(Self.a3.long / w, Self.a3.short / h))
        return true
    }

    /// Stacks each stage column under the one before it when the two (as already fitted) are
    /// together no taller than `target`, left to right; the outside column stays alone.
    /// Renumbers the columns; returns whether any were stacked.
    ///
    /// - Complexity: O(B) for B blocks.
    func stackColumns(_ blocks: inout [Block], columns: inout Int, target: Double) -> Bool {
        var height = [Double](repeating: 0, count: columns)
        var outside = [Bool](repeating: false, count: columns)
        for block in blocks {
            height[block.column] += block.rect.height + Self.blockGap
            if block.role == .outside { outside[block.column] = true }
        }
        var physical = [Int](repeating: 0, count: columns)
        var next = -1
        var current = 0.0
        var stacked = false
        for c in 0..<columns {
            if c > 0, !outside[c], !outside[c - 1], current + height[c] <= target {
                current += height[c]
                stacked = true
            } else {
                next += 1
                current = height[c]
            }
            physical[c] = next
        }
        guard stacked else { return false }
        for b in blocks.indices { blocks[b].column = physical[blocks[b].column] }
        columns = next + 1
        return true
    }
}

/// Supply links between two boxes of a grid map with one status, drawn as one line.
struct MapBundle {
    var from: String
    var to: String
    var kind: MapEdge.Kind
    var edges: [Int]
    var label: [String]
    /// Sum of the bundled links' annual values (0 when none is known).
    var value = 0.0
}

extension MapNode {
    /// Estimated drawn size in points (label lines, font by output scale for aggregated nodes).
    func size(lines: [String]) -> MapLayout.Point {
        let size = MapLayout.nodeSize(lines, fontSize: gridFontSize)
        // A chain leader's second border is drawn 4 pt outside the first.
        return leader ? MapLayout.Point(x: size.x + 8, y: size.y + 8) : size
    }

    /// Font size in a grid map: firms, organizations and gaps all at the node font (a grid of
    /// equal cells; order shows output), aggregated nodes by output as in the layered map.
    var gridFontSize: Double {
        switch kind {
        case .firm, .organization, .gap: MapLayout.nodeFont
        default: MapStyle.minFontSize + (MapStyle.maxFontSize - MapStyle.minFontSize) * scale
        }
    }
}
