// ChainAnalysis: where the domain meets the algorithms (gaps, what-if, matchmaking,
// organization coverage). Every finding carries its evidence. Clients import ChainModel
// themselves for the park (this module no longer re-exports it).
