/// The catalog's tables, one per area and language. A new area adds its two files under
/// `Catalog/zh` and `Catalog/en` and one entry in each list below.
extension Catalog {
    static func tables(_ language: Language) -> [[String: String]] {
        switch language {
        case .zh:
            [
                zhCommon, zhTerms, zhInfo, zhNetwork, zhValidate, zhGaps, zhOrgs, zhMatch, zhWhatIf, zhCLI, zhProblems,
                zhFirms, zhMap, zhNeeds, zhGapBenchmark, zhMeasure, zhInput, zhReport, zhDiff, zhTrend,
            ]
        case .en:
            [
                enCommon, enTerms, enInfo, enNetwork, enValidate, enGaps, enOrgs, enMatch, enWhatIf, enCLI, enProblems,
                enFirms, enMap, enNeeds, enGapBenchmark, enMeasure, enInput, enReport, enDiff, enTrend,
            ]
        }
    }
}
