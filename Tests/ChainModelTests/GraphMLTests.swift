import Foundation
import Testing

@testable import ChainModel

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct GraphMLTests {
    final class Collector: NSObject, XMLParserDelegate {
        var nodes: [String] = []
        var edges: [(String, String)] = []
        var keys: [String: String] = [:]
        var texts: [String] = []
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if name == "node", let id = attributes["id"] { nodes.append(id) }
            if name == "edge", let s = attributes["source"], let t = attributes["target"] { edges.append((s, t)) }
            if name == "key", let id = attributes["id"], let type = attributes["attr.type"] { keys[id] = type }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { texts.append(string) }
    }

    @Test func exportIsWellFormedAndTyped() throws {
        var park = try ParkLoader.load(path: Fixture.path("good/mini.json")).park
        park.firms[0].name = "<script>alert(\"x\")</script> & co"
        let bytes = GraphMLExport.export(park)
        let parser = XMLParser(data: Data(bytes))
        let collector = Collector()
        parser.delegate = collector
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        #expect(collector.nodes == ["xinglong", "liwei", "chuangtai", "outside"])
        #expect(collector.edges.count == 4)
        #expect(
            collector.keys["n_output"] == "double" && collector.keys["n_leader"] == "boolean"
                && collector.keys["n_employees"] == "long")
        #expect(collector.texts.joined().contains("<script>alert(\"x\")</script> & co"))
    }

    @Test func readableByNetworkX() throws {
        // When python3 with networkx is present (CI installs it), check the real reader.
        let folder = Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("mini.graphml")
        let park = try ParkLoader.load(path: Fixture.path("good/mini.json")).park
        try Data(GraphMLExport.export(park)).write(to: file)
        let script = """
            import sys
            try:
                import networkx as nx
            except ImportError:
                print("skip"); sys.exit(0)
            g = nx.read_graphml(sys.argv[1])
            assert g.number_of_nodes() == 4 and g.number_of_edges() == 4, (g.number_of_nodes(), g.number_of_edges())
            assert g.nodes["liwei"]["output"] == 320000000.0 and g.nodes["liwei"]["leader"] is True
            assert g.nodes["liwei"]["employees"] == 800
            assert g.edges["xinglong", "liwei"]["share"] == 0.6
            print("ok")
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return }  // no python3: nothing to check
        process.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.hasPrefix("ok") || output.hasPrefix("skip"), "\(output)")
    }
}
