import ChainModel
import Foundation
import Testing

@testable import ChainRender

/// The maps of every bundled sample, measured in the SVG Graphviz produced (issue #18): the
/// default firm map's aspect ratio and the size of its smallest text when the whole map is
/// printed on A3, and overlapping text in the stage view.
@Suite("Sample map geometry")
struct SampleMapGeometryTests {
    /// A3 in points, short and long side.
    static let a3 = (short: 841.89, long: 1190.55)

    /// The factor that fits `size` on A3 in its better orientation.
    static func a3Scale(_ size: (width: Double, height: Double)) -> Double {
        max(min(a3.short / size.width, a3.long / size.height), min(a3.long / size.width, a3.short / size.height))
    }

    static func svg(_ sample: String, _ options: MapOptions) throws -> SVGInspector {
        let park = try Samples.load(sample).park
        let map = try ChainMap.render(park: park, options: options, format: .svg)
        return try #require(SVGInspector.parse(map.bytes))
    }

    @Test(arguments: Samples.names)
    func firmMapIsNoWorseThanTwoAndAHalfToOne(sample: String) throws {
        let svg = try Self.svg(sample, MapOptions())
        let (w, h) = svg.size
        #expect(w > 0 && h > 0)
        let aspect = max(w, h) / min(w, h)
        #expect(aspect <= 2.5, "\(sample): \(w) × \(h) pt, aspect \(aspect)")
        #expect(svg.groups(withClass: "firm").count == (try Samples.load(sample).park.firms.count))
    }

    /// Every text counts (names, headers, link labels, legend): the smallest is 12 pt in the SVG,
    /// and the whole map printed on A3 in its better orientation shows it at 10 pt or more
    /// (the old layered map: 0.6–3.4 pt).
    @Test(arguments: Samples.names)
    func firmMapLabelsOnA3(sample: String) throws {
        let svg = try Self.svg(sample, MapOptions())
        let smallest = svg.loneTexts.map(\.fontSize).filter { $0 > 0 }.min() ?? 0
        #expect(smallest >= 12)
        let printed = smallest * Self.a3Scale(svg.size)
        #expect(printed >= 10, "\(sample): smallest text \(smallest) pt prints at \(printed) pt on A3")
    }

    /// Parks the layout was not tuned on: firms with long legal names (10 characters after the
    /// suffix goes, two lines each) over a branching chain with a stage-skipping input. The
    /// default map of each size is either the firm map, printing at 10 pt or more on A3 within
    /// the aspect bound with no overlapping boxes or labels, or (when the firm map would print
    /// smaller) the stage view with a note saying so. Measured: up to about 150 such firms fit.
    @Test(arguments: [140, 160, 180])
    func defaultMapOfLongNamesPrintsAtTenPointsOrAggregates(firms: Int) throws {
        let park = TestParks.longNames(firms: firms)
        let map = try ChainMap.render(park: park, options: MapOptions(), format: .svg)
        let svg = try #require(SVGInspector.parse(map.bytes))
        let drawn = svg.groups(withClass: "firm").count
        if drawn == 0 {
            #expect(map.notes.first?.contains("A3") == true, "\(map.notes)")
            #expect(map.scene.title.hasSuffix("按环节汇总"))
        } else {
            #expect(drawn == park.firms.count)
            try Self.expectReadable(svg, minimum: 10)
        }
    }

    /// 140 long-name firms (with 12 outside suppliers): under the line, the default is the firm map.
    @Test func parkUnderTheLineGetsTheFirmMap() throws {
        let park = TestParks.longNames(firms: 140)
        let map = try ChainMap.render(park: park, options: MapOptions(), format: .svg)
        let svg = try #require(SVGInspector.parse(map.bytes))
        #expect(svg.groups(withClass: "firm").count == park.firms.count)
        #expect(map.notes.isEmpty, "\(map.notes)")
        try Self.expectReadable(svg, minimum: 10)
    }

