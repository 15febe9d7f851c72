// ChainAnalysis: where the domain meets the algorithms (gaps, what-if, matchmaking,
// organization coverage). Every finding carries its evidence.
@_exported import ChainModel
