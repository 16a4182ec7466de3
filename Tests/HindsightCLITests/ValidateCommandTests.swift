import HindsightTestSupport
import XCTest

/// `hindsight validate FILE…`: `FILE: ok` for good files; every problem with file:line:col
/// and exit 2 otherwise.
final class ValidateCommandTests: XCTestCase {
    func testShippedScenarioAndPoliciesAreOK() throws {
        let policies = CLI.packageRoot.appendingPathComponent("scenarios/policies")
        let files = try FileManager.default.contentsOfDirectory(atPath: policies.path)
            .filter { $0.hasSuffix(".yaml") }.sorted().map { policies.appendingPathComponent($0).path }
        XCTAssertFalse(files.isEmpty)
        let all = [CLI.packagePath("scenarios/demo.yaml")] + files
        let result = try CLI.run(["validate"] + all)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, all.map { "\($0): ok\n" }.joined())
        XCTAssertEqual(result.stderr, "")
    }

    func testNoFileIsBadInput() throws {
        let result = try CLI.run(["validate"])
        XCTAssertEqual(result.status, 2)
        XCTAssertFalse(result.stderr.isEmpty)
    }

    /// Three broken files at once: a scenario with typos and a bad duration, a file indented
    /// with a tab, an HPA with minReplicas > maxReplicas. Every problem is printed, each at
    /// the place computed here from the text written; the good file still gets its `ok`.
    func testEveryProblemOfEveryFileWithItsPlace() throws {
        let dir = try TempDir()
        try dir.write("trace.csv", "timestamp,rps,cpu,replicas\n0,1,0.1,1\n15,1,0.1,1\n")
        let typos = """
            apiVersion: hindsight/v1
            kind: Scenario
            metadata:
              name: typo
            spec:
              trace:
                file: trace.csv
              workload:
                cpuRequest: 500m
                startupDelay: soon
                memoryReqest: 1Gi
              latency:
                modle: mmc
              policies:
                - observed

            """
        let tabs = "apiVersion: hindsight/v1\nkind: Scenario\nmetadata:\n\tname: tabs\nspec:\n  policies:\n    - observed\n"
        let inverted = """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: inverted
            spec:
              scaleTargetRef:
                apiVersion: apps/v1
                kind: Deployment
                name: web
              minReplicas: 10
              maxReplicas: 3
              metrics:
                - type: Resource
                  resource:
                    name: cpu
                    target:
                      type: Utilization
                      averageUtilization: 60

            """
        let good = """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: fine
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              minReplicas: 1
              maxReplicas: 3

            """
        let typosPath = try dir.write("typos.yaml", typos)
        let tabsPath = try dir.write("tabs.yaml", tabs)
        let invertedPath = try dir.write("inverted.yaml", inverted)
        let goodPath = try dir.write("good.yaml", good)

        let result = try CLI.run(["validate", typosPath, tabsPath, goodPath, invertedPath])
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertEqual(result.stdout, "\(goodPath): ok\n")

        func place(_ file: String, _ text: String, _ needle: String) -> String {
            guard let p = position(of: needle, in: text) else { return "\(needle) not in text" }
            return "\(file):\(p.line):\(p.column): "
        }
        let lines = result.stderr.split(separator: "\n").map(String.init)
        func expectLine(prefix: String, containing parts: [String], file: StaticString = #filePath, line: UInt = #line) {
            let hit = lines.contains { l in l.hasPrefix(prefix) && parts.allSatisfy { l.contains($0) } }
            XCTAssertTrue(hit, "no line starting \"\(prefix)\" with \(parts) in:\n\(result.stderr)", file: file, line: line)
        }
        // Unknown fields: at the key, with the closest known name.
        expectLine(prefix: place(typosPath, typos, "memoryReqest"),
                   containing: ["memoryReqest", "did you mean 'memoryRequest'", "; expected"])
        expectLine(prefix: place(typosPath, typos, "modle"), containing: ["modle", "did you mean 'model'"])
        // A value that is not a duration: at the value.
        expectLine(prefix: place(typosPath, typos, "soon"), containing: ["startupDelay", "soon", "expected"])
        // A tab in the indentation: line 4, column 1.
        expectLine(prefix: "\(tabsPath):4:1: ", containing: ["tab"])
        // minReplicas > maxReplicas: at minReplicas' value.
        let minKey = position(of: "minReplicas: 10", in: inverted)
        let minValue = minKey.map { "\(invertedPath):\($0.line):\($0.column + "minReplicas: ".count): " } ?? "?"
        expectLine(prefix: minValue, containing: ["minReplicas", "maxReplicas", "expected"])
        XCTAssertEqual(lines.count, 5, "one line per problem, got:\n\(result.stderr)")
        // Every line is file:line:col: what; expected what.
        for l in lines {
            let fields = l.split(separator: ":", maxSplits: 3)
            XCTAssertEqual(fields.count, 4, l)
            if fields.count == 4 {
                XCTAssertNotNil(Int(fields[1]), l)
                XCTAssertNotNil(Int(fields[2]), l)
            }
            XCTAssertTrue(l.contains("; expected "), l)
        }
    }

    func testMissingTraceFileIsReportedAtItsName() throws {
        let dir = try TempDir()
        let text = """
            apiVersion: hindsight/v1
            kind: Scenario
            metadata:
              name: lost
            spec:
              trace:
                file: nowhere.csv
              workload:
                cpuRequest: 1
              policies:
                - observed

            """
        let path = try dir.write("lost.yaml", text)
        let result = try CLI.run(["validate", path])
        XCTAssertEqual(result.status, 2)
        guard let p = position(of: "nowhere.csv", in: text) else { return XCTFail("fixture") }
        XCTAssertTrue(result.stderr.hasPrefix("\(path):\(p.line):\(p.column): "), result.stderr)
        XCTAssertTrue(result.stderr.contains("nowhere.csv"), result.stderr)
    }

    /// A scenario is checked with the policy files it names: the policy's problem is reported
    /// at its own file and place, and the scenario gets no `ok`.
    func testScenarioReportsProblemsOfItsPolicyFiles() throws {
        let dir = try TempDir()
        try dir.write("trace.csv", "timestamp,rps,cpu,replicas\n0,1,0.1,1\n15,1,0.1,1\n")
        let policy = RunFixture.hpa.replacingOccurrences(of: "averageUtilization: 60", with: "averageUtilization: sixty")
        let policyPath = try dir.write("hpa.yaml", policy)
        let scenarioPath = try dir.write("scenario.yaml", RunFixture.scenario(trace: "file: trace.csv",
                                                                               policies: ["- observed", "- file: hpa.yaml"]))
        let result = try CLI.run(["validate", scenarioPath])
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertEqual(result.stdout, "")
        let p = try XCTUnwrap(position(of: "sixty", in: policy))
        XCTAssertTrue(result.stderr.hasPrefix("\(policyPath):\(p.line):\(p.column): "), result.stderr)
        XCTAssertTrue(result.stderr.contains("averageUtilization"), result.stderr)
    }
}
