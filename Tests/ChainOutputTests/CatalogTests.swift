import ChainModel
import Foundation
import Testing

@testable import ChainOutput

@Suite("Message catalog")
struct CatalogTests {
    /// `{name}` placeholders of a template, sorted.
    static func placeholders(_ template: String) -> [String] {
        var names: [String] = []
        var rest = Substring(template.replacingOccurrences(of: "{{", with: "").replacingOccurrences(of: "}}", with: ""))
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names.sorted()
    }

    @Test func everyIdHasEveryLanguageWithTheSameArguments() {
        let catalogs = Language.allCases.map(Catalog.init)
        let ids = Set(catalogs.flatMap(\.ids))
        for id in ids.sorted() {
            let templates = catalogs.map { $0.template(id) }
            for (catalog, template) in zip(catalogs, templates) {
                #expect(template != nil, "\(id) has no \(catalog.language) template")
            }
            let args = templates.compactMap { $0.map(Self.placeholders) }
            #expect(
                Set(args.map { $0.joined(separator: ",") }).count <= 1,
                "\(id): arguments differ between languages: \(args)")
        }
    }

    @Test func noIdIsDefinedTwiceAcrossAreaTables() {
        for language in Language.allCases {
            var seen: [String: Int] = [:]
            for table in Catalog.tables(language) { for id in table.keys { seen[id, default: 0] += 1 } }
            let twice = seen.filter { $0.value > 1 }.keys.sorted()
            #expect(twice.isEmpty, "\(language): defined in two tables: \(twice)")
        }
    }

    @Test func rendersArgumentsByKindAndLanguage() {
        let zh = Catalog(.zh), en = Catalog(.en)
        let m = Message(
            "info.links.value",
            [
                "total": 12, "byStatus": .list([.text("a"), .text("b"), .text("c")], limit: 2),
                "local": 3, "localShare": .percent(0.25), "value": .money(3.34e9),
            ])
        #expect(zh.render(m) == "12 条：a、b等（另有1项）；本地配套 3 条（占在供关系 25%）；在供金额 33.4亿元")
        #expect(en.render(m) == "12: a, b and 1 more; local 3 (25% of active); active value 33.4亿 RMB")
    }

    @Test func missingIdsAndArgumentsAreVisible() {
        let zh = Catalog(.zh)
        #expect(zh.render(Message("no.such.id")) == "⟦no.such.id⟧")
        #expect(zh.render(Message("info.title", ["name": "X"])) == "X（⟦id⟧）")
    }

    @Test func quantities() {
        #expect(Quantity.money(1.1670e11, .zh) == "1167亿元")
        #expect(Quantity.money(25_000, .zh) == "2.5万元")
        #expect(Quantity.money(999, .en) == "999 RMB")
        #expect(Quantity.money(.infinity, .zh) == "—")
        #expect(Quantity.percent(0.7) == "70%")
        #expect(Quantity.percent(0.8516) == "85.2%")
        #expect(Quantity.integer(1_234_567, .en) == "1,234,567")
        #expect(Quantity.integer(1_234_567, .zh) == "1234567")
        #expect(Quantity.decimal(0.333333, digits: 2) == "0.33")
        #expect(Quantity.decimal(-2.5, digits: 0) == "-3")
    }
}