    /// 300 long-name firms: over the line, the default is the stage view with a note in the
    /// map's language; the firm map is drawn when asked for (no print-size check) and keeps
    /// the aspect and no-overlap bounds; `.refuse` refuses.
    @Test func parkOverTheLineGetsTheStageViewUnlessForced() throws {
        let park = TestParks.longNames(firms: 300)
        let byDefault = try ChainMap.render(park: park, options: MapOptions(), format: .svg)
        let stages = try #require(SVGInspector.parse(byDefault.bytes))
        #expect(stages.groups(withClass: "firm").isEmpty)
        #expect(stages.groups(withClass: "node").count >= 9)
        let note = try #require(byDefault.notes.first)
        #expect(note.contains("312 家企业") && note.contains("A3") && note.contains("--limit 312"), "\(note)")
        var english = MapOptions()
        english.language = .en
        let en = try ChainMap.render(park: park, options: english, format: .dot)
        #expect(en.notes.first?.contains("would print at") == true && en.notes.first?.contains("--limit 312") == true)

        var forced = MapOptions()
        forced.minimumPrintSize = nil
        let map = try ChainMap.render(park: park, options: forced, format: .svg)
        let svg = try #require(SVGInspector.parse(map.bytes))
        #expect(svg.groups(withClass: "firm").count == park.firms.count)
        #expect(map.notes.isEmpty, "\(map.notes)")
        try Self.expectReadable(svg, minimum: 7.5)

        var refuse = MapOptions()
        refuse.oversize = .refuse
        #expect {
            try ChainMap.render(park: park, options: refuse, format: .dot)
        } throws: { error in
            guard case .tooSmallToPrint(firms: 312, let size, minimum: 10) = error as? RenderError else { return false }
            return size < 10 && size > 7
        }
    }

    /// The aspect bound, the smallest text printed on A3 at `minimum` pt or more, and no
    /// overlapping firm boxes or labels.
    static func expectReadable(_ svg: SVGInspector, minimum: Double) throws {
        let (w, h) = svg.size
        #expect(max(w, h) / min(w, h) <= 2.5, "\(w) × \(h) pt")
        let smallest = svg.loneTexts.map(\.fontSize).filter { $0 > 0 }.min() ?? 0
        let printed = smallest * Self.a3Scale(svg.size)
        #expect(printed >= minimum, "smallest text \(smallest) pt prints at \(printed) pt on A3 (\(w) × \(h) pt)")
        #expect(Self.overlaps(svg).isEmpty)
        let boxes = svg.groups(withClass: "firm").compactMap(\.bounds)
        var overlapping = 0
        for (i, p) in boxes.enumerated() {
            for q in boxes[(i + 1)...]
            where p.x0 < q.x1 - 0.5 && q.x0 < p.x1 - 0.5 && p.y0 < q.y1 - 0.5 && q.y0 < p.y1 - 0.5 {
                overlapping += 1
            }
        }
        #expect(overlapping == 0)
    }

    /// Firm boxes of the grid map never overlap (leaders' double border included).
    @Test(arguments: Samples.names)
    func firmBoxesDoNotOverlap(sample: String) throws {
        let svg = try Self.svg(sample, MapOptions())
        let boxes = svg.groups(withClass: "firm").compactMap { g in g.bounds.map { (g.id, $0) } }
        #expect(boxes.count == svg.groups(withClass: "firm").count)
        var overlaps: [String] = []
        for (i, (a, p)) in boxes.enumerated() {
            for (b, q) in boxes[(i + 1)...]
            where p.x0 < q.x1 - 0.5 && q.x0 < p.x1 - 0.5 && p.y0 < q.y1 - 0.5 && q.y0 < p.y1 - 0.5 {
                overlaps.append("\(a) × \(b)")
            }
        }
        #expect(overlaps.isEmpty, "\(sample): \(overlaps.joined(separator: "; "))")
    }

    /// In the stage view no edge label overlaps another text or a node's box.
    @Test(arguments: Samples.names)
    func stageViewLabelsDoNotOverlap(sample: String) throws {
        let svg = try Self.svg(sample, MapOptions(aggregate: .stage))
        // Not vacuous: the view has labelled links and node boxes.
        #expect(svg.groups(withClass: "edge").flatMap(\.texts).count >= 20)
        #expect(svg.groups(withClass: "node").filter { $0.bounds != nil }.count >= 8)
        let overlaps = Self.overlaps(svg)
        #expect(overlaps.isEmpty, "\(sample): \(overlaps.joined(separator: "; "))")
    }

    /// In the default firm map no bundle label overlaps another text or a firm's box either.
    @Test(arguments: Samples.names)
    func firmMapLabelsDoNotOverlap(sample: String) throws {
        let svg = try Self.svg(sample, MapOptions())
        #expect(svg.groups(withClass: "edge").flatMap(\.texts).count >= 10)
        let overlaps = Self.overlaps(svg)
        #expect(overlaps.isEmpty, "\(sample): \(overlaps.joined(separator: "; "))")
    }

    /// Edge labels that overlap another text (any) or a node's box.
    static func overlaps(_ svg: SVGInspector) -> [String] {
        typealias Box = (x0: Double, y0: Double, x1: Double, y1: Double)
        func meet(_ a: Box, _ b: Box) -> Bool { a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 }
        var labels: [(String, Box)] = []
        var texts: [(String, Box)] = []
        var boxes: [(String, Box)] = []
        for group in svg.groups {
            if group.classes.contains("edge") {
                for t in group.texts { labels.append((group.id + ": " + t.content, t.box)) }
            } else {
                for t in group.texts { texts.append((t.content, t.box)) }
                if group.classes.contains("node"), let b = group.bounds { boxes.append((group.id, b)) }
            }
        }
        var found: [String] = []
        for (i, (name, box)) in labels.enumerated() {
            for (other, b) in labels[(i + 1)...] where meet(box, b) { found.append("\(name) × \(other)") }
            for (other, b) in texts + boxes where meet(box, b) { found.append("\(name) × \(other)") }
        }
        return found
    }

    @Test func theOverlapCheckSeesAnOverlap() throws {
        // Two edge labels on top of each other in a hand-made SVG.
        let svg = """
            <svg width="100pt" height="50pt" xmlns="http://www.w3.org/2000/svg">
            <g id="e1" class="edge"><text text-anchor="middle" x="50" y="20" font-size="12.00">12 条</text></g>
            <g id="e2" class="edge"><text text-anchor="middle" x="55" y="24" font-size="12.00">3 条</text></g>
            </svg>
            """
        let inspector = try #require(SVGInspector.parse(Array(svg.utf8)))
        #expect(Self.overlaps(inspector).count == 1)
    }
}

