import ChainModel
import Foundation
import Testing

@testable import ChainRender

@Suite("Overlays and geometry")
struct OverlayAndGeometryTests {
    @Test func overlaysMarkFirmsLinksStagesAndDrawSuggestions() throws {
        var options = MapOptions()
        options.overlays = [
            .highlight(firm: "elec1", severity: .warning, label: "计划未落地"),
            .highlight(firm: "elec1", severity: .critical, label: "唯一供应商"),
            .highlight(link: "changyuan", "fudi", severity: .critical, label: "断链"),
            .highlight(stage: "separator", severity: .info, label: "细链"),
            .suggestedLink(from: "sep1", to: "pack1", label: "隔膜直供", score: 0.8765),
            .highlight(firm: "ghost", severity: .info),
            .suggestedLink(from: "sep1", to: "ghost"),
        ]
        let scene = try ChainMapBuilder(park: TestParks.battery()).build(options)
        #expect(
            scene.notes == [
                "overlay not drawn, not in this view: firm ghost",
                "overlay not drawn, not in this view: suggested link sep1 → ghost",
            ])
        let dot = DOTWriter().write(scene)
        #expect(dot.contains("class=\"firm org-none highlight-critical\", label=\"长沙电解液化工\\n[计划未落地]\\n[唯一供应商]\""))
        #expect(
            dot.contains(
                "\"firm:changyuan\" -> \"firm:fudi\" [id=\"link-changyuan__fudi\", class=\"supply lost highlight-critical\", xlabel=\"断链\""
            ))
        #expect(dot.contains("class=\"stage midstream highlight-info\", label=\"隔膜 (1)\\n[细链]\""))
        #expect(
            dot.contains(
                "\"firm:sep1\" -> \"firm:pack1\" [id=\"suggested-sep1__pack1__4\", class=\"suggested\", xlabel=\"隔膜直供 (0.88)\""
            ))
        #expect(dot.contains("color=\"\(MapStyle.suggestedColor)\""))
        // Overlays can also be added to a built scene.
        var later = try ChainMapBuilder(park: TestParks.battery()).build(MapOptions(aggregate: .stage))
        later.add(.highlight(stage: "recycling", severity: .warning, label: "短链"))
        later.add(.highlight(firm: "fudi", severity: .info))
        #expect(later.unresolvedOverlays() == [.highlight(firm: "fudi", severity: .info)])
        let svg = try #require(
            SVGInspector.parse(try GraphvizRenderer.shared.render(dot: DOTWriter().write(later), format: .svg)))
        let recycling = try #require(svg.groups.first { $0.id == "stage-recycling" })
        #expect(recycling.classes.contains("highlight-warning"))
        #expect(recycling.texts.map(\.content).contains("[短链]"))
    }

    @Test func cjkLabelsFitInsideTheirBoxes() throws {
        var park = TestParks.battery()
        park.firms.append(Firm(id: "long", name: "湖南宁乡经济技术开发区储能电池关键材料研究院有限公司", stages: ["cell"], output: 1e6))
        park.firms.append(Firm(id: "mixed", name: "CATL 宁德时代 Ningxiang 基地", stages: ["cell"], output: 3e10))
        for arrangement in MapArrangement.allCases {
            var options = MapOptions(layers: [.pairing])
            options.arrangement = arrangement
            let map = try ChainMap.render(park: park, options: options, format: .svg)
            let svg = try #require(SVGInspector.parse(map.bytes))
            let firms = svg.groups(withClass: "firm")
            #expect(firms.count == park.firms.count)
            for group in firms {
                let text = try #require(group.texts.max { $0.content.count < $1.content.count })
                let cjk = text.content.unicodeScalars.filter { (0x4E00...0x9FFF).contains($0.value) }.count
                let other = text.content.unicodeScalars.count - cjk
                let needed = Double(cjk) * text.fontSize * 0.9 + Double(other) * text.fontSize * 0.4
                #expect(group.shapeWidth > needed, "\(text.content): box \(group.shapeWidth) < text \(needed)")
                #expect(text.fontSize >= 12 && text.fontSize <= 18)
            }
            let big = try #require(firms.first { $0.id == "firm-mixed" }?.texts.first?.fontSize)
            let small = try #require(firms.first { $0.id == "firm-long" }?.texts.first?.fontSize)
            // The layered map sizes firms by output; the grid draws equal cells, larger firms first.
            #expect(arrangement == .grid ? big == small : big > small)
        }
    }
}
