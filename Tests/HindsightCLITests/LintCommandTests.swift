import Foundation
import HindsightTestSupport
import XCTest

/// `hindsight lint` and `check --rules` (README "Guardrails"): findings at the line and
/// column of the field at fault, exit codes, and SARIF 2.1.0 that carries every field the
/// schema requires.
final class LintCommandTests: XCTestCase {
    static let badHPA = """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: checkout-api
          namespace: production
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: checkout-api}
          minReplicas: 1
          maxReplicas: 80
          metrics:
            - type: Resource
              resource:
                name: cpu
                target: {type: Utilization, averageUtilization: 95}
          behavior:
            scaleDown:
              stabilizationWindowSeconds: 30

        """

    var rules: String { CLI.packagePath("examples/guardrails") }

    func testFindingsAtTheirFieldsAndExitOne() throws {
        let dir = try TempDir()
        let file = try dir.write("bad-hpa.yaml", Self.badHPA)
        let r = try CLI.run(["lint", file, "--rules", rules, "--format", "json"])
        XCTAssertEqual(r.status, 1, r.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let findings = try XCTUnwrap(object["findings"] as? [[String: Any]])
        func at(_ needle: String, from line: Int = 1) throws -> [Int] {
            let p = try XCTUnwrap(position(of: needle, in: Self.badHPA, fromLine: line), needle)
            return [p.line, p.column]
        }
        let got = Set(findings.map { "\($0["rule"] ?? "") \($0["line"] ?? 0):\($0["column"] ?? 0)" })
        // Values at fault: minReplicas 1, maxReplicas 80, utilization 95, window 30; the
        // simulated rule (SLO violations on the demo) at the document's first line.
        let expected: Set<String> = [
            "hpa-bounds/replica-bounds \(try at("1", from: 8).map(String.init).joined(separator: ":"))",
            "hpa-bounds/replica-bounds \(try at("80").map(String.init).joined(separator: ":"))",
            "hpa-bounds/cpu-target-band \(try at("95").map(String.init).joined(separator: ":"))",
            "hpa-bounds/damped-scale-down \(try at("30", from: 17).map(String.init).joined(separator: ":"))",
            "demo-slo 1:1",
        ]
        XCTAssertEqual(got, expected)
        XCTAssertEqual(object["errors"] as? Int, 5)
        XCTAssertTrue(findings.allSatisfy { $0["file"] as? String == file && $0["resource"] as? String == "HorizontalPodAutoscaler/checkout-api" })
    }

    func testSARIFHasWhatTheSchemaRequires() throws {
        let dir = try TempDir()
        _ = try dir.write("policies/bad-hpa.yaml", Self.badHPA)
        // A relative path, as CI passes it: the SARIF URI stays relative to the repository root.
        let r = try CLI.run(["lint", "policies", "--rules", rules, "--format", "sarif", "--output", "lint.sarif"], in: dir.url)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stdout.contains("policies/bad-hpa.yaml:8:"), r.stdout)
        let data = try Data(contentsOf: dir.url.appendingPathComponent("lint.sarif"))
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let results = try SARIFSchema.validate(log)
        XCTAssertEqual(results.count, 5)
        let uris = Set(results.compactMap { (($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]).flatMap { ($0["artifactLocation"] as? [String: Any])?["uri"] as? String } })
        XCTAssertEqual(uris, ["policies/bad-hpa.yaml"])
    }

    func testAuditRulesWarnAndExcludeHolds() throws {
        let dir = try TempDir()
        let keda = """
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata:
              name: q
              namespace: \("NS")
            spec:
              scaleTargetRef: {name: q}
              maxReplicaCount: 500
              triggers:
                - type: cpu
                  metricType: Utilization
                  metadata: {value: "60"}

            """
        let prod = try dir.write("prod.yaml", keda.replacingOccurrences(of: "NS", with: "shop"))
        let r = try CLI.run(["lint", prod, "--rules", rules])
        XCTAssertEqual(r.status, 0, r.stderr)
        let line = try XCTUnwrap(position(of: "500", in: keda)).line
        XCTAssertTrue(r.stdout.contains("prod.yaml:\(line):"), r.stdout)
        XCTAssertTrue(r.stdout.contains(": warning: "), r.stdout)
        XCTAssertTrue(r.stdout.contains("0 errors, 1 warning"), r.stdout)
        let sandbox = try dir.write("sandbox.yaml", keda.replacingOccurrences(of: "NS", with: "sandbox"))
        let s = try CLI.run(["lint", sandbox, "--rules", rules])
        XCTAssertEqual(s.status, 0)
        XCTAssertTrue(s.stdout.contains("0 errors, 0 warnings"), s.stdout)
    }

