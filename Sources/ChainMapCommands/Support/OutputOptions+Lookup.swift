import ArgumentParser
import ChainAnalysis
import ChainOutput

extension OutputOptions {
    /// Makes the report and writes it; a name the park does not hold (``LookupError``) is
    /// printed in the reader's language with its did-you-mean, and the command fails (exit 1).
    func emit<R: Report>(_ make: () throws -> R) throws {
        let report: R
        do {
            report = try make()
        } catch let error as LookupError {
            Console.err(catalog(error.message) + "\n")
            throw ExitCode.failure
        }
        try emit(report)
    }
}
