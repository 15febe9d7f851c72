import ArgumentParser
import ChainAnalysis
import ChainGraph
import ChainModel

/// `chainmap structure PARK`: components, cut firms, bridge links, cores and depth.
struct StructureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "structure",
        abstract: "What the network stands on: components, cut firms, bridge links, k-cores, depth.",
        discussion: """
            Cut firms are articulation points of the undirected supply network (losing one
            splits it); bridge links are links whose loss splits it; the innermost k-core is its
            densely tied centre; depth is the longest supply path when there are no cycles (the
            cycles are listed otherwise). The input is a park or a plain edge list.

            Examples:
              chainmap structure samples/wujin-machinery.json
              chainmap structure samples/beilun-nev.json --format json
              chainmap structure graph.txt --format csv > nodes.csv       # one row per node
            """)

    @OptionGroup var graphOptions: GraphOptions

    @Option(help: "How many cut firms, bridges and core members to list (0: all).")
    var top: Int = 20

    @Option(help: "Output format: table, json, or csv (one row per node).")
    var format: OutputFormat = .table

    func run() throws {
        let loaded = try graphOptions.load()
        let progress = ProgressLine("Analysing structure")
        let report = StructureReport(loaded.graph) { progress.update($0, $1) }
        progress.finish()
        let firmCount = loaded.parkGraph?.firmCount ?? loaded.graph.nodeCount
        func label(_ v: Int32) -> String {
            let i = Int(v)
            return loaded.names[i] == loaded.ids[i] ? loaded.ids[i] : "\(loaded.names[i]) (\(loaded.ids[i]))"
        }
        func limited<T>(_ items: [T]) -> ArraySlice<T> { top == 0 ? items[...] : items.prefix(top) }
        let cut = report.articulationPoints.filter { Int($0) < firmCount }
        switch format {
        case .table:
            var out = "Network: \(report.nodeCount) nodes, \(report.edgeCount) links\n"
            out += "Weak components: \(report.weak.count)" + (report.weak.count > 0 ? ", largest \(report.weak.sizes.max() ?? 0) nodes" : "") + "\n"
            let nontrivial = report.strong.sizes.filter { $0 > 1 }.count
            out += "Strong components: \(report.strong.count) (\(nontrivial) with more than one node, i.e. supply loops)\n"
            if let depth = report.depth {
                out += "Depth: longest supply path \(depth.hopLength) links: " + depth.longestHopPath.map(label).joined(separator: " → ") + "\n"
            } else if let cycles = report.cycles {
                out += "Depth: not defined, the supply network has cycles, e.g. " + (cycles.cycle + cycles.cycle.prefix(1)).map(label).joined(separator: " → ") + "\n"
            }
            out += "Innermost core: k = \(report.maxCore), \(report.innermostCore.count) nodes\n\n"
            out += "Cut firms (articulation points): \(cut.count)\n"
            for v in limited(cut) { out += "  \(label(v))\n" }
            if cut.count > top && top > 0 { out += "  … and \(cut.count - top) more\n" }
            out += "\nBridge links: \(report.bridges.count)\n"
            for b in limited(report.bridges) { out += "  \(label(b.source)) → \(label(b.target))\n" }
            if report.bridges.count > top && top > 0 { out += "  … and \(report.bridges.count - top) more\n" }
            out += "\nInnermost core (k = \(report.maxCore)):\n"
            for v in limited(report.innermostCore) { out += "  \(label(v))\n" }
            Console.out(out)
        case .json:
            var w = JSONWriter()
            w.beginObject()
            w.key("nodes"); w.int(report.nodeCount)
            w.key("links"); w.int(report.edgeCount)
            w.key("weakComponents"); w.int(report.weak.count)
            w.key("largestWeakComponent"); w.int(report.weak.sizes.max() ?? 0)
            w.key("strongComponents"); w.int(report.strong.count)
            w.key("maxCore"); w.int(Int(report.maxCore))
            if let depth = report.depth {
                w.key("longestPath"); w.inlineStrings(depth.longestHopPath.map { loaded.ids[Int($0)] })
            }
            if let cycles = report.cycles {
                w.key("cycle"); w.inlineStrings(cycles.cycle.map { loaded.ids[Int($0)] })
            }
            w.key("cutFirms"); w.inlineStrings(cut.map { loaded.ids[Int($0)] })
            w.key("bridges")
            w.beginArray()
            for b in report.bridges {
                w.element()
                w.inlineStrings([loaded.ids[Int(b.source)], loaded.ids[Int(b.target)]])
            }
            w.endArray()
            w.key("innermostCore"); w.inlineStrings(report.innermostCore.map { loaded.ids[Int($0)] })
            w.endObject()
            Console.out(bytes: w.finish())
        case .csv:
            let isCut = Set(report.articulationPoints)
            var out = "id,name,weakComponent,strongComponent,core,cut,depth\n"
            for v in 0..<Int32(report.nodeCount) {
                let i = Int(v)
                let depth = report.depth.map { String($0.hopDepth[i]) } ?? ""
                out += [loaded.ids[i], loaded.names[i], String(report.weak.componentOf[i]), String(report.strong.componentOf[i]),
                        String(report.coreNumbers[i]), isCut.contains(v) ? "true" : "false", depth].map(CSVField.quote).joined(separator: ",") + "\n"
            }
            Console.out(out)
        }
    }
}
