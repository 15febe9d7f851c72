import ChainMapCommands
import Foundation

exit(ChainMapCommand.run(arguments: Array(CommandLine.arguments.dropFirst())))
