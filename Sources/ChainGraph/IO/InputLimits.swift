/// Lengths ChainMap accepts in its inputs, so that a hostile or broken file cannot turn into
/// gigabytes of output (a 64 MiB label printed in every row of a ranking). Documented in
/// docs/FORMAT.md; the readers refuse longer values with a located error.
public enum InputLimits {
    /// Most bytes (UTF-8) of a label: an edge-list node label, a park id or name, a reference
    /// to one, a list item (product, tag, stage id…). 1,024 bytes is about 340 Chinese
    /// characters.
    public static let maxLabelBytes = 1024

    /// Most bytes (UTF-8) of free text (notes, a need's text, a source) and of a whole list
    /// cell in CSV.
    public static let maxTextBytes = 64 * 1024
}
