import Foundation
import Testing

/// Issue #13, "speak the committee's language": mistyped verbs and names get a did-you-mean,
/// notes appear once, what the command line says is in the reader's language.
@Suite struct CommitteeLanguageCLITests {
    let mini = CLI.fixtures.appendingPathComponent("good/mini.json").path

    /// `gaps` and `match` are parents whose default mode takes an optional park: the argument
    /// parser tells a mode from a park, and a mistyped mode that names no file gets its
    /// did-you-mean instead of "no such file".
    @Test func gapsModesAreSubcommandsAndAMistypedModeSuggestsTheNearest() throws {
        let plain = try CLI.run(["gaps", mini, "--format", "csv"])
        #expect(plain.status == 0)
        let find = try CLI.run(["gaps", "find", mini, "--format", "csv"])
        #expect(find.status == 0 && find.stdout == plain.stdout && !plain.stdout.isEmpty)
        let help = try CLI.run(["gaps", "--help"])
        #expect(help.status == 0 && help.stdout.contains("benchmark") && help.stdout.contains("find"))
        #expect(try CLI.run(["gaps", "benchmark", "--help"]).stdout.contains("--seeds"))
        let typo = try CLI.run(["gaps", "benchmrk"])
        #expect(typo.status == 2)
        #expect(typo.stderr == "error: “benchmrk”既不是园区（没有这个文件、文件夹或示例），也不是 gaps 的子命令。是否要用 gaps benchmark？\n")
        let en = try CLI.run(["match", "agnda", "--lang", "en"])
        #expect(en.status == 2)
        #expect(
            en.stderr
                == "error: 'agnda' is neither a park (no such file, folder or sample) nor a mode of match. Did you mean 'match agenda'?\n"
        )
        // A park whose name is near a mode is still a park when it exists: a missing one is a
        // missing file, not a mode.
        let missing = try CLI.run(["gaps", "/nonexistent/park.json"])
        #expect(missing.status == 1 && missing.stderr.contains("/nonexistent/park.json"))
    }

    @Test func aMistypedVerbSuggestsTheNearestOne() throws {
        let r = try CLI.run(["gasp", "beilun-nev"])
        #expect(r.status == 2)
        #expect(r.stderr == "error: 没有“gasp”这个命令。是否要用 gaps？\n")
        let en = try CLI.run(["valdate", "--lang", "en"])
        #expect(en.stderr == "error: unknown command 'valdate'. Did you mean 'validate'?\n")
        let far = try CLI.run(["xyzzyplugh"])
        #expect(far.status == 2)
        #expect(far.stderr.contains("validate") && far.stderr.contains("gaps"))
        // Options and `help` still reach ArgumentParser.
        #expect(try CLI.run(["help", "gaps"]).status == 0)
        #expect(try CLI.run(["--version"]).status == 0)
    }

    @Test func chainOptionsTakeANameOrAnIdAndListTheIdsOnError() throws {
        let byName = try CLI.run(["gaps", "beilun-nev", "--chain", "新能源汽车", "--format", "json", "--no-warnings"])
        let byId = try CLI.run(["gaps", "beilun-nev", "--chain", "nev", "--format", "json", "--no-warnings"])
        #expect(byName.status == 0, "\(byName.stderr)")
        #expect(byName.stdout == byId.stdout)
        let typo = try CLI.run(["gaps", "beilun-nev", "--chain", "nevv", "--no-warnings"])
        #expect(typo.status == 1)
        #expect(typo.stderr.hasPrefix("error: --chain:") && typo.stderr.contains("nev"))
        let whatif = try CLI.run(["whatif", "beilun-nev", "--zone", "x", "--chain", "nevv", "--no-warnings"])
        #expect(whatif.status == 1)
        let map = try CLI.run(["map", "beilun-nev", "--chain", "新能源汽车", "--format", "dot", "--no-warnings"])
        #expect(map.status == 0, "\(map.stderr)")
        let mapTypo = try CLI.run(["map", "beilun-nev", "--chain", "nevv", "--format", "dot", "--no-warnings"])
        #expect(mapTypo.status == 1)
        #expect(mapTypo.stderr.hasPrefix("error: --chain:") && mapTypo.stderr.contains("nev"))
        let focus = try CLI.run(["map", mini, "--focus", "创泰活赛", "--format", "dot"])
        #expect(focus.status == 1)
        #expect(focus.stderr.hasPrefix("error: --focus:") && focus.stderr.contains("chuangtai"))
    }

    @Test func theDataWarningsNoteIsPrintedOncePerRun() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A park with one warning: a firm without links.
        var park = try #require(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: mini))) as? [String: Any])
        var firms = try #require(park["firms"] as? [[String: Any]])
        firms.append(["id": "lonely", "name": "孤立企业"])
        park["firms"] = firms
        let path = folder.appendingPathComponent("warn.json")
        try JSONSerialization.data(withJSONObject: park).write(to: path)
        let validated = try CLI.run(["validate", path.path, "--format", "json"])
        #expect(validated.stdout.contains("lonely"))
        let r = try CLI.run(["measure", path.path, "--algorithms", "load", "--repeat", "3"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.components(separatedBy: "chainmap validate").count == 2, "\(r.stderr)")
        #expect(r.stderr.contains("注意：数据有"))
        let en = try CLI.run(["info", path.path, "--lang", "en"])
        #expect(en.stderr.contains("note: ") && en.stderr.contains("data warning"))
    }

    /// Every bad fixture, validated in Chinese, says what is wrong in Chinese: after the
    /// place (file:line:column, field) and the keywords, no run of three English words is
    /// left. The allow-list holds what stays English on purpose.
    @Test func everyBadFixtureIsReportedInChinese() throws {
        let bad = CLI.fixtures.appendingPathComponent("bad")
        let badCSV = CLI.fixtures.appendingPathComponent("bad-csv")
        let files =
            try FileManager.default.contentsOfDirectory(atPath: bad.path).filter { $0.hasSuffix(".json") }.sorted()
            .map { bad.appendingPathComponent($0) }
            + FileManager.default.contentsOfDirectory(atPath: badCSV.path).sorted().map {
                badCSV.appendingPathComponent($0)
            }
        #expect(files.count >= 22)
        // The JSON parser's own detail, shown in parentheses after the Chinese sentence.
        let allowed = ["expected a quoted field name"]
        let english = try Regex("[A-Za-z]+[ ,;]+[A-Za-z]+ [A-Za-z]+")
        for file in files {
            let name = file.lastPathComponent
            let r = try CLI.run(["validate", file.path, "--lang", "zh"])
            #expect(r.status == 1, "\(name)")
            for line in (r.stderr + r.stdout).split(separator: "\n") {
                var text = String(line)
                // file:line[:column]: severity: field:
                if let range = text.range(
                    of: #"^.*?: (error|warning): ([A-Za-z\[\]0-9.\-]+: )?"#, options: .regularExpression)
                {
                    text.removeSubrange(range)
                }
                for a in allowed { text = text.replacingOccurrences(of: a, with: "") }
                // Commands to run (`iconv …`) stay as they are typed.
                text = text.replacingOccurrences(of: "`[^`]*`", with: "", options: .regularExpression)
                #expect(text.firstMatch(of: english) == nil, "\(name): \(line)")
                #expect(text.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }, "\(name): \(line)")
            }
        }
    }

    /// Beilun: 整车制造 has 2 in-park firms with 238亿 (as the map draws it) and 3 outside
    /// OEMs; the park's own output is the article's 1167亿.
    @Test func infoKeepsInParkAndOutsideFirmsApart() throws {
        let r = try CLI.run(["info", "beilun-nev", "--no-warnings"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("产值      园区内企业 1167亿元（园区外企业 794.01亿元，不计入）"))
        let vehicle = try #require(r.stdout.split(separator: "\n").first { $0.contains("nev-vehicle") })
        #expect(vehicle.contains("  2           3     1     238亿元  444.16亿元"), "\(vehicle)")
        let json = try CLI.run(["info", "beilun-nev", "--no-warnings", "--format", "json"])
        #expect(json.stdout.contains("\"outputInPark\" : 116699960000"))
    }

    @Test func firmsListsFiltersAndSpeaksBothLanguagesInEveryFormat() throws {
        let r = try CLI.run(["firms", "beilun-nev", "--chain", "新能源汽车", "--stage", "整车制造", "--no-warnings"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("共 5 家（园区内 2，园区外 3）"))
        #expect(r.stdout.contains("jirun     浙江吉润汽车有限公司          新能源汽车  整车制造  园区内  是      220亿元"))
        let en = try CLI.run(["firms", "yihuang-plastics", "--search", "活塞", "--lang", "en", "--no-warnings"])
        #expect(en.stdout.contains("containing \"活塞\": 2 firms (in park 2, outside 0)"))
        let csv = try CLI.run(["firms", "beilun-nev", "--stage", "nev-vehicle", "--format", "csv", "--no-warnings"])
        #expect(
            csv.stdout.hasPrefix(
                "\u{FEFF}id,name,chains,stages,inPark,leader,output\r\njirun,浙江吉润汽车有限公司,nev,nev-vehicle,true,true,22000000000\r\n"
            ))
        let json = try CLI.run(["firms", "beilun-nev", "--stage", "nev-vehicle", "--format", "json", "--no-warnings"])
        #expect(json.stdout.contains("\"inPark\" : false"))
        let markdown = try CLI.run([
            "firms", "beilun-nev", "--stage", "nev-vehicle", "--format", "markdown", "--no-warnings",
        ])
        #expect(markdown.stdout.contains("| jirun |"))
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let book = folder.appendingPathComponent("firms.xlsx").path
        #expect(try CLI.run(["firms", "beilun-nev", "--format", "xlsx", "-o", book, "--no-warnings"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: book))
        let typo = try CLI.run(["firms", "beilun-nev", "--stage", "nev-vehicel", "--no-warnings"])
        #expect(typo.status == 1)
        #expect(typo.stderr.hasPrefix("error: --stage:") && typo.stderr.contains("nev-vehicle"))
    }

    @Test func usageErrorsAndEdgeListProblemsInTheReadersLanguage() throws {
        let top = try CLI.run(["gaps", "--limit=-3", "--no-warnings"])
        #expect(top.status == 2)
        #expect(top.stderr.contains("--limit 不能为负数"), "\(top.stderr)")
        let en = try CLI.run(["whatif", "--lang", "en"])
        #expect(en.status == 2)
        #expect(en.stderr.contains("give --remove FIRM[,FIRM…] and/or --zone ZONE"))
        let zh = try CLI.run(["whatif"])
        #expect(zh.stderr.contains("请用 --remove"))
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("edges.txt")
        try "a b\nc\n".write(to: file, atomically: true, encoding: .utf8)
        let r = try CLI.run(["rank", file.path])
        #expect(r.stderr.contains("edges.txt:2: error: 这一行只有起点，没有终点（内容：“c”）"), "\(r.stderr)")
    }

    @Test func outputProblemsAndMapMessagesFollowTheLanguage() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let existing = folder.appendingPathComponent("m.svg").path
        try "old".write(toFile: existing, atomically: true, encoding: .utf8)
        let zh = try CLI.run(["map", mini, "-o", existing])
        #expect(zh.status == 1)
        #expect(zh.stderr.contains("已存在。提示：请换一个文件名，或加 --force 覆盖它"), "\(zh.stderr)")
        let en = try CLI.run(["map", mini, "-o", existing, "--lang", "en"])
        #expect(
            en.stderr.contains("already exists. Hint: choose another name, or pass --force to replace it"),
            "\(en.stderr)")
        let wrote = try CLI.run(["map", mini, "-o", existing, "--force", "--lang", "en"])
        #expect(wrote.stderr == "wrote \(existing)\n")
    }
}
