import ChainModel
import Foundation
import Testing

@testable import ChainOutput

/// A small report for the renderers.
struct Sample: Report {
    var names: [String]
    var amounts: [Double]

    func document() -> Document {
        Document(
            title: Message("info.title", ["name": "测试园区", "id": "t"]),
            sections: [
                Section(
                    key: "stages", title: "info.section.stages",
                    blocks: [
                        .facts([Fact("firms", "info.firms", .integer(3))]),
                        .table(
                            Table(
                                key: "stages",
                                columns: [
                                    Column("stageName", "info.col.stage"), Column("output", "info.col.output", .money),
                                ],
                                rows: zip(names, amounts).map { [.text($0), .money($1)] },
                                omittedRows: 2)),
                    ])
            ])
    }
}

@Suite("Renderers")
struct RendererTests {
    let report = Sample(names: ["电芯", "a,\"b\"", "Separator"], amounts: [2.804e9, 12_000, 5])

    @Test func csvHasBOMCRLFAndMachineValues() throws {
        let bytes = try ReportRenderer(format: .csv, language: .zh).render(report)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text == "stageName,output\r\n电芯,2804000000\r\n\"a,\"\"b\"\"\",12000\r\nSeparator,5\r\n")
    }

    @Test func tableAlignsChineseAndRightAlignsNumbers() throws {
        let text = String(decoding: try ReportRenderer(format: .table, language: .zh).render(report), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "测试园区（t）")
        let header = try #require(lines.firstIndex { $0.hasPrefix("环节") })
        // Every row of the table has the same display width up to the end of the money column.
        let rows = lines[header...].prefix(5).filter { !$0.hasPrefix("-") }
        #expect(Set(rows.map(displayWidth)).count == 1, "\(rows)")
        #expect(lines.contains("电芯       28.04亿元"))
        #expect(text.contains("另有 2 行未列出"))
    }

    @Test func englishOnRequest() throws {
        let text = String(decoding: try ReportRenderer(format: .table, language: .en).render(report), as: UTF8.self)
        #expect(text.hasPrefix("测试园区 (t)\n\nChain stages\nFirms  3\n"))
        #expect(text.contains("28.04亿 RMB"))
    }

    @Test func markdownEscapesAndTabulates() throws {
        let text = String(decoding: try ReportRenderer(format: .markdown, language: .zh).render(report), as: UTF8.self)
        #expect(text.hasPrefix("# 测试园区（t）\n\n## 各产业链环节\n"))
        #expect(text.contains("| 环节 | 产值 |\n| --- | ---: |\n| 电芯 | 28.04亿元 |"))
    }

    @Test func jsonCarriesTheSentenceBesideTheFields() throws {
        struct R: Encodable { var finding: Message }
        let bytes = try JSONRenderer(Catalog(.zh)).render(R(finding: Message("info.title", ["name": "园区", "id": "p"])))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let finding = try #require(object["finding"] as? [String: Any])
        #expect(finding["id"] as? String == "info.title")
        #expect(finding["text"] as? String == "园区（p）")
        #expect((finding["arguments"] as? [String: Any])?["name"] as? String == "园区")
    }

    @Test func jsonRefusesNonFiniteNumbers() {
        struct R: Encodable { var x: Double }
        #expect(throws: OutputError.self) { try JSONRenderer(Catalog(.zh)).render(R(x: .infinity)) }
    }

    /// Columns and tables for one audience: people get the readable column, programs the
    /// machine one, and a programs-only table never shows in text or Markdown.
    @Test func audiencesSplitColumnsAndTables() throws {
        struct Split: Report {
            func document() -> Document {
                let table = Table(
                    key: "main",
                    columns: [
                        Column("id", "info.col.stageId"),
                        Column("share", "info.col.output", .percent, audience: .people),
                        Column("sharePercent", "info.col.output", .number, audience: .programs),
                    ], rows: [[.text("s1"), .percent(0.5), .number(50)]])
                let machine = Table(
                    key: "machine", columns: [Column("x", "info.col.firms")], rows: [[.text("hidden")]],
                    audience: .programs)
                return Document(
                    title: "info.section.stages",
                    sections: [
                        Section(key: "s", title: "info.section.stages", blocks: [.table(table), .table(machine)])
                    ], primaryTable: "main")
            }
            func encode(to encoder: any Encoder) throws {}
        }
        let text = String(decoding: try ReportRenderer(format: .table, language: .zh).render(Split()), as: UTF8.self)
        #expect(text.contains("\ns1         50%\n"), "\(text)")
        #expect(!text.contains("hidden") && !text.contains("  50\n"))
        let markdown = String(
            decoding: try ReportRenderer(format: .markdown, language: .en).render(Split()), as: UTF8.self)
        #expect(markdown.contains("| s1 | 50% |") && !markdown.contains("hidden"))
        let csv = String(
            decoding: try ReportRenderer(format: .csv, language: .zh).render(Split()).dropFirst(3), as: UTF8.self)
        #expect(csv == "id,sharePercent\r\ns1,50\r\n")
    }
}