@Suite("Map language")
struct MapLanguageTests {
    /// Titles, box labels, the legend and the bundle labels follow ``MapOptions/language``.
    @Test func legendAndBoxesInEnglishOrChinese() throws {
        var options = MapOptions()
        options.overlays = [.highlight(stage: "recycling", severity: .warning, label: "短链")]
        options.language = .en
        let en = String(
            decoding: try ChainMap.render(park: TestParks.battery(), options: options, format: .svg).bytes,
            as: UTF8.self)
        #expect(
            en.contains(">Legend<") && en.contains(">own party organization<") && en.contains("outside the park (1)"))
        #expect(en.contains(">optional<") && en.contains("all chains") && !en.contains("图例"))
        options.language = .zh
        let zh = String(
            decoding: try ChainMap.render(park: TestParks.battery(), options: options, format: .svg).bytes,
            as: UTF8.self)
        #expect(zh.contains(">图例<") && zh.contains(">单独组建党组织<") && zh.contains("园区外 (1)") && !zh.contains(">Legend<"))
        options.aggregate = .stage
        options.language = .en
        let stage = try ChainMapBuilder(park: TestParks.battery()).build(options)
        #expect(stage.edges.allSatisfy { $0.label?.contains(" links") ?? true })
    }
}

@Suite("Map SVG for pages")
struct MapSVGTextTests {
    /// `ChainMap.svg` is the text of `ChainMap.render`'s SVG, with the ids a page links to.
    @Test func svgTextHasFirmAndStageIds() throws {
        let park = try Samples.load("jinchang-battery").park
        let svg = try ChainMap.svg(park: park)
        #expect(svg.hasPrefix("<?xml"))
        // Graphviz writes `-` in ids as `&#45;`; an XML parser reads them back.
        let inspector = try #require(SVGInspector.parse(Array(svg.utf8)))
        let ids = Set(inspector.groups.map(\.id))
        for firm in park.firms { #expect(ids.contains("firm-" + DOTText.token(firm.id))) }
        #expect(ids.contains { $0.hasPrefix("stage-") })
        #expect(svg == String(decoding: try ChainMap.render(park: park).bytes, as: UTF8.self))
    }
}
