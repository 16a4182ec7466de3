import HindsightTrace
import Foundation

/// The YAML files named on a command line: files as given, folders searched recursively
/// for `*.yaml` and `*.yml` (hidden entries skipped), each folder's files sorted by path.
public enum ManifestFiles {
    /// - Returns: paths in argument order, as written (relative paths stay relative).
    /// - Throws: `InputErrors` naming a path that does not exist.
    /// - Complexity: O(entries under the folders · log).
    public static func expand(_ paths: [String]) throws -> [String] {
        var out: [String] = []
        var errors: [any InputError] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                errors.append(ScenarioError(nil, "'\(path)' does not exist", expected: "a manifest file or a folder of them"))
                continue
            }
            guard isDirectory.boolValue else { out.append(path); continue }
            var found: [String] = []
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            if let walker = fm.enumerator(atPath: path) {
                while let entry = walker.nextObject() as? String {
                    let name = (entry as NSString).lastPathComponent
                    if name.hasPrefix(".") { walker.skipDescendants(); continue }
                    if entry.hasSuffix(".yaml") || entry.hasSuffix(".yml") { found.append(base + "/" + entry) }
                }
            }
            out += found.sorted()
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        return out
    }
}
