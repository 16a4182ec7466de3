import Foundation
import HindsightTrace

extension GuardrailRules {
    /// Reads every rule of the files and folders in `paths` (see ``ManifestFiles``): each
    /// YAML document is a Kyverno `ClusterPolicy`/`Policy` (kyverno.io) whose rules all
    /// have a `validate.pattern`, or a hindsight `SimulationRule`.
    /// - Throws: `InputErrors` with every problem, each at its file:line:col: YAML errors,
    ///   other kinds, rules outside the supported subset (`deny`, `foreach`, `anyPattern`,
    ///   `preconditions`, `context`, variables), bad levels, limits or scenario paths.
    /// - Complexity: O(bytes of the rule files).
    public static func load(paths: [String]) throws -> GuardrailRules {
        var rules = GuardrailRules()
        var errors: [any InputError] = []
        for file in try ManifestFiles.expand(paths) {
            let documents: [YAMLNode]
            do { documents = try YAMLDocument.parse(path: file, display: file) } catch let e as InputErrors {
                errors += e.errors; continue
            }
            let folder = (file as NSString).deletingLastPathComponent
            for doc in documents where !doc.isNull {
                let kind = doc["kind"]?.scalar?.text ?? ""
                let api = doc["apiVersion"]?.scalar?.text ?? ""
                switch (kind, api.hasPrefix("kyverno.io/"), api == "hindsight/v1") {
                case ("ClusterPolicy", true, _), ("Policy", true, _):
                    readKyverno(doc, into: &rules, errors: &errors)
                case ("SimulationRule", _, true):
                    readSimulation(doc, folder: folder, into: &rules, errors: &errors)
                default:
                    errors.append(ScenarioError(doc.location, "a document of kind '\(Excerpt.of(kind))' (apiVersion '\(Excerpt.of(api))') is not a rule",
                                                expected: "kyverno.io/v1 ClusterPolicy or Policy, or hindsight/v1 SimulationRule"))
                }
            }
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        return rules
    }

    /// Kyverno's policy-wide or rule-wide failure action as a level.
    static func level(_ node: YAMLNode?, default fallback: LintLevel, errors: inout [any InputError]) -> LintLevel {
        guard let node else { return fallback }
        switch node.scalar?.text.lowercased() {
        case "enforce": return .error
        case "audit": return .warning
        default:
            errors.append(ScenarioError(node.location, "failure action \(node.found)", expected: "Enforce or Audit"))
            return fallback
        }
    }

    static func readKyverno(_ doc: YAMLNode, into rules: inout GuardrailRules, errors: inout [any InputError]) {
        let policyName = doc["metadata"]?["name"]?.scalar?.text ?? "unnamed"
        guard let spec = doc["spec"], let list = spec["rules"]?.sequence, !list.isEmpty else {
            errors.append(ScenarioError(doc.location, "ClusterPolicy '\(policyName)' has no spec.rules", expected: "at least one rule with validate.pattern"))
            return
        }
        let policyLevel = level(spec["validationFailureAction"], default: .warning, errors: &errors)
        for rule in list {
            let name = rule["name"]?.scalar?.text ?? "unnamed"
            for key in ["preconditions", "context", "mutate", "generate", "verifyImages"] {
                if let n = rule[key] { errors.append(ScenarioError(n.location, "rule '\(name)': '\(key)' is not in hindsight's subset", expected: "a rule with match, exclude and validate.pattern")) }
            }
            guard let validate = rule["validate"], let pattern = validate["pattern"] else {
                let at = rule["validate"]?.location ?? rule.location
                errors.append(ScenarioError(at, "rule '\(name)' has no validate.pattern (deny, anyPattern, foreach, podSecurity and cel are not in hindsight's subset)",
                                            expected: "validate.pattern"))
                continue
            }
            for failure in KyvernoPattern.unsupported(pattern) {
                errors.append(ScenarioError(failure.location, failure.message, expected: "a pattern in the documented subset"))
            }
            let message = validate["message"]?.scalar?.text ?? "validation error: rule \(name) failed"
            if message.contains("{{") {
                errors.append(ScenarioError(validate["message"]?.location, "Kyverno variables ({{ … }}) in a message are not in hindsight's subset", expected: "plain text"))
            }
            rules.patternRules.append(PatternRule(
                id: "\(policyName)/\(name)", message: message,
                level: level(validate["failureAction"], default: policyLevel, errors: &errors),
                match: filter(rule["match"], errors: &errors), exclude: filter(rule["exclude"], errors: &errors),
                pattern: pattern, location: rule.location))
        }
    }

    static func filter(_ node: YAMLNode?, errors: inout [any InputError]) -> ResourceFilter {
        var f = ResourceFilter()
        guard let node else { return f }
        func description(_ block: YAMLNode) -> ResourceFilter.Description {
            var d = ResourceFilter.Description()
            guard let resources = block["resources"] else {
                errors.append(ScenarioError(block.location, "a match entry without resources (subjects, roles and clusterRoles are not in hindsight's subset)", expected: "resources: {kinds: [...]}"))
                return d
            }
            func strings(_ key: String) -> [String] { resources[key]?.sequence?.compactMap { $0.scalar?.text } ?? [] }
            d.kinds = strings("kinds"); d.namespaces = strings("namespaces"); d.names = strings("names")
            if let single = resources["name"]?.scalar?.text { d.names.append(single) }
            return d
        }
        if node["resources"] != nil { f.any = [description(node)] }
        f.any += node["any"]?.sequence?.map(description) ?? []
        f.all = node["all"]?.sequence?.map(description) ?? []
        return f
    }

    static func readSimulation(_ doc: YAMLNode, folder: String, into rules: inout GuardrailRules, errors: inout [any InputError]) {
        let name = doc["metadata"]?["name"]?.scalar?.text ?? "unnamed"
        guard let spec = doc["spec"] else {
            errors.append(ScenarioError(doc.location, "SimulationRule '\(name)' has no spec", expected: "spec: {scenario: FILE, limits: {sloViolationFraction: 0.01}}"))
            return
        }
        guard let scenarioNode = spec["scenario"], let scenario = scenarioNode.scalar?.text, !scenario.isEmpty else {
            errors.append(ScenarioError(spec.location, "SimulationRule '\(name)': spec.scenario is missing", expected: "the path of a scenario file, relative to the rule file"))
            return
        }
        let path = scenario.hasPrefix("/") ? scenario : folder.isEmpty ? scenario : folder + "/" + scenario
        if !FileManager.default.fileExists(atPath: path) {
            errors.append(ScenarioError(scenarioNode.location, "scenario '\(Excerpt.of(scenario))' does not exist", expected: "a scenario file, relative to the rule file"))
        }
        var limits: [(SimulationMetric, Double)] = []
        for pair in spec["limits"]?.mapping ?? [] {
            let key = pair.key.scalar?.text ?? ""
            guard let metric = SimulationMetric(rawValue: key) else {
                errors.append(ScenarioError(pair.key.location, "unknown limit '\(Excerpt.of(key))'", expected: SimulationMetric.allCases.map(\.rawValue).joined(separator: ", ")))
                continue
            }
            guard let text = pair.value.scalar?.text, let value = KyvernoScalarPattern.number(text.hasSuffix("%") ? String(text.dropLast()) : text) else {
                errors.append(ScenarioError(pair.value.location, "limit \(pair.value.found)", expected: "a number (a fraction, or a percentage such as 2%)"))
                continue
            }
            limits.append((metric, pair.value.scalar?.text.hasSuffix("%") == true ? value / 100 : value))
        }
        if limits.isEmpty {
            errors.append(ScenarioError(spec.location, "SimulationRule '\(name)' has no limits", expected: "limits: {sloViolationFraction: 0.01}"))
        }
        var level = LintLevel.error
        if let node = spec["severity"] {
            if let l = node.scalar.flatMap({ LintLevel(rawValue: $0.text) }) { level = l } else {
                errors.append(ScenarioError(node.location, "severity \(node.found)", expected: "error, warning or note"))
            }
        }
        var match = ResourceFilter()
        if let kinds = spec["kinds"]?.sequence {
            var d = ResourceFilter.Description()
            d.kinds = kinds.compactMap { $0.scalar?.text }
            match.any = [d]
        }
        let message = spec["message"]?.scalar?.text ?? "the policy breaks a simulated limit on \((scenario as NSString).lastPathComponent)"
        rules.simulationRules.append(SimulationRule(id: name, message: message, level: level, match: match, scenario: path,
                                                    limits: limits, location: doc.location))
    }
}
