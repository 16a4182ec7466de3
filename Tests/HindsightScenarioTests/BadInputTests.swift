import HindsightTestSupport
import XCTest
import HindsightTrace
@testable import HindsightScenario

/// One test per class of malformed input: each names the line and column expected,
/// counted by hand from the text written.
final class BadInputTests: XCTestCase {
    private var folder: TempDir!
    override func setUpWithError() throws { folder = try TempDir() }
    override func tearDown() { folder = nil }

    /// The problems `validate` reports for `text` written to `name` (relative display paths).
    private func problems(_ text: String, name: String = "bad.yaml") throws -> [String] {
        try folder.write(name, text)
        let previous = FileManager.default.currentDirectoryPath
        _ = FileManager.default.changeCurrentDirectoryPath(folder.path)
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        return ScenarioLoader.validate(path: name).map(\.description)
    }

    private let hpaHead = """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: web
        spec:
          scaleTargetRef: {kind: Deployment, name: web}

        """

    func testYAMLSyntax() throws {
        assertOneProblem(try problems(hpaHead + "  maxReplicas: [3\n"), "bad.yaml:8:1: YAML syntax error")
    }

    func testTabIndentation() throws {
        assertOneProblem(try problems(hpaHead + "\tmaxReplicas: 3\n"), "bad.yaml:7:1: a tab character in the indentation")
    }

    func testUnknownField() throws {
        assertOneProblem(try problems(hpaHead + "  maxReplicas: 3\n  minReplica: 1\n"),
                         "bad.yaml:8:3: unknown field 'minReplica' (did you mean 'minReplicas'?)")
    }

    func testWrongType() throws {
        assertOneProblem(try problems(hpaHead + "  maxReplicas: {a: 1}\n"),
                         "bad.yaml:7:16: spec.maxReplicas: found a mapping; expected a whole number")
    }

    func testBadQuantity() throws {
        let text = hpaHead + """
              maxReplicas: 3
              metrics:
                - type: Resource
                  resource: {name: memory, target: {type: AverageValue, averageValue: 12XB}}

            """
        assertOneProblem(try problems(text), "bad.yaml:10:75: spec.metrics[0].resource.target.averageValue: found '12XB'",
                         "expected a Kubernetes quantity")
    }

    func testNaN() throws {
        try folder.write("trace.csv", "timestamp,rps\n0,1\n")
        let text = scenario(workload: "  workload:\n    cpuRequest: 500m\n    podCapacity: .nan\n")
        assertOneProblem(try problems(text), "bad.yaml:10:18: spec.workload.podCapacity: found '.nan'", "a finite number")
    }

    func testIntegerBeyondInt32() throws {
        assertOneProblem(try problems(hpaHead + "  maxReplicas: 2147483648\n"),
                         "bad.yaml:7:16: spec.maxReplicas: found 2147483648, out of range; expected a whole number from -2147483648 to 2147483647")
    }

    func testDuplicateKey() throws {
        assertOneProblem(try problems(hpaHead + "  maxReplicas: 3\n  maxReplicas: 4\n"),
                         "bad.yaml:8:3: duplicate key 'maxReplicas' (first at line 7, column 3)")
    }

    func testDuplicateKeyDoesNotHideOtherProblems() throws {
        let found = try problems(hpaHead + "  maxReplicas: 3\n  maxReplicas: 4\n  minReplicas: 7\n")
        XCTAssertEqual(found.count, 2, "\(found)")
        XCTAssertTrue(found[0].hasPrefix("bad.yaml:8:3: duplicate key 'maxReplicas'"), "\(found)")
        XCTAssertTrue(found[1].hasPrefix("bad.yaml:9:16: spec.minReplicas 7 is greater than maxReplicas 3"), "\(found)")
    }

