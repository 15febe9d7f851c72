import ChainModel
import Foundation
import Testing

/// `chainmap match …` and `chainmap whatif`: subcommands, Chinese by default, English with
/// `--lang en`, machine keys in CSV and JSON, located errors for unknown names.
@Suite struct MatchCLITests {
    static func sample(_ name: String) throws -> String { SampleFiles.path(name) }

    @Test func helpListsTheSubcommands() throws {
        let r = try CLI.run(["match", "--help"])
        #expect(r.status == 0)
        for sub in ["firm (default)", "agenda", "stage", "gaps", "evaluate", "benchmark"] {
            #expect(r.stdout.contains(sub), "\(sub)")
        }
        #expect(r.stdout.contains("chainmap match samples/yihuang-plastics.json --firm 创泰"))
    }

    @Test func firmIsTheDefaultAndSpeaksChinese() throws {
        let yihuang = try Self.sample("yihuang-plastics")
        let args = [yihuang, "--firm", "创泰活塞", "--direction", "capability", "--top", "1", "--no-warnings"]
        let r = try CLI.run(["match"] + args)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("江西创泰活塞制造有限公司（chuangtai）供需对接建议 — 江西宜黄 塑料制品产业链\n"))
        #expect(r.stdout.contains("能力对接 1 家"))
        #expect(r.stdout.contains("江西省立伟轻工制造有限公司可提供自动化研发；江西创泰活塞制造有限公司需要自动化；同在塑料制品产业链党建联盟"))
        // The same with the subcommand named.
        #expect(try CLI.run(["match", "firm"] + args).stdout == r.stdout)

        let en = try CLI.run(["match"] + args + ["--lang", "en"])
        #expect(en.stdout.hasPrefix("Matches for 江西创泰活塞制造有限公司 (chuangtai) in 江西宜黄 塑料制品产业链\n"))
        #expect(en.stdout.contains("江西省立伟轻工制造有限公司 offers 自动化研发; 江西创泰活塞制造有限公司 needs 自动化; both sit in 塑料制品产业链党建联盟"))

