/// Colours, shapes and sizes of chain maps. One place so the legend and the drawing agree.
public enum MapStyle {
    /// A font stack that shows Chinese on Linux (Noto CJK), Windows (YaHei) and macOS (PingFang).
    public static let cjkFontStack =
        "Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif"

    /// Fill of a firm with its own organization (branch or general branch).
    public static let ownOrganizationFill = "#f4a6a6"
    /// Fill of a firm in a joint branch or grid organization.
    public static let jointOrganizationFill = "#ffe08a"
    /// Fill of a firm without an organization.
    public static let noOrganizationFill = "#e6e6e6"
    /// Fill of an outside-park firm.
    public static let outsideFill = "#ffffff"
    /// Fill of an organization node.
    public static let organizationFill = "#e8dcf5"
    /// Fill of an aggregated stage or chain node.
    public static let groupFill = "#dbe9f6"

    public static let activeColor = "#4d4d4d"
    public static let outsideSupplyColor = "#1f77b4"
    public static let plannedColor = "#9e9e9e"
    public static let lostColor = "#d62728"
    public static let pairingColor = "#9467bd"
    public static let suggestedColor = "#2ca02c"
    public static let clusterColor = "#8c8c8c"

    static func severityColor(_ severity: Severity) -> String {
        switch severity {
        case .info: "#1f77b4"
        case .warning: "#ff7f0e"
        case .critical: "#b2182b"
        }
    }

    static let minFontSize = 12.0
    static let maxFontSize = 18.0
    static let minWidth = 1.2
    static let maxWidth = 2.4
    static let minPenWidth = 1.0
    static let maxPenWidth = 5.0
}
