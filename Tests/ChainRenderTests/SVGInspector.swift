import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses an SVG from Graphviz and collects node groups with their texts and shape extents.
final class SVGInspector: NSObject, XMLParserDelegate {
    struct Text {
        var content: String
        var fontSize: Double
        var x = 0.0
        var y = 0.0
        var anchor = "start"

        /// The text's box, estimated from its font size: CJK and symbols 1 em, spaces 0.35 em,
        /// other characters 0.55 em; from the ascent (0.88 em above the baseline) to the
        /// descent (0.12 em below).
        var box: (x0: Double, y0: Double, x1: Double, y1: Double) {
            var ems = 0.0
            for s in content.unicodeScalars { ems += s.value >= 0x2000 ? 1 : (s.value == 0x20 ? 0.35 : 0.55) }
            let w = ems * fontSize
            let x0 = anchor == "middle" ? x - w / 2 : anchor == "end" ? x - w : x
            return (x0, y - 0.88 * fontSize, x0 + w, y + 0.12 * fontSize)
        }
    }

    struct Group {
        var id: String
        var classes: [String]
        var texts: [Text] = []
        /// Horizontal extent of the widest shape (polygon, ellipse, path) in the group.
        var shapeWidth: Double = 0
        var title: String = ""
        /// Bounds of the group's polygons and paths (nodes and clusters; not edges), if any.
        var bounds: (x0: Double, y0: Double, x1: Double, y1: Double)?
    }

    private(set) var groups: [Group] = []
    private(set) var allTexts: [String] = []
    /// Every text element with its position, in document order.
    private(set) var loneTexts: [Text] = []
    private(set) var elementNames: Set<String> = []
    private(set) var fontFamilies: [String] = []
    private var stack: [Int?] = []
    private var textBuffer: String?
    private var titleBuffer: String?
    private var textSize = 0.0
    private(set) var error: Error?
    /// The `width` and `height` attributes of the root element, in points.
    private(set) var size = (width: 0.0, height: 0.0)
    private var pendingText = Text(content: "", fontSize: 0)

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
        case "svg":
            let number = { (v: String?) in Double((v ?? "").filter { $0.isNumber || $0 == "." }) ?? 0 }
            size = (number(attributes["width"]), number(attributes["height"]))
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
            pendingText = Text(
                content: "", fontSize: textSize, x: Double(attributes["x"] ?? "") ?? 0,
                y: Double(attributes["y"] ?? "") ?? 0,
                anchor: attributes["text-anchor"] ?? "start")
        case "title":
            titleBuffer = ""
        case "polygon", "polyline":
            if let g = current, let points = attributes["points"] {
                groups[g].shapeWidth = max(groups[g].shapeWidth, Self.extent(points))
                if elementName == "polygon" { Self.include(points, in: &groups[g].bounds) }
            }
        case "path":
            if let g = current, let d = attributes["d"] {
                groups[g].shapeWidth = max(groups[g].shapeWidth, Self.extent(d))
                // Rounded boxes are paths; an edge's path is not a box.
                if !groups[g].classes.contains("edge") {
                    Self.include(String(d.map { $0.isLetter ? " " : $0 }), in: &groups[g].bounds)
                }
            }
        case "ellipse":
            if let g = current, let rx = Double(attributes["rx"] ?? "") {
                groups[g].shapeWidth = max(groups[g].shapeWidth, 2 * rx)
            }
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
            pendingText.content = text
            if let g = current { groups[g].texts.append(pendingText) }
            loneTexts.append(pendingText)
            textBuffer = nil
        }
        if elementName == "title", let title = titleBuffer {
            if let g = current, groups[g].title.isEmpty { groups[g].title = title }
            titleBuffer = nil
        }
        _ = stack.popLast()
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }

    static func include(_ points: String, in bounds: inout (x0: Double, y0: Double, x1: Double, y1: Double)?) {
        for pair in points.split(separator: " ") {
            let parts = pair.split(separator: ",")
            guard parts.count == 2, let x = Double(parts[0]), let y = Double(parts[1]) else { continue }
            if let b = bounds {
                bounds = (min(b.x0, x), min(b.y0, y), max(b.x1, x), max(b.y1, y))
            } else {
                bounds = (x, y, x, y)
            }
        }
    }

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