        let csv = try CLI.run(["match"] + args + ["--format", "csv"])
        let lines = csv.stdout.components(separatedBy: "\r\n")
        #expect(
            lines[0]
                == "\u{FEFF}direction,rank,candidate,candidateName,outside,score,explanation,need,offer,wanted,fit,template,proximity,locality,capacity,leader,record,channels"
        )
        #expect(lines[1].hasPrefix("capability,1,liwei,江西省立伟轻工制造有限公司,false,0.91"))
        #expect(lines[1].contains(",n001,自动化研发,自动化,1,,"))

        let json = try CLI.run(["match"] + args + ["--format", "json"])
        #expect(json.stdout.contains("\"id\" : \"match.why.offers\""))
        #expect(json.stdout.contains("\"candidate\" : \"liwei\""))
        #expect(json.stdout == (try CLI.run(["match"] + args + ["--format", "json"])).stdout)
    }

    @Test func anUnknownFirmIsALocatedErrorWithADidYouMean() throws {
        let yihuang = try Self.sample("yihuang-plastics")
        let typo = try CLI.run(["match", yihuang, "--firm", "创泰活赛", "--no-warnings"])
        #expect(typo.status == 1)
        #expect(typo.stdout == "")
        #expect(typo.stderr == "error: --firm: 园区中没有企业“创泰活赛”。提示：是否要找 江西创泰活塞制造有限公司（chuangtai）？\n")
        let en = try CLI.run(["match", yihuang, "--firm", "创泰活赛", "--no-warnings", "--lang", "en"])
        #expect(
            en.stderr == "error: --firm: no firm \"创泰活赛\" in the park. Hint: did you mean 江西创泰活塞制造有限公司 (chuangtai)?\n")
        let nothing = try CLI.run(["match", yihuang, "--firm", "zzzzzzzz", "--no-warnings"])
        #expect(nothing.status == 1 && nothing.stderr == "error: --firm: 园区中没有企业“zzzzzzzz”。提示：请写企业编号、全称或名称中的一段\n")
        let several = try CLI.run(["match", yihuang, "--firm", "江西", "--no-warnings"])
        #expect(several.status == 1 && several.stderr.hasPrefix("error: --firm: “江西”符合多家企业：江西省立伟轻工制造有限公司（liwei）、"))
        let stage = try CLI.run(["match", "stage", yihuang, "--stage", "pl-resn", "--no-warnings"])
        #expect(stage.status == 1 && stage.stderr == "error: --stage: 没有环节“pl-resn”。提示：是否要找 pl-resin？\n")
        // Old mode flags are usage errors now, not silently another mode.
        #expect(try CLI.run(["match", yihuang, "--all"]).status == 2)
    }

    @Test func agendaStageGapsAndEvaluate() throws {
        let yihuang = try Self.sample("yihuang-plastics")
        let agenda = try CLI.run(["match", "agenda", yihuang, "--per-firm", "3", "--no-warnings"])
        #expect(agenda.status == 0, "\(agenda.stderr)")
        #expect(agenda.stdout.hasPrefix("供需对接会安排 — 江西宜黄 塑料制品产业链\n"))
        #expect(agenda.stdout.contains("每家企业场次上限  3"))
        let agendaCSV = try CLI.run(["match", "agenda", yihuang, "--no-warnings", "--format", "csv"])
        #expect(
            agendaCSV.stdout.hasPrefix(
                "\u{FEFF}meeting,requester,requesterName,offerer,offererName,direction,score,explanation,"))
        #expect(agendaCSV.stdout.contains(",chuangtai,江西创泰活塞制造有限公司,liwei,江西省立伟轻工制造有限公司,capability,"))

        let stage = try CLI.run([
            "match", "stage", yihuang, "--stage", "pl-resin", "--top", "2", "--no-warnings", "--lang", "en",
        ])
        #expect(stage.stdout.hasPrefix("Candidates to fill stage 塑料原料(树脂/再生粒料) (pl-resin) in 江西宜黄 塑料制品产业链\n"))
        #expect(stage.stdout.contains("1  rec-001  江西铭汇再生资源有限公司    in park  再生塑料颗粒    1  0.798  3087万 RMB"))
        #expect(stage.stdout.contains("in park"))

        let gaps = try CLI.run([
            "match", "gaps", try Self.sample("jinchang-battery"), "--top", "2", "--no-warnings", "--format", "csv",
        ])
        #expect(gaps.status == 0)
        #expect(
            gaps.stdout.hasPrefix(
                "\u{FEFF}place,rule,level,stage,firm,kind,rank,candidate,candidateName,where,offer,score,explanation\r\n"
            ))
        #expect(gaps.stdout.contains("bt/bt-anode,missing-stage,critical,bt-anode,,none,"))

        // The figures of README and docs/MATCHING.md: Yihuang upstream, full score and degree.
        // (Drawn with SplitMix64.below since the one-generator change; the old EvalRandom's
        // modulo rejection hid a different, equally uniform, set of links.)
        let eval = try CLI.run(["match", "evaluate", yihuang, "--no-warnings"])
        #expect(eval.stdout.contains("隐藏在供关系 76 条（共 379 条，20%，随机种子 42）"))
        // Local first (the default): every method's list puts its in-park firms first.
        #expect(eval.stdout.contains("上游供应商  ChainMap 评分      51         0.084         0.598         0.378"))
        #expect(eval.stdout.contains("上游供应商  按度数             51         0.061         0.366         0.252"))
        let evalEN = try CLI.run(["match", "evaluate", yihuang, "--no-warnings", "--lang", "en", "--format", "csv"])
        #expect(evalEN.stdout.contains("upstream,full,51,0.084"))
        // One ranking by score (--include-outside): Yihuang buys much of its resin outside.
        let mixed = try CLI.run([
            "match", "evaluate", yihuang, "--no-warnings", "--lang", "en", "--format", "csv", "--include-outside",
        ])
        #expect(mixed.stdout.contains("upstream,full,51,0.129"))
    }

    /// #19 items 3–5 on the command line: a vocabulary file replaces or extends the table (a
    /// bad line is an error at its line), outside firms come in their own section, and a need
    /// nobody answers says why.
    @Test func vocabularyOutsideAndEmptyAnswersOnTheCommandLine() throws {
        let wujin = try Self.sample("wujin-machinery")
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.tsv")
        try "concept\tdigital\t上云\nfoo\tbar\n".write(to: bad, atomically: true, encoding: .utf8)
        let r = try CLI.run(["match", wujin, "--firm", "integ-004", "--vocabulary", bad.path, "--no-warnings"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("bad.tsv:2: error: kind: 未知的记录类型“foo”"))

        let why = try CLI.run(["match", wujin, "--firm", "integ-004", "--direction", "capability", "--no-warnings"])
        #expect(why.status == 0, "\(why.stderr)")
        #expect(why.stdout.contains("未找到对接的诉求 1 项"))
        #expect(why.stdout.contains("园区内没有企业提供企业上云；园区外名单中也没有；1 个响应部门可承接：武进国家高新区经济发展局。"))
        // A file that says a firm offers 企业上云 answers it.
        let mine = folder.appendingPathComponent("mine.tsv")
        try "concept\tdigital\t云服务\n".write(to: mine, atomically: true, encoding: .utf8)
        let extended = try CLI.run([
            "match", wujin, "--firm", "integ-004", "--direction", "capability", "--vocabulary-extend", mine.path,
            "--no-warnings", "--format", "json",
        ])
        #expect(extended.status == 0, "\(extended.stderr)")
        #expect(extended.stdout.contains("\"unanswered\" : ["))

        let beilun = try Self.sample("beilun-nev")
        let tuopu = try CLI.run([
            "match", beilun, "--firm", "tuopu", "--direction", "upstream", "--top", "3", "--no-warnings",
        ])
        #expect(tuopu.stdout.contains("上游供应商·园区外候选 3 家"))
        let en = try CLI.run([
            "match", beilun, "--firm", "tuopu", "--direction", "upstream", "--top", "3", "--no-warnings", "--lang",
            "en",
        ])
        #expect(en.stdout.contains("Local first (就近配套)"))
        #expect(try CLI.run(["match", beilun, "--firm", "tuopu", "--include-outside", "--in-park-only"]).status == 2)
    }

    @Test func mapShowsTheAgendaAsSuggestedLinks() throws {
        let r = try CLI.run([
            "map", try Self.sample("yihuang-plastics"), "--show", "matches", "--format", "dot", "--no-warnings",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"firm:liwei\" -> \"firm:chuangtai\" [id=\"suggested-liwei__chuangtai"))
    }
}

