import ChainModel
import Foundation
import Testing

@testable import ChainRender

@Suite("Graphviz rendering")
struct RendererTests {
    let renderer = GraphvizRenderer.shared

    @Test func pluginsIncludeDotLayoutAndOurFormats() throws {
        let plugins = try renderer.plugins()
        #expect(plugins.layouts.contains("dot"))
        for format in ["svg", "png", "pdf"] { #expect(plugins.formats.contains(format)) }
        #expect(!plugins.textLayouts.isEmpty, "no text layout plugin: CJK boxes would be mis-sized")
    }

    @Test func svgParsesAndNamesEveryFirmOnce() throws {
        let park = TestParks.battery()
        let map = try ChainMap.render(park: park, options: MapOptions(layers: [.supply, .pairing]), format: .svg)
        let svg = try #require(SVGInspector.parse(map.bytes))
        for firm in park.firms {
            #expect(svg.allTexts.filter { $0 == firm.name }.count == 1, "\(firm.name)")
        }
        let ids = Set(svg.groups(withClass: "firm").map(\.id))
        #expect(ids == Set(park.firms.map { "firm-" + DOTText.token($0.id) }))
        let leader = try #require(svg.groups.first { $0.id == "firm-fudi" })
        #expect(leader.classes.contains("leader"))
        #expect(leader.classes.contains("org-own"))
        #expect(svg.groups(withClass: "lost").count == 1)
        #expect(svg.groups(withClass: "pairing").count == 4)
        #expect(svg.groups(withClass: "organization").count == 3)
        #expect(!svg.fontFamilies.isEmpty)
        for family in svg.fontFamilies {
            #expect(family.hasPrefix("Noto Sans CJK SC") && family.hasSuffix("sans-serif"), "\(family)")
        }
        let text = String(decoding: map.bytes, as: UTF8.self)
        #expect(text.contains("xlink:title=\"弗迪电池 (fudi)&#10;环节 stage: 电芯与电池包"))
    }

    @Test func pngAndPdfStartWithTheirMagicBytes() throws {
        let dot = DOTWriter().write(try ChainMapBuilder(park: TestParks.battery()).build(MapOptions()))
        let png = try renderer.render(dot: dot, format: .png)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let pdf = try renderer.render(dot: dot, format: .pdf)
        #expect(Array(pdf.prefix(5)) == Array("%PDF-".utf8))
        let raw = try renderer.render(dot: dot, format: .dot)
        #expect(raw == Array(dot.utf8))
    }

    @Test func missingPluginsAndBadDOTAreTypedErrors() throws {
        do {
            _ = try renderer.render(dot: "digraph { a -> b }", format: RenderFormat(rawValue: "nosuchformat"))
            Issue.record("expected an error")
        } catch {
            guard case .missingFormatPlugin(let name, let available) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(name == "nosuchformat")
            #expect(available.contains("svg"))
            #expect(error.description.contains("apt-get install libgraphviz-dev"))
        }
        do {
            _ = try renderer.render(dot: "digraph { a -> b }", format: .svg, layout: "nosuchlayout")
            Issue.record("expected an error")
        } catch {
            #expect(error == .missingLayoutPlugin("nosuchlayout", available: try renderer.plugins().layouts))
            #expect(error.description.contains("run `dot -c` to register plugins"))
        }
        do {
            _ = try renderer.render(dot: "digraph { a -> ; }", format: .svg)
            Issue.record("expected an error")
        } catch {
            guard case .syntax(let messages) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(messages.contains { $0.contains("syntax error in line 1 near") }, "\(messages)")
        }
        // The context still works after errors.
        let svg = try renderer.render(dot: "digraph { a -> b }", format: .svg)
        #expect(svg.count > 100)
    }

    @Test func twoHundredRendersInALoopAndFromSeveralThreads() async throws {
        let dot = DOTWriter().write(
            try ChainMapBuilder(park: TestParks.battery()).build(MapOptions(focus: MapFocus(firm: "fudi", radius: 1))))
        var sizes = Set<Int>()
        for _ in 0..<150 { sizes.insert(try renderer.render(dot: dot, format: .svg).count) }
        #expect(sizes.count == 1)
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<50 { group.addTask { try GraphvizRenderer.shared.render(dot: dot, format: .svg).count } }
            var all: [Int] = []
            for try await c in group { all.append(c) }
            return all
        }
        #expect(counts.count == 50)
        #expect(Set(counts) == sizes)
    }
}

@Suite("Graphviz parser state")
struct ParserStateTests {
    /// libcgraph keeps what follows the first graph in its lexer buffer; without a flush the
    /// next render would draw the leftover graph instead of its own.
    @Test func leftoverTextNeverLeaksIntoTheNextRender() throws {
        let renderer = GraphvizRenderer.shared
        let first = try renderer.render(dot: "digraph { leak1 } digraph { leak2 }", format: .svg)
        #expect(String(decoding: first, as: UTF8.self).contains(">leak1<"))
        let second = try renderer.render(dot: "digraph { mine }", format: .svg)
        let text = String(decoding: second, as: UTF8.self)
        #expect(text.contains(">mine<"))
        #expect(!text.contains("leak2"))
    }
}

extension ParserStateTests {
    /// cgraph orders clusters by an ID that, by default, is a heap address; the renderer's ID
    /// discipline makes the picture the same on every render in one process.
    @Test func sameDOTGivesTheSameSVGAcrossRenders() throws {
        let renderer = GraphvizRenderer.shared
        let dot = DOTWriter().write(try ChainMapBuilder(park: TestParks.generated(firms: 60)).build(MapOptions()))
        let first = try renderer.render(dot: dot, format: .svg)
        for n in [5, 30, 90] {
            let other = DOTWriter().write(try ChainMapBuilder(park: TestParks.generated(firms: n)).build(MapOptions()))
            _ = try renderer.render(dot: other, format: .svg)
        }
        let again = try renderer.render(dot: dot, format: .svg)
        #expect(first == again)
    }
}
