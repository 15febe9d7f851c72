import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses an SVG from Graphviz and collects node groups with their texts and shape extents.
final class SVGInspector: NSObject, XMLParserDelegate {
    struct Text {
        var content: String
        var fontSize: Double
    }

    struct Group {
        var id: String
        var classes: [String]
        var texts: [Text] = []
        /// Horizontal extent of the widest shape (polygon, ellipse, path) in the group.
        var shapeWidth: Double = 0
        var title: String = ""
    }

    private(set) var groups: [Group] = []
    private(set) var allTexts: [String] = []
    private(set) var elementNames: Set<String> = []
    private(set) var fontFamilies: [String] = []
    private var stack: [Int?] = []
    private var textBuffer: String?
    private var titleBuffer: String?
    private var textSize = 0.0
    private(set) var error: Error?

    static func parse(_ bytes: [UInt8]) -> SVGInspector? {
        let inspector = SVGInspector()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = inspector
        guard parser.parse() else { return nil }
        return inspector
    }

    func groups(withClass name: String) -> [Group] { groups.filter { $0.classes.contains(name) } }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elementNames.insert(elementName)
        if let family = attributes["font-family"] { fontFamilies.append(family) }
        let current = stack.last(where: { $0 != nil }) ?? nil
        switch elementName {
        case "g":
            let classes = (attributes["class"] ?? "").split(separator: " ").map(String.init)
            if classes.contains("node") || classes.contains("edge") || classes.contains("cluster") {
                groups.append(Group(id: attributes["id"] ?? "", classes: classes))
                stack.append(groups.count - 1)
            } else {
                stack.append(nil)
            }
            return
        case "text":
            textBuffer = ""
            textSize = Double(attributes["font-size"] ?? "") ?? 0
        case "title":
            titleBuffer = ""
        case "polygon", "polyline":
            if let g = current, let points = attributes["points"] {
                groups[g].shapeWidth = max(groups[g].shapeWidth, Self.extent(points))
            }
        case "path":
            if let g = current, let d = attributes["d"] { groups[g].shapeWidth = max(groups[g].shapeWidth, Self.extent(d)) }
        case "ellipse":
            if let g = current, let rx = Double(attributes["rx"] ?? "") { groups[g].shapeWidth = max(groups[g].shapeWidth, 2 * rx) }
        default: break
        }
        stack.append(nil)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if textBuffer != nil { textBuffer? += string }
        if titleBuffer != nil { titleBuffer? += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        let current = stack.last(where: { $0 != nil }) ?? nil
        if elementName == "text", let text = textBuffer {
            allTexts.append(text)
            if let g = current { groups[g].texts.append(Text(content: text, fontSize: textSize)) }
            textBuffer = nil
        }
        if elementName == "title", let title = titleBuffer {
            if let g = current, groups[g].title.isEmpty { groups[g].title = title }
            titleBuffer = nil
        }
        _ = stack.popLast()
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }

    /// max x − min x of the x coordinates in a points list or a path (pairs "x,y").
    static func extent(_ text: String) -> Double {
        var xs: [Double] = []
        let cleaned = text.map { ch -> Character in ch.isLetter ? " " : ch }
        for pair in String(cleaned).split(separator: " ") {
            let parts = pair.split(separator: ",")
            if parts.count == 2, let x = Double(parts[0]) { xs.append(x) }
        }
        guard let lo = xs.min(), let hi = xs.max() else { return 0 }
        return hi - lo
    }
}
