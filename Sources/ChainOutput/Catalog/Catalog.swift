import ChainModel

/// The message catalog: every human sentence, title and column header ChainMap prints, keyed
/// by message id, one table per language.
///
/// Templates name their arguments in braces, `{stage}`; `{{` and `}}` are literal braces.
/// Each area of the program keeps its entries in a file of its own per language
/// (`Catalog/zh/…`, `Catalog/en/…`); `Catalog.tables` lists them. A test checks that every
/// id has a template in every language with the same arguments.
public struct Catalog: Sendable {
    /// The language this catalog renders in.
    public let language: Language
    private let table: [String: String]

    /// The catalog for `language`.
    public init(_ language: Language) {
        self.language = language
        self.table = Catalog.merged(language)
    }

    /// The template for `id`, if the catalog has one.
    public func template(_ id: String) -> String? { table[id] }

    /// Every message id of this language.
    public var ids: Dictionary<String, String>.Keys { table.keys }

    /// `message` as text. An id missing from the catalog renders as `⟦id⟧` so that tests
    /// find it; arguments missing from the message render as `⟦name⟧`.
    ///
    /// - Complexity: O(length of the template + rendered arguments).
    public func render(_ message: Message) -> String {
        guard let template = table[message.id] else { return "⟦\(message.id)⟧" }
        var out = ""
        var i = template.startIndex
        while i < template.endIndex {
            let c = template[i]
            let next = template.index(after: i)
            if c == "{" {
                if next < template.endIndex, template[next] == "{" {
                    out.append("{")
                    i = template.index(after: next)
                    continue
                }
                guard let close = template[next...].firstIndex(of: "}") else {
                    out.append(contentsOf: template[i...])
                    break
                }
                let name = String(template[next..<close])
                if let argument = message.arguments[name] {
                    out += render(argument)
                } else {
                    out += "⟦\(name)⟧"
                }
                i = template.index(after: close)
                continue
            }
            if c == "}", next < template.endIndex, template[next] == "}" {
                out.append("}")
                i = template.index(after: next)
                continue
            }
            out.append(c)
            i = next
        }
        return out
    }

    /// `message` as text; a convenience for `render(_:)`.
    public func callAsFunction(_ message: Message) -> String { render(message) }

    /// One argument as text in this language.
    public func render(_ argument: Message.Argument) -> String {
        switch argument {
        case .text(let s): return s
        case .integer(let n): return Quantity.integer(n, language)
        case .number(let d, let digits): return Quantity.decimal(d, digits: digits)
        case .money(let d): return Quantity.money(d, language)
        case .percent(let d): return Quantity.percent(d)
        case .message(let m): return render(m)
        case .sequence(let items): return items.map(render).joined(separator: " → ")
        case .list(let items, let limit):
            let shown = items.prefix(max(limit, 0)).map(render)
            let separator = render(Message("list.separator"))
            var text = shown.joined(separator: separator)
            if items.count > shown.count {
                text += render(Message("list.more", ["count": .integer(items.count - shown.count)]))
            }
            return text
        }
    }

    /// The renderer an encoder uses to add the `text` of each message
    /// (`CodingUserInfoKey.messageRenderer`).
    public var messageRenderer: @Sendable (Message) -> String {
        let copy = self
        return { copy.render($0) }
    }

    private static func merged(_ language: Language) -> [String: String] {
        var all: [String: String] = [:]
        for table in tables(language) {
            all.merge(table) { first, _ in first }
        }
        return all
    }
}
