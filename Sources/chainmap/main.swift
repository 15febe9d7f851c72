import ChainMapCommands

ChainMapCommand.main()
