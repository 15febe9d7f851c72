import ChainModel
import Testing

@testable import ChainRender

@Suite("Views")
struct ViewTests {
    let builder = ChainMapBuilder(park: TestParks.battery())

    func firmIDs(_ scene: MapScene) -> Set<String> {
        Set(scene.nodes.compactMap { if case .firm(let id, _) = $0.kind { id } else { nil } })
    }

    @Test func wholeParkHasEveryFirmOnceAndEveryLink() throws {
        let scene = try builder.build(MapOptions())
        #expect(scene.nodes.filter(\.kind.isFirm).count == TestParks.batteryFirmIDs.count)
        #expect(firmIDs(scene) == Set(TestParks.batteryFirmIDs))
        #expect(scene.edges.count == 12)
        let fudi = try #require(scene.nodes.first { $0.name == "firm:fudi" })
        #expect(fudi.leader)
        #expect(fudi.scale == 1)
        let status = Dictionary(
            uniqueKeysWithValues: scene.nodes.compactMap { node -> (String, OrganizationStatus)? in
                guard case .firm(let id, _) = node.kind, let s = node.organization else { return nil }
                return (id, s)
            })
        #expect(status["fudi"] == .own)
        #expect(status["zhongwei"] == .own)
        #expect(status["pack1"] == .own)
        #expect(status["bangsheng"] == .joint)
        #expect(status["changyuan"] == .joint)
        #expect(status["anode1"] == OrganizationStatus.none)
        let lost = scene.edges.filter { $0.kind == .supply(.lost, outside: false) }
        #expect(lost.map(\.key) == ["link-changyuan__fudi"])
        let outside = scene.edges.filter { $0.kind == .supply(.active, outside: true) }
        #expect(outside.map(\.from) == ["firm:mine"])
        #expect(scene.rankEdges.contains(RankEdge(from: "firm:anode1", to: "firm:fudi")))
    }

    @Test func chainViewKeepsChainFirmsAndDirectOutsideSuppliers() throws {
        let scene = try builder.build(MapOptions(chain: "battery"))
        #expect(firmIDs(scene) == Set(TestParks.batteryFirmIDs).subtracting(["logistics"]))
        #expect(scene.title.contains("储能电池"))
        #expect(throws: RenderError.unknownReference(kind: "chain", id: "nope")) {
            try builder.build(MapOptions(chain: "nope"))
        }
    }

    @Test func focusViewIsTheExactUndirectedNeighbourhood() throws {
        let one = try builder.build(MapOptions(focus: MapFocus(firm: "zhongwei", radius: 1)))
        #expect(firmIDs(one) == ["zhongwei", "mine", "bangsheng", "changyuan", "brunp"])
        let two = try builder.build(MapOptions(focus: MapFocus(firm: "zhongwei", radius: 2)))
        #expect(firmIDs(two) == ["zhongwei", "mine", "bangsheng", "changyuan", "brunp", "fudi", "pack1"])
        let zero = try builder.build(MapOptions(focus: MapFocus(firm: "sep1", radius: 0)))
        #expect(firmIDs(zero) == ["sep1"])
        #expect(zero.edges.isEmpty)
        // No gap placeholders in focus views.
        #expect(!two.nodes.contains { if case .gap = $0.kind { true } else { false } })
        #expect(two.nodes.first { $0.name == "firm:zhongwei" }?.focus == true)
        #expect(throws: RenderError.unknownReference(kind: "firm", id: "ghost")) {
            try builder.build(MapOptions(focus: MapFocus(firm: "ghost", radius: 1)))
        }
    }

    @Test func stageAggregateHasOneNodePerStagePlusGroups() throws {
        let scene = try builder.build(MapOptions(aggregate: .stage))
        #expect(
            scene.nodes.map(\.name) == [
                "stage:precursor", "stage:cathode", "stage:anode", "stage:separator", "stage:electrolyte", "stage:cell",
                "stage:recycling", "group:outside", "group:unstaged",
            ])
        let cathode = try #require(scene.nodes.first { $0.name == "stage:cathode" })
        #expect(cathode.label == ["正极材料", "2 家企业", "产值 29.00亿"])
        // cathode → cell: one active (15亿) and one lost (2亿), kept apart by status.
        let toCell = scene.edges.filter { $0.from == "stage:cathode" && $0.to == "stage:cell" }
        #expect(toCell.map(\.label) == ["1 条 · 15.00亿", "1 条 · 2.00亿"])
        #expect(toCell.map(\.kind) == [.supply(.active, outside: false), .supply(.lost, outside: false)])
        // The cell stage's internal link (fudi → pack1) is no edge.
        #expect(!scene.edges.contains { $0.from == $0.to })
        #expect(scene.firmCount == 0)
    }

    @Test func chainAggregateSumsAcrossStages() throws {
        let scene = try builder.build(MapOptions(aggregate: .chain))
        #expect(scene.nodes.map(\.name) == ["chain:battery", "group:outside", "group:unstaged"])
        let battery = try #require(scene.nodes.first)
        #expect(battery.label[1] == "9 家企业")
        let edges = scene.edges.map { "\($0.from)->\($0.to):\($0.label ?? "")" }
        #expect(edges == ["group:outside->chain:battery:1 条 · 6.00亿", "group:unstaged->chain:battery:1 条 · 1000.00万"])
    }

    @Test func oversizeSwitchesToStageViewWithANoteOrRefuses() throws {
        var options = MapOptions(fullLayoutLimit: 5)
        let scene = try builder.build(options)
        #expect(scene.firmCount == 0)
        #expect(scene.nodes.first?.name == "stage:precursor")
        #expect(
            scene.notes.contains {
                $0.hasPrefix("此视图有 11 家企业，超过逐企业布局上限 5，已改画按环节汇总图")
            })
        options.oversize = .refuse
        #expect(throws: RenderError.tooLarge(firms: 11, limit: 5)) { try builder.build(options) }
        // A focus view under the limit is drawn in full even in a park above it.
        options.focus = MapFocus(firm: "sep1", radius: 1)
        #expect(try builder.build(options).firmCount == 2)
    }

    @Test func pairingLayerDrawsUndirectedEdgesAndOrganizations() throws {
        let scene = try builder.build(MapOptions(layers: [.supply, .pairing]))
        let pairings = scene.edges.filter { if case .pairing = $0.kind { true } else { false } }
        let ends = pairings.map { "\($0.from)|\($0.to)" }
        #expect(
            ends == [
                "firm:brunp|firm:pack1", "org:committee|org:bank", "firm:fudi|org:joint1", "firm:zhongwei|org:bank",
            ])
        let orgs = scene.nodes.filter { if case .organization = $0.kind { true } else { false } }.map(\.name)
        #expect(orgs == ["org:bank", "org:committee", "org:joint1"])
        let dot = DOTWriter().write(scene)
        #expect(
            dot.contains("\"firm:fudi\" -> \"org:joint1\" [id=\"pair-fudi-gb__joint1\", class=\"pairing head-led\""))
        #expect(dot.contains("dir=\"none\", constraint=\"false\""))
        #expect(dot.contains("shape=\"hexagon\""))
        // In a restricted view an org–org pairing is left out.
        let chain = try builder.build(MapOptions(chain: "battery", layers: [.pairing]))
        #expect(!chain.edges.contains { $0.from == "org:committee" })
    }
}
