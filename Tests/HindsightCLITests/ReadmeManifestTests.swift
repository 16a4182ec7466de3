import HindsightTestSupport
import Foundation
import XCTest

/// The README's "Reading manifests from your repository" example, exactly as written,
/// through the built binary: the Deployment and TriggerAuthentication are skipped with
/// notes, the ScaledObject runs on its composite metric.
final class ReadmeManifestTests: XCTestCase {
    /// The fenced yaml blocks after the `<!-- manifest-example -->` marker, in order.
    static func blocks() throws -> [String] {
        let readme = try String(contentsOfFile: PackageFolders.path("README.md"), encoding: .utf8)
        guard let marker = readme.range(of: "<!-- manifest-example -->") else { throw FixtureError("README lost its manifest-example marker") }
        var rest = readme[marker.upperBound...]
        var out: [String] = []
        while out.count < 2, let open = rest.range(of: "```yaml\n"), let close = rest[open.upperBound...].range(of: "```\n") {
            out.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return out
    }

    func testTheReadmeExampleRuns() throws {
        let blocks = try Self.blocks()
        XCTAssertEqual(blocks.count, 2)
        guard blocks.count == 2 else { return }
        let dir = try TempDir()
        try blocks[0].write(to: dir.url.appendingPathComponent("worker.yaml"), atomically: true, encoding: .utf8)
        try blocks[1].write(to: dir.url.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
        let generated = try CLI.run(["generate", "--pattern", "diurnal", "--days", "0.25", "--step", "15s", "--seed", "3", "--out", "base.csv"], in: dir.url)
        XCTAssertEqual(generated.status, 0, generated.stderr)
        let lines = try String(contentsOf: dir.url.appendingPathComponent("base.csv"), encoding: .utf8).split(separator: "\n")
        // queue depth = rps / 2, so backlog / 10 = rps / 20 is always above rate / 60.
        var out = [lines[0] + ",queue_depth"]
        for line in lines.dropFirst() { out.append("\(line),\((Double(line.split(separator: ",")[1]) ?? 0) / 2)") }
        try (out.joined(separator: "\n") + "\n").write(to: dir.url.appendingPathComponent("trace.csv"), atomically: true, encoding: .utf8)

        let validate = try CLI.run(["validate", "scenario.yaml"], in: dir.url)
        XCTAssertEqual(validate.status, 0, validate.stderr)
        XCTAssertTrue(validate.stderr.contains("note: worker.yaml:1:1: skipped Deployment 'worker'"), validate.stderr)
        XCTAssertTrue(validate.stderr.contains("skipped TriggerAuthentication 'rabbitmq-auth'"), validate.stderr)

        let run = try CLI.run(["run", "scenario.yaml", "--out", "out", "--no-history"], in: dir.url)
        XCTAssertEqual(run.status, 0, run.stderr)
        let decisions = try String(contentsOf: dir.url.appendingPathComponent("out/decisions-worker.csv"), encoding: .utf8)
        XCTAssertTrue(decisions.contains("composite-metric"), decisions)
        // Each HPA decision reads composite-metric V vs 1 per pod: desired = ceil(V) (AverageValue, target 1).
        for line in decisions.split(separator: "\n").dropFirst() where line.contains("composite-metric") {
            let fields = line.split(separator: ",")
            guard let reason = fields.last, let vText = reason.split(separator: " ").dropFirst().first, let v = Double(vText),
                  let to = Int(fields[2]) else { continue }
            if !reason.contains("maxReplicas"), !reason.contains("minReplicas"), reason.contains("stabilized \(to)") {
                XCTAssertEqual(to, Int(v.rounded(.up)), String(line))
            }
        }
    }

    /// A formula naming no trigger is refused at its file:line:col; a bad character too.
    func testFormulaErrorsAreRefusedWithTheirPlace() throws {
        let dir = try TempDir()
        let bad = """
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata: {name: w}
            spec:
              scaleTargetRef: {name: w}
              advanced:
                scalingModifiers:
                  formula: "queue / 2 + missing"
                  target: "1"
              triggers:
                - type: kafka
                  name: queue
                  metadata: {topic: t, lagThreshold: "5"}

            """
        try bad.write(to: dir.url.appendingPathComponent("so.yaml"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["validate", "so.yaml"], in: dir.url)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("so.yaml:8:16: spec.advanced.scalingModifiers.formula: character 13: 'missing' is not the name of a trigger"), result.stderr)
    }
}
