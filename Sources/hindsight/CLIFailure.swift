import Foundation
import ArgumentParser
import HindsightTrace

/// Maps failures to the exit codes of CLI.md: 1 check failed, 2 bad input, 3 internal error.
enum CLIFailure: Error {
    case checkFailed(String)
    case internalError(String)
}

/// Prints `error` on standard error and returns the exit code it maps to.
func failureExit(for error: any Error) -> ExitCode {
    switch error {
    case let e as any InputError:
        printError(e.description)
        return ExitCode(2)
    case CLIFailure.checkFailed(let message):
        printError(message)
        return ExitCode(1)
    case CLIFailure.internalError(let message):
        printError("internal error (a bug in hindsight, please report it): \(message)")
        return ExitCode(3)
    default:
        printError("internal error (a bug in hindsight, please report it): \(error)")
        return ExitCode(3)
    }
}

/// Writes a line to standard error.
func printError(_ message: String) {
    var stream = StandardError()
    print(message, to: &stream)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}
