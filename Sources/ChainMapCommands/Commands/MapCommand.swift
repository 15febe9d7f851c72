import ArgumentParser
import ChainAnalysis
import ChainModel
import ChainOutput
import ChainRender
import ChainReport
import Foundation

/// `chainmap map PARK`: the chain map, rendered by Graphviz (libgvc) through `GraphvizRenderer`.
struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Draw a park's chain map: stages left to right, firms, supply links, organizations.",
        discussion: """
            Stages run left to right from upstream to downstream, one box per stage with its firm
            count and its firms in a grid (chain leaders first, then by output), sized to read on
            one A3 page; links between two stages are one line per status with their count and
            value (hover for every firm link). Chain leaders have a bold double border; fill shows
            organization status (own organization, joint organization, none); lost links are red
            dashed, planned links grey dashed, outside-park suppliers dashed. --arrangement
            layered draws Graphviz's layered layout with every firm-to-firm link instead. Above --limit firms the map switches to the stage view (or refuses
            with --refuse-oversize), since a full layout would take minutes; so does a firm map that would print below
            10 pt on A3 (a note says so), unless --limit is given.

            Without -o the map goes to chain-map.svg (or .png/.pdf), and DOT to standard output.
            An existing output file is replaced only with --force (a symbolic link is followed);
            folders, devices and pipes are never written over.

            Examples:
              chainmap map                                                  # Beilun sample → chain-map.svg
              chainmap map samples/yihuang-plastics.json -o yihuang.svg
              chainmap map samples/beilun-nev.json --chain nev --format png -o beilun.png
              chainmap map samples/yihuang-plastics.json --focus 创泰 --radius 2 -o chuangtai.svg
              chainmap map big-park/ --aggregate stage -o overview.svg
              chainmap map samples/ningxiang-storage.json --format dot        # DOT for your own Graphviz
              chainmap map samples/beilun-nev.json --layers supply,pairing -o overlay.svg
              chainmap map samples/beilun-nev.json --show gaps -o gaps.svg          # gap findings on the map
            """)

    enum ImageFormat: String, ExpressibleByArgument, CaseIterable {
        case svg, png, pdf, dot
        var render: RenderFormat {
            switch self {
            case .svg: .svg
            case .png: .png
            case .pdf: .pdf
            case .dot: .dot
            }
        }
    }

    @OptionGroup var input: ParkOptions

    @Option(
        name: [.short, .customLong("output")],
        help: "Output file (default chain-map.<format>; DOT goes to standard output).")
    var output: String?

    @Flag(help: "Replace an existing output file.")
    var force = false

    /// Read by ``StderrText`` from the command line: the language of progress, notes and errors.
    @Option(help: ArgumentHelp("Language of messages: zh (default) or en.", discussion: "Also set by CHAINMAP_LANG."))
    var lang: Language?

    @Option(help: "Image format: svg, png, pdf, or dot (the DOT source).")
    var format: ImageFormat = .svg

    @Option(
        help:
            "Layout: grid (stages as columns, firms in grids, links bundled between stages; fits an A3 page) or layered (Graphviz dot, every firm-to-firm link, tall)."
    )
    var arrangement: MapArrangement = .grid

    @Option(help: "Draw only this chain (its id or name, e.g. nev or 新能源汽车).")
    var chain: String?

    @Option(help: "Draw the neighbourhood of this firm (an id or part of its name).")
    var focus: String?

    @Option(help: "Supply hops around --focus, upstream and downstream.")
    var radius: Int = 1

    @Option(help: "Draw stages or chains as nodes, with firm counts and summed links: stage or chain.")
    var aggregate: MapAggregation?

    @Option(help: "Layers to draw, comma-separated: supply, pairing.")
    var layers: String = "supply"

    @Option(
        help: ArgumentHelp(
            "Largest number of firms laid out one by one (default \(MapOptions.defaultFullLayoutLimit)).",
            discussion:
                "Without --limit the firm map is also drawn only if it prints at 10 pt or more on A3; with it, every view up to the limit is drawn firm by firm, at any size."
        ))
    var limit: Int?

    @Flag(help: "Above --limit (or below 10 pt on A3), stop with an error instead of drawing the stage view.")
    var refuseOversize = false

    @Flag(help: "Leave out the legend.")
    var noLegend = false

    @Option(help: "Title to use instead of the generated one.")
    var title: String?

    @Option(
        help:
            "Findings to draw on the map, comma-separated: \(Self.overlaySources.keys.sorted().joined(separator: ", "))."
    )
    var show: String?

    /// Overlays `--show` can draw, by name: each turns the park (and the --chain filter) into
    /// map overlays. Adding one is one line here.
    static let overlaySources: [String: @Sendable (Park, String?) -> [MapOverlay]] = [
        "gaps": { AnalysisOverlays.gaps(park: $0, chain: $1, catalog: StderrText.catalog) },
        "matches": AnalysisOverlays.matches,
    ]

    func overlayNames() throws -> [String] {
        var names: [String] = []
        for word in (show ?? "").split(separator: ",") {
            let name = word.trimmingCharacters(in: .whitespaces)
            guard Self.overlaySources[name] != nil else {
                throw Usage.unknownValue("--show", name, Self.overlaySources.keys.sorted())
            }
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    func validate() throws {
        if radius < 0 || radius > 50 { throw Usage.between("--radius", "0", "50") }
        if let limit, limit < 1 { throw Usage.atLeast("--limit", 1) }
        _ = try mapLayers()
        _ = try overlayNames()
    }

    func mapLayers() throws -> Set<MapLayer> {
        var result = Set<MapLayer>()
        for word in layers.split(separator: ",") {
            guard let layer = MapLayer(rawValue: word.trimmingCharacters(in: .whitespaces)) else {
                throw Usage.unknownValue("--layers", String(word), MapLayer.allCases.map(\.rawValue))
            }
            result.insert(layer)
        }
        return result
    }

    func run() throws {
        let park = try input.load().park
        if output != nil || format != .dot {
            // Refuse a bad output before the (possibly long) layout.
            _ = try OutputFile.check(output ?? "chain-map.\(format.rawValue)", replace: force)
        }
        // Names or ids; a mistyped one is a LookupError (did you mean, or the valid ids).
        let chain = try self.chain.map { (c: String) throws(LookupError) in try park.lookupChain(c, field: "chain").id }
        let focusFirm = try focus.map { (f: String) throws(LookupError) in try park.lookupFirm(f, field: "focus").id }
        var options = MapOptions(
            chain: chain, aggregate: aggregate, layers: try mapLayers(), legend: !noLegend, title: title,
            fullLayoutLimit: limit ?? MapOptions.defaultFullLayoutLimit, oversize: refuseOversize ? .refuse : .aggregate
        )
        // An explicit --limit asks for every firm up to it, however small it prints.
        if limit != nil { options.minimumPrintSize = nil }
        for name in try overlayNames() {
            if let source = Self.overlaySources[name] { options.overlays += source(park, chain) }
        }
        if let focusFirm { options.focus = MapFocus(firm: focusFirm, radius: radius) }
        options.arrangement = arrangement
        options.language = lang ?? Language.fromEnvironment(ProcessInfo.processInfo.environment)
        var trace = PhaseTrace()
        let progress = ProgressLine(StderrText.text(Message("cli.progress.drawing")))
        let map = try ChainMap.render(park: park, options: options, format: format.render)
        progress.finish()
        trace.mark("map: scene, DOT, layout and render")
        for note in map.notes { StderrText.say(Message("cli.note", ["note": .text(note)])) }
        if format == .dot && output == nil {
            Console.out(bytes: map.bytes)
            return
        }
        let path = output ?? "chain-map.\(format.rawValue)"
        try OutputFile.write(map.bytes, to: path, replace: force)
        StderrText.say(Message("cli.wrote", ["path": .text(path)]))
    }
}

extension MapAggregation: ExpressibleByArgument {}
extension MapArrangement: ExpressibleByArgument {}
