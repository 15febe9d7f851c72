import ChainModel

/// A rendered map: the bytes in the requested format, the DOT it came from, and notes for
/// the user (view switched to aggregated, overlays skipped…).
public struct RenderedMap: Sendable, Equatable {
    public var bytes: [UInt8]
    public var dot: String
    public var notes: [String]
    public var scene: MapScene
}

/// One call from a park to a picture: build the scene, write DOT, render with Graphviz.
///
/// ```swift
/// let map = try ChainMap.render(park: park, options: MapOptions(chain: "battery"), format: .svg)
/// for note in map.notes { print("note:", note) }
/// try Data(map.bytes).write(to: url)
/// ```
public enum ChainMap {
    /// Renders `park` as `format`. SVG output is post-processed (CJK font stack).
    ///
    /// - Throws: ``RenderError``.
    /// - Complexity: dominated by the Graphviz layout; views above
    ///   ``MapOptions/fullLayoutLimit`` firms are aggregated or refused.
    public static func render(
        park: Park, options: MapOptions = MapOptions(), format: RenderFormat = .svg,
        renderer: GraphvizRenderer = .shared
    ) throws(RenderError) -> RenderedMap {
        let builder = ChainMapBuilder(park: park)
        var scene = try builder.build(options)
        var dot: String
        if scene.arrangement == .grid {
            let measured = DOTWriter().writeGridMeasured(scene)
            dot = measured.dot
            let firms = scene.nodes.reduce(0) { n, node in if case .firm = node.kind { n + 1 } else { n } }
            // The promise is the plain map's: overlays and pairings are asked for on the firms.
            let plain = options.overlays.isEmpty && !options.layers.contains(.pairing)
            if let minimum = options.minimumPrintSize, plain, firms > 0, measured.printSize < minimum {
                let size = (measured.printSize * 10).rounded(.down) / 10
                switch options.oversize {
                case .refuse:
                    throw .tooSmallToPrint(firms: firms, printSize: size, minimum: minimum)
                case .aggregate:
                    var stages = options
                    stages.aggregate = .stage
                    scene = try builder.build(stages)
                    let note = MapText(options.language)(
                        "note.smallPrint",
                        [
                            "firms": .integer(firms), "size": .number(size, digits: 1),
                            "minimum": .number(minimum, digits: 1),
                        ])
                    scene.notes.insert(note, at: 0)
                    dot = DOTWriter().write(scene)
                }
            }
        } else {
            dot = DOTWriter().write(scene)
        }
        var bytes = try renderer.render(dot: dot, format: format, layout: scene.arrangement == .grid ? "nop2" : "dot")
        if format == .svg { bytes = SVGPostProcessor.process(bytes, fontStack: scene.fontName) }
        return RenderedMap(bytes: bytes, dot: dot, notes: scene.notes, scene: scene)
    }

    /// The map of `park` as SVG text, for embedding in a page (`chainmap report`): by default
    /// the grid firm map (stages as columns, firms in grids, links bundled between stages,
    /// sized for A3), the stage view above ``MapOptions/fullLayoutLimit`` firms. Elements keep
    /// stable ids: `firm-<token>`, `stage-<token>`, `chain-<token>`, `legend` (tokens from the
    /// ids, see ``MapScene``); set ``MapOptions/language`` for the page's language.
    ///
    /// - Throws: ``RenderError``.
    public static func svg(
        park: Park, options: MapOptions = MapOptions(), renderer: GraphvizRenderer = .shared
    ) throws(RenderError) -> String {
        String(
            decoding: try render(park: park, options: options, format: .svg, renderer: renderer).bytes, as: UTF8.self)
    }
}
