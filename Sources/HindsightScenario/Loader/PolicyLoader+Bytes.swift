import HindsightTrace

extension PolicyLoader {
    /// The bytes and the repository path of a `git:REF:PATH` reference (`git show REF:PATH`
    /// run in `folder`), for tools that read the file itself (`check --rules` lints it).
    /// - Throws: `InputMessage` when the reference is malformed or git cannot show it.
    public static func gitBytes(reference: String, in folder: String) throws -> (path: String, bytes: [UInt8]) {
        guard let (ref, path) = GitShow.split(reference) else {
            throw InputMessage("'\(Excerpt.of(reference))' is not of the form git:REF:PATH; expected e.g. git:main:policies/hpa.yaml")
        }
        switch GitShow.read(ref: ref, path: path, in: folder) {
        case .success(let bytes): return (path, bytes)
        case .failure(let failure): throw InputMessage("\(reference): git show failed (\(Excerpt.of(failure.message))); expected a revision and a path git knows")
        }
    }
}
