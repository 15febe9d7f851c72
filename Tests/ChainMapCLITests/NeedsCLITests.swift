import Foundation
import Testing

/// `chainmap orgs --section needs --overdue N`: needs that age, in every format and language.
@Suite struct NeedsCLITests {
    @Test func yihuangRaised72Solved38() throws {
        let r = try CLI.run(["orgs", "yihuang-plastics", "--section", "needs", "--overdue", "30", "--no-warnings"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("三张清单·企业诉求：72 项，来自 54 家企业；待解决 14，办理中 20，已解决 38（解决率 52.8%）"))
        #expect(r.stdout.contains("截至 2024-03-05：未解决诉求 34 项，其中超过 30 天未解决 31 项；无提出日期 0 项"))
        #expect(r.stdout.contains("解决用时中位数 61 天（按 38 项有提出和解决日期的诉求计算，已解决共 38 项）"))
        let en = try CLI.run([
            "orgs", "yihuang-plastics", "--section", "needs", "--overdue", "90", "--lang", "en", "--no-warnings",
        ])
        #expect(en.status == 0)
        #expect(en.stdout.contains("Needs (三张清单): 72 from 54 firms; open 14, in progress 20, solved 38 (52.8%)"))
        #expect(en.stdout.contains("As of 2024-03-05: 34 unsolved needs,"))
        #expect(en.stdout.contains("open longer than 90 days"))
    }

    @Test func jsonAndCSVCarryTheAgeing() throws {
        let json = try CLI.run([
            "orgs", "yihuang-plastics", "--section", "needs", "--format", "json", "--overdue", "60", "--no-warnings",
        ])
        #expect(json.status == 0)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let needs = try #require(root["needs"] as? [String: Any])
        #expect(needs["asOf"] as? String == "2024-03-05")
        #expect(needs["overdueDays"] as? Int == 60)
        let total = try #require(needs["total"] as? [String: Any])
        #expect(
            total["total"] as? Int == 72 && total["solved"] as? Int == 38 && total["medianDaysToSolve"] as? Double == 61
        )
        #expect((needs["openNeeds"] as? [Any])?.count == 34)
        #expect((root["options"] as? [String: Any])?["overdueDays"] as? Int == 60)

        let csv = try CLI.run(["orgs", "yihuang-plastics", "--section", "needs", "--format", "csv", "--no-warnings"])
        #expect(
            csv.stdout.hasPrefix(
                "\u{FEFF}by,key,name,open,inProgress,solved,total,solvedPercent,overdue,oldestOpenDays,solvedWithDates,medianDaysToSolve\r\n"
            ))
        #expect(csv.stdout.contains("\r\nall,all,,14,20,38,72,52.78,31,328,38,61\r\n"))
    }

    @Test func wujinListsInTheReport() throws {
        let r = try CLI.run([
            "orgs", "wujin-machinery", "--section", "needs", "--lang", "en", "--limit", "0", "--no-warnings",
        ])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Three lists: 8 department resources, 4 action projects"))
        #expect(r.stdout.contains("Resources that answer no need: 1"))
        #expect(r.stdout.contains("Unsolved needs with no resource or project: 6"))
    }

    @Test func overdueMustNotBeNegative() throws {
        let r = try CLI.run(["orgs", "yihuang-plastics", "--overdue", "-1"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--overdue"))
    }
}