/// `chainmap whatif`.
@Suite struct WhatIfCLITests {
    @Test func chineseByDefaultEnglishOnRequest() throws {
        let wujin = SampleFiles.path("wujin-machinery")
        let r = try CLI.run(["whatif", wujin, "--remove", "恒立液压", "--no-warnings"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("常州武进国家高新区 工程机械产业链（wujin-machinery）：假如失去 江苏恒立液压股份有限公司（hengli）\n"))
        #expect(r.stdout.contains("受影响产值            181.24亿元（失去的企业 90亿元，断供企业 91.24亿元）"))
        #expect(r.stdout.contains("断供企业              8"))
        #expect(
            r.stdout.contains(
                "em      em-hydraulic    液压件            是                   9             7   96.06亿元    5.24亿元  受损"))
        let en = try CLI.run(["whatif", wujin, "--remove", "恒立液压", "--no-warnings", "--lang", "en"])
        #expect(
            en.stdout.contains("Output value at risk                 181.24亿 RMB (removed 90亿 RMB, cut 91.24亿 RMB)"))
        #expect(en.stdout.contains("Supply links lost                    18, worth 21.59亿 RMB"))
    }

    @Test func csvSectionsJSONAndChainFilter() throws {
        let wujin = SampleFiles.path("wujin-machinery")
        let cut = try CLI.run([
            "whatif", wujin, "--remove", "hengli", "--format", "csv", "--section", "cut", "--no-warnings",
        ])
        #expect(
            cut.stdout.hasPrefix(
                "\u{FEFF}round,firm,firmName,input,lostSuppliers,output,inPark\r\n1,liugong,柳工常州机械有限公司,液压油缸,hengli,9000000000,true\r\n"
            ))
        #expect(cut.stdout.contains(",挖掘机,liugong|xoem-002,"))
        let stages = try CLI.run(["whatif", wujin, "--remove", "hengli", "--format", "csv", "--no-warnings"])
        #expect(
            stages.stdout.hasPrefix(
                "\u{FEFF}chain,stage,name,required,firmsBefore,firmsAfter,outputBefore,outputAfter,state\r\n"))
        #expect(stages.stdout.contains("em,em-hydraulic,液压件,true,9,7,"))
        let json = try CLI.run(["whatif", wujin, "--remove", "hengli", "--format", "json", "--no-warnings"])
        #expect(json.stdout.contains("\"cutTotal\" : 8"))
        #expect(json.stdout.contains("\"outputAtRisk\" : 18123660000"))
        let chain = try CLI.run(["whatif", wujin, "--remove", "hengli", "--chain", "emX", "--no-warnings"])
        #expect(chain.status == 1)
        #expect(chain.stderr == "error: --chain: 没有产业链“emX”。提示：是否要找 em？\n")
        let firm = try CLI.run(["whatif", wujin, "--remove", "hengli,恒立液亚", "--no-warnings", "--lang", "en"])
        #expect(firm.status == 1)
        #expect(
            firm.stderr.hasPrefix(
                "error: --remove: no firm \"恒立液亚\" in the park. Hint: did you mean 江苏恒立液压股份有限公司 (hengli)"))
    }
}
