/// The language of human text: Simplified Chinese by default, English on request.
///
/// Machine keys (JSON member names, CSV headers, message ids, enum raw values) never change
/// with the language; only sentences, titles and column headers do.
public enum Language: String, Sendable, CaseIterable {
    /// Simplified Chinese, the default.
    case zh
    /// English.
    case en

    /// The language named by `value` (`zh`, `zh-CN`, `zh_CN.UTF-8`, `en`, `en_US`…), or nil.
    public init?(code value: String) {
        let lower = value.lowercased()
        if lower.hasPrefix("zh") { self = .zh } else if lower.hasPrefix("en") { self = .en } else { return nil }
    }

    /// The language from the environment: `CHAINMAP_LANG` when set to a known language,
    /// otherwise Chinese. (The system locale is deliberately not consulted: servers and CI
    /// machines run in `C`/`en_US` while their users read Chinese.)
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        environment["CHAINMAP_LANG"].flatMap(Language.init(code:)) ?? .zh
    }

    /// The language a command line asks for (`--lang X` or `--lang=X`), else the
    /// environment's: for text printed outside a parsed command (errors).
    public static func fromEnvironment(_ environment: [String: String], arguments: [String]) -> Language {
        for (i, a) in arguments.enumerated() {
            if a == "--lang", i + 1 < arguments.count, let l = Language(code: arguments[i + 1]) { return l }
            if a.hasPrefix("--lang="), let l = Language(code: String(a.dropFirst(7))) { return l }
        }
        return fromEnvironment(environment)
    }
}
