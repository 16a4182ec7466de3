/// A problem with what the user gave us (a file, a flag, a value): exit code 2.
///
/// `description` is the full message, starting with `file:line:col:` where a place is
/// known, saying what was found and what would be accepted.
public protocol InputError: Error, CustomStringConvertible {}

/// A list of input errors reported together (e.g. every problem `validate` found).
public struct InputErrors: InputError {
    public var errors: [any InputError]
    public init(_ errors: [any InputError]) { self.errors = errors }
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

/// A simple input error carrying its whole message.
public struct InputMessage: InputError {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