    func testRulesOutsideTheSubsetAreBadInput() throws {
        let dir = try TempDir()
        let text = """
            apiVersion: kyverno.io/v1
            kind: ClusterPolicy
            metadata: {name: p}
            spec:
              rules:
                - name: uses-deny
                  match: {any: [{resources: {kinds: [HorizontalPodAutoscaler]}}]}
                  validate:
                    deny:
                      conditions: []

            """
        let rule = try dir.write("rule.yaml", text)
        let policy = try dir.write("hpa.yaml", Self.badHPA)
        let r = try CLI.run(["lint", policy, "--rules", rule])
        XCTAssertEqual(r.status, 2)
        let line = try XCTUnwrap(position(of: "deny:", in: text)).line
        XCTAssertTrue(r.stderr.contains("rule.yaml:\(line):"), r.stderr)
        XCTAssertTrue(r.stderr.contains("validate.pattern"), r.stderr)
        XCTAssertEqual(try CLI.run(["lint", policy]).status, 2)
        XCTAssertEqual(try CLI.run(["lint", dir.path("missing.yaml"), "--rules", rule]).status, 2)
    }

    func testCheckRunsTheLinter() throws {
        let dir = try TempDir()
        let candidate = try dir.write("candidate.yaml", Self.badHPA)
        let out = dir.path("check")
        let r = try CLI.run(["check", CLI.packagePath("scenarios/demo.yaml"), "--baseline", CLI.packagePath("scenarios/policies/hpa.yaml"),
                             "--candidate", candidate, "--rules", rules, "--out", out, "--no-history"])
        XCTAssertEqual(r.status, 1, r.stderr)
        let sarif = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/lint.sarif"))) as? [String: Any])
        XCTAssertEqual(try SARIFSchema.validate(sarif).count, 5)
        let summary = try String(contentsOfFile: out + "/summary.md", encoding: .utf8)
        XCTAssertTrue(summary.contains("### Guardrails"), summary)
        XCTAssertTrue(summary.contains("hpa-bounds/replica-bounds"), summary)
        // The shipped policy passes every example rule.
        let ok = try CLI.run(["check", CLI.packagePath("scenarios/demo.yaml"), "--baseline", CLI.packagePath("scenarios/policies/hpa.yaml"),
                              "--candidate", CLI.packagePath("scenarios/policies/hpa.yaml"), "--rules", rules, "--out", dir.path("ok"), "--no-history"])
        XCTAssertEqual(ok.status, 0, ok.stdout + ok.stderr)
        XCTAssertTrue(ok.stdout.contains("0 errors, 0 warnings"), ok.stdout)
    }

    /// The README's commands, exactly as written, in a copy of the package's scenarios,
    /// examples and demo trace.
    static let readmeCommands = [
        "hindsight lint scenarios/policies --rules examples/guardrails",
        "hindsight lint scenarios/policies --rules examples/guardrails --format sarif --output lint.sarif",
    ]

    func testTheReadmeCommands() throws {
        let readme = try String(contentsOfFile: CLI.packagePath("README.md"), encoding: .utf8)
        let work = try PackageCopy()
        for command in Self.readmeCommands {
            XCTAssertTrue(readme.contains(command), command)
            let r = try work.run(command)
            XCTAssertEqual(r.status, 0, "\(command)\n\(r.stdout)\(r.stderr)")
            XCTAssertTrue(r.stdout.contains("0 errors, 0 warnings"), r.stdout)
        }
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: work.dir.url.appendingPathComponent("lint.sarif"))) as? [String: Any])
        XCTAssertEqual(try SARIFSchema.validate(log).count, 0)
    }
}
