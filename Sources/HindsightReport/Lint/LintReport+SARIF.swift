import HindsightScenario

extension LintReport {
    /// The SARIF 2.1.0 log of `findings`: one run of the tool `hindsight` whose
    /// `driver.rules` lists every rule (id, description, default level), one result per
    /// finding with its rule index, level, message and a physical location (the manifest's
    /// path as given, relative paths staying relative to the repository root for code
    /// scanning, and its start line and column).
    /// - Complexity: O(findings + rules).
    public static func sarif(_ findings: [LintFinding], rules: GuardrailRules) -> String {
        var ids: [String] = []
        var descriptors: [JSONValue] = []
        func add(_ id: String, _ text: String, _ level: LintLevel) {
            guard !ids.contains(id) else { return }
            ids.append(id)
            descriptors.append(.object([
                ("id", .string(id)),
                ("shortDescription", .object([("text", .string(text))])),
                ("defaultConfiguration", .object([("level", .string(level.rawValue))])),
            ]))
        }
        for r in rules.patternRules { add(r.id, r.message, r.level) }
        for r in rules.simulationRules { add(r.id, r.message, r.level) }
        let results: [JSONValue] = sorted(findings).map { f in
            add(f.ruleId, f.message, f.level)
            return .object([
                ("ruleId", .string(f.ruleId)),
                ("ruleIndex", .integer(Int64(ids.firstIndex(of: f.ruleId) ?? 0))),
                ("level", .string(f.level.rawValue)),
                ("message", .object([("text", .string("\(f.message) (\(f.resource))"))])),
                ("locations", .array([.object([
                    ("physicalLocation", .object([
                        ("artifactLocation", .object([("uri", .string(uri(f.location.file)))])),
                        ("region", .object([
                            ("startLine", .integer(Int64(max(f.location.line, 1)))),
                            ("startColumn", .integer(Int64(max(f.location.column, 1)))),
                        ])),
                    ])),
                ])])),
            ])
        }
        return JSONValue.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", .object([
                    ("name", .string("hindsight")),
                    ("rules", .array(descriptors)),
                ]))])),
                ("results", .array(results)),
            ])])),
        ]).rendered()
    }

    /// A path as a URI reference: `./` dropped, spaces and `%` percent-encoded.
    static func uri(_ path: String) -> String {
        var p = path
        while p.hasPrefix("./") { p.removeFirst(2) }
        var out = ""
        for c in p.unicodeScalars {
            switch c {
            case " ": out += "%20"
            case "%": out += "%25"
            case "#": out += "%23"
            case "?": out += "%3F"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
