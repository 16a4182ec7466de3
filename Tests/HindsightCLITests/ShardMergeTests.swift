import HindsightTestSupport
import Foundation
import XCTest

/// `sweep --shard I/N` then `merge` writes the same bytes as the unsharded sweep.
final class ShardMergeTests: XCTestCase {
    func testThreeShardsPlusMergeEqualTheWholeSweep() throws {
        let f = try SweepFixture()
        XCTAssertEqual(try f.cli(["sweep", f.scenarioPath, "--out", "whole", "--quiet"]).status, 0)
        // Shards 0 and 2 by index, shard 1 as a Kubernetes Indexed Job pod would run it.
        for i in [0, 2] {
            let r = try f.cli(["sweep", f.scenarioPath, "--shard", "\(i)/3", "--out", "parts", "--jobs", "1"])
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        let auto = try f.cli(["sweep", "sweep.yaml", "--shard", "auto/3", "--out", "parts"], environment: ["JOB_COMPLETION_INDEX": "1"])
        XCTAssertEqual(auto.status, 0, auto.stderr)
        XCTAssertEqual(try f.dir.list("parts").sorted(), ["shard-0-of-3", "shard-1-of-3", "shard-2-of-3"])
        // Shard 1 of 3 holds points 1, 4, 7 of the 8.
        let (_, part1) = try readCSV(f.dir.path("parts/shard-1-of-3/sweep-part.csv"))
        XCTAssertEqual(part1.map(\.[0]), ["1", "4", "7"])
        let merged = try f.cli(["merge", "parts", "--out", "merged"])
        XCTAssertEqual(merged.status, 0, merged.stderr)
        XCTAssertEqual(try RunFixture.contents(of: f.dir.path("merged")), try RunFixture.contents(of: f.dir.path("whole")))
    }

    func testMissingShardChangedScenarioAndBadShardAreExit2() throws {
        let f = try SweepFixture()
        for i in [0, 1] {
            XCTAssertEqual(try f.cli(["sweep", f.scenarioPath, "--shard", "\(i)/3", "--out", "parts", "--quiet"]).status, 0)
        }
        let missing = try f.cli(["merge", "parts", "--out", "m"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("found shards 0, 1 of 3; expected each of 0…2 exactly once"), missing.stderr)
        XCTAssertEqual(try f.cli(["sweep", f.scenarioPath, "--shard", "2/3", "--out", "parts", "--quiet"]).status, 0)
        _ = try f.dir.write("hpa.yaml", SweepFixture.policy.replacingOccurrences(of: "maxReplicas: 20", with: "maxReplicas: 30"))
        let changed = try f.cli(["merge", "parts", "--out", "m"])
        XCTAssertEqual(changed.status, 2)
        XCTAssertTrue(changed.stderr.contains("changed since the shards ran"), changed.stderr)
        let bad = try f.cli(["sweep", f.scenarioPath, "--shard", "3/3"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("expected a whole number from 0 to 2"), bad.stderr)
        let noEnv = try f.cli(["sweep", f.scenarioPath, "--shard", "auto/3"], environment: ["JOB_COMPLETION_INDEX": "x"])
        XCTAssertEqual(noEnv.status, 2)
    }
}

/// The shipped Kubernetes manifest agrees with itself: N completions, `auto/N` shards, a merge waiting for N.
final class SweepJobManifestTests: XCTestCase {
    func testIndexedJobShardsAndMergeAgreeOnN() throws {
        let text = try String(contentsOfFile: CLI.packagePath("deploy/kubernetes/sweep-job.yaml"), encoding: .utf8)
        XCTAssertTrue(text.contains("completionMode: Indexed"))
        let completions = try XCTUnwrap(text.components(separatedBy: "completions: ").dropFirst().first?.prefix { $0.isNumber })
        XCTAssertTrue(text.contains("--shard, auto/\(completions), --out, /results/parts"), text)
        XCTAssertTrue(text.contains("{name: SHARDS, value: \"\(completions)\"}"), text)
        XCTAssertTrue(text.contains("args: [merge, /results/parts, --out, /results/sweep]"), text)
    }
}