    func testAliasBomb() throws {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...12 { text += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        // Sizes: a0 = 11 nodes, a(i) = 1 + 10·a(i−1): a3 = 11 111. The aliases of a1…a3 stand
        // for 10·(11 + 111 + 1 111) = 12 330 nodes; each *a3 of a4 adds 11 111, and the eighth
        // (12 330 + 88 888 > 100 000) is at line 5, column 10 + 7 × 5 = 45.
        let found = try problems(text)
        assertOneProblem(found, "bad.yaml:5:", "aliases expand this document by more than 100000 nodes")
        XCTAssertTrue(found.first?.hasPrefix("bad.yaml:5:45:") ?? false, "\(found)")
    }

    func testBinaryGarbage() throws {
        let bytes: [UInt8] = [0x6B, 0x3A, 0x20, 0x00, 0x9F, 0x92, 0x96, 0xFF]
        try Data(bytes).write(to: URL(fileURLWithPath: (folder.path as NSString).appendingPathComponent("g.bin")))
        let previous = FileManager.default.currentDirectoryPath
        _ = FileManager.default.changeCurrentDirectoryPath(folder.path)
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        let found = ScenarioLoader.validate(path: "g.bin").map(\.description)
        assertOneProblem(found, "g.bin:1:4: not readable as text")
    }

    func testEmptyFile() throws {
        assertOneProblem(try problems(""), "bad.yaml:1:1: the file is empty")
        assertOneProblem(try problems("# nothing but a comment\n"), "bad.yaml:1:1: the file is empty")
    }

    func testTopLevelList() throws {
        assertOneProblem(try problems("- a\n- b\n"), "bad.yaml:1:1: found a list at the top level")
    }

    func testMissingTraceFile() throws {
        let found = try problems(scenario(file: "nowhere.csv"))
        assertOneProblem(found, "bad.yaml:7:11: spec.trace.file: file 'nowhere.csv' does not exist")
    }

    func testMissingPolicyFile() throws {
        try folder.write("trace.csv", "timestamp,rps\n0,1\n")
        let found = try problems(scenario(policies: "    - file: policies/none.yaml\n"))
        assertOneProblem(found, "bad.yaml:11:13: file 'policies/none.yaml' does not exist")
    }

    /// A file holding only a document of another kind: the document is skipped (issue 13),
    /// and the file, with no policy left, is refused naming what was skipped.
    func testUnsupportedKind() throws {
        assertOneProblem(try problems("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\n"),
                         "bad.yaml:1:1: no policy in the file (skipped: Deployment 'x' (line 1)); expected at least one document of kind HorizontalPodAutoscaler, ScaledObject, AIOptimizationPolicy")
    }

    func testMinAboveMax() throws {
        assertOneProblem(try problems(hpaHead + "  minReplicas: 9\n  maxReplicas: 3\n"),
                         "bad.yaml:7:16: spec.minReplicas 9 is greater than maxReplicas 3")
    }

    func testEveryProblemOfAFileIsReported() throws {
        let found = try problems(hpaHead + "  minReplica: 1\n  maxReplicas: x\n  metrics: [{type: Resorce}]\n")
        XCTAssertEqual(found.count, 3, "\(found)")
        XCTAssertTrue(found[0].hasPrefix("bad.yaml:7:3: unknown field 'minReplica'"), found[0])
        XCTAssertTrue(found[1].hasPrefix("bad.yaml:8:16: spec.maxReplicas: found 'x'"), found[1])
        XCTAssertTrue(found[2].hasPrefix("bad.yaml:9:20: spec.metrics[0].type: found 'Resorce'; expected 'Resource'"), found[2])
    }

    /// A small scenario; lines: 1 apiVersion … 7 `    file: …`, 8 `  workload:`, 9 cpuRequest, then policies.
    private func scenario(file: String = "trace.csv",
                          workload: String = "  workload:\n    cpuRequest: 500m\n",
                          policies: String = "    - observed\n") -> String {
        """
        apiVersion: hindsight/v1
        kind: Scenario
        metadata:
          name: s
        spec:
          trace:
            file: \(file)

        """ + workload + "  policies:\n" + policies
    }
}
