import ChainModel
import ChainOutput

/// The words of a map (titles, box labels, the legend) from the message catalog, in the
/// map's language (``MapOptions/language``). Tooltips stay bilingual.
struct MapText: Sendable {
    let catalog: Catalog

    init(_ language: Language) { catalog = Catalog(language) }

    /// The `map.` message `id` with `arguments`.
    func callAsFunction(_ id: String, _ arguments: [String: Message.Argument] = [:]) -> String {
        catalog(Message("map." + id, arguments))
    }
}
