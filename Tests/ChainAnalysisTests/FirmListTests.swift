import ChainAnalysis
import ChainModel
import Testing

@Suite struct FirmListTests {
    static let park = try! Samples.load("beilun-nev").park

    @Test func filtersByChainAndStageNameOrIdInTemplateOrder() throws {
        let byName = try FirmList(park: Self.park, chain: "新能源汽车", stage: "整车制造")
        let byId = try FirmList(park: Self.park, chain: "nev", stage: "nev-vehicle")
        #expect(byName.rows == byId.rows)
        #expect(byName.rows.map(\.id) == ["jirun", "veh-001", "xoem-001", "xoem-003", "xoem-002"])
        #expect(byName.inPark == 2 && byName.outside == 3)
        #expect(byName.rows[0].leads == ["nev"])
        let all = try FirmList(park: Self.park)
        #expect(all.rows.count == Self.park.firms.count)
    }

    @Test func searchFindsNamesProductsAndCapabilities() throws {
        let list = try FirmList(park: Self.park, search: "吉润")
        #expect(list.rows.map(\.id) == ["jirun"])
        #expect(try FirmList(park: Self.park, search: "  ").rows.count == Self.park.firms.count)
    }

    @Test func aMistypedChainOrStageIsALookupError() throws {
        #expect(throws: LookupError.self) { try FirmList(park: Self.park, chain: "nevv") }
        do {
            _ = try FirmList(park: Self.park, stage: "nev-vehicel")
        } catch {
            #expect(error.kind == .stage && error.candidates.map(\.id).contains("nev-vehicle"))
        }
    }
}
