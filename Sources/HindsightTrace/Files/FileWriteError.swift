/// A file or folder could not be written (an `--out` path that is not writable, a full
/// disk, …). An input error: the user chose the place (exit code 2).
public struct FileWriteError: InputError, Equatable {
    /// The path that failed (or `standard output`).
    public var path: String
    /// What the system said (`strerror` text).
    public var reason: String

    public init(path: String, reason: String) { self.path = path; self.reason = reason }

    /// `<path>: cannot write: <reason>; expected a writable folder with free space`.
    public var description: String {
        "\(path): cannot write: \(reason); expected a writable folder with free space"
    }
}
