import Foundation
import HindsightTrace

/// `spec.policies` entries.
extension ScenarioConversion {
    static let entryKinds = ["static", "file", "exec", "replay"]

    func policies(_ located: Located<[YAMLRaw]>?, specLocation: SourceLocation) -> [PolicySpec] {
        guard let located, !located.value.isEmpty else {
            context.record(at: located?.location ?? specLocation, "no policies", expected: "spec.policies: a list with at least one policy (observed, static, file, exec, replay)")
            return []
        }
        var result: [PolicySpec] = []
        for (i, raw) in located.value.enumerated() {
            result += entry(raw.node, path: "spec.policies[\(i)]")
        }
        var seen: [String: SourceLocation?] = [:]
        for p in result {
            if let first = seen[p.name] {
                let at = first.map { " (first at \($0))" } ?? ""
                context.record(at: p.location, "a second policy named '\(p.name)'\(at)", expected: "distinct policy names (they name the output files)")
            } else {
                seen[p.name] = p.location
            }
        }
        return result
    }

    private func entry(_ node: YAMLNode, path: String) -> [PolicySpec] {
        let expected = "observed, or a mapping with one of: static: {replicas: N}, file: PATH, exec: {command: […]}, replay: {file: PATH}"
        if let scalar = node.scalar, !node.isNull {
            guard scalar.text == "observed" else {
                var message = "found '\(Excerpt.of(scalar.text))'"
                if let near = Suggestion.closest(to: scalar.text, among: ["observed"] + Self.entryKinds) { message += " (did you mean '\(near)'?)" }
                context.record(node, path: path, message, expected: expected)
                return []
            }
            return [PolicySpec(name: "observed", kind: .observed, location: node.location)]
        }
        guard let pairs = node.mapping, pairs.count == 1, let key = pairs[0].key.scalar?.text else {
            context.record(node, path: path, expected: expected)
            return []
        }
        let value = pairs[0].value
        let keyLocation = pairs[0].key.location
        switch key {
        case "static":
            guard let dto = try? YAMLDecoder.decodeNode(StaticEntryDTO.self, node: value, context: context, path: "\(path).static") else { return [] }
            guard let r = dto.replicas else {
                context.record(value, path: "\(path).static", "no 'replicas'", expected: "static: {replicas: N}")
                return []
            }
            guard r.value >= 0 else {
                context.record(at: r.location, "\(path).static.replicas: found \(r.value)", expected: "a whole number, 0 or more")
                return []
            }
            return [PolicySpec(name: "static-\(r.value)", kind: .fixed(replicas: r.value), location: keyLocation)]
        case "file":
            guard let text = value.scalar?.text, !value.isNull else {
                context.record(value, path: "\(path).file", expected: "a path to a policy file, or git:REF:PATH")
                return []
            }
            var loaded = policyFile(text, at: value.location)
            // A policy read at a git revision is named `name@REF`, so the same policy from the
            // working copy and from a revision can run side by side (distinct output files).
            if let (ref, _) = GitShow.split(text) {
                for i in loaded.indices { loaded[i].name += "@\(ref)" }
            }
            return loaded
        case "exec":
            return exec(value, path: "\(path).exec", keyLocation: keyLocation)
        case "replay":
            guard let dto = try? YAMLDecoder.decodeNode(ReplayEntryDTO.self, node: value, context: context, path: "\(path).replay") else { return [] }
            guard let file = dto.file else {
                context.record(value, path: "\(path).replay", "no 'file'", expected: "replay: {file: decisions.csv}")
                return []
            }
            let absolute = existingFile(file, field: "\(path).replay.file")
            let stem = ((file.value as NSString).lastPathComponent as NSString).deletingPathExtension
            return [PolicySpec(name: dto.name ?? "replay-\(stem)", kind: .replay(ReplaySpec(file: absolute)), location: keyLocation)]
        default:
            var message = "unknown policy entry '\(key)'"
            if let near = Suggestion.closest(to: key, among: Self.entryKinds) { message += " (did you mean '\(near)'?)" }
            context.record(at: keyLocation, message, expected: expected)
            return []
        }
    }

    private func exec(_ value: YAMLNode, path: String, keyLocation: SourceLocation) -> [PolicySpec] {
        guard let dto = try? YAMLDecoder.decodeNode(ExecEntryDTO.self, node: value, context: context, path: path) else { return [] }
        var command: [String] = []
        if let node = dto.command?.node {
            if let items = node.sequence {
                command = items.compactMap { $0.isNull ? nil : $0.scalar?.text }
                if command.count != items.count {
                    context.record(node, path: "\(path).command", "found a list with items that are not text", expected: "a list of words, e.g. [python3, agent.py]")
                    return []
                }
            } else if let text = node.scalar?.text {
                command = text.split(separator: " ").map(String.init)
            }
        }
        guard !command.isEmpty else {
            context.record(dto.command?.node ?? value, path: "\(path).command", "no command", expected: "command: [program, arguments…]")
            return []
        }
        var spec = ExecSpec(command: command, directory: folder)
        spec.interval = duration(dto.interval, "\(path).interval", allowZero: false) ?? spec.interval
        spec.timeout = duration(dto.timeout, "\(path).timeout", allowZero: false) ?? spec.timeout
        (spec.minReplicas, spec.maxReplicas) = context.replicaBounds(
            min: dto.minReplicas, max: dto.maxReplicas, defaults: (spec.minReplicas, spec.maxReplicas),
            names: ("\(path).minReplicas", "\(path).maxReplicas"), fallback: nil)
        let program = command.count > 1 ? command[command.count - 1] : command[0]
        let stem = ((program as NSString).lastPathComponent as NSString).deletingPathExtension
        return [PolicySpec(name: dto.name ?? "exec-\(stem)", kind: .exec(spec), location: keyLocation)]
    }

    /// Every policy document of a file (`PATH` relative to the scenario, or `git:REF:PATH`).
    /// - Parameter shownAs: the file's name in messages; default: joined to the scenario's folder as written.
    func policyFile(_ text: String, at location: SourceLocation?, display shownAs: String? = nil) -> [PolicySpec] {
        if text.hasPrefix("git:") {
            guard let (ref, path) = GitShow.split(text) else {
                context.record(at: location, "'\(Excerpt.of(text))' is not of the form git:REF:PATH", expected: "git:REF:PATH, e.g. git:main:policies/hpa.yaml")
                return []
            }
            switch GitShow.read(ref: ref, path: path, in: folder) {
            case .success(let bytes):
                return PolicyLoader.load(bytes: bytes, display: text, namedAt: location, context: context)
            case .failure(let failure):
                context.record(at: location, "git show \(ref):\(path) failed: \(failure.message)",
                               expected: "a revision and a path (from the repository root) that exist in the scenario's git repository")
                return []
            }
        }
        let absolute = FileReading.resolve(text, against: folder)
        let shown = shownAs ?? FileReading.displayPath(text, relativeTo: display)
        do {
            let bytes = try FileReading.read(path: absolute, display: shown, at: location)
            return PolicyLoader.load(bytes: bytes, display: shown, namedAt: location, context: context)
        } catch let e as InputErrors {
            context.errors += e.errors.compactMap { $0 as? ScenarioError }
            return []
        } catch {
            context.record(at: location, "cannot read '\(shown)': \(error)", expected: "a readable policy file")
            return []
        }
    }
}
