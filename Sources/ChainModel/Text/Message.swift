/// A human sentence as data: a message id from the catalog and its named arguments.
///
/// Analyses never build text. They return messages, and `ChainOutput` renders them in the
/// reader's language from its catalog, so a second language is a catalog, not a rewrite:
///
/// ```swift
/// let m = Message("gaps.evidence.missingStage", ["stage": .text("负极材料"), "value": .money(3.34e9)])
/// // zh: 园区内没有负极材料企业，下游 33.4亿元 产值依赖园区外供应
/// ```
///
/// Arguments keep their type (a money amount stays a number), so JSON carries them as
/// structured fields beside the rendered sentence, and a test can check every figure in a
/// sentence against the field it came from.
public struct Message: Sendable, Hashable, Encodable {
    /// The catalog key, e.g. `gaps.evidence.missingStage`: a stable identifier.
    public var id: String
    /// Named arguments; the catalog template refers to them as `{name}`.
    public var arguments: [String: Argument]

    public init(_ id: String, _ arguments: [String: Argument] = [:]) {
        self.id = id
        self.arguments = arguments
    }

    /// One argument of a message. The renderer formats each kind for the language: money in
    /// 万/亿 with its unit, shares as percentages, lists with the language's separator.
    public indirect enum Argument: Sendable, Hashable, Encodable {
        /// Verbatim text: a name, an id, a product. Never translated.
        case text(String)
        /// A count.
        case integer(Int)
        /// A plain number, shown with up to `digits` decimals.
        case number(Double, digits: Int = 2)
        /// An amount in RMB.
        case money(Double)
        /// A fraction 0…1, shown as a percentage.
        case percent(Double)
        /// A nested message (a term, a sub-sentence), rendered in the same language.
        case message(Message)
        /// A list, joined with the language's separator; at most `limit` items are shown,
        /// then "and N more".
        case list([Argument], limit: Int = 5)
        /// A path or sequence, joined with arrows: `a → b → c`; every item is shown.
        case sequence([Argument])
    }
}

extension Message: ExpressibleByStringLiteral {
    /// A message without arguments, by id: `let title: Message = "gaps.title"`.
    public init(stringLiteral id: String) { self.init(id) }
}

extension Message.Argument: ExpressibleByStringLiteral {
    public init(stringLiteral text: String) { self = .text(text) }
}

extension Message.Argument: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self = .integer(value) }
}

extension CodingUserInfoKey {
    /// Where an encoder finds the function that renders a ``Message`` in the reader's
    /// language (a `@Sendable (Message) -> String`). When it is present, a message encodes as
    /// `{"id", "arguments", "text"}`; otherwise without `text`.
    public static let messageRenderer = CodingUserInfoKey(rawValue: "chainmap.messageRenderer")!
}

extension Message {
    private enum CodingKeys: String, CodingKey { case id, arguments, text }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        if !arguments.isEmpty { try c.encode(arguments, forKey: .arguments) }
        if let render = encoder.userInfo[.messageRenderer] as? @Sendable (Message) -> String {
            try c.encode(render(self), forKey: .text)
        }
    }
}

extension Message.Argument {
    /// An argument encodes as its plain value: text as a string, amounts and counts as numbers,
    /// a nested message as a message object, a list as an array.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .text(let s): try c.encode(s)
        case .integer(let i): try c.encode(i)
        case .number(let d, _), .money(let d), .percent(let d): try c.encode(d)
        case .message(let m): try c.encode(m)
        case .list(let items, _), .sequence(let items): try c.encode(items)
        }
    }
}
