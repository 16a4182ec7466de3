/// `spec.agents`: the allowlist of agent commands and the variables passed to agents.
extension ScenarioConversion {
    func agents(_ located: Located<AgentsDTO>?) -> AgentsSpec {
        guard let dto = located?.value else { return AgentsSpec() }
        var spec = AgentsSpec()
        if let node = dto.allow?.node, !node.isNull {
            spec.allow = allowlist(node)
        }
        if let node = dto.env?.node, !node.isNull {
            spec.env = variableNames(node)
        }
        return spec
    }

    /// A list of argument vectors, each a non-empty list of words.
    private func allowlist(_ node: YAMLNode) -> [[String]] {
        let expected = "a list of exact commands, each a list of words, e.g. [[python3, agents/forecast.py, \"80\", \"2\"]]"
        guard let items = node.sequence else {
            context.record(node, path: "spec.agents.allow", expected: expected)
            return []
        }
        var result: [[String]] = []
        for (i, item) in items.enumerated() {
            let words = item.sequence?.compactMap { $0.isNull ? nil : $0.scalar?.text }
            guard let words, let all = item.sequence, words.count == all.count, !words.isEmpty else {
                context.record(item, path: "spec.agents.allow[\(i)]", expected: "a command as a non-empty list of words, e.g. [python3, agents/forecast.py]")
                continue
            }
            result.append(words)
        }
        return result
    }

    /// A list of environment variable names (letters, digits, `_`; not starting with a digit).
    private func variableNames(_ node: YAMLNode) -> [String] {
        guard let items = node.sequence else {
            context.record(node, path: "spec.agents.env", expected: "a list of environment variable names, e.g. [FORECAST_MODEL]")
            return []
        }
        var result: [String] = []
        for (i, item) in items.enumerated() {
            guard !item.isNull, let name = item.scalar?.text, Self.isVariableName(name) else {
                context.record(item, path: "spec.agents.env[\(i)]", expected: "a variable name of letters, digits and _, not starting with a digit")
                continue
            }
            result.append(name)
        }
        return result
    }

    static func isVariableName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
